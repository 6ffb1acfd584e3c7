// Copy buttons for the text a reader may want to paste elsewhere: a
// citation, a curl command. The pages work without this script (the text
// is there to select); it only adds a button after each .copyable element.
(function () {
  "use strict";
  function copy(el, button) {
    var text = el.textContent;
    var done = function () {
      button.textContent = "已复制";
      setTimeout(function () { button.textContent = "复制"; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { select(el); });
    } else {
      select(el);
    }
  }
  function select(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  document.querySelectorAll(".copyable").forEach(function (el) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "复制";
    button.setAttribute("aria-label", "复制" + (el.id ? "（" + el.id + "）" : ""));
    button.addEventListener("click", function () { copy(el, button); });
    el.insertAdjacentElement("afterend", button);
  });
})();
