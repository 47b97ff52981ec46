// The page's WebAssembly: one Go instance for the page's life, started on
// the reader's first touch or when something must be computed now, and
// started again after a failure, by the next call or touch.

import { root } from "./boot.js";

let instance; // the start under way or done: a promise of globalThis.hashswitch
let go; // globalThis.hashswitch, once live
const whenLive = [];

// onLive runs f(go) each time the WebAssembly goes live.
export function onLive(f) {
  whenLive.push(f);
}

// api resolves to globalThis.hashswitch once the WebAssembly has started;
// the first call starts it. A failed start is forgotten, so that the next
// call (or, where the page starts on a touch, the next touch) tries again
// rather than every call failing with the first one's error.
export function api() {
  if (!instance) {
    const starting = start();
    instance = starting;
    starting.then((hashswitch) => {
      go = hashswitch;
      for (const f of whenLive) Promise.resolve().then(() => f(go)).catch((err) => console.error("Hashswitch:", err));
    }, (err) => {
      if (instance === starting) instance = undefined;
      root.dataset.wasm = "failed";
      console.error("Hashswitch: the WebAssembly did not start:", err);
      if (touchStarts) startOnTouch();
    });
  }
  return instance;
}

// started says whether the WebAssembly is starting or live.
export const started = () => Boolean(instance);

// live is globalThis.hashswitch if the WebAssembly is live, else undefined:
// for what may do without it, and must not start it again and again.
export const live = () => (instance ? go : undefined);

// call answers an API URL in this browser: {status, body, data}.
export async function call(url) {
  const { status, body } = (await api()).call(url);
  return { status, body, data: JSON.parse(body) };
}

async function start() {
  performance.mark("hashswitch-start");
  const compiled = pageModule();
  await goRuntime();
  const runtime = new globalThis.Go();
  const ready = new Promise((resolve) => { globalThis.hashswitchReady = resolve; });
  const wasm = await WebAssembly.instantiate(await compiled, runtime.importObject);
  performance.mark("hashswitch-instantiated");
  runtime.run(wasm).then(() => { instance = go = undefined; }); // closed: a later call starts another
  await ready;
  performance.mark("hashswitch-ready");
  root.dataset.wasm = "ready";
  return globalThis.hashswitch;
}

// pageModule compiles the page's WebAssembly once, as it downloads, unless
// the worker that refreshes a page from newer figures has compiled it
// already (adopt): the page's Go then starts from the worker's module,
// and with it the code the engine compiled as the worker ran.
let compiling;
function pageModule() {
  if (!compiling) {
    compiling = WebAssembly.compileStreaming(fetch(document.body.dataset.wasm));
    compiling.catch(() => { compiling = undefined; }); // a later start downloads it again
  }
  return compiling;
}

// adopt takes a module compiled elsewhere (the calculators' worker) as the
// page's, unless the page has one.
export function adopt(module) {
  compiling ??= Promise.resolve(module);
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
    script.onerror = () => {
      script.remove();
      reject(new Error(`${script.src} did not load`));
    };
    document.head.append(script);
  });
}

// startOnTouch starts the WebAssembly on the reader's first touch (focus,
// pointer, key, input) of the page, and on the next one again if that
// start failed.
const TOUCHES = ["pointerdown", "focusin", "keydown", "input", "touchstart"];
let touchStarts = false;
export function startOnTouch() {
  touchStarts = true;
  for (const type of TOUCHES) document.addEventListener(type, touched, { capture: true, passive: true });
}

function touched() {
  for (const type of TOUCHES) document.removeEventListener(type, touched, true);
  api();
}
