// An embed in its host, someone else's article: its language and theme
// from its URL, and its height and readiness told to the parent page.

import { LANG, embed, params, root } from "./boot.js";
import * as dom from "./dom.js";

const framed = embed && window.parent !== window;

// setTheme follows dark=true|false in any page's URL; without it the
// reader's system decides (style.css).
export function setTheme() {
  if (params.get("dark") === "true") root.dataset.theme = "dark";
  if (params.get("dark") === "false") root.dataset.theme = "light";
}

// hostEmbed moves an embed to the language its URL asks for and starts
// reporting its height. /embed/NAME/?lang=vi is /vi/embed/NAME/ (the body's
// data-embed-vi, which Go writes): a newsroom may ask for the language in
// the URL it already has.
export function hostEmbed() {
  const lang = params.get("lang");
  const other = lang && lang !== LANG ? document.body.getAttribute(dom.perLanguage.embed + lang) : null;
  if (other) {
    const rest = new URLSearchParams(params);
    rest.delete("lang");
    location.replace(`${other}${rest.size ? `?${rest}` : ""}${location.hash}`);
  }
  if (!framed) return;
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

let lastHeight = 0;

// postHeight tells the parent page how tall the embed is, in the formats
// newsroom tools listen for: AMP's embed-size, Pym.js, Datawrapper, ours.
export function postHeight() {
  if (!framed) return;
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
  window.parent.postMessage({ type: "hashswitch:height", name: embed, height }, "*");
  window.parent.postMessage({ "datawrapper-height": { [embed]: height } }, "*");
  const childId = params.get("childId");
  if (childId) window.parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, "*");
}

// announceReady tells the parent page the embed is live.
export function announceReady() {
  if (framed) window.parent.postMessage({ type: "hashswitch:ready", name: embed }, "*");
}
