// The history chart's "The calculator above" point follows the reader's
// scenario: when the hashprice calculator just before the chart computes
// a new hashprice in dollars, its point moves up or down the drawing
// (package chart wrote its scale on it), and its label says the calculator's
// own words for the figure. In dong, the point keeps the page's figures.

const key = "hashprice_usd_per_ph_day";

export function followScenario(section, r) {
  if (section.dataset.calc !== "hashprice" || r.error || r.rate) return;
  const value = r.values.find((v) => v.key === key);
  if (!value || typeof value.raw !== "number") return;
  for (const fig of document.querySelectorAll("figure.history-chart")) {
    const above = [...document.querySelectorAll('section.calc[data-calc="hashprice"]')]
      .filter((s) => s.compareDocumentPosition(fig) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
    if (above !== section) continue;
    for (const point of fig.querySelectorAll("circle.chart-live")) {
      const d = point.dataset;
      d.cy0 ??= point.getAttribute("cy");
      const cy0 = Number(d.cy0);
      const cy = Math.min(Math.max(cy0 + (value.raw - Number(d.v)) * Number(d.k), Number(d.top)), Number(d.bottom));
      point.setAttribute("cy", cy.toFixed(1));
      const label = point.parentNode.querySelector(".chart-live-label");
      if (!label) continue;
      label.setAttribute("transform", `translate(0 ${(cy - cy0).toFixed(1)})`);
      const spans = label.querySelectorAll("tspan");
      if (spans.length > 1) spans[spans.length - 1].textContent = value.text;
    }
  }
}
