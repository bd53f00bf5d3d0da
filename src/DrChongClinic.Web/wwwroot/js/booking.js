// Booking pages: load a date's free times without reloading the page.
// Without this file everything still works: date links and the date form are ordinary GET requests.
(function () {
  "use strict";

  var times = document.querySelector("[data-booking-form] fieldset[data-slots-url]");

  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  if (!times || !window.fetch) {
    return;
  }

  var slotsUrl = times.getAttribute("data-slots-url");
  var legend = times.querySelector("[data-times-legend]");
  var list = times.querySelector("[data-times]");
  var details = document.querySelector("[data-booking-form] [data-details]");
  var dayLinks = document.querySelectorAll("[data-day-list] a[data-date]");
  var dateForm = document.querySelector("[data-date-form]");

  function message(text) {
    var p = document.createElement("p");
    p.className = "muted";
    p.textContent = text;
    return p;
  }

  function render(data) {
    legend.textContent = data.heading;
    list.replaceChildren();
    data.times.forEach(function (time, index) {
      var label = document.createElement("label");
      label.className = "time";
      label.htmlFor = "slot-" + (index + 1);
      var input = document.createElement("input");
      input.type = "radio";
      input.name = "Slot";
      input.id = "slot-" + (index + 1);
      input.value = time.value;
      var span = document.createElement("span");
      span.textContent = time.label;
      label.append(input, span);
      list.append(label);
    });
    if (data.times.length === 0 && data.message) {
      list.append(message(data.message));
    }
    if (details) {
      details.hidden = data.times.length === 0;
    }
    dayLinks.forEach(function (link) {
      if (link.getAttribute("data-date") === data.date) {
        link.setAttribute("aria-current", "date");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  // Loads the times of a date; falls back to the ordinary page when anything goes wrong.
  function load(date, fallbackUrl) {
    var url = slotsUrl + (slotsUrl.indexOf("?") >= 0 ? "&" : "?") + "date=" + encodeURIComponent(date);
    times.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (result) {
        if (!result.ok) {
          list.replaceChildren(message(result.data.error));
          if (details) {
            details.hidden = true;
          }
          return;
        }
        render(result.data);
        if (fallbackUrl) {
          history.replaceState(null, "", fallbackUrl.split("#")[0]);
        }
        times.focus();
      })
      .catch(function () {
        if (fallbackUrl) {
          window.location.href = fallbackUrl;
        }
      })
      .finally(function () {
        times.removeAttribute("aria-busy");
      });
  }

  dayLinks.forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      load(link.getAttribute("data-date"), link.href);
    });
  });

  if (dateForm) {
    dateForm.addEventListener("submit", function (event) {
      var input = dateForm.querySelector("input[type=date]");
      if (!input || !input.value) {
        return;
      }
      event.preventDefault();
      var params = new URLSearchParams(new FormData(dateForm));
      var action = dateForm.getAttribute("action").split("#")[0];
      load(input.value, action + (action.indexOf("?") >= 0 ? "&" : "?") + params.toString());
    });
  }
})();
