#!/bin/sh
# Installs what `make test` and `make bench` need that a fresh machine lacks:
# Debian's Chromium for the browser tests, Node for the js/wasm tests, and
# the npm dev tools of package-lock.json. Without root it prints the exact
# command instead.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
if [ -n "$missing" ]; then
	cmd="apt-get update && apt-get install -y$missing"
	if [ "$(id -u)" != 0 ]; then
		echo "make test needs$missing: run as root: $cmd" >&2
		exit 1
	fi
	echo "installing$missing: $cmd" >&2
	apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q$missing >/dev/null
fi

# npm dev tools pinned in package-lock.json: workerd for the edge test,
# hash-wasm and @noble/hashes for the SHA-256d benchmark's peers.
if [ ! -x node_modules/@cloudflare/workerd-linux-64/bin/workerd ] || [ ! -d node_modules/hash-wasm ] || [ ! -d node_modules/@noble/hashes ]; then
	echo "installing the npm dev tools: npm ci" >&2
	npm ci --no-audit --no-fund --loglevel=error
fi
