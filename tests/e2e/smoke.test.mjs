// The release build served on 127.0.0.1 and driven in real Chromium: it loads, shows the
// three circles, reacts to a click, logs no error; a full-page screenshot is kept.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch, newPage, ready, DIST, SHOTS } from "./browser.mjs";

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
  const discs = page.locator("svg.diagram-wide .disc");
  assert.equal(await discs.count(), 3);
  for (const id of ["commuting", "functional", "industrial"]) {
    const disc = page.locator(`svg.diagram-wide .disc-${id}`);
    assert.ok(await disc.isVisible(), `${id} visible`);
    const box = await disc.boundingBox();
    assert.ok(box.width > 50, `${id} drawn at ${box.width}px`);
  }
  // Nested to one scale: 50, 100, 150 km.
  const widths = await discs.evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect().width),
  );
  const [industrial, functional, commuting] = widths;
  assert.ok(Math.abs(functional / commuting - 2) < 0.02, `${widths}`);
  assert.ok(Math.abs(industrial / commuting - 3) < 0.02, `${widths}`);
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
  assert.match(await page.locator(".panel .view:not([hidden]) h2").innerText(), /产业圈/);
  assert.equal(await page.locator(".panel .view:not([hidden]) .chart-svg svg").count(), 1);
  await page.screenshot({ path: join(SHOTS, "smoke-1280-zh-industrial.png"), fullPage: true });
  assert.deepEqual(page.errors, []);
});
