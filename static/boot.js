// Applies the URL's theme and host flags as classes on <html> before the first paint, so a
// forced theme never flashes the other one. No inline script: the page runs under a strict CSP.
(function () {
  var root = document.documentElement;
  var params = new URLSearchParams(window.location.search);
  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") root.classList.add("theme-" + theme);
  if (params.get("embed") === "1") root.classList.add("embed");
  if (params.get("transparent") === "1") root.classList.add("transparent");
  var framed = true;
  try { framed = window.top !== window.self; } catch (e) { framed = true; }
  if (framed) root.classList.add("framed");
})();
