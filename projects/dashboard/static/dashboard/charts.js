// Turns each breakdown table (table[data-chart]) into a small SVG bar chart above it.
// No library, no network: the table stays as the accessible, linkable version.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  function el(name, attrs) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  document.querySelectorAll("table[data-chart]").forEach(function (table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    if (!rows.length) { return; }
    var values = rows.map(function (r) { return parseFloat(r.querySelector("td").dataset.value) || 0; });
    var max = Math.max.apply(null, values) || 1;
    var barH = 16, gap = 6, width = 300, labelW = 0;
    var svg = el("svg", { viewBox: "0 0 " + width + " " + rows.length * (barH + gap), class: "chart-svg", role: "img" });
    rows.forEach(function (row, i) {
      var link = row.querySelector("th a");
      var y = i * (barH + gap);
      var w = Math.max(2, Math.round((width - 60 - labelW) * values[i] / max));
      var a = el("a", { href: link ? link.getAttribute("href") : "#" });
      var rect = el("rect", { x: 0, y: y, width: w, height: barH, rx: 3 });
      var title = el("title", {});
      title.textContent = (link ? link.textContent : "") + ": " + row.querySelector("td a").textContent;
      rect.appendChild(title);
      a.appendChild(rect);
      var text = el("text", { x: w + 4, y: y + barH - 4 });
      text.textContent = row.querySelector("td a").textContent;
      a.appendChild(text);
      svg.appendChild(a);
    });
    svg.setAttribute("aria-label", table.closest(".figure").querySelector("h3").textContent);
    table.parentNode.insertBefore(svg, table);
    table.classList.add("charted");
  });
})();
