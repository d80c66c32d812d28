// Embedding: auto-height in pym.js and Datawrapper-style hosts on another origin, host
// messages, the page without JavaScript or WebAssembly, hydration without layout shift,
// sub-path delivery under a strict CSP, the downloads and the embed code: all on the fixture
// story's build. The shipped story's page without JavaScript is checked on its own build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch, newPage, ready, DIST, SHIPPED_DIST, FIXTURE, REPO, SHOTS, figureLabel } from "./browser.mjs";

const require = createRequire(import.meta.url);
const PYM = readFileSync(require.resolve("pym.js/dist/pym.v1.min.js"), "utf8");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:";
// The story dist/ is built from (the Makefile's default STORY).
const SHIPPED_STORY = JSON.parse(readFileSync(join(REPO, "static", "stories", "capital-metro.json"), "utf8"));
const MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>";

/** The fixture's figures as the page writes them (value, unit and qualifier formatted). */
const FIGURE_TEXT = {
  share: { zh: "超过40%", en: "more than 40%" },
  money: { zh: "1.5万亿元", en: "1.5 trillion yuan" },
  people: { zh: "约17.5万人", en: "about 175,000" },
  "people-total": { zh: "约40万人", en: "about 400,000" },
  area: { zh: "约4.2万平方公里", en: "about 42,000 km²" },
  turnover: { zh: "2308.7亿元", en: "230.87 billion yuan" },
  "zone-roads": { zh: "10", en: "10" },
};
/** The fixture's chart values as the page writes them, bar by bar. */
const BAR_TEXT = {
  "people-where": { zh: ["17.5万", "约22.5万"], en: ["175,000", "about 225,000"] },
  output: { zh: ["41,610.9亿", "16,311.34亿", "42,370.4亿"], en: ["4,161.09 billion", "1,631.134 billion", "4,237.04 billion"] },
};
const circle = (id) => FIXTURE.circles.find((c) => c.id === id);
/** Who said a figure, as the CSV's zh column writes it: "role+name，occasion，Y年M月D日". */
const saidByZh = (said) => {
  const speaker = FIXTURE.speakers.find((s) => s.id === said.speaker);
  const [y, m, d] = said.date.split("-").map(Number);
  return `${speaker.role.zh}${speaker.name.zh}，${said.occasion.zh}，${y}年${m}月${d}日`;
};
const figure = (id) => FIXTURE.figures.find((f) => f.id === id);
// The text version's order: the overview, then each circle.
const SECTIONS = ["overview", ...FIXTURE.circles.map((c) => c.id)];
const inTextOrder = (items) => SECTIONS.flatMap((s) => items.filter((x) => x.section === s));
const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const scriptString = (s) => JSON.stringify(s).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");

let graphic;
let shipped;
let host;
let browser;
// The host's pages; tests add pasted embed code to it while the server runs.
const hostRoutes = {};

const pymHost = (src) => `<!doctype html><html lang="en"><head><title>pym host</title>
<script src="/pym.v1.min.js"></script></head><body><h1>Article</h1>
<div id="g"></div>
<script>window.pymParent = new pym.Parent("g", ${JSON.stringify(src)}, { title: "graphic" });</script>
</body></html>`;

// A listener like Datawrapper's snippet: finds the iframe by the key of the message.
const dwHost = (src) => `<!doctype html><html lang="en"><head><title>dw host</title></head><body>
<h1>Article</h1>
<iframe id="datawrapper-chart-${FIXTURE.id}" title="graphic" src=${JSON.stringify(src)} scrolling="no" frameborder="0" style="width:0;min-width:100%;border:none" height="400"></iframe>
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
  shipped = await serve(SHIPPED_DIST);
  Object.assign(hostRoutes, {
    "/favicon.ico": ["image/x-icon", ""],
    "/pym.v1.min.js": ["text/javascript", PYM],
    "/pym.html": ["text/html; charset=utf-8", pymHost(graphic.url)],
    "/pym-en.html": ["text/html; charset=utf-8", pymHost(`${graphic.url}en/`)],
    "/dw.html": ["text/html; charset=utf-8", dwHost(graphic.url)],
  });
  host = await serve(DIST, { routes: hostRoutes });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await graphic?.close();
  await shipped?.close();
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

test("shipped story: without JavaScript both pages show the circles, definitions, figures and data", async () => {
  for (const [path, expect] of [
    ["", ["通勤圈", "功能圈", "产业圈", "约40万人", "17.5万人", "超过1.5万亿元", "约4.2万亿", "与北京同城化", "夏林茂介绍，通勤圈综合考虑现状跨界通勤率", "圈层定义的变化", "已证实（2022年工作要点）", "约7850平方公里", "北京市常务副市长夏林茂，国务院新闻办公室新闻发布会", "市区（广阳区、安次区）未证实", "范围未说明"]],
    ["en/", ["Commuting circle", "Functional circle", "Industrial circle", "about 400,000", "175,000", "more than 1.5 trillion yuan", "about 4.2 trillion", "function as one city with it", "about 27,000 km², Xia Linmao said", "How the circles changed", "confirmed (2022 work plan)", "about 7,850 km²", "Xia Linmao, executive vice-mayor of Beijing, State Council Information Office press conference", "urban districts (Guangyang, Anci) unconfirmed", "extent not stated"]],
  ]) {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto(`${shipped.url}${path}`);
    assert.equal(await page.locator("svg.diagram-wide .disc").count(), 3);
    for (const id of ["commuting", "functional", "industrial"]) {
      assert.ok(await page.locator(`svg.diagram-wide .disc-${id}`).isVisible(), id);
    }
    const text = await page.locator("body").innerText();
    for (const s of expect) assert.ok(text.includes(s), `${path || "zh"}: missing ${s}`);
    // Every chart of the story as a table in the text version, in the story's order.
    const tables = await page.locator(".text-version table.data-table").evaluateAll((ts) => ts.map((t) => t.dataset.chart));
    assert.deepEqual(tables, SHIPPED_STORY.charts.map((c) => c.id));
    await page.screenshot({ path: join(SHOTS, `shipped-nojs-${path ? "en" : "zh"}.png`), fullPage: true });
  }
});

test("fixture story: without JavaScript both pages show its headline, figures and charts, markup as text", async () => {
  for (const lang of ["zh", "en"]) {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto(`${graphic.url}${lang === "en" ? "en/" : ""}`);
    assert.equal(await page.locator("html").getAttribute("lang"), lang === "zh" ? "zh-CN" : "en");
    assert.equal(await page.locator("h1").textContent(), FIXTURE.ui.headline[lang]);
    assert.equal(await page.locator(".standfirst").textContent(), FIXTURE.ui.standfirst[lang]);
    assert.equal(await page.title(), FIXTURE.ui.headline[lang]);
    // The circles, named and drawn.
    for (const c of FIXTURE.circles) {
      assert.ok(await page.locator(`svg.diagram-wide .disc-${c.id}`).isVisible(), c.id);
      assert.equal(await page.locator(`svg.diagram-wide .name-${c.id}`).textContent(), c.name[lang]);
      assert.equal(await page.locator(`.text-version [data-circle="${c.id}"] h3`).textContent(), c.name[lang]);
    }
    // Every figure with its number, label and caveat, as text.
    const figures = await page.locator(".text-version .figure").evaluateAll((els) => els.map((el) => ({
      id: el.dataset.figure,
      number: el.querySelector(".big-number").textContent,
      label: el.querySelector(".figure-label").textContent,
      caveat: el.querySelector(".caveat")?.textContent ?? null,
    })));
    assert.deepEqual(figures, inTextOrder(FIXTURE.figures).map((f) => ({
      id: f.id,
      number: FIGURE_TEXT[f.id][lang],
      label: figureLabel(f, lang),
      caveat: f.caveat?.[lang] ?? null,
    })));
    // Every chart as a table: caption, each bar's label and value.
    const tables = await page.locator(".text-version table.data-table").evaluateAll((ts) => ts.map((t) => ({
      id: t.dataset.chart,
      caption: t.caption.textContent,
      rows: [...t.tBodies[0].rows].map((r) => [r.cells[0].textContent, r.cells[1].textContent]),
    })));
    assert.deepEqual(tables, inTextOrder(FIXTURE.charts).map((c) => ({
      id: c.id,
      // The unit in the language's own brackets: full-width in Chinese.
      caption: lang === "zh" ? `${c.title[lang]}（${c.unit_label[lang]}）` : `${c.title[lang]} (${c.unit_label[lang]})`,
      rows: c.bars.map((b, i) => [b.label[lang], BAR_TEXT[c.id][lang][i]]),
    })));
    // The markup in the story is text: the literal strings are there, no element came of them.
    const text = await page.locator("body").textContent();
    assert.ok(text.includes(MARKUP), `${lang}: the markup is not shown as text`);
    assert.equal(await page.locator("#app script, #app img, #app i, [onerror]").count(), 0);
    await page.screenshot({ path: join(SHOTS, `nojs-${lang}.png`), fullPage: true });
    assert.deepEqual(page.errors, []);
  }
});

test("a figure whose source's own page is known links to it, in the text version and the panel", async () => {
  const area = figure("area");
  for (const [lang, path] of [["zh", ""], ["en", "en/"]]) {
    for (const javaScriptEnabled of [false, true]) {
      const page = await newPage(browser, { javaScriptEnabled, viewport: { width: 1280, height: 900 } });
      await page.goto(`${graphic.url}${path}`);
      if (javaScriptEnabled) {
        await ready(page);
        await page.locator(".pick-functional").click();
        await page.locator('.panel[data-view="functional"]').waitFor();
      }
      const scopes = javaScriptEnabled ? [".panel .view:not([hidden])", ".text-version"] : [".text-version"];
      for (const scope of scopes) {
        const link = page.locator(`${scope} [data-figure="area"] a.source-link`);
        assert.equal(await link.count(), 1, `${lang} ${scope}`);
        // The address stays the story's text (markup and ampersand included), never markup.
        assert.equal(await link.getAttribute("href"), area.source.url, `${lang} ${scope}`);
        assert.equal(await link.textContent(), area.source.name[lang], `${lang} ${scope}`);
        assert.equal(await link.getAttribute("target"), "_blank");
        assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
      }
      // A figure whose source has no page is plain text: no link is invented.
      assert.equal(await page.locator('.text-version [data-figure="people"] a').count(), 0);
      await page.close();
    }
  }
});

test("without WebAssembly the prerendered page stays, with a note", async () => {
  const page = await newPage(browser, { viewport: { width: 800, height: 900 } });
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(graphic.url);
  await page.waitForFunction(() => document.documentElement.classList.contains("no-wasm"));
  assert.ok(await page.locator(".no-wasm-note").isVisible());
  assert.ok(await page.locator("svg.diagram-wide .disc-commuting").isVisible());
  assert.equal(await page.locator("h1").textContent(), FIXTURE.ui.headline.zh);
  assert.deepEqual(page.errors, []);
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
      // The app itself came from the sub-path (so the check below covers what it loaded).
      assert.ok(urls.some((u) => /^[^?]*\.wasm$/.test(u) && u.startsWith(`${sub.origin}/a/b/`)), `no wasm from the sub-path: ${urls}`);
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
  assert.equal(lines[0], "部分,编号,说明,数值（原文）,数值,限定,讲话人,来源,日期,来源网址,注意,推算依据");
  assert.equal(lines.length, 1 + FIXTURE.figures.length);
  const people = figure("people");
  assert.equal(
    lines.find((l) => l.includes(",people,")),
    `${circle("commuting").name.zh},people,${people.label.zh},约17.5万人,175000,about,,${people.source.name.zh},${people.source.date},,,`,
  );
  // Markup stays text in a CSV cell, and the caveat column carries the caveat.
  const share = figure("share");
  assert.equal(
    lines.find((l) => l.includes(",share,")),
    `${FIXTURE.ui.overview.zh},share,${share.label.zh},超过40%,40,more_than,${saidByZh(share.said)},${share.source.name.zh},${share.source.date},,${share.caveat.zh},`,
  );
  const chart = readFileSync(join(DIST, "data", "people-where-en.csv"), "utf8").slice(1).trim().split("\r\n");
  const where = FIXTURE.charts.find((c) => c.id === "people-where");
  // The worked-out bar says what from, and its source columns name its inputs' source (the
  // figures people-total and people), not the chart's; every row carries the chart's note.
  const total = figure("people-total");
  assert.deepEqual(chart, [
    "item,value_as_shown,value,qualifier,source,date,source_url,derived_from,chart_note",
    `${where.bars[0].label.en},"175,000",175000,exact,${where.sources[0].name.en},${where.sources[0].date},,,${where.note.en}`,
    `${where.bars[1].label.en},"about 225,000",225000,about,${total.source.name.en},${total.source.date},,"Worked out from about 400,000 minus about 175,000 (Source: ${total.source.name.en}, 2 Jan 2020)",${where.note.en}`,
  ]);

  const page = await newPage(browser);
  await page.goto(`${graphic.url}`);
  await ready(page);
  // The page's own download links: the figures, each chart's CSV and SVG, the diagram PNG;
  // each resolves to a file that exists.
  const hrefs = await page.locator(".tools a[download]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(hrefs, [
    "data/figures-zh.csv",
    ...FIXTURE.charts.flatMap((c) => [`data/${c.id}-zh.csv`, `data/${c.id}-zh.svg`]),
    "diagram-zh.png",
  ]);
  for (const href of hrefs) {
    const res = await page.request.get(new URL(href, graphic.url).href);
    assert.equal(res.status(), 200, href);
  }
  const parsed = (path) => page.evaluate(async (path) => {
    const text = await (await fetch(path)).text();
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? "",
      root: doc.documentElement.tagName,
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent.trim()),
      elements: doc.querySelectorAll("script, img, foreignObject, [onerror]").length,
    };
  }, path);
  const output = await parsed("data/output-zh.svg");
  assert.deepEqual([output.error, output.root, output.elements], ["", "svg", 0]);
  for (const v of BAR_TEXT.output.zh) assert.ok(output.texts.includes(v), `output-zh.svg: no ${v} in ${output.texts}`);
  // A bar label with markup is one text element in the SVG file, not markup.
  const whereSvg = await parsed("data/people-where-en.svg");
  assert.deepEqual([whereSvg.error, whereSvg.root, whereSvg.elements], ["", "svg", 0]);
  assert.ok(whereSvg.texts.includes(where.bars[0].label.en), `people-where-en.svg: ${whereSvg.texts}`);
  assert.deepEqual(page.errors, []);

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
  const src = `${graphic.url}en/?circle=industrial&theme=dark`;
  // The iframe carries the story's id and its headline, escaped for an attribute.
  assert.ok(
    code.startsWith(`<iframe id="${FIXTURE.id}-frame" title="${escapeHtml(FIXTURE.ui.headline.en)}" src="${escapeHtml(src)}" `),
    code,
  );
  assert.match(code, /min-width:100%/);
  assert.equal(code.match(/<script>/g).length, 1, "one script: the height listener, none from the title");
  // A page that runs no script shows the still image, with the alt text the build wrote.
  const alt = readFileSync(join(DIST, "share", "static-en.txt"), "utf8").trim();
  assert.ok(code.includes(`<noscript><img src="${graphic.url}share/static-en.png" alt="${escapeHtml(alt)}" width="100%"></noscript>`), code);
  hostRoutes["/pasted-noscript.html"] = ["text/html; charset=utf-8", `<!doctype html><html lang="en"><head><title>a</title></head><body>${code}</body></html>`];
  const still = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 600, height: 800 } });
  await still.goto(`${host.origin}/pasted-noscript.html`);
  const img = still.locator("noscript img, img").first();
  await img.waitFor();
  assert.equal(await img.getAttribute("alt"), alt);
  assert.ok(await img.evaluate((e) => e.complete && e.naturalWidth === 1200), "the still image loads at 1200 px");
  // pym: a container with the story's id, and the arguments as JavaScript strings.
  const pym = await page.locator("#embed-pym").inputValue();
  assert.ok(pym.startsWith(`<div id="${FIXTURE.id}-pym"></div>\n<script src="pym.v1.min.js"></script>\n`), pym);
  assert.ok(
    pym.includes(`new pym.Parent(${scriptString(`${FIXTURE.id}-pym`)}, ${scriptString(src)}, { title: ${scriptString(FIXTURE.ui.headline.en)}, id: ${scriptString(`${FIXTURE.id}-frame`)} });`),
    pym,
  );
  assert.equal(pym.match(/<\/script>/g).length, 2, pym);
  assert.deepEqual(page.errors, []);
});

test("the copied embed code, pasted into a host page, fits the graphic and runs nothing from the story", async () => {
  const page = await newPage(browser, { viewport: { width: 1000, height: 800 } });
  await page.goto(`${graphic.url}?circle=commuting`);
  await ready(page);
  await page.locator(".embed-code summary").click();
  await page.waitForFunction(() => document.querySelector("#embed-pym").value !== "");
  const iframeCode = await page.locator("#embed-iframe").inputValue();
  const pymCode = await page.locator("#embed-pym").inputValue();
  const article = (code) => `<!doctype html><html lang="en"><head><title>article</title></head><body><h1>Article</h1>\n${code}\n</body></html>`;
  hostRoutes["/pasted-iframe.html"] = ["text/html; charset=utf-8", article(iframeCode)];
  hostRoutes["/pasted-pym.html"] = ["text/html; charset=utf-8", article(pymCode)];
  for (const path of ["/pasted-iframe.html", "/pasted-pym.html"]) {
    const hostPage = await newPage(browser, { viewport: { width: 1000, height: 800 } });
    await hostPage.goto(`${host.origin}${path}`);
    const frameEl = hostPage.locator(`iframe#${FIXTURE.id}-frame`);
    assert.equal(await frameEl.count(), 1, `${path}: the iframe has the story's id`);
    assert.equal(await frameEl.getAttribute("title"), FIXTURE.ui.headline.zh, path);
    const frame = await (await frameEl.elementHandle()).contentFrame();
    await frame.waitForSelector("html[data-ready]", { state: "attached" });
    await frame.locator('.panel[data-view="commuting"]').waitFor();
    await expectFitted(hostPage, path);
    assert.equal(await hostPage.locator("img, [onerror]").count(), 0, path);
    assert.deepEqual(hostPage.errors, [], path);
  }
  assert.deepEqual(page.errors, []);
});
