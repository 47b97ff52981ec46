// What every part of the page script starts from: the page's language,
// its strings, its URL parameters, and whether it is an embed.

import { styles } from "go:rules";
import * as dom from "./dom.js";

export const root = document.documentElement;

// The page's language: "vi" on /vi/ pages.
export const LANG = root.lang in styles ? root.lang : "en";

// shown writes a number as the API writes it (85000.5) the way the page's
// reader reads it (85.000,5 in Vietnamese): Go's locale package says
// which characters change (the build hands its table to this script).
const swap = styles[LANG].shown;
export const shown = (v) => Array.from(v, (c) => swap[c] ?? c).join("");

// t is a string this script shows, in the page's language: the build puts
// the page's translations in a JSON data block (not a script), and each
// %s takes the next argument.
const STRINGS = JSON.parse(document.querySelector(dom.strings)?.textContent || "{}");
export const t = (s, ...args) => args.reduce((out, a) => out.replace("%s", a), STRINGS[s] ?? s);

export const params = new URLSearchParams(location.search);

// embed is the calculator's name on /embed/NAME/. An embed is a guest in
// a news article: it loads its WebAssembly on the reader's first touch
// (focus, pointer, key, input), never on its own.
export const embed = document.body.dataset.embed;

// later runs f in the page's idle time (where the browser cannot say when
// that is, 50 ms on).
export const later = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 50));
