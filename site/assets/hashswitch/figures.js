// The network figures: the page's numbers are prerendered from the
// figures it was built with; newer ones (or a pinned day's) recompute
// every calculator, and each says where its figures stand.

import { LANG, embed, params, root, shown } from "./boot.js";
import * as dom from "./dom.js";
import { collectWhenIdle, owned, render, show, withDisplay } from "./calculators.js";
import { adopt, started } from "./wasm.js";

const built = () => document.body.dataset.network; // the build's figures, an /api/v1/network answer

// loadNetwork gives the page's Go the newest network figures it can have
// (pinned by ?asof=, else /api/v1/network, which the service worker keeps
// for offline use, else the build's own) and recomputes every calculator
// from them, leaving alone what the reader typed or a preset set.
export async function loadNetwork(go) {
  // A calculator waiting to compute its presets does not wait for the
  // network: it computes at once from the build's figures, and again when
  // newer ones arrive.
  const pending = document.querySelectorAll(`${dom.calc}.${dom.cls.pending}`);
  if (pending.length) {
    const freshness = JSON.parse(go.network(built(), "", LANG));
    if (!freshness.error) for (const section of pending) refresh(go, section, freshness);
    performance.mark("hashswitch-first-number");
  }
  let freshness;
  let from = "";
  let problem = "";
  const asof = params.get("asof");
  if (asof) {
    freshness = JSON.parse(go.pin(asof, LANG));
    from = "pinned";
    problem = freshness.error ?? "";
  } else {
    const answer = await figures();
    from = answer.from;
    if (answer.body) freshness = JSON.parse(go.network(answer.body, from, LANG));
  }
  if (!freshness || freshness.error) freshness = JSON.parse(go.network(built(), from === "offline" ? from : "", LANG));
  if (freshness.error) return;
  for (const section of document.querySelectorAll(dom.calc)) {
    refresh(go, section, freshness);
    if (problem) section.querySelector(dom.error).textContent = problem;
  }
  collectWhenIdle(go);
  performance.mark("hashswitch-network");
  root.dataset.network = problem ? "build" : from || "build";
}

// figures asks /api/v1/network once per page: {body, from}, the body
// empty when there was none. no-cache: revalidate, so that offline the
// service worker answers with the figures it kept, marked as such.
let asked;
function figures() {
  asked ??= (async () => {
    try {
      const res = await fetch("/api/v1/network", { cache: "no-cache", headers: { accept: "application/json" } });
      if (res.ok) {
        const body = await res.text();
        return { body, from: res.headers.get("X-Hashswitch-Offline") ? "offline" : JSON.parse(body).live ? "live" : "" };
      }
    } catch {
      return { body: "", from: navigator.onLine === false ? "offline" : "" };
    }
    return { body: "", from: "" };
  })();
  return asked;
}

// newerFigures says whether /api/v1/network has figures other than the
// ones the page was built with (its numbers are those figures'), so that
// only then does a page compute before a touch.
export async function newerFigures() {
  const { body } = await figures();
  try {
    return Boolean(body) && JSON.parse(body).time !== JSON.parse(built()).time;
  } catch {
    return false;
  }
}

// refresh recomputes a calculator from the page's network figures: only
// the owned inputs go to Go, which fills the others from the figures.
function refresh(go, section, freshness) {
  const q = new URLSearchParams();
  for (const el of section.querySelector(dom.form).elements) {
    if (el.name && owned.has(el)) q.set(el.name, el.value.trim());
  }
  refreshed(section, render(go, section, withDisplay(q).toString()), freshness);
}

// refreshOffThread recomputes every calculator of a page from figures
// newer than its build's in a worker (calcworker.js), which also compiles
// the module, so that the main thread does neither before the reader
// touches the page: a cold start there blocked a phone for over a second
// (BENCH.md, 26 November 2026). If the page's Go has started by the time
// the worker answers, the answer is dropped: that Go brings the same
// figures in (loadNetwork), keeping what the reader typed.
export async function refreshOffThread() {
  const { body, from } = await figures();
  const sections = [...document.querySelectorAll(dom.calc)];
  const worker = new Worker(document.body.dataset.calcWorker);
  const answered = new Promise((resolve) => {
    worker.onmessage = ({ data }) => resolve(data);
    worker.onerror = (e) => resolve({ error: e.message || "the worker failed" });
  });
  const display = withDisplay(new URLSearchParams()).toString();
  worker.postMessage({
    wasm: document.body.dataset.wasm, network: body, from, lang: LANG,
    calcs: sections.map((s) => ({ name: s.dataset.calc, query: display, id: embed ? "" : s.id })),
  });
  const r = await answered;
  worker.terminate();
  if (r.module) adopt(r.module);
  if (r.error) console.error("Hashswitch: the newer figures could not be computed:", r.error);
  if (started() || r.error) return;
  const freshness = JSON.parse(r.freshness);
  if (freshness.error) return;
  // One calculator a task: a chart's new SVG takes a while to lay out.
  for (const [i, section] of sections.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve));
    if (started()) return;
    refreshed(section, JSON.parse(r.results[i]), freshness);
  }
  performance.mark("hashswitch-network");
  root.dataset.network = from || "build";
}

// refreshed shows a calculator's result r, computed from the page's
// network figures, and says which figures they are.
function refreshed(section, r, freshness) {
  const form = section.querySelector(dom.form);
  section.classList.remove(dom.cls.pending);
  const pending = section.querySelector(dom.pending);
  if (pending) pending.hidden = true;
  const values = new URLSearchParams(r.query);
  for (const el of form.elements) {
    if (el.name && !owned.has(el) && values.has(el.name)) el.value = shown(values.get(el.name));
  }
  show(section, r);
  const line = section.querySelector(dom.freshness);
  line.classList.toggle(dom.cls.warn, freshness.warn);
  const time = line.querySelector(dom.freshnessTime);
  time.dateTime = freshness.iso;
  time.textContent = freshness.lines[section.dataset.calc];
  const chartFigures = section.querySelector(dom.chartFigures);
  if (chartFigures) chartFigures.textContent = time.textContent;
  section.querySelector(dom.figuresSource).textContent = freshness.source;
}
