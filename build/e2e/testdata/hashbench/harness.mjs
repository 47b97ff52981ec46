// The SHA-256d harness (make bench): each implementation hashes the same
// header, nonce after nonce, in Web Workers for a fixed time, alone and
// then in as many workers as the browser has cores. window.results holds
// {impl: {one, all, workers}} in hashes per second.
const IMPLS = ["go-midstate", "go-naive", "hash-wasm", "noble", "webcrypto"];
const params = new URLSearchParams(location.search);
const header = params.get("header");
const expect = params.get("expect"); // SHA-256d of header with nonce 0, display order
const ms = Number(params.get("ms") || 2000);
const cores = navigator.hardwareConcurrency || 2;

function run(impl, workers) {
  return Promise.all(Array.from({ length: workers }, (_, i) => new Promise((resolve, reject) => {
    const w = new Worker("worker.mjs", { type: "module" });
    w.onmessage = (e) => {
      w.terminate();
      if (e.data.error) reject(new Error(`${impl}: ${e.data.error}`));
      else resolve(e.data);
    };
    w.onerror = (e) => reject(new Error(`${impl}: ${e.message}`));
    w.postMessage({ impl, header, expect, ms, start: i * 2 ** 28 });
  }))).then((rs) => rs.reduce((n, r) => n + r.hashes / (r.ms / 1000), 0));
}

const results = {};
try {
  for (const impl of IMPLS) {
    results[impl] = { one: await run(impl, 1), all: await run(impl, cores), workers: cores };
  }
  window.results = results;
} catch (err) {
  window.results = { error: String(err) };
}
document.getElementById("out").textContent = JSON.stringify(window.results, null, 2);
