// The release build of the fixture story served on 127.0.0.1 and driven in real Chromium: it
// loads, shows the story's three circles to scale, reacts to a click, logs no error; a
// full-page screenshot is kept.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch, newPage, ready, DIST, FIXTURE, SHOTS } from "./browser.mjs";

const circle = (id) => FIXTURE.circles.find((c) => c.id === id);

let server;
let browser;
before(async () => {
  server = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the page loads with three visible circles and no console error", async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.locator("h1").textContent(), FIXTURE.ui.headline.zh);
  const discs = page.locator("svg.diagram-wide .disc");
  assert.equal(await discs.count(), 3);
  for (const id of ["commuting", "functional", "industrial"]) {
    const disc = page.locator(`svg.diagram-wide .disc-${id}`);
    assert.ok(await disc.isVisible(), `${id} visible`);
    const box = await disc.boundingBox();
    assert.ok(box.width > 50, `${id} drawn at ${box.width}px`);
  }
  // Drawn outermost first, all to one scale: the story's radii (40, 90, 140 km).
  const widths = await discs.evaluateAll((els) =>
    els.map((e) => [e.dataset.circle, e.getBoundingClientRect().width]),
  );
  assert.deepEqual(widths.map(([id]) => id), ["industrial", "functional", "commuting"]);
  const size = Object.fromEntries(widths);
  const radius = (id) => circle(id).radius_km;
  for (const id of ["functional", "industrial"]) {
    const want = radius(id) / radius("commuting");
    const got = size[id] / size.commuting;
    assert.ok(Math.abs(got / want - 1) < 0.01, `${id}: ${got.toFixed(3)}, want ${want.toFixed(3)}`);
  }
  await page.screenshot({ path: join(SHOTS, "smoke-1280-zh.png"), fullPage: true });
  assert.deepEqual(page.errors, []);
});

test("a click on a circle changes what is shown", async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.locator(".panel").getAttribute("data-view"), "overview");
  // Click the industrial ring near its top edge, outside the inner circles.
  const disc = page.locator("svg.diagram-wide .disc-industrial");
  const box = await disc.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + 12);
  await page.locator('.panel[data-view="industrial"]').waitFor();
  assert.equal(await page.locator(".panel .view:not([hidden]) h2").innerText(), circle("industrial").name.zh);
  // The fixture has no chart in the industrial section; the functional one has `output`.
  const chartsIn = (section) => FIXTURE.charts.filter((c) => c.section === section).map((c) => c.id);
  const shownCharts = () => page.locator(".panel .view:not([hidden]) figure.chart").evaluateAll((els) => els.map((e) => e.dataset.chart));
  assert.deepEqual(await shownCharts(), chartsIn("industrial"));
  await page.locator(".pick-functional").click();
  await page.locator('.panel[data-view="functional"]').waitFor();
  assert.deepEqual(await shownCharts(), chartsIn("functional"));
  assert.equal(await page.locator(".panel .view:not([hidden]) .chart-svg svg").count(), chartsIn("functional").length);
  await page.screenshot({ path: join(SHOTS, "smoke-1280-zh-functional.png"), fullPage: true });
  assert.deepEqual(page.errors, []);
});
