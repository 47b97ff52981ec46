// Hashswitch embeds resize themselves with this script. Paste it once in a
// page that holds one or more Hashswitch iframes:
//
//   <iframe src="https://ORIGIN/embed/hashprice/" title="Hashprice" width="100%" height="720" style="border:0"></iframe>
//   <script src="https://ORIGIN/embed.js" async></script>
//
// It trusts a height message only from the window of a Hashswitch iframe on
// this page, sent from Hashswitch's origin (or from the opaque origin "null"
// of an iframe sandboxed without allow-same-origin).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src, location.href).origin;

  function opaque(frame) {
    var sandbox = frame.getAttribute("sandbox");
    return sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/.test(sandbox);
  }

  function ours(frame) {
    try {
      var src = new URL(frame.src, location.href);
      // /embed/NAME/, or a language's: /vi/embed/NAME/.
      return src.origin === origin && /^\/([a-z]{2}\/)?embed\//.test(src.pathname);
    } catch (e) {
      return false;
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "hashswitch:height") return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > 20000) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (!ours(frame)) return;
      if (event.origin !== origin && !(event.origin === "null" && opaque(frame))) return;
      frame.style.height = Math.ceil(height) + "px";
      return;
    }
  });

  // Embeds that reported their height before this script ran report again;
  // so do those still loading, once the page has loaded (a message sent to
  // an iframe before its document is there is lost).
  function askAll() {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (ours(frames[i]) && frames[i].contentWindow) {
        frames[i].contentWindow.postMessage({ type: "hashswitch:measure" }, "*");
      }
    }
  }
  askAll();
  if (document.readyState !== "complete") window.addEventListener("load", askAll);
})();
