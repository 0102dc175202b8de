// A classic script, run before the page's module: when the page cannot start, it says why instead of leaving
// "Loading the annotator…" up forever.
// - Opened from disk (file://), browsers refuse to run module scripts and to fetch the WebAssembly file, so
//   app.js never runs at all: the page must be served over HTTP.
// - A module or the .wasm file that fails to load (a missing `make build`, a broken static host) fires an error
//   event on its element, caught here on the way down (such events do not bubble).
(function () {
  "use strict";
  function say(message) {
    var status = document.getElementById("status");
    if (!status) { document.addEventListener("DOMContentLoaded", function () { say(message); }, { once: true }); return; }
    status.textContent = message;
    status.classList.add("error");
    document.documentElement.setAttribute("data-failed", "true");
  }
  if (location.protocol === "file:") {
    say("This page was opened from a file (file://), and browsers do not run its scripts or WebAssembly from " +
      "disk. Serve the folder over HTTP instead: run “make serve” in the project folder and open " +
      "http://127.0.0.1:8080/, or point any static web server at the www folder.");
    return;
  }
  window.addEventListener("error", function (event) {
    var el = event.target;
    var root = document.documentElement;
    if (!el || el === window || root.hasAttribute("data-ready") || root.hasAttribute("data-failed")) return; // the first failure says most
    if (el.tagName === "SCRIPT" || (el.tagName === "LINK" && /preload/.test(el.rel))) {
      say("The annotator could not load: " + (el.src || el.href) + (el.type === "module" ? " (or a file it imports)" : "") +
        " did not load. If you built the page " +
        "yourself, run “make build” (or “make serve”), then reload.");
    }
  }, true);
})();
