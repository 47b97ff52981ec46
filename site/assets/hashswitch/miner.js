// The bench calculator's miner: a reader's browser mines block 840,000's
// header, live. This module is the controls; the mining itself is an
// engine's: workers.js (Web Workers running Go), and for the comparison
// with the reader's graphics card gpu.js (WebGPU), imported on the click
// that starts it. Each reports progress, problems and the end through
// callbacks.

import { LANG, t } from "./boot.js";
import * as dom from "./dom.js";
import { api, live } from "./wasm.js";
import { SIMD, WorkerMiner, workerModule } from "./workers.js";

// urls are the files of box's workers (box: the .miner element).
const urls = (box) => ({ worker: box.dataset.worker, wasm: box.dataset.workerWasm, simdWasm: box.dataset.workerWasmSimd });

// Miner mines box's header (its data attributes name the header, its
// target and the workers' files) in Web Workers.
class Miner extends WorkerMiner {
  constructor({ box, ...options }) {
    super({ urls: urls(box), header: box.dataset.header, target: box.dataset.target, ...options });
  }
}

const engine = (box, options) => new Miner({ box, ...options });

// mine runs a miner to the end of its range: the hook the browser test and
// a curious reader's console use (hashswitchMine). It resolves to {found,
// nonce, hash, hashes, best, lanes} (lanes: nonces per kernel call, 4 with
// SIMD); options.simd: false runs the build without SIMD.
function mine(box, options) {
  return new Promise((resolve, reject) => {
    engine(box, { workers: 2, ...options, onDone: resolve, onProblem: reject }).start();
  });
}

// enhanceMiner wires the miner's controls in box to the calculator in
// section, whose input (data-miner names it) the measured rate feeds.
export function enhanceMiner(section, box) {
  const input = section.querySelector(dom.form).elements.namedItem(box.dataset.miner);
  const $ = (s) => box.querySelector(s);
  const workers = $(dom.minerWorkers);
  const startButton = $(dom.minerStart);
  const stopButton = $(dom.minerStop);
  const status = $(dom.minerStatus);
  workers.value = String(Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 64)));
  globalThis.hashswitchMine = (options) => mine(box, options);

  let miner = null;
  let lastInput = 0;
  const progress = (m) => {
    const rate = m.rate();
    // The rate in words is Go's; until the page's WebAssembly is live, the bare number.
    $(dom.minerRate).value = live()?.rate(rate, LANG) ?? String(Math.round(rate));
    $(dom.minerTotal).value = m.hashes.toLocaleString(LANG);
    $(dom.minerBest).value = m.best ? m.best.hash : "—";
    $(dom.minerProgress).value = m.tried();
    const now = performance.now();
    if (now - lastInput > 1000 && rate > 0) {
      lastInput = now;
      input.value = String(Math.round(rate));
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  };
  const stop = () => {
    miner?.stop();
    miner = null;
    startButton.disabled = false;
    stopButton.disabled = true;
  };
  startButton.addEventListener("click", () => {
    const n = Number(workers.value);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      status.textContent = t("Workers: a whole number from 1 to 64.");
      workers.setAttribute("aria-invalid", "true");
      return;
    }
    workers.removeAttribute("aria-invalid");
    try {
      miner = engine(box, {
        workers: n,
        onProgress: progress,
        onProblem: (message) => { status.textContent = message; },
        onDone: (r) => {
          status.textContent = r.found ? t("Found a block hash: %s", r.hash) : t("Every nonce tried: no block this time.");
          stop();
        },
      });
      miner.start();
    } catch {
      // A sandboxed embed (no allow-same-origin) may not start workers:
      // say so in plain words, and point to a page that can.
      miner?.stop();
      miner = null;
      status.textContent = t("This browser does not let the miner run inside this frame. Open the calculator in its own tab to mine.");
      startButton.disabled = true;
      return;
    }
    status.textContent = n === 1 ? t("Mining with 1 worker.") : t("Mining with %s workers.", n);
    startButton.disabled = true;
    stopButton.disabled = false;
  });
  stopButton.addEventListener("click", () => {
    stop();
    status.textContent = t("Stopped.");
  });
  // The comparison with the reader's graphics card and an ASIC: gpu.js,
  // loaded on the click that starts it, given what it needs of the page.
  const eras = $(dom.eras);
  eras?.querySelector(dom.erasStart).addEventListener("click", () => {
    import(eras.dataset.gpu).then((gpu) => gpu.compare(box, {
      api, Miner, lang: LANG,
      workers: () => Math.max(1, Math.min(Math.trunc(Number(workers.value)) || 1, 64)),
      module: () => workerModule(SIMD ? urls(box).simdWasm : urls(box).wasm),
    })).catch((err) => { eras.querySelector(dom.erasStatus).textContent = String(err.message || err); });
  });
}
