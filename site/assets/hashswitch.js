// Hashswitch in the page. It loads the Go WebAssembly once, keeps that one
// instance, and makes every calculator live. Every number comes from Go
// (hashswitch.widget renders a calculator, hashswitch.call answers an API
// URL): this file only moves values between the page and Go.

const root = document.documentElement;
const params = new URLSearchParams(location.search);
const embed = document.body.dataset.embed; // the calculator's name on /embed/NAME/

root.classList.add("js");

// ---------- the WebAssembly

let instance;

// api resolves to globalThis.hashswitch once the WebAssembly has started.
export function api() {
  instance ??= start();
  return instance;
}

async function start() {
  const go = new globalThis.Go();
  const ready = new Promise((resolve) => { globalThis.hashswitchReady = resolve; });
  const source = fetch(document.body.dataset.wasm);
  const { instance: wasm } = await WebAssembly.instantiateStreaming(source, go.importObject);
  go.run(wasm).then(() => { instance = undefined; });
  await ready;
  performance.mark("hashswitch-ready");
  root.dataset.wasm = "ready";
  return globalThis.hashswitch;
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
  return q.toString();
}

function shareURL(name, q) {
  return embed ? `${location.pathname}?${q}` : `${location.pathname}?calc=${encodeURIComponent(name)}&${q}`;
}

// show puts a rendered calculator (package widget's Result) into section.
function show(section, r) {
  for (const el of section.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of section.querySelectorAll(".field-error")) el.textContent = "";
  const summary = section.querySelector(".calc-error");
  section.classList.toggle("has-error", Boolean(r.error));
  if (r.error) {
    const input = r.error.field ? section.querySelector(`[name="${CSS.escape(r.error.field)}"]`) : null;
    let label = "";
    if (input) {
      input.setAttribute("aria-invalid", "true");
      section.querySelector(`#${CSS.escape(input.id)}-error`).textContent = r.error.message;
      label = section.querySelector(`label[for="${CSS.escape(input.id)}"]`).firstChild.textContent.trim() + ": ";
    }
    summary.textContent = label + r.error.message;
    for (const out of section.querySelectorAll("output[data-key]")) {
      out.value = "—";
      out.dataset.value = "";
    }
    return;
  }
  summary.textContent = "";
  for (const v of r.values) {
    const out = section.querySelector(`output[data-key="${CSS.escape(v.key)}"]`);
    if (!out) continue;
    out.value = v.text;
    out.dataset.value = v.raw === null || v.raw === undefined ? "" : String(v.raw);
  }
  const chart = section.querySelector(".chart-box");
  if (chart) {
    chart.innerHTML = r.chart; // SVG from package chart: escaped, no script, no style
    section.querySelector(".chart-table").innerHTML = r.table;
  }
  const name = section.dataset.calc;
  section.querySelector("a.share").href = shareURL(name, r.query);
  section.querySelector("a.embed-link").href = `/embed/${name}/?${r.query}`;
  section.querySelector("a.api-link").href = r.api_url;
}

function enhance(section) {
  const name = section.dataset.calc;
  const form = section.querySelector("form");
  let preset = false;
  if (embed || params.get("calc") === name) {
    for (const el of form.elements) {
      if (el.name && params.has(el.name)) {
        el.value = params.get(el.name);
        preset = true;
      }
    }
  }
  let frame = 0;
  const update = async (edited) => {
    const go = await api();
    const r = JSON.parse(go.widget(name, query(form)));
    show(section, r);
    if (edited && !r.error) {
      try {
        history.replaceState(null, "", shareURL(name, r.query));
      } catch {
        // A sandboxed embed may not touch its history; the share link still works.
      }
    }
    postHeight();
  };
  form.addEventListener("input", () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => update(true));
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    update(true);
  });
  // The page was prerendered with the defaults: recompute only for presets.
  if (preset) update(false);

  const clock = section.querySelector("output.countdown");
  if (clock) {
    const tick = async () => {
      const go = await api();
      const eta = Number(section.querySelector(`output[data-key="${clock.dataset.countdown}"]`).dataset.value);
      clock.value = Number.isFinite(eta) && eta > 0 ? go.countdown(eta, Math.floor(Date.now() / 1000)) : "—";
    };
    tick();
    setInterval(tick, 1000);
  }
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
  sw.register("/sw.js").then((reg) => {
    if (reg.waiting && sw.controller) prompt(reg.waiting);
    track(reg.installing);
    reg.addEventListener("updatefound", () => track(reg.installing));
    // Ask for a new version on every visit, not only when the browser does.
    if (sw.controller) reg.update().catch(() => {});
  }).catch(() => {
    // No service worker (private mode, sandbox): the site still works online.
  });
}

// ---------- start

for (const section of document.querySelectorAll("section.calc[data-calc]")) enhance(section);
const tryForm = document.getElementById("try");
if (tryForm) enhanceTry(tryForm);
registerServiceWorker();

// Start the WebAssembly now: the first answer should not wait for a keystroke.
// An embed tells its parent when it is live.
api().then(() => {
  if (embed && window.parent !== window) window.parent.postMessage({ type: "hashswitch:ready", name: embed }, "*");
}).catch((err) => {
  root.dataset.wasm = "failed";
  console.error("Hashswitch: the WebAssembly did not start:", err);
});
