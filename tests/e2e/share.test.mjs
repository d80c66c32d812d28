// dist/share/: what the build makes for channels without iframes, checked as those channels
// would take it. The WeChat SVG, pasted into an article whose editor stripped every id, class
// and <style>, with JavaScript off, reads whole without a tap and marks a circle by a tap; the
// long images and
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

/** The tap groups (one per circle, innermost first): their discs' centre and radius in px, and
 * whether the circle is marked (the group's ring and heading bar shown). */
const groups = (page) => page.evaluate(() => {
  const svg = document.querySelector("svg");
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.children].filter((g) => g.tagName === "g" && g.querySelector(":scope > set"))
    .map((g) => {
      const disc = g.querySelector(":scope > circle[visibility]");
      const marks = [...g.children].filter((c) => c !== disc && c.tagName !== "set");
      return {
        cx: box.x + disc.cx.baseVal.value * scale,
        cy: box.y + disc.cy.baseVal.value * scale,
        r: disc.r.baseVal.value * scale,
        marked: marks.length > 0 && marks.every((m) => getComputedStyle(m).visibility === "visible"),
      };
    })
    .sort((a, b) => a.r - b.r);
});

/** Texts of the article that a reader cannot see (hidden, or with no box). */
const hiddenTexts = (page) => page.evaluate(() => [...document.querySelectorAll("text")]
  .filter((t) => t.textContent.trim() !== "")
  .filter((t) => getComputedStyle(t).visibility !== "visible" || t.getBBox().width === 0)
  .map((t) => t.textContent));

/** The longest run of screen rows (px, at device pixel ratio 1) in which every pixel is the
 * page's background colour (±2), over a full-page screenshot, and the page's height. */
async function longestEmptyRun(page) {
  const png = await page.screenshot({ fullPage: true });
  const probe = await newPage(browser, { viewport: { width: 400, height: 300 } });
  const run = await probe.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    const bg = [px[0], px[1], px[2]];
    let longest = 0;
    let current = 0;
    for (let y = 0; y < img.height; y++) {
      let empty = true;
      for (let x = 0; x < img.width && empty; x++) {
        const i = (y * img.width + x) * 4;
        empty = Math.abs(px[i] - bg[0]) <= 2 && Math.abs(px[i + 1] - bg[1]) <= 2 && Math.abs(px[i + 2] - bg[2]) <= 2;
      }
      current = empty ? current + 1 : 0;
      longest = Math.max(longest, current);
    }
    return { longest, height: img.height, width: img.width };
  }, png.toString("base64"));
  await probe.close();
  return run;
}

test("the WeChat SVG, stripped of ids, classes and styles: everything readable untapped, no empty screen, a tap marks its circle", async () => {
  for (const [name, dir, story] of BUILDS) {
    for (const lang of ["zh", "en"]) {
      const svg = stripped(readFileSync(join(dir, "share", `wechat-${lang}.svg`), "utf8"));
      assert.doesNotMatch(svg, /<script|<style|foreignObject|href=|url\(|@font-face/, `${name} ${lang}`);
      // Untapped, at 375 px and device pixel ratio 1: every text shown, every circle's name and
      // definition among them, and no run of empty background taller than 200 px.
      const page = await newPage(browser, { javaScriptEnabled: false, hasTouch: true, isMobile: true, deviceScaleFactor: 1, viewport: { width: 375, height: 812 } });
      await page.setContent(`<!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0">${svg}</body></html>`);
      assert.deepEqual(await hiddenTexts(page), [], `${name} ${lang}: every text readable without a tap`);
      const words = await page.evaluate(() => document.querySelector("svg").textContent.replace(/\s+/g, ""));
      for (const circle of story.circles) {
        assert.ok(words.includes(circle.name[lang].replace(/\s+/g, "")), `${name} ${lang}: ${circle.id}`);
      }
      const untapped = await longestEmptyRun(page);
      assert.equal(untapped.width, 375, `${name} ${lang}: the column is 375 px`);
      assert.ok(untapped.longest <= 200, `${name} ${lang}: an empty run of ${untapped.longest} px in ${untapped.height} px untapped`);
      assert.deepEqual((await groups(page)).map((g) => g.marked), [false, false, false], `${name} ${lang}: nothing marked before a tap`);
      // Each disc tapped in turn, innermost first: that circle is marked, every text stays
      // readable, nothing leaves the column, and still no empty screen.
      for (let i = 0; i < 3; i++) {
        const discs = await groups(page);
        const d = discs[i];
        // A point on the disc that no inner disc covers: the centre, or midway through the ring.
        const inner = i === 0 ? 0 : discs[i - 1].r;
        const y = i === 0 ? d.cy : d.cy - (inner + d.r) / 2;
        await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 300)), y + (await page.evaluate(() => window.scrollY)));
        const after = await groups(page);
        await page.touchscreen.tap(after[i].cx, i === 0 ? after[i].cy : after[i].cy - (inner + after[i].r) / 2);
        await page.waitForTimeout(100);
        const marked = (await groups(page)).map((g) => g.marked);
        assert.deepEqual(marked, [0, 1, 2].map((k) => k <= i), `${name} ${lang}: tap ${i} marks circle ${i}, and the earlier marks stay`);
        assert.deepEqual(await hiddenTexts(page), [], `${name} ${lang}: tap ${i}`);
        const overflow = await page.evaluate(() => [...document.querySelectorAll("text")]
          .filter((t) => { const b = t.getBoundingClientRect(); return b.left < -0.5 || b.right > 375.5; })
          .map((t) => t.textContent));
        assert.deepEqual(overflow, [], `${name} ${lang}: text wider than the column after tap ${i}`);
        const run = await longestEmptyRun(page);
        assert.ok(run.longest <= 200, `${name} ${lang}: an empty run of ${run.longest} px after tap ${i}`);
      }
      const small = await page.evaluate(() => [...document.querySelectorAll("text")].filter((t) => parseFloat(getComputedStyle(t).fontSize) < 14).length);
      assert.equal(small, 0, `${name} ${lang}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, `${name} ${lang}: the page does not widen`);
      if (name === "shipped") await page.screenshot({ path: join(SHOTS, `wechat-${lang}-marked.png`), fullPage: false });
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
