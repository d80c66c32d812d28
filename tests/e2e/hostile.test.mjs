// Hostile input in the real page. The story is a build input: the build ships no story file
// to fetch. The fixture story's own hostile strings (markup, a right-to-left override with Arabic, zero-width
// characters, a 100-character word) are literal, isolated text in the prerendered page and
// after hydration, and nothing of them makes the page wider than a 320 px phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch, newPage, ready, DIST, SHIPPED_DIST, FIXTURE, SHOTS, figureLabel } from "./browser.mjs";

const FSI = "\u2068";
const PDI = "\u2069";
const MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>";
const place = (id) => FIXTURE.places.find((p) => p.id === id);
const circle = (id) => FIXTURE.circles.find((c) => c.id === id);
const figure = (id) => FIXTURE.figures.find((f) => f.id === id);
const chart = (id) => FIXTURE.charts.find((c) => c.id === id);
const LANGS = [["zh", ""], ["en", "en/"]];

// The fixture must hold what these tests are about, or they would pass on nothing.
const LONG_WORD = FIXTURE.ui.standfirst.en.split(/\s/).find((w) => w.length >= 100);
assert.ok(LONG_WORD, "the fixture's standfirst has a 100-character word");
assert.ok(FIXTURE.ui.headline.zh.endsWith(MARKUP) && FIXTURE.ui.headline.en.endsWith(MARKUP));
assert.equal(place("new-area").name.en, "<i>New Area</i>");
assert.ok(place("hill-city").name.en.includes("\u202e") && /[\u0600-\u06ff]/.test(place("hill-city").name.en));
assert.ok(/[\u200b\u200d\ufeff]/.test(figure("turnover").label.en));

let server;
let browser;
before(async () => {
  server = await serve(DIST, { routes: { "/favicon.ico": ["image/x-icon", ""] } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the build ships no story file to fetch", async () => {
  for (const dist of [DIST, SHIPPED_DIST]) {
    assert.equal(existsSync(join(dist, "stories")), false, `${dist}/stories/ exists`);
  }
  const page = await newPage(browser);
  const res = await page.request.get(`${server.url}stories/capital-metro.json`);
  assert.equal(res.status(), 404);
});

/** Every text node and attribute of the page holding a character that can reorder text
 *  (right-to-left letters, direction controls, zero-width characters) where it is not isolated:
 *  neither inside FSI…PDI in its own text, nor the only text of an element that isolates
 *  (computed `unicode-bidi: isolate`, which the UA gives blocks and the stylesheet gives
 *  labels and headings). Returns what is wrong, so an empty list passes. */
const unisolated = (page, storyStrings) => page.evaluate(({ FSI, PDI, storyStrings }) => {
  const sensitive = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200b-\u200f\u202a-\u202e]/;
  // Sensitive characters outside every FSI…PDI pair of `s`.
  const bare = (s) => {
    let depth = 0;
    let out = "";
    for (const c of s) {
      if (c === FSI || c === "\u2066" || c === "\u2067") depth++;
      else if (c === PDI) depth = Math.max(0, depth - 1);
      else if (depth === 0 && sensitive.test(c)) out += c;
    }
    return out;
  };
  const isolating = (el) => ["isolate", "isolate-override", "plaintext"].includes(getComputedStyle(el).unicodeBidi);
  const where = (el) => `${el.tagName.toLowerCase()}${el.classList.length ? "." + [...el.classList].join(".") : ""}`;
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode()); ) {
    if (!bare(n.data)) continue;
    let el = n.parentElement;
    while (el && !isolating(el)) el = el.parentElement;
    if (!el || el.textContent !== n.data) problems.push(`text in ${where(n.parentElement)}: ${JSON.stringify(n.data)}`);
  }
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      // An attribute that is one story string alone (a meta description) has nothing around it.
      if (bare(a.value) && !storyStrings.includes(a.value)) problems.push(`${where(el)}[${a.name}]: ${JSON.stringify(a.value)}`);
    }
  }
  return problems;
}, { FSI, PDI, storyStrings });

/** A quote as a reader of `lang` sees it: the original words in quotation marks, our
 *  translation marked as such and unquoted. */
const quoted = (quote, lang) => quote.original === lang
  ? `“${quote.words[lang]}”`
  : lang === "zh" ? `${quote.words.zh}（${FIXTURE.ui.our_translation.zh}）` : `${quote.words.en} (${FIXTURE.ui.our_translation.en})`;

/** Who said something, where and when: "role+name，occasion，date" / "name, role, occasion, date". */
const saidBy = (said, lang) => {
  const speaker = FIXTURE.speakers.find((s) => s.id === said.speaker);
  const [y, m, d] = said.date.split("-").map(Number);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return lang === "zh"
    ? `${speaker.role.zh}${speaker.name.zh}，${said.occasion.zh}，${y}年${m}月${d}日`
    : `${speaker.name.en}, ${speaker.role.en}, ${said.occasion.en}, ${d} ${months[m - 1]} ${y}`;
};

/** How sure a membership is, then its basis (passed through `isolate`): "已证实：…" / "confirmed: …". */
const basisNote = (m, isolate, lang) => {
  const status = FIXTURE.ui[`status_${m.status}`][lang];
  // The setting-out of the circles the membership belongs to, after how sure it is.
  // (The fixture's era names need no isolation: none is right-to-left.)
  const era = FIXTURE.eras.find((e) => e.id === m.era).name[lang];
  return lang === "zh" ? `${status}（${era}）：${isolate(m.basis.zh)}` : `${status} (${era}): ${isolate(m.basis.en)}`;
};

/** What an official said of a circle: a quote, or (where the report gives it as indirect
 *  speech) our paraphrase. */
const official = (c) => c.definition.quote ?? c.definition.plan;

/** The official's words as a reader of `lang` sees them: quoted, or told unquoted. */
const officialWords = (c, lang) => (c.definition.quote ? quoted(c.definition.quote, lang) : c.definition.plan.text[lang]);

/** "parts only" after a member's name, in each language's own brackets. */
const partNote = (part, lang) => (lang === "zh" ? `（${part}）` : ` (${part})`);

/** What the page shows of the fixture's hostile strings, read from the DOM. */
const shown = (page) => page.evaluate(() => {
  const text = (sel) => document.querySelector(sel)?.textContent ?? null;
  const texts = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent);
  return {
    title: document.title,
    headline: text("h1"),
    standfirst: text(".standfirst"),
    definitions: texts(".text-version .text-circle > p.definition.said"),
    planWords: texts(".text-version .text-circle > .definition.plan"),
    saidBy: texts(".text-version .text-circle > .said-by"),
    figureLabels: texts(".text-version .figure-label"),
    caveats: texts(".text-version .caveat"),
    members: Object.fromEntries([...document.querySelectorAll(".text-version .text-circle")].map((s) =>
      [s.dataset.circle, [...s.querySelectorAll("li")].map((li) => li.textContent)])),
    tableLabels: texts(".text-version table.data-table tbody th"),
    diagramLabels: texts("svg.diagram-wide text.label"),
    // Elements made of story text: none may exist inside the graphic.
    made: document.querySelectorAll("#app script, #app img, #app i, #app b, [onerror]").length,
  };
});

/** The same, as the fixture says it must read in `lang`. */
function expected(lang) {
  const part = FIXTURE.ui.legend_part[lang];
  const members = (id) => FIXTURE.places.flatMap((p) => p.memberships.filter((m) => m.circle === id).map((m) => [p, m]));
  const isolate = (s) => (/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(s) ? `${FSI}${s.replaceAll(PDI, "")}${PDI}` : s);
  const sections = ["overview", ...FIXTURE.circles.map((c) => c.id)];
  return {
    title: FIXTURE.ui.headline[lang],
    headline: FIXTURE.ui.headline[lang],
    standfirst: FIXTURE.ui.standfirst[lang],
    definitions: FIXTURE.circles.map((c) => c.definition.summary[lang]),
    planWords: FIXTURE.circles.map((c) => officialWords(c, lang)),
    // A quote is headed by who said it, with their role, where and when: never by a document.
    saidBy: FIXTURE.circles.map((c) => saidBy(official(c).said, lang)),
    figureLabels: sections.flatMap((s) => FIXTURE.figures.filter((f) => f.section === s)).map((f) => figureLabel(f, lang)),
    caveats: FIXTURE.figures.filter((f) => f.caveat).map((f) => f.caveat[lang]),
    members: Object.fromEntries(FIXTURE.circles.map((c) => [c.id, [FIXTURE.ui.beijing_core[lang], ...members(c.id).map(([p, m]) =>
      `${isolate(p.name[lang])}${m.extent === "part" ? partNote(part, lang) : ""} — ${basisNote(m, isolate, lang)}`)]])),
    tableLabels: sections.flatMap((s) => FIXTURE.charts.filter((c) => c.section === s)).flatMap((c) => c.bars.map((b) => b.label[lang])),
    made: 0,
  };
}

/** Checks the page as it stands: literal strings, no element made of them, isolation. */
async function checkHostileText(page, lang, when) {
  const got = await shown(page);
  const { diagramLabels, ...rest } = got;
  assert.deepEqual(rest, expected(lang), `${lang} ${when}`);
  // The diagram names the marked places by their literal names (isolated by the stylesheet).
  for (const id of ["new-area", "hill-city"]) {
    assert.ok(diagramLabels.includes(place(id).name[lang]), `${lang} ${when}: no label ${place(id).name[lang]} in ${diagramLabels}`);
  }
  const storyStrings = [FIXTURE.ui.standfirst[lang]];
  assert.deepEqual(await unisolated(page, storyStrings), [], `${lang} ${when}`);
}

test("the prerendered pages show the story's hostile strings as literal, isolated text", async () => {
  for (const [lang, path] of LANGS) {
    const page = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}${path}`);
    await checkHostileText(page, lang, "prerendered");
    // A figure label with a right-to-left override sits alone in an isolating element.
    const label = page.locator('.text-version [data-figure="people"] .figure-label');
    assert.equal(await label.textContent(), figure("people").label[lang]);
    assert.equal(await label.evaluate((e) => getComputedStyle(e).unicodeBidi), "isolate");
  }
});

test("after hydration, in every view, the hostile strings stay literal and isolated; nothing runs", async () => {
  for (const [lang, path] of LANGS) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}${path}`);
    await ready(page);
    await page.waitForFunction(() => document.querySelectorAll(".panel .view").length === 4);
    await checkHostileText(page, lang, "hydrated");
    for (const c of FIXTURE.circles) {
      await page.locator(`.pick-${c.id}`).click();
      await page.locator(`.panel[data-view="${c.id}"]`).waitFor();
      const view = page.locator(".panel .view:not([hidden])");
      assert.equal(await view.locator("h2").textContent(), c.name[lang]);
      assert.equal(await view.locator(".definition.said").textContent(), c.definition.summary[lang], `${lang} ${c.id}`);
      assert.equal(await view.locator(".definition.plan").textContent(), officialWords(c, lang), `${lang} ${c.id}`);
      assert.equal(await view.locator(".said-by").textContent(), saidBy(official(c).said, lang), `${lang} ${c.id}`);
      // Only a quote's words in their original language are a quotation (a blockquote in
      // quotation marks); words told in indirect speech never are.
      const isQuote = c.definition.quote?.original === lang;
      assert.equal(await view.locator("blockquote.definition.plan").count(), isQuote ? 1 : 0, `${lang} ${c.id}`);
      await checkHostileText(page, lang, `with ${c.id} shown`);
    }
    // The panel's member list: a name with markup is text; a right-to-left name is isolated.
    await page.locator(".pick-functional").click();
    await page.locator('.panel[data-view="functional"]').waitFor();
    const items = await page.locator(".panel .view:not([hidden]) .members li").evaluateAll((els) => els.map((e) => e.textContent));
    const newArea = place("new-area");
    const hill = place("hill-city");
    const keep = (s) => s;
    const wrap = (s) => `${FSI}${s}${PDI}`;
    assert.ok(items.includes(`${newArea.name[lang]} — ${basisNote(newArea.memberships[0], keep, lang)}`), `${lang}: ${items}`);
    assert.ok(items.includes(`${wrap(hill.name[lang])}${partNote(FIXTURE.ui.legend_part[lang], lang)} — ${basisNote(hill.memberships[0], wrap, lang)}`), `${lang}: ${items}`);
    // A chart's bar label with markup is text inside the chart's SVG.
    await page.locator(".pick-commuting").click();
    await page.locator('.panel[data-view="commuting"]').waitFor();
    const bar = chart("people-where").bars[0].label[lang];
    const svgTexts = await page.locator(".panel .view:not([hidden]) .chart-svg svg text").evaluateAll((els) => els.map((e) => e.textContent.trim()));
    assert.ok(svgTexts.includes(bar), `${lang}: ${svgTexts}`);
    // The story's alert(1) and alert(2) never ran: a dialog would be in page.errors.
    await page.waitForTimeout(300);
    assert.deepEqual(page.errors, [], lang);
  }
});

/** What sticks out to the right of a `width`-px viewport: elements, and text running out of
 *  its element. Inside an SVG (which clips what it draws) only the SVG's own box counts;
 *  hidden panel views and closed details take no room and are skipped. */
const overflow = (page, width) => page.evaluate((width) => {
  const where = (el) => `${el.tagName.toLowerCase()}${el.getAttribute("class") ? "." + el.getAttribute("class").trim().split(/\s+/).join(".") : ""}`;
  const skip = (el) => el.closest(".view[hidden]") || el.ownerSVGElement != null;
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (skip(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5) out.push(`${where(el)} right ${r.right.toFixed(0)}px`);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode()); ) {
    if (!n.parentElement || skip(n.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5) out.push(`text of ${where(n.parentElement)} right ${r.right.toFixed(0)}px: ${JSON.stringify(n.data.slice(0, 40))}`);
  }
  return { scrollWidth: document.documentElement.scrollWidth, out };
}, width);

// 320 px is the narrowest phone; 1280 px shows the same word widening the panel's figures.
test("at 320 px (and 1280 px) nothing is wider than the screen, before and after hydration", async () => {
  const failures = [];
  for (const width of [320, 1280]) {
    for (const [lang, path] of LANGS) {
      const page = await newPage(browser, { viewport: { width, height: 800 } });
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route("**/*.wasm", async (route) => { await held; await route.continue(); });
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector("svg.diagram", { state: "attached" });
      const states = [["before hydration", await overflow(page, width)]];
      await page.screenshot({ path: join(SHOTS, `hostile-${width}-${lang}-prerendered.png`), fullPage: true });
      release();
      await ready(page);
      await page.waitForFunction(() => document.querySelectorAll(".panel .view").length === 4);
      states.push(["after hydration", await overflow(page, width)]);
      for (const c of FIXTURE.circles) {
        await page.locator(`.pick-${c.id}`).click();
        await page.locator(`.panel[data-view="${c.id}"]`).waitFor();
        states.push([`with ${c.id} shown`, await overflow(page, width)]);
      }
      await page.screenshot({ path: join(SHOTS, `hostile-${width}-${lang}.png`), fullPage: true });
      for (const [when, { scrollWidth, out }] of states) {
        if (scrollWidth > width || out.length > 0) failures.push(`${width}px ${lang} ${when}: page ${scrollWidth}px wide; ${[...new Set(out)].join("; ")}`);
      }
      assert.deepEqual(page.errors, [], `${width}px ${lang}`);
    }
  }
  assert.deepEqual(failures, []);
});
