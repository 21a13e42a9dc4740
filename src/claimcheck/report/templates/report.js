"use strict";
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="verdict"]'));
  var source = document.querySelector('select[name="source"]');
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
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
      if (visible) { shown += 1; }
    });
    counter.textContent = String(shown);
    nothing.hidden = shown !== 0;
  }
  function openRule() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  source.addEventListener("change", apply);
  window.addEventListener("hashchange", openRule);
  apply();
  openRule();
})();
