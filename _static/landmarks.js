// The theme has two <aside> landmarks without names; screen-reader users
// navigate by landmark, so each gets one.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var names = { ".sidebar-drawer": "Site navigation", ".toc-drawer": "On this page" };
  Object.keys(names).forEach(function (selector) {
    var aside = document.querySelector(selector);
    if (aside && !aside.hasAttribute("aria-label")) aside.setAttribute("aria-label", names[selector]);
  });
});
