// A Hashswitch mining worker. The page starts it as
//
//   new Worker(`${hashworkerJS}?exec=${wasmExecJS}&wasm=${hashworkerWasm}`)
//
// and sends {type: "job", header, target, start, count}. The worker runs
// the Go midstate scanner (wasm/cmd/hashworker) over that nonce range and
// answers {type: "result", ms, found, nonce, best, bestHash, hashes}, or {type: "error", message} when something broke: the page then
// replaces it.
const params = new URLSearchParams(location.search);
importScripts(params.get("exec"));

const ready = new Promise((resolve) => { self.hashworkerReady = resolve; });
const go = new self.Go();
WebAssembly.instantiateStreaming(fetch(params.get("wasm")), go.importObject)
  .then(({ instance }) => go.run(instance))
  .then(() => postMessage({ type: "error", message: "the miner's WebAssembly stopped" }))
  .catch((err) => postMessage({ type: "error", message: String(err) }));

self.onmessage = async (event) => {
  const job = event.data;
  if (!job || job.type !== "job") return;
  await ready;
  const t0 = performance.now();
  let r;
  try {
    r = self.hashworker.search(job.header, job.target, job.start, job.count);
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
