// Hashswitch in the page. The generator bundles this module and the ones
// it imports into /assets/hashswitch.HASH.js (build/gen/script.go), with
// go:rules, the values Go owns that this script needs.
//
// Every number comes from Go: the page's WebAssembly (wasm.js) keeps one
// instance, which renders a calculator (hashswitch.widget) and answers an
// API URL (hashswitch.call); this script only moves values between the
// page and Go, and waits for the reader before it starts anything heavy.

import { embed, later, params, root } from "./boot.js";
import { enhance, warm } from "./calculators.js";
import { enhanceDialog } from "./dialog.js";
import * as dom from "./dom.js";
import { announceReady, hostEmbed, setTheme } from "./embedhost.js";
import { loadNetwork, newerFigures, refreshOffThread } from "./figures.js";
import { enhanceMiner } from "./miner.js";
import { registerServiceWorker } from "./offline.js";
import { enhanceTry } from "./tryapi.js";
import { api, onLive, startOnTouch, started } from "./wasm.js";

root.classList.add(dom.cls.js);
setTheme();
if (embed) hostEmbed();

for (const section of document.querySelectorAll(dom.calc)) {
  enhance(section);
  const box = section.querySelector(dom.miner);
  if (box) enhanceMiner(section, box);
}
const dialog = document.querySelector(dom.dialog);
if (dialog && !embed) enhanceDialog(dialog);
const tryForm = document.querySelector(dom.tryForm);
if (tryForm) enhanceTry(tryForm);
// An embed never fills the reader's storage with the whole site: the HTTP
// cache keeps what it used (hashed assets are immutable).
if (!embed) registerServiceWorker();

// Once live, the page brings in the network figures, warms its
// calculators and, in an embed, tells its parent.
onLive(async (go) => {
  if (document.querySelector(dom.calc)) {
    await loadNetwork(go);
    warm(go);
  }
  announceReady();
});

// When the WebAssembly starts. Every number on a page is prerendered from
// the figures it was built with, and a countdown ticks without Go, so
// nothing needs it until the reader touches a calculator (focus, pointer,
// key, input) (its Go would otherwise only compute the numbers already
// shown: BENCH.md, 26 November 2026). Newer figures than the build's are
// computed in idle time by a worker, off the main thread
// (refreshOffThread). An embed, a guest in a news article, waits for the
// touch alone. What a page must compute at once starts it at once:
// presets in the URL (enhance), a pinned date, the API's try form.
if (document.querySelector(`${dom.calc}, ${dom.tryForm}`)) {
  if (params.has("asof") && !embed) api();
  startOnTouch();
  if (!embed) {
    newerFigures().then((newer) => {
      if (newer) later(() => started() || refreshOffThread());
    });
  }
}
