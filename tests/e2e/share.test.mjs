// dist/share/: what the build makes for channels without iframes, checked as those channels
// would take it. The WeChat SVG, pasted into an article whose editor stripped every id, class
// and <style>, with JavaScript off, opens each circle's section by a tap; the long images and
// the newsletter image have the sizes the channels take, and OCR reads the headline figures.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { launch, newPage, DIST, SHIPPED_DIST, FIXTURE, REPO, SHOTS } from "./browser.mjs";

const SHIPPED_STORY = JSON.parse(readFileSync(join(REPO, "static", "stories", "capital-metro.json"), "utf8"));
const BUILDS = [["fixture", DIST, FIXTURE], ["shipped", SHIPPED_DIST, SHIPPED_STORY]];
const MAX_BYTES = 5_000_000;

/** Width and height of a PNG, from its IHDR chunk. */
const pngSize = (path) => {
  const b = readFileSync(path);
  assert.equal(b.toString("latin1", 1, 4), "PNG", path);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

/** Width and height of a baseline or progressive JPEG, from its first SOF marker. */
const jpegSize = (path) => {
  const b = readFileSync(path);
  assert.equal(b.readUInt16BE(0), 0xffd8, path);
  for (let i = 2; i < b.length; ) {
    const marker = b.readUInt16BE(i);
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xffc0 && marker <= 0xffc2) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  throw new Error(`${path}: no SOF marker`);
};

/** The long image's parts of one language, in order. */
const longParts = (dir, lang, ext) => readdirSync(join(dir, "share"))
  .filter((f) => new RegExp(`^long-${lang}(-\\d+)?\\.${ext}$`).test(f))
  .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

/** What an editor's tool leaves of the SVG: no id, no class, no <style>. */
const stripped = (svg) => svg
  .replace(/<style[\s\S]*?<\/style>/g, "")
  .replace(/\s(id|class)="[^"]*"/g, "");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A phone page holding the SVG as an article would, JavaScript off, touch on. */
async function articlePage(svg) {
  const page = await newPage(browser, { javaScriptEnabled: false, hasTouch: true, isMobile: true, viewport: { width: 375, height: 812 } });
  await page.setContent(`<!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0">${svg}</body></html>`);
  return page;
}

/** The tap groups (one per circle, innermost first) and their discs' centre and radius in px. */
const groups = (page) => page.evaluate(() => {
  const svg = document.querySelector("svg");
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.children].filter((g) => g.tagName === "g" && g.querySelector(":scope > set"))
    .map((g) => {
      const disc = g.querySelector(":scope > circle");
      return { cx: box.x + disc.cx.baseVal.value * scale, cy: box.y + disc.cy.baseVal.value * scale, r: disc.r.baseVal.value * scale };
    })
    .sort((a, b) => a.r - b.r);
});

/** Whether each circle's section (innermost first) is shown: every text of it visible with a box. */
const sectionsShown = (page) => page.evaluate(() => {
  const svg = document.querySelector("svg");
  return [...svg.children].filter((g) => g.tagName === "g" && g.querySelector(":scope > set"))
    .map((g) => {
      const texts = [...g.querySelectorAll("text")];
      const shown = texts.filter((t) => getComputedStyle(t).visibility === "visible" && t.getBBox().width > 0);
      return { r: g.querySelector(":scope > circle").r.baseVal.value, all: texts.length, shown: shown.length, words: texts.map((t) => t.textContent).join(" ") };
    })
    .sort((a, b) => a.r - b.r);
});

test("the WeChat SVG, stripped of ids, classes and styles, opens each circle's section by a tap", async () => {
  for (const [name, dir, story] of BUILDS) {
    for (const lang of ["zh", "en"]) {
      const svg = stripped(readFileSync(join(dir, "share", `wechat-${lang}.svg`), "utf8"));
      assert.doesNotMatch(svg, /<script|<style|foreignObject|href=|url\(|@font-face/, `${name} ${lang}`);
      for (let i = 0; i < 3; i++) {
        const page = await articlePage(svg);
        const before = await sectionsShown(page);
        assert.deepEqual(before.map((s) => s.shown), [0, 0, 0], `${name} ${lang}: sections hidden before a tap`);
        // A point on the disc that no inner disc covers: the centre, or midway through the ring.
        const discs = await groups(page);
        const d = discs[i];
        const inner = i === 0 ? 0 : discs[i - 1].r;
        const y = d.cy - (inner + d.r) / 2;
        await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 300)), y);
        const scrolled = await page.evaluate(() => window.scrollY);
        await page.touchscreen.tap(d.cx, i === 0 ? d.cy - scrolled : y - scrolled);
        await page.waitForTimeout(100);
        const after = await sectionsShown(page);
        after.forEach((s, k) => {
          if (k === i) assert.equal(s.shown, s.all, `${name} ${lang}: circle ${i} shows every text of its section`);
          else assert.equal(s.shown, 0, `${name} ${lang}: tapping circle ${i} leaves circle ${k}'s section hidden`);
        });
        // The shown section is that circle's: its name and its figures' values.
        const circle = story.circles[i];
        assert.ok(after[i].words.includes(circle.name[lang]), `${name} ${lang}: ${circle.id}`);
        await page.close();
      }
      // Every section open: no text leaves the 375 px column, and none is under 14 px.
      const page = await articlePage(svg);
      for (const d of await groups(page)) {
        const y = d.cy - d.r + 4;
        await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 300)), y);
        const scrolled = await page.evaluate(() => window.scrollY);
        await page.touchscreen.tap(d.cx, y - scrolled);
      }
      await page.waitForTimeout(100);
      const overflow = await page.evaluate(() => [...document.querySelectorAll("text")]
        .filter((t) => { const b = t.getBoundingClientRect(); return b.left < -0.5 || b.right > 375.5; })
        .map((t) => t.textContent));
      assert.deepEqual(overflow, [], `${name} ${lang}: text wider than the column`);
      const small = await page.evaluate(() => [...document.querySelectorAll("text")].filter((t) => parseFloat(getComputedStyle(t).fontSize) < 14).length);
      assert.equal(small, 0, `${name} ${lang}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, `${name} ${lang}: the page does not widen`);
      if (name === "shipped") await page.screenshot({ path: join(SHOTS, `wechat-${lang}-open.png`), fullPage: false });
      await page.close();
    }
  }
});

test("the fixture's hostile strings stay literal text in the WeChat SVG, and its XML stays whole", async () => {
  for (const lang of ["zh", "en"]) {
    const svg = readFileSync(join(DIST, "share", `wechat-${lang}.svg`), "utf8");
    const page = await newPage(browser, { javaScriptEnabled: false });
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        elements: [...doc.querySelectorAll("*")].map((e) => e.localName).filter((n) => ["script", "img", "i", "b", "foreignObject"].includes(n)),
        text: [...doc.querySelectorAll("text")].map((t) => t.textContent).join(" "),
      };
    }, svg);
    assert.equal(parsed.error, null, lang);
    assert.deepEqual(parsed.elements, [], lang);
    // The fixture's headline holds a script tag and an image with an onerror handler.
    const squeeze = (s) => s.replace(/\s+/g, "");
    assert.ok(squeeze(parsed.text).includes(squeeze(FIXTURE.ui.headline[lang])), `${lang}: ${parsed.text.slice(0, 200)}`);
    assert.ok(parsed.text.includes("<script>alert(1)</script>"), lang);
    assert.ok(svg.includes("&lt;script&gt;alert(1)&lt;/script&gt;"), lang);
    await page.close();
  }
});

test("long images: 750 px wide, no part taller than 20,000 px, each file under 5 MB, a JPEG beside each PNG", async () => {
  for (const [name, dir] of BUILDS) {
    for (const lang of ["zh", "en"]) {
      const pngs = longParts(dir, lang, "png");
      const jpegs = longParts(dir, lang, "jpg");
      assert.ok(pngs.length >= 1, `${name} ${lang}: no long image`);
      assert.deepEqual(jpegs.map((f) => f.replace(/\.jpg$/, "")), pngs.map((f) => f.replace(/\.png$/, "")), `${name} ${lang}`);
      for (const [file, size] of [...pngs.map((f) => [f, pngSize]), ...jpegs.map((f) => [f, jpegSize])]) {
        const path = join(dir, "share", file);
        const { width, height } = size(path);
        assert.equal(width, 750, `${name} ${file}`);
        assert.ok(height > 0 && height <= 20_000, `${name} ${file}: ${height} px`);
        assert.ok(statSync(path).size < MAX_BYTES, `${name} ${file}: ${statSync(path).size} bytes`);
      }
      const still = join(dir, "share", `static-${lang}.png`);
      assert.equal(pngSize(still).width, 1200, `${name} ${lang}`);
      assert.ok(statSync(still).size < MAX_BYTES, `${name} ${lang}`);
      const alt = readFileSync(join(dir, "share", `static-${lang}.txt`), "utf8").trim();
      const story = name === "fixture" ? FIXTURE : SHIPPED_STORY;
      assert.ok(alt.startsWith(story.ui.headline[lang]), `${name} ${lang}: ${alt}`);
    }
    for (const lang of ["zh", "en"]) {
      const note = readFileSync(join(dir, "share", `README-${lang}.txt`), "utf8");
      for (const file of [`wechat-${lang}.svg`, `long-${lang}.png`, `static-${lang}.png`, `static-${lang}.txt`]) {
        assert.ok(note.includes(file), `${name} README-${lang}.txt names ${file}`);
      }
    }
  }
});

/**
 * Text tesseract reads in an image, whitespace removed (Chinese comes out letter-spaced). One
 * OpenMP thread: on these two cores tesseract's threads wait on each other, and a 2,400 px strip
 * took 4.5 s with them and 0.7 s without.
 */
const ocr = (path, lang) =>
  execFileSync("tesseract", [path, "stdout", "-l", lang === "zh" ? "chi_sim" : "eng", "--psm", "4"], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    env: { ...process.env, OMP_THREAD_LIMIT: "1" },
  }).replace(/\s+/g, "");

/**
 * OCR of an image in strips from the top, until every one of `wanted` is read: the figures
 * stand in the first sections, and reading 15,000 px of text to find them took two minutes.
 * The strips overlap, so no line is cut without also being read whole.
 */
async function ocrUntil(file, lang, wanted) {
  const { width, height } = pngSize(file);
  const page = await newPage(browser, { viewport: { width, height: 1000 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0"><img style="display:block" src="data:image/png;base64,${readFileSync(file).toString("base64")}"></body></html>`);
  await page.locator("img").evaluate((img) => img.decode());
  const STRIP = 2400;
  const OVERLAP = 200;
  let text = "";
  for (let top = 0; top < height && !wanted.every((w) => text.includes(w)); top += STRIP - OVERLAP) {
    const strip = join(SHOTS, `ocr-${lang}-${top}.png`);
    await page.screenshot({ path: strip, fullPage: true, clip: { x: 0, y: top, width, height: Math.min(STRIP, height - top) } });
    text += ocr(strip, lang);
  }
  await page.close();
  return text;
}

test("OCR finds the headline figures in the shipped story's long images, in zh and en", async () => {
  const figures = {
    zh: ["40万", "17.5万", "2.7万平方公里"],
    en: ["400,000", "175,000", "27,000km"],
  };
  for (const lang of ["zh", "en"]) {
    let text = "";
    for (const part of longParts(SHIPPED_DIST, lang, "png")) {
      text += await ocrUntil(join(SHIPPED_DIST, "share", part), lang, figures[lang]);
      if (figures[lang].every((f) => text.includes(f))) break;
    }
    for (const figure of figures[lang]) {
      assert.ok(text.includes(figure), `${lang}: OCR did not find ${figure}`);
    }
    // And the newsletter image's headline, at its top.
    const headline = SHIPPED_STORY.ui.headline[lang].replace(/\s+/g, "").slice(0, 8);
    const still = await ocrUntil(join(SHIPPED_DIST, "share", `static-${lang}.png`), lang, [headline]);
    assert.ok(still.includes(headline), `${lang}: ${still.slice(0, 120)}`);
  }
});
