// The calculators: each form computes in Go as the reader types, and its
// results, chart, links and notes come back from Go to be put in place.

import { display, styles } from "go:rules";
import { LANG, embed, later, params, root, shown, t } from "./boot.js";
import * as dom from "./dom.js";
import { postHeight } from "./embedhost.js";
import { api } from "./wasm.js";

// owned holds the inputs a reader typed or a URL preset set: new network
// figures never overwrite them.
export const owned = new WeakSet();

// query writes a calculator's form as URL parameters with the API's names.
function query(form) {
  const q = new URLSearchParams();
  for (const el of form.elements) {
    if (el.name) q.set(el.name, el.value.trim());
  }
  return withDisplay(q).toString();
}

// withDisplay adds an embed's display parameters (go:rules' display:
// dollars or dong, and at which rate) from its URL to a calculator's
// query, unless the reader chose in the form.
export function withDisplay(q) {
  if (embed) for (const k of display) if (params.has(k) && !q.has(k)) q.set(k, params.get(k));
  return q;
}

// render asks Go for a calculator's scenario q: its widget Result, with its
// links (share, embed), as JSON. The links carry the inputs the reader, a
// URL or the page's text set (owned), where they differ from Go's start
// values: the network's figures stay live.
export function render(go, section, q) {
  const given = [...section.querySelector(dom.form).elements].filter((el) => el.name && owned.has(el)).map((el) => el.name);
  return JSON.parse(go.widget(section.dataset.calc, q, LANG, embed ? "" : section.id, given.join(",")));
}

// show puts a rendered calculator (render's result) into section.
export function show(section, r) {
  const form = section.querySelector(dom.form);
  for (const el of section.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of section.querySelectorAll(`${dom.fieldError}, ${dom.understood}`)) el.textContent = "";
  // A number typed with separators, a suffix or a sign: say how it was read.
  for (const u of r.understood || []) {
    const note = form.elements.namedItem(u.name)?.closest(dom.field)?.querySelector(dom.understood);
    if (note) note.textContent = t("Read as %s", u.text);
  }
  const summary = section.querySelector(dom.error);
  section.classList.toggle(dom.cls.hasError, Boolean(r.error));
  // The answer in one sentence, said once per change: the outputs are
  // not live regions, so fifteen of them changing make no noise.
  section.querySelector(dom.headline).textContent = r.answer || "";
  if (r.error) {
    // The error is said once: next to its field when it has one (the label
    // is right there), above the results otherwise.
    const input = r.error.field ? form.elements.namedItem(r.error.field) : null;
    const message = r.shown; // the message as a sentence, written by Go
    if (input) {
      input.closest(dom.more)?.setAttribute("open", "");
      input.setAttribute("aria-invalid", "true");
      input.closest(dom.field).querySelector(dom.fieldError).textContent = message;
      summary.textContent = "";
    } else {
      summary.textContent = message;
    }
    for (const out of section.querySelectorAll(dom.output)) {
      out.value = "—";
      out.dataset.value = "";
    }
    return;
  }
  summary.textContent = "";
  const rate = section.querySelector(dom.rateLine);
  if (rate) rate.textContent = r.rate || "";
  for (const v of r.values) {
    const out = section.querySelector(`${dom.output}[data-key="${CSS.escape(v.key)}"]`);
    if (!out) continue;
    out.value = v.text;
    out.dataset.value = v.raw === null || v.raw === undefined ? "" : String(v.raw);
  }
  const chart = section.querySelector(dom.chart);
  if (chart) {
    // SVG from package chart: escaped, no script, no style; drawn twice,
    // for screens and for phones, and CSS shows the one that fits.
    chart.querySelector(dom.chartWide).innerHTML = r.chart;
    chart.querySelector(dom.chartNarrow).innerHTML = r.chart_narrow;
    section.querySelector(dom.chartTable).innerHTML = r.table;
  }
  followScenario(section, r);
  section.querySelector(dom.share).href = location.pathname + r.share;
  const link = section.querySelector(dom.embedLink);
  link.href = r.embed;
  link.dataset.summary = r.summary;
  section.querySelector(dom.apiLink).href = r.api_url;
}

// The history chart's "The calculator above" point follows the reader's
// scenario: when the page's first hashprice calculator (the one above the
// chart) computes a new hashprice in dollars, the point moves on the
// drawing's scale (package chart wrote it on the point, and where the
// point started, data-c) and its label says the calculator's figure. In
// dong the point keeps the page's figures. (Its classes are the history
// figure's and package chart's, not a template's: not in dom.js.)
function followScenario(section, r) {
  const v = r.values.find((v) => v.key === "hashprice_usd_per_ph_day");
  if (r.rate || !v || section !== document.querySelector('section[data-calc="hashprice"]')) return;
  for (const p of document.querySelectorAll(".history-chart .chart-live")) {
    const d = p.dataset;
    const cy = Math.min(Math.max(+d.c + (v.raw - d.v) * d.k, d.top), d.bottom);
    p.setAttribute("cy", cy);
    const label = p.parentNode.querySelector(".chart-live-label");
    label.setAttribute("transform", `translate(0 ${cy - d.c})`);
    const figure = label.querySelector("tspan:last-child");
    if (figure) figure.textContent = v.text;
  }
}

// addressFor is the address bar after an edit: this calculator's scenario
// (the parameters of its share link), the page's others kept. data-scope
// is what its parameters start with ("hashprice-2."; "" in an embed,
// whose parameters are all its own).
function addressFor(section, r) {
  const all = new URLSearchParams(location.search);
  for (const k of [...all.keys()]) {
    if (k.startsWith(section.dataset.scope)) all.delete(k);
  }
  // Against the page without its query: a share link of the page's own
  // numbers is only a fragment ("#hashprice-2"), which keeps a base's query.
  for (const [k, v] of new URL(r.share, location.origin + location.pathname).searchParams) all.set(k, v);
  return `${location.pathname}?${all}${location.hash}`;
}

// warm computes each calculator of the page once per round, a round in
// idle time every 200 ms, so that the engine has compiled their hot paths
// before the reader's first keystroke: V8 tiers WebAssembly up as it runs,
// compiling in the background, and the first keystrokes after a burst of
// calls still ran into that (16 ms and more; cold, 40). It ends with a
// collection, and says so on <html data-warm>. BENCH.md, 26 November 2026.
const WARM_ROUNDS = 10;
export function warm(go) {
  const sections = [...document.querySelectorAll(dom.calc)];
  let round = 0;
  let next = 0;
  // One calculator at a time, more while the idle period lasts: a cold
  // call can take tens of milliseconds.
  const step = (deadline) => {
    do {
      const section = sections[next++];
      render(go, section, query(section.querySelector(dom.form)));
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
export function collectWhenIdle(go) {
  if (idleAsked) return;
  idleAsked = true;
  const run = () => {
    idleAsked = false;
    go.idle();
  };
  if (globalThis.requestIdleCallback) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

// enhance makes a prerendered calculator live. A page's presets, which its
// prerendered numbers do not show, it computes at once.
export function enhance(section) {
  const name = section.dataset.calc;
  const form = section.querySelector(dom.form);
  let preset = false;
  // Presets: this calculator's parameters in the URL (data-scope + name);
  // for the first calculator of its name, links of the old form too
  // (?calc=NAME&…, bare names).
  const first = document.querySelector(`${dom.calc}[data-calc="${CSS.escape(name)}"]`) === section;
  const old = first && params.get("calc") === name;
  if (embed && display.some((k) => params.has(k))) preset = true; // amounts to show otherwise
  for (const el of form.elements) {
    if (!el.name) continue;
    // What the article's text fixed (the calc fence's presets) stays.
    if (el.dataset.preset !== undefined) owned.add(el);
    const value = params.get(section.dataset.scope + el.name) ?? (old ? params.get(el.name) : null);
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
      section.querySelector(dom.error).textContent =
        t("This browser could not start the calculator's WebAssembly: the numbers shown are the default scenario's.");
      return;
    }
    const r = render(go, section, query(form));
    show(section, r);
    collectWhenIdle(go);
    if (edited && !r.error) {
      try {
        history.replaceState(null, "", addressFor(section, r));
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
  const clock = section.querySelector(dom.clock);
  if (clock) tick(section, clock);
  enhanceShare(section);
  if (preset && !embed) sharedNotice(section);
  if (!preset) return;
  // An embed waits for the reader's first touch. Rendered for this URL's
  // scenario (by the edge, or the dev server: data-scenario) it already
  // shows it; else its numbers are the defaults', so it says they are
  // pending instead of showing them. An article computes its scenario at
  // once, as it always has: the same numbers where Go rendered them.
  if (embed && section.dataset.scenario !== undefined) return;
  if (embed) {
    section.classList.add(dom.cls.pending);
    for (const out of section.querySelectorAll(dom.output)) out.value = "…";
    section.querySelector(dom.headline).textContent = "";
    section.querySelector(dom.pending).hidden = false;
    return;
  }
  update(false);
}

// tick keeps a countdown to the moment in another of the calculator's
// outputs (data-countdown names it), every second, with no WebAssembly:
// plain date arithmetic, in the words of Go's human.Style for the page's
// language (go:rules' styles), so an embed stays a guest until touched.
function tick(section, clock) {
  const { days, passed } = styles[LANG];
  const moment = section.querySelector(`${dom.output}[data-key="${CSS.escape(clock.dataset.countdown)}"]`);
  const two = (n) => String(n).padStart(2, "0");
  const show = () => {
    const eta = Number(moment.dataset.value);
    let left = eta - Math.floor(Date.now() / 1000);
    if (!(eta > 0)) {
      clock.value = "—";
    } else if (left <= 0) {
      clock.value = passed;
    } else {
      const d = Math.floor(left / 86400);
      left %= 86400;
      clock.value = `${shown(d.toLocaleString("en"))} ${days} ${two(Math.floor(left / 3600))}:${two(Math.floor(left % 3600 / 60))}:${two(left % 60)}`;
    }
  };
  show();
  setInterval(show, 1000);
}

// enhanceShare makes a calculator's share link a button: the system's
// share sheet where there is one, else the scenario's address copied, and
// said so in the live region beside it. Without JavaScript it stays a link
// to the scenario.
function enhanceShare(section) {
  const link = section.querySelector(dom.share);
  const status = section.querySelector(dom.shareStatus);
  link.setAttribute("role", "button");
  const share = async () => {
    const url = new URL(link.href, location.href).href;
    status.textContent = "";
    if (navigator.share) {
      try {
        await navigator.share({ title: section.querySelector(dom.title).textContent, url });
        return;
      } catch (e) {
        if (e.name === "AbortError") return; // the reader closed the sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = t("Link copied.");
    } catch {
      status.textContent = t("Copy this link: %s", url);
    }
  };
  link.addEventListener("click", (e) => {
    e.preventDefault();
    share();
  });
  link.addEventListener("keydown", (e) => {
    if (e.key === " ") {
      e.preventDefault();
      share();
    }
  });
}

// sharedNotice says a page was opened with a calculator's scenario in its
// URL. Its link back to the page's own numbers (Go's: the page, scrolled
// to the calculator) keeps the others' parameters.
function sharedNotice(section) {
  const notice = section.querySelector(dom.shared);
  if (!notice) return;
  const rest = new URLSearchParams(location.search);
  const old = rest.get("calc") === section.dataset.calc; // ?calc=NAME&bare=names
  const names = new Set([...section.querySelector(dom.form).elements].map((el) => el.name));
  for (const k of [...rest.keys()]) {
    if (k.startsWith(section.dataset.scope) || old && (k === "calc" || names.has(k))) rest.delete(k);
  }
  const reset = notice.querySelector(dom.reset);
  const back = new URL(reset.href);
  back.search = rest;
  reset.href = back;
  notice.hidden = false;
}
