// Hashswitch in the page. It loads the Go WebAssembly once, keeps that one
// instance, and makes every calculator live. Every number comes from Go
// (hashswitch.widget renders a calculator, hashswitch.call answers an API
// URL): this file only moves values between the page and Go.

const root = document.documentElement;
// The page's language: "vi" on /vi/ pages. URLs and the API write numbers
// one way (85000.5, 85,000.5); a Vietnamese form shows and takes them the
// Vietnamese way (85.000,5), the point and the comma swapped, and Go reads
// them so (hashswitch.widget's third argument).
const LANG = root.lang === "vi" ? "vi" : "en";
const shown = (v) => (LANG === "vi" ? v.replace(/[.,]/g, (c) => (c === "." ? "," : ".")) : v);
// t is a string this file shows, in the page's language: the build puts
// the page's translations in a JSON data block (not a script), and each
// %s takes the next argument.
const STRINGS = JSON.parse(document.getElementById("hashswitch-strings")?.textContent || "{}");
const t = (s, ...args) => args.reduce((out, a) => out.replace("%s", a), STRINGS[s] ?? s);
const params = new URLSearchParams(location.search);
const embed = document.body.dataset.embed; // the calculator's name on /embed/NAME/
// An embed is a guest in a news article: it loads its WebAssembly on the
// reader's first touch (focus, pointer, key, input), never on its own.
const lazy = Boolean(embed);

// /embed/NAME/?lang=vi is /vi/embed/NAME/: a newsroom may ask for the
// language in the URL it already has.
if (embed && LANG === "en" && params.get("lang") === "vi") {
  const rest = new URLSearchParams(params);
  rest.delete("lang");
  location.replace(`/vi/embed/${encodeURIComponent(embed)}/${rest.size ? `?${rest}` : ""}${location.hash}`);
}

root.classList.add("js");

// ---------- the WebAssembly

let instance;

// api resolves to globalThis.hashswitch once the WebAssembly has started.
// The first call starts it, and once it is live the page brings in the
// network figures, warms its calculators and, in an embed, tells its
// parent.
export function api() {
  if (!instance) {
    instance = start();
    instance.then(live, (err) => {
      root.dataset.wasm = "failed";
      console.error("Hashswitch: the WebAssembly did not start:", err);
    });
  }
  return instance;
}

async function live(go) {
  if (document.querySelector("section.calc")) {
    await loadNetwork(go);
    warm(go);
  }
  if (embed && window.parent !== window) window.parent.postMessage({ type: "hashswitch:ready", name: embed }, "*");
}

async function start() {
  performance.mark("hashswitch-start");
  const compiled = pageModule();
  await goRuntime();
  const go = new globalThis.Go();
  const ready = new Promise((resolve) => { globalThis.hashswitchReady = resolve; });
  const wasm = await WebAssembly.instantiate(await compiled, go.importObject);
  performance.mark("hashswitch-instantiated");
  go.run(wasm).then(() => { instance = undefined; });
  await ready;
  performance.mark("hashswitch-ready");
  root.dataset.wasm = "ready";
  return globalThis.hashswitch;
}

// pageModule compiles the page's WebAssembly once, as it downloads, unless
// the worker that refreshes a page from newer figures (refreshOffThread)
// has compiled it already: the page's Go then starts from the worker's
// module, and with it the code the engine compiled as the worker ran.
let compiling;
function pageModule() {
  if (!compiling) {
    compiling = WebAssembly.compileStreaming(fetch(document.body.dataset.wasm));
    compiling.catch(() => { compiling = undefined; }); // a later start tries again
  }
  return compiling;
}

// goRuntime loads Go's wasm_exec.js, which defines Go, as the WebAssembly
// starts (its fetch already under way): a page that is only read, and an
// embed never touched, need neither.
function goRuntime() {
  if (globalThis.Go) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = document.body.dataset.wasmExec;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${script.src} did not load`));
    document.head.append(script);
  });
}

// call answers an API URL in this browser: {status, body, data}.
export async function call(url) {
  const { status, body } = (await api()).call(url);
  return { status, body, data: JSON.parse(body) };
}

// ---------- calculators

// query writes a calculator's form as URL parameters with the API's names.
function query(form) {
  const q = new URLSearchParams();
  for (const el of form.elements) {
    if (el.name) q.set(el.name, el.value.trim());
  }
  return withDisplay(q).toString();
}

// DISPLAY are the page URL's parameters that change how amounts are shown,
// not what is computed: dollars or dong, at the figures' rate or one given
// with its date and source (package widget's dong.go). An embed passes
// them to Go, unless the reader chose in the form (Vietnamese forms offer
// dong); dollars, the default, stay out of links.
const DISPLAY = ["currency", "usd_vnd", "usd_vnd_date", "usd_vnd_source"];
function withDisplay(q) {
  if (embed) for (const k of DISPLAY) if (params.has(k) && !q.has(k)) q.set(k, params.get(k));
  if (q.get("currency") === "USD") q.delete("currency");
  return q;
}

// shareURL links to one calculator's scenario: on a page its parameters
// carry the calculator's id (hashprice-2.price=50000) and the fragment
// scrolls to it, so the link leaves the page's other calculators, and the
// prose about them, as written.
function shareURL(section, q) {
  if (embed) return `${location.pathname}?${q}`;
  return `${location.pathname}?${scope(section.id, q)}#${section.id}`;
}

function scope(id, q) {
  const out = new URLSearchParams();
  for (const [k, v] of new URLSearchParams(q)) out.set(`${id}.${k}`, v);
  return out.toString();
}

// addressFor is the address bar after an edit: this calculator's scenario,
// the others' kept.
function addressFor(section, q) {
  if (embed) return `${location.pathname}?${q}`;
  const all = new URLSearchParams(location.search);
  for (const k of [...all.keys()]) {
    if (k.startsWith(`${section.id}.`)) all.delete(k);
  }
  for (const [k, v] of new URLSearchParams(scope(section.id, q))) all.set(k, v);
  return `${location.pathname}?${all}${location.hash}`;
}

// show puts a rendered calculator (package widget's Result) into section.
function show(section, r) {
  for (const el of section.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of section.querySelectorAll(".field-error, .understood")) el.textContent = "";
  // A number typed with separators, a suffix or a sign: say how it was read.
  for (const u of r.understood || []) {
    const input = section.querySelector(`[name="${CSS.escape(u.name)}"]`);
    const note = input && section.querySelector(`#${CSS.escape(input.id)}-understood`);
    if (note) note.textContent = t("Read as %s", u.text);
  }
  const summary = section.querySelector(".calc-error");
  section.classList.toggle("has-error", Boolean(r.error));
  if (r.error) {
    // The error is said once: next to its field when it has one (the label
    // is right there), above the results otherwise.
    const input = r.error.field ? section.querySelector(`[name="${CSS.escape(r.error.field)}"]`) : null;
    const message = r.error.message.charAt(0).toUpperCase() + r.error.message.slice(1);
    if (input) {
      input.closest("details")?.setAttribute("open", "");
      input.setAttribute("aria-invalid", "true");
      section.querySelector(`#${CSS.escape(input.id)}-error`).textContent = message;
      summary.textContent = "";
    } else {
      summary.textContent = message;
    }
    for (const out of section.querySelectorAll("output[data-key]")) {
      out.value = "—";
      out.dataset.value = "";
    }
    return;
  }
  summary.textContent = "";
  const rate = section.querySelector(".rate-line");
  if (rate) rate.textContent = r.rate || "";
  for (const v of r.values) {
    const out = section.querySelector(`output[data-key="${CSS.escape(v.key)}"]`);
    if (!out) continue;
    const unit = out.nextElementSibling?.classList.contains("unit") ? out.nextElementSibling : null;
    if (unit) {
      unit.dataset.unit ??= unit.textContent; // the prerendered one, in dollars
      unit.textContent = v.unit || unit.dataset.unit;
    }
    out.value = v.text;
    out.dataset.value = v.raw === null || v.raw === undefined ? "" : String(v.raw);
  }
  const chart = section.querySelector(".chart-box");
  if (chart) {
    // SVG from package chart: escaped, no script, no style; drawn twice,
    // for screens and for phones, and CSS shows the one that fits.
    chart.querySelector(".chart-wide").innerHTML = r.chart;
    chart.querySelector(".chart-narrow").innerHTML = r.chart_narrow;
    section.querySelector(".chart-table").innerHTML = r.table;
  }
  const name = section.dataset.calc;
  section.querySelector("a.share").href = shareURL(section, r.query);
  section.querySelector("a.embed-link").href = `${LANG === "vi" ? "/vi" : ""}/embed/${name}/?${r.query}`;
  section.querySelector("a.api-link").href = r.api_url;
}

// later runs f in the page's idle time (where the browser cannot say when
// that is, 50 ms on).
const later = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 50));

// warm computes each calculator of the page once per round, a round in
// idle time every 200 ms, so that the engine has compiled their hot paths
// before the reader's first keystroke: V8 tiers WebAssembly up as it runs,
// compiling in the background, and the first keystrokes after a burst of
// calls still ran into that (16 ms and more; cold, 40). It ends with a
// collection, and says so on <html data-warm>. BENCH.md, 26 November 2026.
const WARM_ROUNDS = 10;
function warm(go) {
  const sections = [...document.querySelectorAll("section.calc[data-calc]")];
  let round = 0;
  let next = 0;
  // One calculator at a time, more while the idle period lasts: a cold
  // call can take tens of milliseconds.
  const step = (deadline) => {
    do {
      const section = sections[next++];
      go.widget(section.dataset.calc, query(section.querySelector("form")), LANG);
    } while (next < sections.length && deadline?.timeRemaining() > 10);
    if (next < sections.length) {
      later(step);
      return;
    }
    next = 0;
    if (++round < WARM_ROUNDS) {
      setTimeout(() => later(step), 200);
      return;
    }
    go.idle();
    root.dataset.warm = "done";
  };
  if (sections.length) later(step);
}

// collectWhenIdle runs Go's garbage collector when the page is idle, so a
// collection does not fall inside a keystroke (the heap may grow 4x
// between them: cmd/app sets GOGC=400).
let idleAsked = false;
function collectWhenIdle(go) {
  if (idleAsked) return;
  idleAsked = true;
  const run = () => {
    idleAsked = false;
    go.idle();
  };
  if (globalThis.requestIdleCallback) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

// owned holds the inputs a reader typed or a URL preset set: new network
// figures never overwrite them.
const owned = new WeakSet();

function enhance(section) {
  const name = section.dataset.calc;
  const form = section.querySelector("form");
  let preset = false;
  // Presets: ID.name=value for this calculator; in an embed, or for the
  // first calculator of its name in links of the old form (?calc=NAME&…),
  // the bare names.
  const first = document.querySelector(`section.calc[data-calc="${CSS.escape(name)}"]`) === section;
  const bare = embed || (first && params.get("calc") === name);
  if (embed && DISPLAY.some((k) => params.has(k))) preset = true; // amounts to show otherwise
  for (const el of form.elements) {
    if (!el.name) continue;
    // What the article's text fixed (the calc fence's presets) stays.
    if (el.dataset.preset !== undefined) owned.add(el);
    const value = params.get(`${section.id}.${el.name}`) ?? (bare ? params.get(el.name) : null);
    if (value !== null) {
      el.value = el.inputMode === "decimal" ? shown(value) : value;
      owned.add(el);
      preset = true;
    }
  }
  let frame = 0;
  const update = async (edited) => {
    let go;
    try {
      go = await api();
    } catch {
      section.querySelector(".calc-error").textContent =
        t("This browser could not start the calculator's WebAssembly: the numbers shown are the default scenario's.");
      return;
    }
    const r = JSON.parse(go.widget(name, query(form), LANG));
    show(section, r);
    collectWhenIdle(go);
    if (edited && !r.error) {
      try {
        history.replaceState(null, "", addressFor(section, r.query));
      } catch {
        // A sandboxed embed may not touch its history; the share link still works.
      }
    }
    postHeight();
  };
  form.addEventListener("input", (e) => {
    owned.add(e.target);
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => update(true));
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    update(true);
  });
  // The page was prerendered with the defaults: recompute only for presets.
  // An embed waits for the reader's first touch: until then its numbers
  // are the defaults', so it says they are pending instead of showing them.
  if (preset && lazy) {
    section.classList.add("pending");
    for (const out of section.querySelectorAll("output[data-key]")) out.value = "…";
    section.querySelector(".calc-pending").hidden = false;
  } else if (preset) {
    update(false);
  }

  const clock = section.querySelector("output.countdown");
  if (clock) {
    const tick = async () => {
      const go = await api();
      const eta = Number(section.querySelector(`output[data-key="${clock.dataset.countdown}"]`).dataset.value);
      clock.value = Number.isFinite(eta) && eta > 0 ? go.countdown(eta, Math.floor(Date.now() / 1000), LANG) : "—";
    };
    tick();
    setInterval(tick, 1000);
  }
}

// ---------- network figures

// loadNetwork gives the page's Go the newest network figures it can have
// (pinned by ?asof=, else /api/v1/network, which the service worker keeps
// for offline use, else the build's own) and recomputes every calculator
// from them, leaving alone what the reader typed or a preset set.
async function loadNetwork(go) {
  // A calculator waiting to compute its presets does not wait for the
  // network: it computes at once from the build's figures, and again when
  // newer ones arrive.
  const pending = document.querySelectorAll("section.calc.pending");
  if (pending.length) {
    const freshness = JSON.parse(go.network(document.body.dataset.network, "", LANG));
    if (!freshness.error) for (const section of pending) refresh(go, section, freshness);
    performance.mark("hashswitch-first-number");
  }
  let answer = "";
  let from = "";
  let problem = "";
  const asof = params.get("asof");
  if (asof) {
    const r = go.call(`/api/v1/network?asof=${encodeURIComponent(asof)}`);
    if (r.status === 200) {
      answer = r.body;
      from = "pinned";
    } else {
      problem = `asof: ${JSON.parse(r.body).error.message}`;
    }
  } else {
    ({ answer, from } = await figures());
  }
  if (!answer) answer = document.body.dataset.network;
  const freshness = JSON.parse(go.network(answer, answer === document.body.dataset.network && from !== "offline" ? "" : from, LANG));
  if (freshness.error) return;
  for (const section of document.querySelectorAll("section.calc[data-calc]")) {
    refresh(go, section, freshness);
    if (problem) section.querySelector(".calc-error").textContent = problem;
  }
  collectWhenIdle(go);
  performance.mark("hashswitch-network");
  root.dataset.network = from || "build";
}

// figures asks /api/v1/network once per page: {answer, from}, the answer
// empty when there was none. no-cache: revalidate, so that offline the
// service worker answers with the figures it kept, marked as such.
let asked;
function figures() {
  asked ??= (async () => {
    try {
      const res = await fetch("/api/v1/network", { cache: "no-cache", headers: { accept: "application/json" } });
      if (res.ok) {
        const answer = await res.text();
        return { answer, from: res.headers.get("X-Hashswitch-Offline") ? "offline" : JSON.parse(answer).live ? "live" : "" };
      }
    } catch {
      return { answer: "", from: navigator.onLine === false ? "offline" : "" };
    }
    return { answer: "", from: "" };
  })();
  return asked;
}

// newerFigures says whether /api/v1/network has figures other than the
// ones the page was built with (its numbers are those figures'), so that
// only then does a page start its WebAssembly before a touch.
async function newerFigures() {
  const { answer } = await figures();
  try {
    return Boolean(answer) && JSON.parse(answer).time !== JSON.parse(document.body.dataset.network).time;
  } catch {
    return false;
  }
}

// refresh recomputes a calculator from the page's network figures: only
// the owned inputs go to Go, which fills the others from the figures.
function refresh(go, section, freshness) {
  const q = new URLSearchParams();
  for (const el of section.querySelector("form").elements) {
    if (el.name && owned.has(el)) q.set(el.name, el.value.trim());
  }
  refreshed(section, JSON.parse(go.widget(section.dataset.calc, withDisplay(q).toString(), LANG)), freshness);
}

// refreshOffThread recomputes every calculator of a page from figures
// newer than its build's in a worker (calcworker.js), which also compiles
// the module, so that the main thread does neither before the reader
// touches the page: a cold start there blocked a phone for over a second
// (BENCH.md, 26 November 2026). If the page's Go has started by the time
// the worker answers, the answer is dropped: that Go brings the same
// figures in (loadNetwork), keeping what the reader typed.
async function refreshOffThread() {
  const { answer, from } = await figures();
  const sections = [...document.querySelectorAll("section.calc[data-calc]")];
  const worker = new Worker(document.body.dataset.calcWorker);
  const answered = new Promise((resolve) => {
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (e) => resolve({ error: e.message || "the worker failed" });
  });
  const display = withDisplay(new URLSearchParams()).toString();
  worker.postMessage({ wasm: document.body.dataset.wasm, network: answer, from, lang: LANG, calcs: sections.map((s) => ({ name: s.dataset.calc, query: display })) });
  const r = await answered;
  worker.terminate();
  if (r.module) compiling ??= Promise.resolve(r.module);
  if (r.error) console.error("Hashswitch: the newer figures could not be computed:", r.error);
  if (instance || r.error) return;
  const freshness = JSON.parse(r.freshness);
  if (freshness.error) return;
  // One calculator a task: a chart's new SVG takes a while to lay out.
  for (const [i, section] of sections.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve));
    if (instance) return;
    refreshed(section, JSON.parse(r.results[i]), freshness);
  }
  performance.mark("hashswitch-network");
  root.dataset.network = from || "build";
}

// refreshed shows a calculator's result r, computed from the page's
// network figures, and says which figures they are.
function refreshed(section, r, freshness) {
  const form = section.querySelector("form");
  section.classList.remove("pending");
  const pending = section.querySelector(".calc-pending");
  if (pending) pending.hidden = true;
  const values = new URLSearchParams(r.query);
  for (const el of form.elements) {
    if (el.name && !owned.has(el) && values.has(el.name)) el.value = shown(values.get(el.name));
  }
  show(section, r);
  const line = section.querySelector(".freshness");
  line.classList.toggle("warn", freshness.warn);
  const time = line.querySelector("time");
  time.dateTime = freshness.iso;
  time.textContent = form.querySelector("[name=height]") ? freshness.height_text : freshness.text;
  section.querySelector(".figures-source").textContent = freshness.source;
}

// ---------- the in-browser miner

const NONCES = 2 ** 32;

// The miner's WebAssembly comes in two builds: four nonces at a time in
// 128-bit SIMD lanes, and one at a time for a browser without SIMD. This
// module compiles only where WebAssembly has SIMD (wasm-feature-detect's
// probe; the service worker asks the same).
const SIMD = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]));

// workerModule compiles the miner's WebAssembly once per page, however many
// workers and miners use it: each worker gets the compiled module in a
// message, so none downloads or compiles its own.
const workerModules = new Map();
function workerModule(url) {
  if (!workerModules.has(url)) {
    const compiled = WebAssembly.compileStreaming(fetch(url));
    compiled.catch(() => workerModules.delete(url)); // a later Start tries again
    workerModules.set(url, compiled);
  }
  return workerModules.get(url);
}

// Miner hashes a header's nonces from start to start+count in Web Workers,
// handing each worker chunks of about 200 ms so the page never waits on
// one, and replacing a worker that breaks.
class Miner {
  constructor({ box, header, target, workers, start = 0, count = NONCES, simd = SIMD, onProgress, onDone, onProblem }) {
    Object.assign(this, { box, header, target, workers, simd, onProgress, onDone, onProblem });
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
    this.module = workerModule(this.simd ? this.box.dataset.workerWasmSimd : this.box.dataset.workerWasm);
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
    const w = new Worker(this.box.dataset.worker);
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

  rate() {
    return this.hashes / ((performance.now() - this.began) / 1000);
  }

  finish(found) {
    const result = { found: Boolean(found), nonce: found?.nonce, hash: found?.hash, hashes: this.hashes, best: this.best, lanes: this.lanes };
    this.stop();
    this.onDone?.(result);
  }
}

// mine runs a Miner to the end of its range: the hook the browser test and
// a curious reader's console use. It resolves to {found, nonce, hash,
// hashes, best, lanes} (lanes: nonces per kernel call, 4 with SIMD);
// options.simd: false runs the build without SIMD.
function mine(box, options) {
  return new Promise((resolve, reject) => {
    const m = new Miner({ box, header: box.dataset.header, target: box.dataset.target, workers: 2, ...options, onDone: resolve, onProblem: reject });
    m.start();
  });
}

function enhanceMiner(section, box) {
  const input = section.querySelector(`[name="${CSS.escape(box.dataset.miner)}"]`);
  const workers = box.querySelector(".miner-workers");
  const startButton = box.querySelector(".miner-start");
  const stopButton = box.querySelector(".miner-stop");
  const status = box.querySelector(".miner-status");
  const out = (cls) => box.querySelector(cls);
  workers.value = String(Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 64)));
  globalThis.hashswitchMine = (options) => mine(box, options);

  let miner = null;
  let lastInput = 0;
  const progress = async (m) => {
    const go = await api();
    const rate = m.rate();
    out(".miner-rate").value = go.rate(rate, LANG);
    out(".miner-total").value = m.hashes.toLocaleString(LANG);
    out(".miner-best").value = m.best ? m.best.hash : "—";
    out(".miner-progress").value = Math.min(1, m.next / NONCES);
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
      miner = new Miner({
        box, header: box.dataset.header, target: box.dataset.target, workers: n,
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
  // loaded on the click that starts it.
  const eras = box.querySelector(".eras");
  eras?.querySelector(".eras-start").addEventListener("click", () => {
    import(eras.dataset.gpu).then((gpu) => gpu.compare(box, {
      api, Miner, lang: LANG,
      workers: () => Math.max(1, Math.min(Math.trunc(Number(workers.value)) || 1, 64)),
      module: () => workerModule(SIMD ? box.dataset.workerWasmSimd : box.dataset.workerWasm),
    })).catch((err) => { eras.querySelector(".eras-status").textContent = String(err.message || err); });
  });
}

// ---------- the embed dialog

// The Embed link opens a dialog with the code for this calculator, its
// current scenario and a theme, ready to copy. Without JavaScript the link
// opens the embed page itself.
const dialog = document.getElementById("embed-dialog");
let embedding = null; // the section whose code the dialog shows

function embedCode() {
  const link = new URL(embedding.querySelector("a.embed-link").href, location.href);
  const theme = dialog.querySelector("input[name=embed-theme]:checked").value;
  if (theme !== "auto") link.searchParams.set("dark", theme);
  const lang = dialog.querySelector("input[name=embed-lang]:checked").value;
  const path = link.pathname.replace(/^\/(vi\/)?embed\//, lang === "vi" ? "/vi/embed/" : "/embed/");
  const src = location.origin + path + link.search;
  const title = lang === "vi" ? embedding.dataset.titleVi : embedding.querySelector(".calc-title").textContent;
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&#34;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return dialog.dataset.code.replace("{origin}", escape(location.origin)).replace("{src}", escape(src)).replace("{title}", escape(title));
}

function showEmbedCode() {
  const code = dialog.querySelector("#embed-code");
  code.value = embedCode();
  dialog.querySelector(".embed-status").textContent = "";
}

if (dialog && !embed) {
  for (const section of document.querySelectorAll("section.calc[data-calc]")) {
    section.querySelector("a.embed-link").addEventListener("click", (e) => {
      e.preventDefault();
      embedding = section;
      showEmbedCode();
      dialog.showModal();
      dialog.querySelector("#embed-code").select();
    });
  }
  for (const radio of dialog.querySelectorAll("input[name=embed-theme], input[name=embed-lang]")) radio.addEventListener("change", showEmbedCode);
  dialog.querySelector(".embed-close").addEventListener("click", () => dialog.close());
  dialog.querySelector(".embed-copy").addEventListener("click", async () => {
    const code = dialog.querySelector("#embed-code");
    const status = dialog.querySelector(".embed-status");
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = t("Copied.");
    } catch {
      code.select();
      status.textContent = t("Selected: press Ctrl+C (⌘C on a Mac) to copy.");
    }
  });
  dialog.addEventListener("close", () => embedding?.querySelector("a.embed-link").focus());
}

// ---------- the API page

function enhanceTry(form) {
  const status = document.getElementById("try-status");
  const result = document.getElementById("try-result");
  const run = async () => {
    try {
      const r = await call(form.elements.url.value.trim());
      status.value = String(r.status);
      result.value = JSON.stringify(r.data, null, 2);
    } catch (err) {
      status.value = "failed";
      result.value = String(err);
    }
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  run();
}

// ---------- embeds: theme and height

if (params.get("dark") === "true") root.dataset.theme = "dark";
if (params.get("dark") === "false") root.dataset.theme = "light";

let lastHeight = 0;

// postHeight tells the parent page how tall the embed is, in the formats
// newsroom tools listen for: AMP's embed-size, Pym.js, Datawrapper, ours.
function postHeight() {
  if (!embed || window.parent === window) return;
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
  window.parent.postMessage({ type: "hashswitch:height", name: embed, height }, "*");
  window.parent.postMessage({ "datawrapper-height": { [embed]: height } }, "*");
  const childId = params.get("childId");
  if (childId) window.parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, "*");
}

if (embed) {
  new ResizeObserver(postHeight).observe(document.body);
  window.addEventListener("load", () => {
    lastHeight = 0;
    postHeight();
  });
  // embed.js may load after the first report: it asks again.
  window.addEventListener("message", (e) => {
    if (e.source === window.parent && e.data?.type === "hashswitch:measure") {
      lastHeight = 0;
      postHeight();
    }
  });
}

// ---------- offline and updates

function registerServiceWorker() {
  // An embed never fills the reader's storage with the whole site: the
  // HTTP cache keeps what it used (hashed assets are immutable).
  if (embed) return;
  let sw;
  try {
    sw = navigator.serviceWorker; // throws in a sandboxed iframe
  } catch {
    return;
  }
  if (!sw) return;
  const banner = document.getElementById("update");
  let updating = false;
  const prompt = (worker) => {
    if (!banner) return;
    banner.hidden = false;
    document.getElementById("update-reload").addEventListener("click", () => {
      updating = true;
      worker.postMessage("skip-waiting");
    }, { once: true });
  };
  sw.addEventListener("controllerchange", () => {
    if (updating) location.reload();
  });
  // A new version may be waiting, installing, or found later.
  const track = (worker) => worker?.addEventListener("statechange", () => {
    if (worker.state === "installed" && sw.controller) prompt(worker);
  });
  // After the page has loaded, so that the precache (the whole site, for
  // offline) does not compete with what the reader is waiting for.
  const register = () => sw.register("/sw.js").then((reg) => {
    if (reg.waiting && sw.controller) prompt(reg.waiting);
    track(reg.installing);
    reg.addEventListener("updatefound", () => track(reg.installing));
    // Ask for a new version on every visit, not only when the browser does.
    if (sw.controller) reg.update().catch(() => {});
  }).catch(() => {
    // No service worker (private mode, sandbox): the site still works online.
  });
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}

// ---------- start

for (const section of document.querySelectorAll("section.calc[data-calc]")) {
  enhance(section);
  const box = section.querySelector("[data-miner]");
  if (box) enhanceMiner(section, box);
}
const tryForm = document.getElementById("try");
if (tryForm) enhanceTry(tryForm);
registerServiceWorker();

// When the WebAssembly starts. Every number on a page is prerendered from
// the figures it was built with, so nothing needs it until the reader
// touches a calculator (focus, pointer, key, input) (its Go would
// otherwise only compute the numbers already shown: BENCH.md, 26 November
// 2026). Newer figures than the build's are computed in idle time by a
// worker, off the main thread (refreshOffThread). An embed, a guest in a
// news article, waits for the touch alone. What a calculator must compute
// at once starts it at once: presets in the URL, a countdown, a pinned
// date, the API's try form.
if (document.querySelector("section.calc, #try")) {
  if (params.has("asof") && !lazy) api();
  const touches = ["pointerdown", "focusin", "keydown", "input", "touchstart"];
  const touch = () => {
    for (const type of touches) document.removeEventListener(type, touch, true);
    api();
  };
  for (const type of touches) document.addEventListener(type, touch, { capture: true, passive: true });
  if (!lazy) {
    newerFigures().then((newer) => {
      if (newer) later(() => instance || refreshOffThread());
    });
  }
}
