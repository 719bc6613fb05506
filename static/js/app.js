// Progressive enhancement only: every page works without this script.
// On the meeting form, refresh "Free rooms at this time" as staff change the date or time.
(function () {
  "use strict";
  const form = document.querySelector("form[data-availability-url]");
  if (!form) return;
  const names = ["date", "timing", "start_time", "end_time", "every_room"];
  let timer = null;

  function refresh() {
    const params = new URLSearchParams();
    names.forEach(function (name) {
      const field = form.elements.namedItem(name);
      if (!field) return;
      if (field.type === "checkbox") {
        if (field.checked) params.set(name, "on");
      } else if (field.value) {
        params.set(name, field.value);
      }
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

  // A free room, pressed: it goes into the room field (without this script the button
  // sends the form back with that room in it, saving nothing).
  form.addEventListener("click", function (event) {
    const button = event.target.closest("[data-pick-room]");
    if (!button) return;
    event.preventDefault();
    const roomField = form.elements.namedItem("room");
    roomField.value = button.dataset.pickRoom;
    roomField.focus();
  });

  // "Following the adjournment of meeting no." only for that timing; the server
  // ignores a number left in it under any other.
  const timing = form.elements.namedItem("timing");
  const follows = form.querySelector("[data-shown-for-timing]");
  function showFollows() {
    follows.hidden = timing.value !== follows.dataset.shownForTiming;
  }
  if (timing && follows) {
    timing.addEventListener("change", showFollows);
    showFollows();
  }
})();

// A refused form: focus moves to its summary of problems (GOV.UK's error summary), so
// that it is read first and each problem's link leads to its field.
(function () {
  "use strict";
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  // A problem's link puts the cursor in its field (a fragment link only scrolls).
  summary.addEventListener("click", function (event) {
    const link = event.target.closest("a[href^='#']");
    const field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: "center" });
    field.focus();
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

// The site menu: always open where the screen is wide (its button is hidden there),
// folded on phones; Escape folds it again and gives focus back to its button.
(function () {
  "use strict";
  const menu = document.querySelector("[data-site-menu]");
  if (!menu) return;
  const wide = window.matchMedia("(min-width: 601px)");
  function fit() { menu.open = wide.matches; }
  fit();
  wide.addEventListener("change", fit);
  menu.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || wide.matches || !menu.open) return;
    menu.open = false;
    menu.querySelector("summary").focus();
  });
})();
// A tap outside the open menu folds it (phones).
document.addEventListener("click", function (event) {
  const menu = document.querySelector("[data-site-menu]");
  if (menu && menu.open && !event.target.closest("[data-site-menu]")
      && !window.matchMedia("(min-width: 601px)").matches) menu.open = false;
});
