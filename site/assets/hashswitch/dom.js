// The page's half of its contract with site/templates: every class, id,
// element and attribute this script finds in the HTML the generator
// writes, in one place (import * as dom). build/gen's
// TestTheDOMContractHolds finds each selector's names in the templates,
// each class the script sets in style.css, and each data attribute the
// script reads (el.dataset.x) in this list and the templates, so a rename
// on one side fails a test rather than a reader's page.

// Selectors: what the script looks for.
export const strings = "#hashswitch-strings"; // the page's translations, a JSON data block
export const calc = "section.calc[data-calc]"; // a calculator: data-calc is its name
export const title = ".calc-title";
export const form = "form.calc-form";
export const field = ".field"; // an input with its label, help, reading and error
export const understood = ".understood";
export const fieldError = ".field-error";
export const more = "details.more-inputs"; // a long form's folded inputs
export const headline = ".calc-headline"; // the answer in one sentence: the calculator's live region
export const error = ".calc-error";
export const pending = ".calc-pending";
export const rateLine = ".rate-line";
export const output = "output[data-key]"; // data-key: the API's field, data-value: its number
export const chart = ".chart-box";
export const chartWide = ".chart-wide";
export const chartNarrow = ".chart-narrow";
export const chartTable = ".chart-table";
export const chartFigures = ".chart-figures";
export const share = "a.share"; // the scenario's link, which shares it
export const shareStatus = ".share-status";
export const shared = ".calc-shared"; // "Shared scenario", on a page opened with presets
export const reset = "a.calc-reset"; // back to the page's own numbers
export const embedLink = "a.embed-link";
export const apiLink = "a.api-link";
export const clock = "output.countdown"; // data-countdown: the output of the moment it counts to
export const freshness = ".freshness";
export const freshnessTime = ".freshness time";
export const figuresSource = ".figures-source";
export const miner = ".miner[data-miner]"; // data-miner: the input its rate feeds
export const minerWorkers = ".miner-workers";
export const minerStart = ".miner-start";
export const minerStop = ".miner-stop";
export const minerStatus = ".miner-status";
export const minerRate = ".miner-rate";
export const minerTotal = ".miner-total";
export const minerBest = ".miner-best";
export const minerProgress = ".miner-progress";
export const eras = ".eras[data-gpu]"; // the comparison with a graphics card: data-gpu is gpu.js
export const erasStart = ".eras-start";
export const erasStatus = ".eras-status";
export const dialog = "dialog#embed-dialog"; // data-code: the code with {origin}, {src}, {title}
export const dialogChoice = ".embed-choice input"; // figures, width, theme, language
export const dialogCaptured = ".embed-captured";
export const dialogPin = ".embed-pin"; // "Pinned to 25 Nov 2025", the page's figures' day
export const dialogPreview = "iframe.embed-preview";
export const dialogCode = "#embed-code";
export const dialogStatus = ".embed-status";
export const dialogCopy = ".embed-copy";
export const dialogClose = ".embed-close";
export const tryForm = "form#try";
export const tryStatus = "#try-status";
export const tryResult = "#try-result";
export const tryURL = "input[name=url]";
export const update = "#update";
export const updateReload = "#update-reload";

// data: the data attributes the script reads (el.dataset.name), each
// written by the templates (data-name).
export const data = [
  "calc", "scope", "scenario", "preset", "key", "value", "countdown", // a calculator (data-scenario: rendered for the URL's scenario)
  "miner", "header", "target", "worker", "workerWasm", "workerWasmSimd", "gpu", // its miner
  "code", // the embed dialog's template
  "summary", // an Embed link's scenario in words
  "embed", "wasm", "wasmExec", "calcWorker", "network", // <body>: the page
];

// perLanguage: a calculator's data attributes that name one language each,
// data-title-vi, data-embed-en: its title and its embed's path.
export const perLanguage = { title: "data-title-", embed: "data-embed-" };

// cls: the classes the script sets, which style.css styles.
export const cls = {
  js: "js", // on <html>: the script runs
  pending: "pending", // a calculator whose numbers wait for the reader's touch
  hasError: "has-error",
  warn: "warn", // old figures
};

// own: the data attributes the script sets on <html> itself, for
// style.css (theme) and the tests (wasm, warm, network).
export const own = ["theme", "wasm", "warm", "network"];
