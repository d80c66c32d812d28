// Where a selection's frame goes: a Chrome trace of SELECTIONS selections (4× CPU throttle) of
// ours and of the ECharts peer, summed per rendering step (style, layout, pre-paint, paint,
// layerize, commit) and per selection. Run after `make bench` (it serves target/bench-site/):
//   cd bench && node trace.mjs
import { serve } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// TRACE_SITE traces another copy of the site (a variant under test).
const SITE = process.env.TRACE_SITE ?? join(dirname(fileURLToPath(import.meta.url)), "..", "target", "bench-site");
const SELECTIONS = Number(process.env.TRACE_SELECTIONS ?? 30);
const STEPS = ["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit", "FunctionCall", "EventDispatch"];
const RING_MID_KM = { commuting: 25, functional: 75, industrial: 125 };

const server = await serve(SITE);
const browser = await launch();
async function trace(path, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector("html[data-ready]", { state: "attached", timeout: 60_000 }).catch(() => {});
  await page.waitForTimeout(1000);
  const points = {};
  for (const [id, share] of [["commuting", 0], ["functional", 0.5], ["industrial", 2 / 3]]) {
    const box = await page.locator(selector.replace("ID", id)).first().boundingBox();
    const r = box.height / 2;
    points[id] = selector.startsWith("#diagram")
      ? { x: box.x + r, y: box.y + r - RING_MID_KM[id] * (r / 172) }
      : { x: box.x + r, y: box.y + r - (r * (1 + share)) / 2 };
  }
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  await page.evaluate(async ({ points, count }) => {
    const order = ["commuting", "functional", "industrial"];
    for (let i = 0; i < count; i++) {
      const { x, y } = points[order[i % 3]];
      const init = { bubbles: true, clientX: x, clientY: y };
      const target = document.elementFromPoint(x, y);
      // As run.mjs: the peer's chart library listens to the whole press, not only the click.
      for (const type of ["mousemove", "mousedown", "mouseup", "click"]) target.dispatchEvent(new MouseEvent(type, init));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      await new Promise((r) => setTimeout(r, 50));
    }
  }, { points, count: SELECTIONS });
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const sums = Object.fromEntries(STEPS.map((s) => [s, 0]));
  for (const e of events) if (e.ph === "X" && e.dur && e.name in sums) sums[e.name] += e.dur / 1000 / SELECTIONS;
  // How much of the page each layout touched: objects marked dirty, of all laid out.
  const layouts = events.filter((e) => e.name === "Layout" && e.args?.beginData);
  sums.layoutDirty = layouts.reduce((t, e) => t + (e.args.beginData.dirtyObjects ?? 0), 0) / SELECTIONS;
  sums.layoutTotal = layouts.reduce((t, e) => t + (e.args.beginData.totalObjects ?? 0), 0) / SELECTIONS;
  return sums;
}
const ours = await trace("", "svg.diagram-wide .disc-ID");
const peer = await trace("peer/", "#diagram svg");
console.log(`ms per selection (${SELECTIONS} selections, 4× throttle): step, ours, peer`);
for (const s of [...STEPS, "layoutDirty", "layoutTotal"]) console.log(`${s.padEnd(18)} ${ours[s].toFixed(2).padStart(7)} ${peer[s].toFixed(2).padStart(7)}`);
await browser.close();
await server.close();
