module github.com/hashswitch/hashswitch

go 1.26

require (
	github.com/hack-pad/safejs v0.1.0
	github.com/syumai/workers v0.32.0
)
