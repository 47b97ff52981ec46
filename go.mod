module github.com/hashswitch/hashswitch

go 1.26
