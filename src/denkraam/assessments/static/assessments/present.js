// The big screen: timers that count every second, and the arrow keys for "vorige vraag" / "volgende vraag".
// The server renders every value first, so the page works without this file (the timers then show whole minutes).
(function () {
  "use strict";

  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var rest = s % 60;
    return Math.floor(s / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // Each timer counts from the elapsed seconds the server rendered, on this device's clock: a screen whose
  // clock is off still shows the right time. A replaced partial brings new elements, so a new base.
  var bases = new WeakMap();

  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-timer-elapsed]").forEach(function (timer) {
      if (!bases.has(timer)) {
        bases.set(timer, now - Number(timer.dataset.timerElapsed) * 1000);
      }
      var elapsed = (now - bases.get(timer)) / 1000;
      var over = elapsed > Number(timer.dataset.timerMinutes) * 60;
      var text = timer.querySelector("[data-timer-text]");
      if (text) {
        // The session's clock in whole minutes ("12 min"), an item's in minutes and seconds ("3:07").
        text.textContent = timer.dataset.timerFormat === "minuten" ? Math.floor(elapsed / 60) + " min" : clock(elapsed);
      }
      var flag = timer.querySelector("[data-timer-over]");
      if (flag) {
        flag.hidden = !over;
      }
      timer.classList.toggle("denkraam-timer--over", over);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    // Arrow keys belong to the radio buttons and the text field while one of them has the focus.
    if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) {
      return;
    }
    var which = { ArrowRight: "volgende", ArrowLeft: "vorige" }[event.key];
    var button = which && document.querySelector('button[data-key="' + which + '"]');
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });

  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSwap", tick);
  setInterval(tick, 1000);
})();
