// Offline and updates: the site's service worker (/sw.js), registered after
// the page's load, and the prompt to reload when a new version waits.

import * as dom from "./dom.js";

export function registerServiceWorker() {
  let sw;
  try {
    sw = navigator.serviceWorker; // throws in a sandboxed iframe
  } catch {
    return;
  }
  if (!sw) return;
  const banner = document.querySelector(dom.update);
  let updating = false;
  const prompt = (worker) => {
    if (!banner) return;
    banner.hidden = false;
    document.querySelector(dom.updateReload).addEventListener("click", () => {
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
