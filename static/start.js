// Starts the graphic: external, for a strict CSP. The page's <script> names the app's JS glue
// and wasm (data-glue, data-wasm: trunk's hashed files, next to this one); the build writes
// those attributes, this file is as it stands in static/.
const root = document.documentElement;
const script = document.querySelector("script[data-glue][data-wasm]");
const glueUrl = new URL(script?.dataset.glue ?? "", import.meta.url);
const wasmUrl = new URL(script?.dataset.wasm ?? "", import.meta.url);
// The glue is imported once the page has painted, like the wasm: imported at once, it was
// fetched while the page was still painting in some loads, and Lighthouse's mobile model then
// put it and the wasm before the largest paint (LCP 1.9 s → 4.0 s, performance 99 → 87, in 4
// of 8 runs; none of 8 once it waits).

// The wasm memory, for the soak test and the benchmarks to measure.
function expose(wasm) {
  window.capitalCircles = { memory: wasm.memory };
}

// Until the app has started, the prerendered buttons and discs do nothing: a tap on a circle
// (or Enter on its button) is kept, its button shows it was heard, and it is replayed on that
// button once the app is ready. Only the last one counts; a tap on anything else is left alone.
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

const ready = () => new Promise((resolve) => {
  if (root.hasAttribute("data-ready")) return resolve();
  new MutationObserver((_, observer) => {
    if (root.hasAttribute("data-ready")) { observer.disconnect(); resolve(); }
  }).observe(root, { attributes: true, attributeFilter: ["data-ready"] });
});

async function replayEarlyPick() {
  await ready();
  stopKeeping();
  if (earlyPick) pickButton(earlyPick)?.click();
}

// Let the prerendered page paint first: starting (and hydrating) in the same frame would hold
// the first paint back by the whole start-up.
const afterFirstPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function start() {
  await afterFirstPaint();
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    stopKeeping();
    root.classList.add("no-wasm");
    return;
  }
  let init;
  try {
    if (!script) throw new Error("the page names no data-glue script");
    init = (await import(glueUrl.href)).default;
  } catch (error) {
    stopKeeping();
    root.classList.add("no-wasm");
    console.error("capital-circles could not load its script:", error);
    return;
  }
  try {
    expose(await init({ module_or_path: wasmUrl }));
  } catch (streamingError) {
    try {
      const bytes = await (await fetch(wasmUrl)).arrayBuffer();
      expose(await init({ module_or_path: bytes }));
    } catch (error) {
      stopKeeping();
      root.classList.add("no-wasm");
      console.error("capital-circles could not start:", error);
      return;
    }
  }
  await replayEarlyPick();
}

start();
