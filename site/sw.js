// Hashswitch's service worker. The generator fills in VERSION (a hash of
// every asset), PRECACHE (every page and hashed asset of this build),
// MINER (the miner's two builds, of which it keeps the one this browser
// runs) and SIMD_PROBE.
//
// Pages are network-first, so a reader online always gets the newest; the
// cache answers offline. Hashed assets never change, so they are
// cache-first. A new version waits until the page asks it to take over
// (the reload prompt), then deletes the old caches, keeping the old build's
// hashed assets for one more deploy: a page never mixes its HTML with
// another build's WebAssembly, which it names by hash anyway. Pages are
// kept under one key each, whatever their query or spelling, and a page
// never saved falls back, offline, to /offline/. Beyond the build's own
// files the cache keeps at most MAX_EXTRA entries and MAX_EXTRA_BYTES,
// the oldest going first, so no reader's storage grows without bound.
const VERSION = /*{{.Version}}*/;
const PRECACHE = /*{{.Precache}}*/;
const MINER = /*{{.Miner}}*/; // the miner's WebAssembly, {simd, scalar}
const CACHE = "hashswitch-" + VERSION;
const OWN = new Set([...PRECACHE, MINER.simd, MINER.scalar]);

// What the cache keeps beyond the build's own files, and the most one
// answer may weigh to be kept at all.
const MAX_EXTRA = 32;
const MAX_EXTRA_BYTES = 8 << 20;
const MAX_ENTRY_BYTES = 2 << 20;

// SIMD_PROBE is a module that compiles only where WebAssembly has 128-bit
// SIMD (build/gen's SIMDProbe); the page asks the same.
const SIMD_PROBE = new Uint8Array(/*{{.SIMDProbe}}*/);

self.addEventListener("install", (event) => {
  const miner = WebAssembly.validate(SIMD_PROBE) ? MINER.simd : MINER.scalar;
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...PRECACHE, miner])));
});

// The previous build's hashed assets outlive it by one deploy: a tab left
// open on an old page (its miner included) still finds its WebAssembly,
// which an atomic deploy has removed from the server.
const PREVIOUS = "previous-assets";

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((key) => key.startsWith("hashswitch-") && key !== CACHE);
    if (old.length) {
      await caches.delete(PREVIOUS);
      const previous = await caches.open(PREVIOUS);
      for (const key of old) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) {
          if (new URL(request.url).pathname.startsWith("/assets/")) await previous.put(request, await cache.match(request));
        }
        await caches.delete(key);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const path = canonicalPath(url.pathname);
  if (path === null) return; // a malformed escape: the server answers it
  if (path === "/api/v1/network") {
    event.respondWith(networkFigures(request, url));
    return;
  }
  if (path.startsWith("/api/v1/")) return; // the page computes these itself
  if (path.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request, url, path));
  } else {
    event.respondWith(networkFirst(request, url, path));
  }
});

// canonicalPath writes a path one way whatever its spelling: each segment
// percent-decoded, then encoded again as encodeURIComponent does, so
// /%6dining-vs-ai/ and /mining-vs-ai/ are one key (the server answers both
// with the same page); null when an escape is malformed.
function canonicalPath(pathname) {
  try {
    return pathname.split("/").map((segment) => encodeURIComponent(decodeURIComponent(segment))).join("/");
  } catch {
    return null;
  }
}

// pageKey is where a page is kept: its canonical path, without the query
// (which only presets calculators) and without index.html, so /x, /x/ and
// /x/index.html are one entry, and the cache cannot grow with each
// preset a reader tries.
function pageKey(path) {
  if (path.endsWith("/index.html")) return path.slice(0, -"index.html".length);
  if (!path.endsWith("/") && !path.slice(path.lastIndexOf("/") + 1).includes(".")) path += "/";
  return path;
}

// The last network figures outlive a new version of the site: they are
// data, not code, and their date says how old they are.
const FIGURES = "network-figures";

// networkFigures answers /api/v1/network from the network, keeping the
// answer; offline, the kept one, marked so the page can say "Offline".
// Only the unpinned answer is kept: /api/v1/network?asof=... (the /api/
// page links one) is a dated snapshot, older than the page's own figures.
async function networkFigures(request, url) {
  const cache = await caches.open(FIGURES);
  try {
    const response = await fetch(request);
    if (response.ok && url.search === "") {
      const body = await response.clone().text();
      let answer = null;
      try {
        answer = JSON.parse(body);
      } catch {}
      if (answer && answer.pinned === false) {
        await cache.put("/api/v1/network", new Response(body, { status: 200, headers: response.headers }));
      }
    }
    return response;
  } catch (err) {
    const hit = await cache.match("/api/v1/network");
    if (!hit) throw err;
    const headers = new Headers(hit.headers);
    headers.set("X-Hashswitch-Offline", "1");
    return new Response(await hit.text(), { status: 200, headers });
  }
}

// cacheFirst answers a hashed asset, which never changes: its query (the
// miner's worker carries wasm_exec.js's URL in one) names no other file.
async function cacheFirst(request, url, path) {
  const hit = await caches.match(path);
  // A copy, not the cached response itself: a worker's location is its
  // response's URL, and the miner's worker reads its query from there.
  if (hit) return url.search ? new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers }) : hit;
  const response = await fetch(request);
  if (response.ok) keepLater(path, response.clone());
  return response;
}

async function networkFirst(request, url, path) {
  const key = pageKey(path);
  try {
    const response = await fetch(request);
    // A page the edge rendered for its URL's scenario is not the page's
    // copy: offline, the built page computes a scenario on a touch, and
    // says so (calcview.Rendered).
    if (response.ok && !response.redirected && !response.headers.has("X-Hashswitch-Scenario")) keepLater(key, response.clone());
    return response;
  } catch (err) {
    // Offline: the page, or the offline page for one never saved.
    const offline = url.pathname.startsWith("/vi/") ? "/vi/offline/" : "/offline/"; // in the reader's language
    const hit = (await caches.match(key)) ?? (request.mode === "navigate" ? await caches.match(offline) : undefined);
    if (hit) return hit;
    throw err;
  }
}

// keepLater keeps answers one at a time, in the order they came, so two
// never count the extras at once; the page does not wait for it.
let keeping = Promise.resolve();
function keepLater(key, response) {
  keeping = keeping.then(() => keep(key, response)).catch(() => {});
  return keeping;
}

// keep puts an answer in the cache under key. The build's own files are
// replaced in place; anything else is an extra, kept only within
// MAX_EXTRA entries and MAX_EXTRA_BYTES (the oldest extras go first) and
// never heavier than MAX_ENTRY_BYTES. Each extra carries its size.
async function keep(key, response) {
  const cache = await caches.open(CACHE);
  if (OWN.has(key)) {
    await cache.put(key, response);
    return;
  }
  const body = await response.arrayBuffer();
  if (body.byteLength > MAX_ENTRY_BYTES) return;
  const extras = [];
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (!OWN.has(path) && path !== key) extras.push(request);
  }
  const sizes = await Promise.all(extras.map(async (request) => Number((await cache.match(request))?.headers.get("X-Hashswitch-Bytes") ?? 0)));
  let count = extras.length, bytes = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; i < extras.length && (count + 1 > MAX_EXTRA || bytes + body.byteLength > MAX_EXTRA_BYTES); i++) {
    await cache.delete(extras[i]);
    count--;
    bytes -= sizes[i];
  }
  const headers = new Headers(response.headers);
  headers.set("X-Hashswitch-Bytes", String(body.byteLength));
  await cache.put(key, new Response(body, { status: response.status, statusText: response.statusText, headers }));
}
