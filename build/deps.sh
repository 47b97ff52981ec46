#!/bin/sh
# Installs what `make test` and `make bench` need that a fresh machine lacks:
# Debian's Chromium for the browser tests, and Node for the js/wasm tests.
# Without root it prints the exact command instead.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
[ -z "$missing" ] && exit 0
cmd="apt-get update && apt-get install -y$missing"
if [ "$(id -u)" != 0 ]; then
	echo "make test needs$missing: run as root: $cmd" >&2
	exit 1
fi
echo "installing$missing: $cmd" >&2
apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q$missing >/dev/null
