// A Hashswitch mining worker. The build puts Go's wasm_exec.js in front of
// this file, so a worker is one script. The page compiles hashworker.wasm
// once (WebAssembly.compileStreaming) and starts each worker as
//
//   const w = new Worker(hashworkerJS);
//   w.postMessage({ type: "module", module }); // the WebAssembly.Module
//
// so no worker downloads or compiles anything: it instantiates the shared
// module and answers {type: "ready"}. Then it takes {type: "job", header,
// target, start, count}, runs the Go midstate scanner (wasm/cmd/hashworker)
// over that nonce range and answers {type: "result", ms, found, nonce,
// best, bestHash, hashes, lanes}, or {type: "error", message} when something
// broke: the page then replaces it.
let markReady;
const ready = new Promise((resolve) => { markReady = resolve; });
self.hashworkerReady = () => {
  markReady();
  postMessage({ type: "ready" });
};

function start(module) {
  const go = new self.Go();
  WebAssembly.instantiate(module, go.importObject)
    .then((instance) => go.run(instance))
    .then(() => postMessage({ type: "error", message: "the miner's WebAssembly stopped" }))
    .catch((err) => postMessage({ type: "error", message: String(err) }));
}

self.onmessage = async ({ data }) => {
  if (data?.type === "module") {
    start(data.module);
    return;
  }
  if (data?.type !== "job") return;
  await ready;
  const t0 = performance.now();
  let r;
  try {
    r = self.hashworker.search(data.header, data.target, data.start, data.count);
  } catch (err) {
    postMessage({ type: "error", message: String(err) });
    return;
  }
  if (r.error) {
    postMessage({ type: "error", message: r.error });
    return;
  }
  postMessage({ type: "result", ms: performance.now() - t0, ...r });
};
