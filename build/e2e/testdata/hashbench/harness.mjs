// The SHA-256d harness (make bench). The Go benchmark drives it round by
// round, so that every implementation runs in every round, interleaved
// with native Go in the test process:
//
//   throughput(impl, workers, ms) -> hashes per second, all workers together
//   readiness(worker, wasm, spawns) -> {compileMs, go: [ms], hashWasm: [ms]}
//
// Each implementation hashes the same header, nonce after nonce; each
// first checks its hash of nonce 0, so a broken setup is an error, not a
// speed.
const params = new URLSearchParams(location.search);
const header = params.get("header");
const expect = params.get("expect"); // SHA-256d of header with nonce 0, display order

window.throughput = (impl, workers, ms) => Promise.all(Array.from({ length: workers }, (_, i) => new Promise((resolve, reject) => {
  const w = new Worker("worker.mjs", { type: "module" });
  w.onmessage = (e) => {
    w.terminate();
    if (e.data.error) reject(new Error(`${impl}: ${e.data.error}`));
    else resolve(e.data);
  };
  w.onerror = (e) => reject(new Error(`${impl}: ${e.message}`));
  w.postMessage({ impl, header, expect, ms, start: i * 2 ** 28 });
}))).then((rs) => rs.reduce((n, r) => n + r.hashes / (r.ms / 1000), 0));

// ready starts a worker and resolves to the milliseconds until it says
// it can hash; send is what to post it first.
function ready(url, options, send) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const w = new Worker(url, options);
    w.onmessage = (e) => {
      if (e.data.type === "error") reject(new Error(e.data.message));
      if (e.data.type !== "ready") return;
      const ms = performance.now() - t0;
      w.terminate();
      resolve(ms);
    };
    w.onerror = (e) => reject(new Error(e.message));
    if (send) w.postMessage(send);
  });
}

// readiness times the site's own miner worker as the page starts it (the
// module compiled once, then posted to each worker) against a worker that
// loads hash-wasm, spawn after spawn, alternating.
window.readiness = async (worker, wasm, spawns) => {
  const t0 = performance.now();
  const module = await WebAssembly.compileStreaming(fetch(wasm));
  const compileMs = performance.now() - t0;
  const go = [];
  const hashWasm = [];
  for (let i = 0; i < spawns; i++) {
    go.push(await ready(worker, {}, { type: "module", module }));
    hashWasm.push(await ready("ready-hashwasm.mjs", { type: "module" }));
  }
  return { compileMs, go, hashWasm };
};

window.harnessReady = true;
