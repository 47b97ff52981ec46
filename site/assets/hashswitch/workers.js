// Mining in Web Workers: the Go midstate scanner (wasm/cmd/hashworker,
// through hashworker.js) over a header's nonces, one worker per core.

import { simdProbe } from "go:rules";
import { t } from "./boot.js";

export const NONCES = 2 ** 32;

// The miner's WebAssembly comes in two builds: four nonces at a time in
// 128-bit SIMD lanes, and one at a time for a browser without SIMD. The
// probe, a module that compiles only where WebAssembly has SIMD, is Go's
// (the service worker asks the same).
export const SIMD = WebAssembly.validate(new Uint8Array(simdProbe));

// workerModule compiles the miner's WebAssembly once per page, however many
// workers and miners use it: each worker gets the compiled module in a
// message, so none downloads or compiles its own (gpu.js starts the same
// module on the page).
const workerModules = new Map();
export function workerModule(url) {
  if (!workerModules.has(url)) {
    const compiled = WebAssembly.compileStreaming(fetch(url));
    compiled.catch(() => workerModules.delete(url)); // a later Start tries again
    workerModules.set(url, compiled);
  }
  return workerModules.get(url);
}

// WorkerMiner hashes a header's nonces from start to start+count in Web
// Workers, handing each worker chunks of about 200 ms so the page never
// waits on one, and replacing a worker that breaks. urls are the worker
// script's and the two builds' ({worker, wasm, simdWasm}). It reports
// through onProgress(miner), onProblem(message) and onDone(result).
export class WorkerMiner {
  constructor({ urls, header, target, workers, start = 0, count = NONCES, simd = SIMD, onProgress, onDone, onProblem }) {
    Object.assign(this, { urls, header, target, workers, simd, onProgress, onDone, onProblem });
    this.next = start;
    this.end = start + count;
    this.hashes = 0;
    this.best = null;
    this.pool = [];
    this.inflight = new Map(); // worker -> job
    this.running = false;
  }

  start() {
    this.running = true;
    this.began = performance.now();
    this.module = workerModule(this.simd ? this.urls.simdWasm : this.urls.wasm);
    this.module.catch((err) => {
      if (!this.running) return;
      this.stop();
      this.onProblem?.(t("The miner could not load its WebAssembly (%s).", err.message || err));
    });
    for (let i = 0; i < this.workers; i++) this.spawn();
  }

  stop() {
    this.running = false;
    for (const w of this.pool) w.terminate();
    this.pool = [];
    this.inflight.clear();
  }

  // spawn starts a worker and gives it job, or the next chunk.
  spawn(job) {
    const w = new Worker(this.urls.worker);
    this.module.then((module) => w.postMessage({ type: "module", module }), () => {});
    w.chunk = 20000;
    w.onmessage = (e) => this.answer(w, e.data);
    w.onerror = (e) => {
      e.preventDefault();
      this.replace(w, e.message || "the worker failed");
    };
    this.pool.push(w);
    this.give(w, job);
  }

  give(w, job) {
    if (!this.running) return;
    if (!job) {
      if (this.next >= this.end) {
        if (this.inflight.size === 0) this.finish(null);
        return;
      }
      const count = Math.min(w.chunk, this.end - this.next);
      job = { type: "job", header: this.header, target: this.target, start: this.next % NONCES, count };
      this.next += count;
    }
    this.inflight.set(w, job);
    w.postMessage(job);
  }

  answer(w, r) {
    if (!this.running || r.type === "ready") return;
    if (r.type === "error") {
      this.replace(w, r.message);
      return;
    }
    this.inflight.delete(w);
    this.hashes += r.hashes;
    this.lanes = r.lanes;
    if (!this.best || r.bestHash < this.best.hash) this.best = { hash: r.bestHash, nonce: r.best };
    w.chunk = Math.max(1000, Math.min(2_000_000, Math.round(r.hashes / Math.max(r.ms, 1) * 200)));
    this.onProgress?.(this);
    if (r.found) {
      this.finish({ nonce: r.nonce, hash: r.bestHash });
      return;
    }
    this.give(w);
  }

  // replace reports a broken worker, starts another, and gives it the
  // broken one's job.
  replace(w, message) {
    const job = this.inflight.get(w);
    this.inflight.delete(w);
    w.terminate();
    this.pool = this.pool.filter((x) => x !== w);
    if (!this.running) return;
    if (job && (job.tries = (job.tries ?? 0) + 1) >= 3) {
      this.stop();
      this.onProblem?.(t("Mining stopped: the same nonces broke three workers (%s).", message));
      return;
    }
    this.onProblem?.(t("A worker stopped (%s); starting another.", message));
    this.spawn(job);
  }

  // tried is the share of the nonces handed out so far, 0 to 1.
  tried() {
    return Math.min(1, this.next / NONCES);
  }

  rate() {
    return this.hashes / ((performance.now() - this.began) / 1000);
  }

  finish(found) {
    const result = { found: Boolean(found), nonce: found?.nonce, hash: found?.hash, hashes: this.hashes, best: this.best, lanes: this.lanes };
    this.stop();
    this.onDone?.(result);
  }
}
