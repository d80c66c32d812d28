// Embedding: auto-height in pym.js and Datawrapper-style hosts on another origin, host
// messages, the page without JavaScript or WebAssembly, hydration without layout shift,
// sub-path delivery under a strict CSP, and the downloads.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch, newPage, ready, DIST, SHOTS } from "./browser.mjs";

const require = createRequire(import.meta.url);
const PYM = readFileSync(require.resolve("pym.js/dist/pym.v1.min.js"), "utf8");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:";

let graphic;
let host;
let browser;

const pymHost = (src) => `<!doctype html><html lang="en"><head><title>pym host</title>
<script src="/pym.v1.min.js"></script></head><body><h1>Article</h1>
<div id="g"></div>
<script>window.pymParent = new pym.Parent("g", ${JSON.stringify(src)}, { title: "graphic" });</script>
</body></html>`;

// A listener like Datawrapper's snippet: finds the iframe by the key of the message.
const dwHost = (src) => `<!doctype html><html lang="en"><head><title>dw host</title></head><body>
<h1>Article</h1>
<iframe id="datawrapper-chart-capital-metro" title="graphic" src=${JSON.stringify(src)} scrolling="no" frameborder="0" style="width:0;min-width:100%;border:none" height="400"></iframe>
<script>
window.heightMessages = 0;
window.addEventListener("message", function (e) {
  if (e.data && typeof e.data === "object" && e.data["datawrapper-height"]) {
    window.heightMessages++;
    for (var id in e.data["datawrapper-height"]) {
      var f = document.getElementById("datawrapper-chart-" + id);
      if (f) f.style.height = e.data["datawrapper-height"][id] + "px";
    }
  }
});
</script></body></html>`;

before(async () => {
  graphic = await serve(DIST);
  host = await serve(DIST, {
    routes: {
      "/favicon.ico": ["image/x-icon", ""],
      "/pym.v1.min.js": ["text/javascript", PYM],
      "/pym.html": ["text/html; charset=utf-8", pymHost(graphic.url)],
      "/pym-en.html": ["text/html; charset=utf-8", pymHost(`${graphic.url}en/`)],
      "/dw.html": ["text/html; charset=utf-8", dwHost(graphic.url)],
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await graphic?.close();
  await host?.close();
});

/** The iframe's height and its content's height, in px. */
async function heights(page) {
  const frameEl = page.locator("iframe").first();
  const frame = await (await frameEl.elementHandle()).contentFrame();
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const outer = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
  return { frame, content, outer };
}

async function expectFitted(page, what) {
  let last;
  for (let i = 0; i < 50; i++) {
    last = await heights(page);
    if (Math.abs(last.outer - last.content) <= 2) return last.frame;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: iframe ${last.outer}px, content ${last.content}px`);
}

for (const [name, path] of [["pym.js", "/pym.html"], ["Datawrapper-style", "/dw.html"]]) {
  test(`${name} host on another origin: the iframe fits its content`, async () => {
    const page = await newPage(browser, { viewport: { width: 1000, height: 800 } });
    await page.goto(`${host.origin}${path}`);
    const frameEl = page.locator("iframe").first();
    const frame = await (await frameEl.elementHandle()).contentFrame();
    await frame.waitForSelector("html[data-ready]");
    await expectFitted(page, "after load");
    await frame.locator(".lang-switch").click();
    await frame.waitForFunction(() => document.documentElement.lang === "en");
    await expectFitted(page, "after a language switch");
    await frame.locator(".pick-functional").click();
    await frame.locator('.panel[data-view="functional"]').waitFor();
    await expectFitted(page, "after selecting a circle");
    await page.setViewportSize({ width: 320, height: 800 });
    await expectFitted(page, "after the parent narrows to 320 px");
    assert.deepEqual(page.errors, []);
  });
}

test("messages not from the parent, and pym navigateTo, change nothing", async () => {
  const page = await newPage(browser, { viewport: { width: 800, height: 800 } });
  await page.goto(`${host.origin}/pym.html`);
  const frame = await (await page.locator("iframe").elementHandle()).contentFrame();
  await frame.waitForSelector("html[data-ready]");
  const childId = new URL(frame.url()).searchParams.get("childId");
  assert.equal(childId, "g");
  // Count pym height messages arriving at the parent.
  await page.evaluate(() => {
    window.pymHeights = 0;
    window.addEventListener("message", (e) => {
      if (typeof e.data === "string" && e.data.includes("xPYMxheightxPYMx")) window.pymHeights++;
    });
  });
  // A width message posted by the frame to itself: right format, wrong sender.
  await frame.evaluate((id) => window.postMessage(`pymxPYMx${id}xPYMxwidthxPYMx300`, "*"), childId);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pymHeights), 0, "acted on a message not from the parent");
  // The parent's own width message is answered.
  await page.evaluate((id) => document.querySelector("iframe").contentWindow.postMessage(`pymxPYMx${id}xPYMxwidthxPYMx300`, "*"), childId);
  await page.waitForFunction(() => window.pymHeights > 0);
  // navigateTo from the parent: nothing navigates.
  const before = { frame: frame.url(), page: page.url() };
  await page.evaluate((id) => document.querySelector("iframe").contentWindow.postMessage(`pymxPYMx${id}xPYMxnavigateToxPYMxhttps://example.invalid/`, "*"), childId);
  await page.waitForTimeout(300);
  assert.deepEqual({ frame: frame.url(), page: page.url() }, before);
  assert.deepEqual(page.errors, []);
});

test("without JavaScript both pages show the circles, definitions, figures and data", async () => {
  for (const [path, expect] of [
    ["", ["通勤圈", "功能圈", "产业圈", "约40万人", "17.5万人", "超过1.5万亿元", "41,610.9亿", "率先构建一体化交通体系"]],
    ["en/", ["Commuting circle", "Functional circle", "Industrial circle", "about 400,000", "175,000", "more than 1.5 trillion yuan", "4,161.09 billion", "Mu Peng"]],
  ]) {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto(`${graphic.url}${path}`);
    assert.equal(await page.locator("svg.diagram-wide .disc").count(), 3);
    for (const id of ["commuting", "functional", "industrial"]) {
      assert.ok(await page.locator(`svg.diagram-wide .disc-${id}`).isVisible(), id);
    }
    const text = await page.locator("body").innerText();
    for (const s of expect) assert.ok(text.includes(s), `${path || "zh"}: missing ${s}`);
    assert.ok(await page.locator(".text-version table.data-table").count() >= 4);
    await page.screenshot({ path: join(SHOTS, `nojs-${path ? "en" : "zh"}.png`), fullPage: true });
  }
});

test("without WebAssembly the prerendered page stays, with a note", async () => {
  const page = await newPage(browser, { viewport: { width: 800, height: 900 } });
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(graphic.url);
  await page.waitForFunction(() => document.documentElement.classList.contains("no-wasm"));
  assert.ok(await page.locator(".no-wasm-note").isVisible());
  assert.ok(await page.locator("svg.diagram-wide .disc-commuting").isVisible());
  assert.match(await page.locator("h1").innerText(), /三个圈层/);
});

/** Every element's box inside the app, keyed by position in the tree. Views of the panel
 *  built hidden after start-up take no room and are left out. */
const layoutBoxes = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("#app *")].filter((e) => !e.closest(".view[hidden]")).map((e) => {
      const r = e.getBoundingClientRect();
      return `${e.tagName} ${r.x.toFixed(1)} ${r.y.toFixed(1)} ${r.width.toFixed(1)} ${r.height.toFixed(1)}`;
    }),
  );

test("hydration keeps every box in place and logs no error", async () => {
  for (const path of ["", "en/"]) {
    for (const width of [320, 1280]) {
      const page = await newPage(browser, { viewport: { width, height: 900 } });
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route("**/*.wasm", async (route) => { await held; await route.continue(); });
      await page.goto(`${graphic.url}${path}`);
      await page.waitForSelector("svg.diagram", { state: "attached" });
      const beforeStart = await layoutBoxes(page);
      release();
      await ready(page);
      const afterStart = await layoutBoxes(page);
      assert.equal(afterStart.length, beforeStart.length, `${path} ${width}: element count changed`);
      const moved = afterStart.filter((b, i) => b !== beforeStart[i]);
      assert.deepEqual(moved, [], `${path || "zh"} ${width}px`);
      assert.deepEqual(page.errors, []);
    }
  }
});

test("under a sub-path and a strict CSP: same-origin only, no violation, interactive", async () => {
  const sub = await serve(DIST, { prefix: "/a/b/", headers: { "content-security-policy": CSP } });
  try {
    for (const path of ["", "en/"]) {
      const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
      const urls = [];
      page.on("request", (r) => urls.push(r.url()));
      await page.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(`${sub.url}${path}?circle=commuting`);
      await ready(page);
      await page.locator('.panel[data-view="commuting"]').waitFor();
      await page.locator(".pick-industrial").click();
      await page.locator('.panel[data-view="industrial"]').waitFor();
      assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
      for (const u of urls) assert.ok(u.startsWith(`${sub.origin}/a/b/`), `request outside the sub-path: ${u}`);
      assert.deepEqual(page.errors, []);
    }
  } finally {
    await sub.close();
  }
});

test("downloads: CSV with BOM and rows, valid SVG, a PNG that shows the circles", async () => {
  const csv = readFileSync(join(DIST, "data", "figures-zh.csv"));
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
  const lines = csv.toString("utf8").slice(1).trim().split("\r\n");
  assert.match(lines[0], /^部分,编号,说明/);
  assert.ok(lines.some((l) => l.includes("commuting-beisan") && l.includes("17.5万人") && l.includes("2023-01-15")));
  const chart = readFileSync(join(DIST, "data", "commuters-en.csv"), "utf8");
  assert.match(chart, /Three northern counties,"?175,000"?,175000,exact/);

  const page = await newPage(browser);
  await page.goto(`${graphic.url}`);
  await ready(page);
  // The page's own download links resolve to files that exist.
  const hrefs = await page.locator(".tools a[download]").evaluateAll((as) => as.map((a) => a.href));
  assert.ok(hrefs.length >= 10);
  for (const href of hrefs) {
    const res = await page.request.get(href);
    assert.equal(res.status(), 200, href);
  }
  const svgErrors = await page.evaluate(async () => {
    const text = await (await fetch("data/gdp-2022-zh.svg")).text();
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return [doc.querySelector("parsererror")?.textContent ?? "", doc.documentElement.tagName, text.includes("41,610.9亿")];
  });
  assert.deepEqual(svgErrors, ["", "svg", true]);

  for (const lang of ["zh", "en"]) {
    const png = join(DIST, `diagram-${lang}.png`);
    assert.ok(existsSync(png), png);
    // Draw the PNG on a canvas and look for each disc's fill colour.
    const found = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext("2d");
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const want = { commuting: [254, 215, 170], functional: [191, 219, 254], industrial: [209, 250, 229] };
      const counts = { commuting: 0, functional: 0, industrial: 0 };
      for (let i = 0; i < data.length; i += 4) {
        for (const [k, [r, g, b]] of Object.entries(want)) {
          if (Math.abs(data[i] - r) < 3 && Math.abs(data[i + 1] - g) < 3 && Math.abs(data[i + 2] - b) < 3) counts[k]++;
        }
      }
      return { w: img.width, h: img.height, counts };
    }, `diagram-${lang}.png`);
    assert.deepEqual([found.w, found.h], [1200, 630]);
    for (const [k, n] of Object.entries(found.counts)) assert.ok(n > 5000, `${lang} ${k}: ${n} px`);
  }
});

test("the embed control offers titled iframe code for the current view", async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${graphic.url}en/?circle=industrial&theme=dark`);
  await ready(page);
  await page.locator(".embed-code summary").click();
  // The code is written once the section is open.
  await page.waitForFunction(() => document.querySelector("#embed-iframe").value !== "");
  const code = await page.locator("#embed-iframe").inputValue();
  assert.match(code, /<iframe title="Three circles make Beijing&#39;s modern capital metropolitan area"/);
  assert.ok(code.includes(`src="${graphic.url}en/?circle=industrial&amp;theme=dark"`), code);
  assert.match(code, /min-width:100%/);
  assert.match(await page.locator("#embed-pym").inputValue(), /new pym\.Parent/);
});
