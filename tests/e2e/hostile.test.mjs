// Hostile input in the real page: bad story files get a clear message in the reader's language
// naming the field; names that are not plain are refused before anything is fetched; markup in
// story strings stays text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch, newPage, ready, DIST } from "./browser.mjs";

const story = JSON.parse(readFileSync(join(DIST, "stories", "capital-metro.json"), "utf8"));
const variant = (change) => {
  const s = structuredClone(story);
  change(s);
  return JSON.stringify(s);
};
const STORIES = {
  "bad-radius": variant((s) => { s.circles[2].radius_km = 80; }),
  "no-source": variant((s) => { delete s.figures[0].source; }),
  "far-place": variant((s) => { s.places[0].lat = 123; }),
  "broken": '{"id": "broken", "circles": [',
  "huge": `{"id": "${"x".repeat(10 * 1024 * 1024)}"}`,
  "markup": variant((s) => {
    s.id = "markup";
    s.ui.headline.zh = '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2">';
    s.places[0].name.zh = "<b>通州</b>";
    s.figures[0].label.zh = '<img src=x onerror="window.pwned = 3">';
  }),
};

let server;
let browser;
before(async () => {
  const routes = { "/favicon.ico": ["image/x-icon", ""] };
  for (const [name, body] of Object.entries(STORIES)) {
    routes[`/stories/${name}.json`] = ["application/json; charset=utf-8", body];
  }
  server = await serve(DIST, { routes });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function errorsShown(path) {
  const page = await newPage(browser);
  await page.goto(`${server.url}${path}`);
  await ready(page);
  await page.locator(".story-errors").waitFor();
  return { page, text: await page.locator(".story-errors").innerText() };
}

test("each bad story gets a message naming the field, in the reader's language", async () => {
  for (const [name, field] of [
    ["bad-radius", "circles[2].radius_km"],
    ["no-source", "figures[0]"],
    ["far-place", "places[0].lat"],
    ["broken", "circles"],
    ["huge", "1000000"],
  ]) {
    const zh = await errorsShown(`?story=${name}`);
    assert.match(zh.text, /无法显示这个故事文件/, name);
    assert.ok(zh.text.includes(field), `${name}: ${zh.text}`);
    const en = await errorsShown(`en/?story=${name}`);
    assert.match(en.text, /This story file cannot be shown/, name);
    assert.ok(en.text.includes(field), `${name}: ${en.text}`);
  }
});

test("the rule itself reads in the reader's language", async () => {
  const zh = await errorsShown("?story=bad-radius");
  assert.ok(zh.text.includes("circles[2].radius_km: 必须大于circles[1].radius_km"), zh.text);
  const en = await errorsShown("en/?story=bad-radius");
  assert.ok(en.text.includes("circles[2].radius_km: must be larger than circles[1].radius_km"), en.text);
});

test("names that are not plain are refused and nothing is fetched", async () => {
  for (const name of ["..%2Fstories%2Fcapital-metro", "%2E%2E", "https%3A%2F%2Fevil.example%2Fs", "a.json", "Capital"]) {
    const before = server.requests.length;
    const { text } = await errorsShown(`?story=${name}`);
    assert.match(text, /\?story=/, name);
    const fetched = server.requests.slice(before).filter((p) => p.includes("stories") || p.includes("evil"));
    assert.deepEqual(fetched, [], name);
  }
});

test("a valid story from stories/ replaces the default after start-up", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?story=capital-metro&circle=industrial`);
  await ready(page);
  await page.locator('.panel[data-view="industrial"]').waitFor();
  assert.deepEqual(page.errors, []);
});

test("markup in story strings is shown as text and creates no element", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}?story=markup`);
  await ready(page);
  await page.waitForFunction(() => document.querySelector("h1")?.textContent.includes("<script>"));
  assert.equal(await page.locator("h1").innerText(), '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2">');
  assert.equal(await page.locator("#app script, #app img, #app b").count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pwned ?? 0), 0);
  assert.ok((await page.locator(".text-version").innerText()).includes("<b>通州</b>"));
  assert.deepEqual(page.errors, []);
});
