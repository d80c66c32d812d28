// Place cards as readers use them: a tap at 320 px, a click, hover and the keyboard at 1280 px;
// closing by Escape, a second tap and a tap elsewhere, with focus returned; cards inside the
// diagram and clear of their mark; axe-core with a card open; the same details without
// JavaScript. Distances and directions are computed here, independently of the graphic's code.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch, newPage, ready, FIXTURE, REPO, SHOTS } from "./browser.mjs";
import { DIST, SHIPPED_DIST } from "./browser.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SHIPPED_STORY = JSON.parse(readFileSync(join(REPO, "static", "stories", "capital-metro.json"), "utf8"));

// Haversine distance and initial bearing on a sphere of the mean Earth radius, and the
// 16-point compass: the reader's "about 104 km south-southwest".
const R = 6371.0088;
const rad = (d) => (d * Math.PI) / 180;
function distanceKm(a, b) {
  const dPhi = rad(b.lat - a.lat);
  const dLambda = rad(b.lon - a.lon);
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLambda / 2) ** 2;
  return 2 * R * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}
function bearingDeg(a, b) {
  const dLambda = rad(b.lon - a.lon);
  const y = Math.sin(dLambda) * Math.cos(rad(b.lat));
  const x = Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) - Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(dLambda);
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}
const POINTS = {
  en: ["north", "north-northeast", "northeast", "east-northeast", "east", "east-southeast", "southeast", "south-southeast",
    "south", "south-southwest", "southwest", "west-southwest", "west", "west-northwest", "northwest", "north-northwest"],
  zh: ["北", "东北偏北", "东北", "东北偏东", "东", "东南偏东", "东南", "东南偏南",
    "南", "西南偏南", "西南", "西南偏西", "西", "西北偏西", "西北", "西北偏北"],
};
/** What a place's card says of its distance and direction from the story's centre. */
export function distanceText(story, place, lang) {
  const km = Math.round(distanceKm(story.centre, place));
  const point = POINTS[lang][Math.round(bearingDeg(story.centre, place) / 22.5) % 16];
  const centre = story.centre.name[lang];
  return lang === "zh" ? `${centre}${point}约${km}公里` : `about ${km} km ${point} of ${centre}`;
}
/** Text without the invisible isolates the graphic puts around story strings. */
const plain = (s) => s.replace(/[\u2066-\u2069]/g, "");

let fixture;
let shipped;
let browser;
before(async () => {
  fixture = await serve(DIST);
  shipped = await serve(SHIPPED_DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await fixture?.close();
  await shipped?.close();
});

async function open(at, query, options) {
  const page = await newPage(browser, options);
  await page.goto(`${at.url}${query}`);
  await ready(page);
  await page.waitForFunction(() => document.querySelectorAll("svg.diagram .place").length > 0);
  return page;
}
const phone = { viewport: { width: 320, height: 740 }, hasTouch: true, isMobile: true };
const desktop = { viewport: { width: 1280, height: 900 } };

const mark = (page, id) => page.locator(`svg.diagram:visible .place[data-place="${id}"] .mark`);
async function centreOf(page, id) {
  await mark(page, id).scrollIntoViewIfNeeded();
  const box = await mark(page, id).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}
const activePlace = (page) => page.evaluate(() => document.activeElement?.closest(".place")?.dataset.place ?? null);
const card = (page) => page.locator(".place-card");
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a, b) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;

/** The open card's place, its text, and whether it sits inside the diagram clear of its mark. */
async function checkCard(page, id, lang, story, where) {
  await page.locator(`.place-card[data-place="${id}"]`).waitFor();
  const place = story.places.find((p) => p.id === id);
  const text = plain(await card(page).innerText());
  assert.ok(text.includes(plain(place.name[lang])), `${where}: ${id} card names it: ${text}`);
  assert.ok(text.includes(distanceText(story, place, lang)), `${where}: ${id} card says "${distanceText(story, place, lang)}": ${text}`);
  for (const m of place.memberships) {
    const circle = story.circles.find((c) => c.id === m.circle).name[lang];
    assert.ok(text.includes(plain(circle)), `${where}: ${id} card lists ${m.circle}`);
    assert.ok(text.includes(plain(story.ui[`status_${m.status}`][lang])), `${where}: ${id} card says ${m.status}`);
  }
  const cardBox = await card(page).boundingBox();
  const diagram = await page.locator("svg.diagram:visible").boundingBox();
  assert.ok(inside(cardBox, diagram), `${where}: ${id} card ${JSON.stringify(cardBox)} leaves the diagram ${JSON.stringify(diagram)}`);
  const { box } = await centreOf(page, id);
  assert.ok(!overlaps(cardBox, box), `${where}: ${id} card covers its mark`);
}

test("at 320 px every place's card opens by a tap, and a second tap closes it, focus returned", async () => {
  for (const lang of ["zh", "en"]) {
    const page = await open(fixture, `?lang=${lang}`, phone);
    for (const place of FIXTURE.places) {
      const { x, y } = await centreOf(page, place.id);
      await page.touchscreen.tap(x, y);
      await checkCard(page, place.id, lang, FIXTURE, `320 ${lang}`);
      // A place is not a circle: the view stays the overview.
      assert.equal(await page.locator(".panel").getAttribute("data-view"), "overview");
      const again = await centreOf(page, place.id);
      assert.deepEqual([again.x, again.y], [x, y], "opening a card does not scroll the page");
      await page.touchscreen.tap(x, y);
      await card(page).waitFor({ state: "detached" });
      assert.equal(await activePlace(page), place.id, `${lang}: focus back on ${place.id}`);
    }
    assert.deepEqual(page.errors, []);
  }
});

test("marks closer than a finger: the nearest opens, and its card lists the others", async () => {
  const page = await open(fixture, "?lang=en", phone);
  const east = await centreOf(page, "east-town");
  const near = await centreOf(page, "near-east");
  assert.ok(Math.hypot(east.x - near.x, east.y - near.y) < 12, "the fixture's two marks lie within a finger");
  // A tap a little nearer Near East than East Town means Near East.
  const t = { x: near.x + (east.x - near.x) * 0.3, y: near.y + (east.y - near.y) * 0.3 };
  await page.touchscreen.tap(t.x, t.y);
  await checkCard(page, "near-east", "en", FIXTURE, "near");
  const listed = await card(page).locator(".card-nearby").evaluateAll((bs) => bs.map((b) => b.dataset.place));
  assert.deepEqual(listed, ["east-town"]);
  await card(page).locator('.card-nearby[data-place="east-town"]').tap();
  await checkCard(page, "east-town", "en", FIXTURE, "from the list");
  assert.equal(await page.locator(".place-card").count(), 1, "one card at a time");
  assert.deepEqual(page.errors, []);
});

test("at 1280 px cards open by click and by keyboard, close by Escape; hover previews", async () => {
  const page = await open(fixture, "?lang=en", desktop);
  // Opening and closing cards changes the card alone: the drawing is kept, not rebuilt.
  const drawing = await page.locator("svg.diagram:visible").elementHandle();
  for (const place of FIXTURE.places) {
    const { x, y } = await centreOf(page, place.id);
    await page.mouse.click(x, y);
    await checkCard(page, place.id, "en", FIXTURE, "click");
    assert.ok(await drawing.evaluate((svg) => svg.isConnected), `opening ${place.id}'s card rebuilt the diagram`);
    assert.equal(await page.locator(".panel").getAttribute("data-view"), "overview");
    await page.keyboard.press("Escape");
    await card(page).waitFor({ state: "detached" });
    assert.equal(await activePlace(page), place.id, `Escape returns focus to ${place.id}`);
  }

  // Hover shows a preview that goes when the pointer leaves; a click pins it.
  const river = await centreOf(page, "river-city");
  await page.mouse.move(river.x, river.y);
  await page.locator('.place-card.preview[data-place="river-city"]').waitFor();
  await page.mouse.move(5, 5);
  await card(page).waitFor({ state: "detached" });
  await page.mouse.move(river.x, river.y);
  await page.mouse.click(river.x, river.y);
  await page.locator('.place-card:not(.preview)[data-place="river-city"]').waitFor();
  await page.mouse.move(5, 5);
  assert.equal(await card(page).count(), 1, "a pinned card stays when the pointer leaves");
  // A tap elsewhere on the diagram closes it and selects nothing.
  const disc = await page.locator("svg.diagram:visible .disc-industrial").boundingBox();
  await page.mouse.click(disc.x + disc.width / 2, disc.y + 12);
  await card(page).waitFor({ state: "detached" });
  assert.equal(await page.locator(".panel").getAttribute("data-view"), "overview");
  assert.equal(await activePlace(page), "river-city");

  // The keyboard: the places are one Tab stop after the circles.
  await page.locator('svg.diagram:visible .disc[tabindex="0"]').focus();
  await page.keyboard.press("Tab");
  const first = FIXTURE.places[0].id;
  assert.equal(await activePlace(page), "river-city", "the Tab stop is the last place used");
  await page.keyboard.press("Home"); // no action: stays
  const order = FIXTURE.places.map((p) => p.id);
  const at = order.indexOf("river-city");
  await page.keyboard.press("ArrowRight");
  assert.equal(await activePlace(page), order[(at + 1) % order.length]);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await activePlace(page), order[(at - 1 + order.length) % order.length]);
  const chosen = await activePlace(page);
  await page.keyboard.press("Enter");
  await checkCard(page, chosen, "en", FIXTURE, "Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "place-card", "focus moves into the card");
  assert.equal(await page.locator(`svg.diagram:visible .place[data-place="${chosen}"]`).getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Escape");
  await card(page).waitFor({ state: "detached" });
  assert.equal(await activePlace(page), chosen);
  await page.keyboard.press(" ");
  await checkCard(page, chosen, "en", FIXTURE, "Space");
  // The close button closes it too, returning focus.
  await card(page).locator(".card-close").click();
  await card(page).waitFor({ state: "detached" });
  assert.equal(await activePlace(page), chosen);
  assert.ok(first);
  assert.deepEqual(page.errors, []);
});

test("shipped story: axe-core finds nothing with a card open, zh and en, light and dark", async () => {
  for (const [options, id] of [[desktop, "langfang"], [phone, "tongzhou"]]) {
    for (const lang of ["zh", "en"]) {
      for (const theme of ["light", "dark"]) {
        const page = await open(shipped, `?lang=${lang}&theme=${theme}`, options);
        await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
        const { x, y } = await centreOf(page, id);
        if (options.hasTouch) await page.touchscreen.tap(x, y);
        else await page.mouse.click(x, y);
        await checkCard(page, id, lang, SHIPPED_STORY, `shipped ${lang} ${theme}`);
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
        const summary = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        assert.deepEqual(summary, [], `${options.viewport.width} ${lang} ${theme}`);
        const wrap = await page.locator(".diagram-wrap").boundingBox();
        await page.screenshot({ path: join(SHOTS, `card-${options.viewport.width}-${lang}-${theme}.png`), clip: wrap });
        assert.deepEqual(page.errors, []);
      }
    }
  }
});

test("shipped story: every place at its true distance in a card, and without JavaScript in the text", async () => {
  const page = await open(shipped, "?lang=en", desktop);
  for (const place of SHIPPED_STORY.places) {
    const { x, y } = await centreOf(page, place.id);
    await page.mouse.click(x, y);
    await checkCard(page, place.id, "en", SHIPPED_STORY, "shipped");
    await page.keyboard.press("Escape");
    await card(page).waitFor({ state: "detached" });
  }
  // After every card has opened and closed, each mark's accessible name still names its own
  // place, with the card's distance and direction.
  for (const place of SHIPPED_STORY.places) {
    const name = plain(await page.locator(`svg.diagram:visible .place[data-place="${place.id}"]`).getAttribute("aria-label"));
    assert.ok(name.startsWith(`${place.name.en}: `), `${place.id}: ${name}`);
    assert.ok(name.endsWith(`, ${distanceText(SHIPPED_STORY, place, "en")}`), `${place.id}: ${name}`);
    // Where only parts of a place belong to the circle its mark shows, or the source does not
    // say how much, the name says so (Langfang: parts only; Tangshan: extent not stated).
    const order = ["commuting", "functional", "industrial"];
    const innermost = [...place.memberships].sort((a, b) => order.indexOf(a.circle) - order.indexOf(b.circle))[0];
    const extentWord = { part: SHIPPED_STORY.ui.legend_part.en, not_stated: SHIPPED_STORY.ui.extent_not_stated.en }[innermost?.extent];
    if (extentWord && !place.in_beijing) assert.ok(name.includes(`(${extentWord}, `), `${place.id}: ${name}`);
    else assert.ok(!name.includes(SHIPPED_STORY.ui.legend_part.en), `${place.id}: ${name}`);
  }
  for (const [lang, path] of [["zh", ""], ["en", "en/"]]) {
    const nojs = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await nojs.goto(`${shipped.url}${path}`);
    for (const place of SHIPPED_STORY.places) {
      const section = nojs.locator(`.text-version .text-place[data-place="${place.id}"]`);
      assert.equal(plain(await section.locator("h4").innerText()), place.name[lang]);
      assert.equal(plain(await section.locator(".place-distance").innerText()), distanceText(SHIPPED_STORY, place, lang));
      const circles = await section.locator(".place-circles li").evaluateAll((lis) => lis.map((li) => li.dataset.circle));
      assert.deepEqual(circles, place.memberships.map((m) => m.circle), `${lang} ${place.id}`);
      if (place.orientation) {
        assert.ok(plain(await section.innerText()).includes(place.orientation[lang]), `${lang} ${place.id}: why it is shown`);
      }
    }
  }
});

test("a card follows its mark when the window changes size, and closes when the other width class shows", async () => {
  const page = await open(fixture, "?lang=en", desktop);
  const { x, y } = await centreOf(page, "river-city");
  await page.mouse.click(x, y);
  await checkCard(page, "river-city", "en", FIXTURE, "1280");
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForTimeout(100);
  await checkCard(page, "river-city", "en", FIXTURE, "700 after resize");
  // Still the stylesheet's width (20rem, at most the diagram's less its margins), not one
  // measured mid-resize.
  const cardBox = await card(page).boundingBox();
  const diagram = await page.locator("svg.diagram:visible").boundingBox();
  assert.ok(cardBox.width >= Math.min(320, diagram.width - 12) - 1, `card ${cardBox.width} px wide`);
  await page.setViewportSize({ width: 400, height: 900 });
  await card(page).waitFor({ state: "detached" });
  assert.deepEqual(page.errors, []);
});
