// The API page's try form: any API URL, answered in this browser by the
// page's WebAssembly, as the server would answer it.

import * as dom from "./dom.js";
import { call } from "./wasm.js";

export function enhanceTry(form) {
  const status = document.querySelector(dom.tryStatus);
  const result = document.querySelector(dom.tryResult);
  const run = async () => {
    try {
      const r = await call(form.querySelector(dom.tryURL).value.trim());
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
