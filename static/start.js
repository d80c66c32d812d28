// Starts the graphic (external, for a strict CSP). Its tag names the app's glue and wasm
// (data-glue, data-wasm), both imported after the first paint (see README, "Performance").
const root = document.documentElement;
const script = document.querySelector("script[data-glue][data-wasm]");
const glueUrl = new URL(script?.dataset.glue ?? "", import.meta.url);
const wasmUrl = new URL(script?.dataset.wasm ?? "", import.meta.url);

// The wasm memory, for the soak test and the benchmarks to measure.
function expose(wasm) {
  window.capitalCircles = { memory: wasm.memory };
}

// A panic stops the release wasm at once: it traps (panics abort immediately, with no Rust
// hook; see the Makefile). The note the page carries for it, in its language, is shown here
// once over what is on screen, which still holds. A debug build's Rust hook may have shown it.
function stopped(event) {
  const error = event.error ?? event.reason;
  if (!(error instanceof WebAssembly.RuntimeError) || document.querySelector(".panic-note")) return;
  const note = document.createElement("div");
  note.className = "panic-note";
  note.setAttribute("role", "alert");
  note.textContent = script?.dataset.panicNote ?? "";
  document.body.append(note);
  console.error("capital-circles stopped:", error);
}
if (typeof WebAssembly === "object") {
  window.addEventListener("error", stopped);
  window.addEventListener("unhandledrejection", stopped);
}

// Until the app has started, a tap on a circle (or Enter on its button) is kept, its button
// marked, and replayed once the app is ready. Only the last one counts.
let earlyPick = null;
const pickButton = (circle) => document.querySelector(`.pick[data-circle="${CSS.escape(circle)}"]`);
function keepEarlyPick(event) {
  if (root.hasAttribute("data-ready") || !(event.target instanceof Element)) return;
  const circle = event.target.closest(".pick[data-circle], .disc[data-circle]")?.getAttribute("data-circle");
  if (!circle || !pickButton(circle)) return;
  for (const b of document.querySelectorAll(".pick.pending")) b.classList.remove("pending");
  pickButton(circle).classList.add("pending");
  earlyPick = circle;
}
document.addEventListener("click", keepEarlyPick, true);

function stopKeeping() {
  document.removeEventListener("click", keepEarlyPick, true);
  for (const b of document.querySelectorAll(".pick.pending")) b.classList.remove("pending");
}

// The prerendered page stays, with its note, where the app cannot start.
function noWasm(error) {
  stopKeeping();
  root.classList.add("no-wasm");
  if (error) console.error("capital-circles could not start:", error);
}

const ready = () => new Promise((resolve) => {
  if (root.hasAttribute("data-ready")) return resolve();
  new MutationObserver((_, observer) => {
    if (root.hasAttribute("data-ready")) { observer.disconnect(); resolve(); }
  }).observe(root, { attributes: true, attributeFilter: ["data-ready"] });
});

// Let the prerendered page paint first: starting in the same frame would hold it back.
const afterFirstPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function start() {
  await afterFirstPaint();
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") return noWasm();
  try {
    if (!script) throw new Error("the page names no data-glue script");
    const { default: init } = await import(glueUrl.href);
    try {
      expose(await init({ module_or_path: wasmUrl }));
    } catch {
      // Some Android WebViews throw in streaming instantiation: fetch, then instantiate.
      const bytes = await (await fetch(wasmUrl)).arrayBuffer();
      expose(await init({ module_or_path: bytes }));
    }
  } catch (error) {
    return noWasm(error);
  }
  await ready();
  stopKeeping();
  if (earlyPick) pickButton(earlyPick)?.click();
}

start();
