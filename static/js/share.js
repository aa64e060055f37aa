/* Share panel: a "Copy link" button and a "Print" button over what already works without JavaScript
   (a selectable, read-only address field and the browser's own Print command). */
(function () {
  "use strict";

  function say(status, message) {
    if (status) status.textContent = message;
  }

  function copyText(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    return new Promise(function (resolve, reject) {
      field.select();
      (document.execCommand && document.execCommand("copy")) ? resolve() : reject(new Error("copy refused"));
    });
  }

  document.querySelectorAll("input[data-share-url]").forEach(function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });

  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    if (!field) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(field).then(
        function () { say(status, "Link copied. Paste it wherever you want to share it."); },
        function () {
          field.focus();
          field.select();
          say(status, "The link is selected: press Ctrl+C (or Command+C) to copy it.");
        }
      );
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
