// Fill each subtotal from unit price × quantity and show the running total; the server re-checks.
(function () {
  const table = document.querySelector(".budget-edit");
  if (!table) return;
  const total = document.getElementById("budget-total");
  function recompute() {
    let sum = 0;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      const price = parseFloat((row.querySelector("[name$='-unit_price']") || {}).value);
      const qty = parseInt((row.querySelector("[name$='-quantity']") || {}).value, 10);
      const sub = row.querySelector("[name$='-subtotal']");
      if (!isNaN(price) && !isNaN(qty) && sub) {
        sub.value = (Math.round(price * 100) * qty / 100).toFixed(2);
      }
      const value = parseFloat(sub && sub.value);
      if (!isNaN(value)) sum += value;
    });
    total.textContent = "¥" + sum.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  table.addEventListener("input", recompute);
  recompute();
})();
