// Hashswitch's service worker. The generator fills in VERSION (a hash of
// every asset) and PRECACHE (every page and hashed asset of this build).
//
// Pages are network-first, so a reader online always gets the newest; the
// cache answers offline. Hashed assets never change, so they are
// cache-first. A new version waits until the page asks it to take over
// (the reload prompt), then deletes the old caches: a page never mixes its
// HTML with another build's WebAssembly, which it names by hash anyway.
const VERSION = /*{{.Version}}*/;
const PRECACHE = /*{{.Precache}}*/;
const CACHE = "hashswitch-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("hashswitch-") && key !== CACHE) await caches.delete(key);
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
  if (url.pathname === "/api/v1/network") {
    event.respondWith(networkFigures(request));
    return;
  }
  if (url.pathname.startsWith("/api/")) return; // the page computes these itself
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});

// The last network figures outlive a new version of the site: they are
// data, not code, and their date says how old they are.
const FIGURES = "network-figures";

// networkFigures answers /api/v1/network from the network, keeping the
// answer; offline, the kept one, marked so the page can say "Offline".
async function networkFigures(request) {
  const cache = await caches.open(FIGURES);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put("/api/v1/network", response.clone());
    return response;
  } catch (err) {
    const hit = await cache.match("/api/v1/network");
    if (!hit) throw err;
    const headers = new Headers(hit.headers);
    headers.set("X-Hashswitch-Offline", "1");
    return new Response(await hit.text(), { status: 200, headers });
  }
}

async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
    return response;
  } catch (err) {
    // Offline: the page without its query string (the query only presets
    // calculators, which the page reads itself).
    const hit = await caches.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw err;
  }
}
