// The embed dialog: a calculator's Embed link opens it with the code for
// that calculator, its current scenario and a theme, ready to copy.
// Without JavaScript the link opens the embed page itself.

import { t } from "./boot.js";
import * as dom from "./dom.js";

export function enhanceDialog(dialog) {
  let embedding = null; // the section whose code the dialog shows
  const $ = (s) => dialog.querySelector(s);
  const code = $(dom.dialogCode);
  const status = $(dom.dialogStatus);

  // embedCode fills the code's template (data-code, package oembed's) with
  // the embed in the chosen language (its path and title are the
  // calculator's data-embed-LANG and data-title-LANG), the scenario of the
  // Embed link, which Go keeps current, and the chosen theme.
  const embedCode = () => {
    const link = new URL(embedding.querySelector(dom.embedLink).href, location.href);
    const theme = $(`${dom.dialogTheme}:checked`).value;
    if (theme !== "auto") link.searchParams.set("dark", theme);
    const lang = $(`${dom.dialogLang}:checked`).value;
    const src = location.origin + embedding.getAttribute(dom.perLanguage.embed + lang) + link.search;
    const title = embedding.getAttribute(dom.perLanguage.title + lang);
    const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&#34;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return dialog.dataset.code.replace("{origin}", escape(location.origin)).replace("{src}", escape(src)).replace("{title}", escape(title));
  };
  const showCode = () => {
    code.value = embedCode();
    status.textContent = "";
  };

  for (const section of document.querySelectorAll(dom.calc)) {
    section.querySelector(dom.embedLink).addEventListener("click", (e) => {
      e.preventDefault();
      embedding = section;
      showCode();
      dialog.showModal();
      code.select();
    });
  }
  for (const radio of dialog.querySelectorAll(`${dom.dialogTheme}, ${dom.dialogLang}`)) radio.addEventListener("change", showCode);
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
  dialog.addEventListener("close", () => embedding?.querySelector(dom.embedLink).focus());
}
