// Questions: a "show all / hide all answers" control, and a link to a
// question (page.html#label) opens its answer.
(function () {
  "use strict";

  function answersOf(root) {
    return Array.prototype.slice.call(
      root.querySelectorAll("details.question-answer, details.question-hint"));
  }

  function addToggle() {
    var questions = document.querySelectorAll(".question");
    if (questions.length === 0) return;
    var bar = document.createElement("div");
    bar.className = "question-toggle";
    [["Show all answers", true], ["Hide all answers", false]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      button.addEventListener("click", function () {
        answersOf(document).forEach(function (d) { d.open = spec[1]; });
      });
      bar.appendChild(button);
    });
    var heading = document.querySelector("article h1");
    if (heading && heading.parentNode) {
      heading.parentNode.insertBefore(bar, heading.nextSibling);
    } else {
      questions[0].parentNode.insertBefore(bar, questions[0]);
    }
  }

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var box = target.closest(".question");
    if (!box) return;
    var answer = box.querySelector("details.question-answer");
    if (answer) answer.open = true;
    // Opening can reflow the page: land on the question at once (the theme
    // scrolls smoothly, which would leave the reader mid-page for a moment).
    target.scrollIntoView({ behavior: "instant", block: "start" });
  }

  function init() {
    addToggle();
    openTarget();
    window.addEventListener("hashchange", openTarget);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
