// Loads the page's Go WebAssembly once, keeps the instance, and answers
// calculator URLs (/api/v1/...) with it: the same code as the server's API.

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
  document.documentElement.dataset.wasm = "ready";
  return globalThis.hashswitch;
}

// call answers url in this browser: {status, body (JSON text), data (parsed)}.
export async function call(url) {
  const { status, body } = (await api()).call(url);
  return { status, body, data: JSON.parse(body) };
}

// Start loading now: the first answer should not wait for a click.
api().catch((err) => {
  document.documentElement.dataset.wasm = "failed";
  console.error("Hashswitch: the WebAssembly did not start:", err);
});

// The API page's form: compute any /api/v1 URL in this browser.
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
  form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
  run();
}

const tryForm = document.getElementById("try");
if (tryForm) enhanceTry(tryForm);
