// The Stripe Payment Element. Confirming here only sends the donor on to the thanks page;
// the gift is recorded when Stripe's signed webhook says the payment succeeded.
(function () {
  "use strict";
  var form = document.getElementById("payment-form");
  if (!form || typeof window.Stripe !== "function") {
    // stripe.js did not load: say so, and leave no Pay button that cannot work.
    var loading = document.getElementById("payment-loading");
    var button = document.getElementById("payment-submit");
    if (loading && form) { loading.textContent = form.getAttribute("data-unavailable") || ""; }
    if (button) { button.disabled = true; button.style.display = "none"; }
    if (form) { form.addEventListener("submit", function (event) { event.preventDefault(); }); }
    return;
  }
  var stripe = window.Stripe(form.dataset.publishableKey, { locale: form.dataset.locale });
  var elements = stripe.elements({ clientSecret: form.dataset.clientSecret });
  var paymentElement = elements.create("payment");
  paymentElement.mount("#payment-element");
  var errorBox = document.getElementById("payment-error");
  var submit = document.getElementById("payment-submit");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submit.disabled = true;
    stripe.confirmPayment({ elements: elements, confirmParams: { return_url: form.dataset.returnUrl } })
      .then(function (result) {
        if (result.error) {
          errorBox.textContent = result.error.message;
          submit.disabled = false;
        }
      });
  });
})();
