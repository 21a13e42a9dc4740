"use strict";
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="verdict"]'));
  var source = document.querySelector('select[name="source"]');
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding, tr.disagreement"));
  var counter = document.getElementById("shown-count");
  var nothing = document.getElementById("nothing-shown");
  function apply() {
    var verdicts = {};
    boxes.forEach(function (box) { verdicts[box.value] = box.checked; });
    var wanted = source.value;
    var shown = 0;
    findings.forEach(function (finding) {
      var sources = finding.getAttribute("data-sources").split(" ");
      var visible = verdicts[finding.getAttribute("data-verdict")] === true &&
        (wanted === "" || sources.indexOf(wanted) >= 0);
      finding.hidden = !visible;
      if (visible && finding.tagName === "ARTICLE") { shown += 1; }
    });
    counter.textContent = String(shown);
    nothing.hidden = shown !== 0;
  }
  // A link to a rule, or to a quote's place in a source text, opens the <details> that holds it.
  function openTarget() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var holder = target ? target.closest("details") : null;
    if (holder && !holder.open) {
      holder.open = true;
      target.scrollIntoView();
    }
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  source.addEventListener("change", apply);
  window.addEventListener("hashchange", openTarget);
  apply();
  openTarget();
})();
