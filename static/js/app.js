// Progressive enhancement only: every page works without this script.
// On the meeting form, refresh "Free rooms at this time" as staff change the date or time.
(function () {
  "use strict";
  const form = document.querySelector("form[data-availability-url]");
  if (!form) return;
  const names = ["date", "timing", "start_time", "end_time"];
  let timer = null;

  function refresh() {
    const params = new URLSearchParams();
    names.forEach(function (name) {
      const field = form.elements.namedItem(name);
      if (field && field.value) params.set(name, field.value);
    });
    if (form.dataset.meeting) params.set("ignore", form.dataset.meeting);
    fetch(form.dataset.availabilityUrl + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        const current = document.getElementById("availability");
        const holder = document.createElement("div");
        holder.innerHTML = html;
        const fresh = holder.querySelector("#availability");
        if (current && fresh) current.replaceWith(fresh);
      })
      .catch(function () { /* the "Check free rooms" button still works */ });
  }

  names.forEach(function (name) {
    const field = form.elements.namedItem(name);
    if (field) field.addEventListener("change", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 200);
    });
  });
})();

// "Print" buttons on letters (no inline handlers: the CSP forbids them).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});

// "Copy address" beside a feed address: shown only where this script can copy.
document.querySelectorAll("[data-copy]").forEach(function (button) {
  const field = document.getElementById(button.dataset.copy);
  const status = button.nextElementSibling;
  if (!field || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(
      function () { if (status) status.textContent = button.dataset.copied; },
      function () { field.select(); }
    );
  });
});
