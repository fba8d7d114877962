// Ponte's progressive enhancement. Every page works without this file.
(function () {
  "use strict";
  // Move focus to a form's error summary so keyboard and screen-reader users
  // land on what needs fixing after a failed submission.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
  });
})();
