// The in-browser miner's second act: the reader's processor, then their
// graphics card through WebGPU, on the same header, then both beside an
// ASIC. hashswitch.js imports this module when the reader clicks "Compare
// CPU and GPU", never before, and calls compare(box, page). Every number
// and sentence comes from Go: the miner's WebAssembly, started once more
// on the page, drives WebGPU as globalThis.hashgpu
// (wasm/cmd/internal/webgpu, package gpu's WGSL kernel), and the page's
// Go writes the comparison (hashswitch.eras, package gpu/eras). This file
// times the runs and carries values between them and the page.

let loading; // the page's instance of the miner's WebAssembly

// hashgpu starts the miner's WebAssembly on the page, once, from module
// (a WebAssembly.Module, or a promise of one): WebGPU answers with
// promises, so its Go waits without holding the page. Go's wasm_exec.js
// must have loaded (the page's Go loads it). Resolves to globalThis.hashgpu.
export function hashgpu(module) {
  if (!loading) {
    loading = (async () => {
      const go = new globalThis.Go();
      const ready = new Promise((resolve) => { globalThis.hashgpuReady = resolve; });
      const instance = await WebAssembly.instantiate(await module, go.importObject);
      go.run(instance).then(() => { loading = undefined; });
      await ready;
      return globalThis.hashgpu;
    })();
    loading.catch(() => { loading = undefined; }); // a later click tries again
  }
  return loading;
}

let current = null; // the comparison under way: {stop}

// running says whether a comparison is under way.
export const running = () => current !== null;

// compare measures the processor for the box's data-seconds with the
// page's Miner (the existing workers), then the graphics card as long,
// and shows the three eras. page gives what hashswitch.js has: api (its
// Go), Miner, lang, workers() and module() (the miner's compiled
// WebAssembly). Stop, leaving the page and hiding the tab end it.
export async function compare(box, page) {
  if (current) return;
  const el = box.querySelector(".eras");
  const status = el.querySelector(".eras-status");
  const startButton = el.querySelector(".eras-start");
  const stopButton = el.querySelector(".eras-stop");
  const minerStart = box.querySelector(".miner-start");
  const minerStop = box.querySelector(".miner-stop");
  const seconds = Number(el.dataset.seconds) || 5;
  listen(el);
  if (!minerStop.disabled) minerStop.click(); // one measurement at a time
  const minerWasDisabled = minerStart.disabled;
  let stopped = false;
  let miner = null;
  let gpu = null;
  const settle = () => {
    current = null;
    startButton.disabled = false;
    stopButton.disabled = true;
    minerStart.disabled = minerWasDisabled;
  };
  current = {
    stop() {
      stopped = true;
      miner?.stop();
      gpu?.close(); // the device goes at once, and any dispatch with it
      status.textContent = el.dataset.stopped;
      settle();
    },
  };
  startButton.disabled = true;
  stopButton.disabled = false;
  minerStart.disabled = true;
  el.querySelector(".eras-result").hidden = true;
  try {
    status.textContent = el.dataset.measuringCpu;
    let problem = "";
    miner = new page.Miner({
      box, header: box.dataset.header, target: box.dataset.target, workers: page.workers(),
      onProblem: (message) => { problem = message; },
    });
    const failed = () => (miner.running ? "" : problem); // a worker replaced is no failure
    const cpu = await readings(seconds, () => stopped, () => miner.hashes, () => miner.start(), failed);
    miner.stop();
    if (stopped) return;

    status.textContent = el.dataset.startingGpu;
    gpu = await hashgpu(page.module());
    if (stopped) return;
    const measuring = () => { status.textContent = el.dataset.measuringGpu; };
    const gpuRun = await measureGPU(gpu, box, seconds, () => stopped, measuring);
    gpu.close();
    if (stopped) return;

    const go = await page.api();
    const network = JSON.parse(go.call("/api/v1/network").body);
    const sent = {
      cpu, gpu: gpuRun.readings, reason: gpuRun.failure?.reason ?? "", detail: gpuRun.failure?.detail ?? "",
      software: Boolean(gpuRun.adapter?.fallback), difficulty: network.difficulty, as_of: network.as_of,
    };
    el.dataset.readings = JSON.stringify(sent); // what was measured, for whoever checks the words
    const shown = JSON.parse(go.eras(el.dataset.readings, page.lang));
    if (shown.error) throw new Error(shown.error);
    show(el, shown);
    status.textContent = el.dataset.measured;
    settle();
  } catch (err) {
    if (stopped) return;
    miner?.stop();
    gpu?.close();
    status.textContent = String(err.message || err);
    settle();
  }
}

// readings runs start, then every half second reads how many hashes
// total() says were done, for the given seconds (and three readings at
// least): hashes per second over each half second since the first hash,
// so the workers' start does not count. Resolves early to null when
// stopped() says so, and rejects when failed() says why.
function readings(seconds, stopped, total, start, failed) {
  return new Promise((resolve, reject) => {
    const out = [];
    let last = null;
    let began;
    try {
      start();
    } catch (err) {
      reject(err); // a sandboxed frame may not start workers
      return;
    }
    const timer = setInterval(() => {
      if (stopped() || failed()) {
        clearInterval(timer);
        if (failed()) reject(new Error(failed()));
        else resolve(null);
        return;
      }
      const now = performance.now();
      const hashes = total();
      if (hashes > 0 && !last) began = now;
      if (last) out.push((hashes - last.hashes) / ((now - last.t) / 1000));
      if (hashes > 0) last = { hashes, t: now };
      if (began !== undefined && now - began >= seconds * 1000 && out.length >= 3) {
        clearInterval(timer);
        resolve(out);
      }
    }, 500);
  });
}

// measureGPU opens the GPU, says so (measuring), and hashes on it for
// the given seconds (and three calls at least), each call about a quarter
// of a second: {adapter, readings} in hashes per second, or {failure}
// ({error, reason, detail}) when WebGPU could not or stopped.
async function measureGPU(gpu, box, seconds, stopped, measuring) {
  const adapter = await gpu.open();
  if (adapter.error) return { failure: adapter, readings: [] };
  measuring();
  const out = [];
  let start = 0;
  let count = 65536;
  const began = performance.now();
  while (!stopped() && (performance.now() - began < seconds * 1000 || out.length < 3)) {
    const t0 = performance.now();
    const r = await gpu.search(box.dataset.header, box.dataset.target, start, count);
    const ms = Math.max(performance.now() - t0, 1);
    if (r.error) return { adapter, failure: r, readings: [] };
    out.push(r.hashes / (ms / 1000));
    start = (start + r.hashes) % 2 ** 32;
    count = Math.min(2 ** 31, Math.max(65536, Math.round((r.hashes / ms) * 250)));
  }
  return { adapter, readings: out };
}

// show puts the comparison (package gpu/eras' Shown) into el.
function show(el, shown) {
  el.querySelector(".eras-lines").replaceChildren(...shown.lines.map((line) => {
    const li = document.createElement("li");
    li.textContent = line;
    return li;
  }));
  // SVG from package chart, as the calculators' charts: escaped, no
  // script, no style; drawn for screens and for phones.
  el.querySelector(".eras-chart .chart-wide").innerHTML = shown.chart;
  el.querySelector(".eras-chart .chart-narrow").innerHTML = shown.chart_narrow;
  el.querySelector(".eras-table").innerHTML = shown.table;
  el.querySelector(".eras-source").textContent = shown.source;
  el.querySelector(".eras-result").hidden = false;
}

// listen wires el's Stop, and (once a page) stops a comparison when the
// reader leaves the page or hides the tab: a hidden page must not keep a
// GPU busy.
const wired = new WeakSet();
function listen(el) {
  if (wired.has(el)) return;
  if (!wired.has(document)) {
    wired.add(document);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") current?.stop();
    });
    addEventListener("pagehide", () => current?.stop());
  }
  wired.add(el);
  el.querySelector(".eras-stop").addEventListener("click", () => current?.stop());
}
