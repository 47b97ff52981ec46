// The embed dialog: a calculator's Embed link opens it with the code for
// that calculator and what the editor changed in it (the link's URL and
// its words, data-summary, both Go's), a choice of figures, width, theme
// and language, and a live preview of the embed. Without JavaScript the
// link opens the embed page itself.

import { t } from "./boot.js";
import * as dom from "./dom.js";

export function enhanceDialog(dialog) {
  let embedding = null; // the section whose code the dialog shows
  const $ = (s) => dialog.querySelector(s);
  const code = $(dom.dialogCode);
  const status = $(dom.dialogStatus);
  const preview = $(dom.dialogPreview);
  const pin = $(dom.dialogPin);
  const chosen = (name) => $(`input[name="${name}"]:checked`).value;
  // The day the editor may pin the figures to: the build's snapshot, one
  // the site keeps (go's pin).
  let asof = "";
  try {
    asof = JSON.parse(document.body.dataset.network).as_of || "";
  } catch {
    // no figures on this page: nothing to pin
  }
  pin.closest("label").hidden = !asof;

  // embedSrc is the embed's URL in the chosen language (its path is the
  // calculator's data-embed-LANG) with the scenario of the Embed link,
  // which Go keeps current and which holds only what was changed, the
  // pinned day and the chosen theme.
  const embedSrc = () => {
    const link = new URL(embedding.querySelector(dom.embedLink).href, location.href);
    const theme = chosen("embed-theme");
    if (theme !== "auto") link.searchParams.set("dark", theme);
    if (chosen("embed-figures") === "pinned" && asof) link.searchParams.set("asof", asof);
    return location.origin + embedding.getAttribute(dom.perLanguage.embed + chosen("embed-lang")) + link.search;
  };
  // embedCode fills the code's template (data-code, package oembed's).
  const embedCode = (src) => {
    const title = embedding.getAttribute(dom.perLanguage.title + chosen("embed-lang"));
    const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&#34;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return dialog.dataset.code.replace("{origin}", escape(location.origin)).replace("{src}", escape(src))
      .replace("{title}", escape(title)).replace("{width}", escape(chosen("embed-width")));
  };
  let previewTimer = 0;
  const showCode = () => {
    const src = embedSrc();
    code.value = embedCode(src);
    $(dom.dialogCaptured).textContent = embedding.querySelector(dom.embedLink).dataset.summary;
    status.textContent = "";
    // The preview loads only while the dialog is open, once the choices
    // settle.
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      const width = chosen("embed-width");
      preview.style.width = width === "100%" ? "100%" : `${width}px`;
      if (dialog.open && preview.getAttribute("src") !== src) preview.src = src;
    }, 150);
  };
  // The preview reports its height as any embed does.
  window.addEventListener("message", (e) => {
    if (e.source === preview.contentWindow && e.data?.type === "hashswitch:height" && e.data.height > 0) {
      preview.style.height = `${e.data.height}px`;
    }
  });

  for (const section of document.querySelectorAll(dom.calc)) {
    section.querySelector(dom.embedLink).addEventListener("click", (e) => {
      e.preventDefault();
      embedding = section;
      dialog.showModal();
      showCode();
      code.select();
    });
  }
  for (const radio of dialog.querySelectorAll(dom.dialogChoice)) radio.addEventListener("change", showCode);
  $(dom.dialogClose).addEventListener("click", () => dialog.close());
  $(dom.dialogCopy).addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = t("Copied.");
    } catch {
      code.select();
      status.textContent = t("Selected: press Ctrl+C (⌘C on a Mac) to copy.");
    }
  });
  dialog.addEventListener("close", () => {
    clearTimeout(previewTimer);
    embedding?.querySelector(dom.embedLink).focus();
  });
}
