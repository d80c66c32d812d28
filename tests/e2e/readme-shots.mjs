// README's screenshots, from the shipped build (`make screenshots`): the commuting view with
// the Tongzhou–Beisan zone, and an open place card, at 375 px in Chinese and dark, and at
// 1280 px in English and light.
import { copyFileSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch, newPage, ready, SHIPPED_DIST, REPO } from "./browser.mjs";

const OUT = join(REPO, "static", "screenshots");
const SHOTS = [
  { name: "commuting-1280-en-light", width: 1280, lang: "en", theme: "light", circle: "commuting" },
  { name: "card-1280-en-light", width: 1280, lang: "en", theme: "light", place: "langfang" },
  { name: "commuting-375-zh-dark", width: 375, lang: "zh", theme: "dark", circle: "commuting" },
  { name: "card-375-zh-dark", width: 375, lang: "zh", theme: "dark", place: "xiongan" },
];

/** The long image's first part (`long-en.png`, or `long-en-1.png` when split). */
function longFirst(lang) {
  const files = readdirSync(join(SHIPPED_DIST, "share"));
  return files.includes(`long-${lang}.png`) ? `long-${lang}.png` : `long-${lang}-1.png`;
}

// A page that shows the long image's top at a phone's width.
const routes = {
  "/long-top.html": ["text/html; charset=utf-8", `<!doctype html><html><body style="margin:0"><img src="share/${longFirst("en")}" style="width:375px;display:block" alt=""></body></html>`],
};
const server = await serve(SHIPPED_DIST, { routes });
const browser = await launch();
try {
  for (const shot of SHOTS) {
    const mobile = shot.width < 480;
    const page = await newPage(browser, {
      viewport: { width: shot.width, height: mobile ? 812 : 1000 },
      deviceScaleFactor: mobile ? 2 : 1,
      hasTouch: mobile,
      isMobile: mobile,
    });
    const circle = shot.circle ? `&circle=${shot.circle}` : "";
    await page.goto(`${server.url}?lang=${shot.lang}&theme=${shot.theme}${circle}`);
    await ready(page);
    let area;
    if (shot.place) {
      const mark = page.locator(`svg.diagram:visible .place[data-place="${shot.place}"] .mark`);
      await mark.scrollIntoViewIfNeeded();
      const box = await mark.boundingBox();
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      if (mobile) await page.touchscreen.tap(x, y);
      else await page.mouse.click(x, y);
      await page.locator(`.place-card[data-place="${shot.place}"]`).waitFor();
      area = page.locator(".figure-area");
    } else {
      await page.locator(`.panel[data-view="${shot.circle}"]`).waitFor();
      area = mobile ? page.locator(".figure-area") : page.locator(".stage");
    }
    // An element's own screenshot: a full-page capture resizes the viewport, which an open
    // card follows, so it would catch the card mid-move.
    await area.screenshot({ path: join(OUT, `${shot.name}.png`) });
    if (page.errors.length) throw new Error(`${shot.name}: ${page.errors.join("; ")}`);
    console.log(`static/screenshots/${shot.name}.png`);
  }
  // The WeChat SVG as a WeChat article holds it (no script, 375 px): its top, the diagram after
  // a tap on the commuting circle, a tall crop and a chart; and the top of the long image.
  const svg = readFileSync(join(SHIPPED_DIST, "share", "wechat-zh.svg"), "utf8");
  const phone = { javaScriptEnabled: false, hasTouch: true, isMobile: true, deviceScaleFactor: 2, viewport: { width: 375, height: 700 } };
  const page = await newPage(browser, phone);
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  await page.screenshot({ path: join(OUT, "wechat-zh-before.png") });
  console.log("static/screenshots/wechat-zh-before.png");
  const disc = await page.evaluate(() => {
    // The discs are the circles that keep their own visibility inside a hidden tap group.
    const discs = [...document.querySelectorAll("svg > g > circle[visibility]")].map((c) => c.getBoundingClientRect());
    const inner = discs.sort((a, b) => a.width - b.width)[0];
    return { x: inner.x + inner.width / 2, y: inner.y + inner.height / 2 };
  });
  await page.touchscreen.tap(disc.x, disc.y);
  await page.waitForTimeout(100);
  // After the tap: the commuting circle marked by a ring on the diagram.
  const top = await page.evaluate(() => document.querySelector("svg circle").getBoundingClientRect().top + window.scrollY);
  await page.evaluate((y) => window.scrollTo(0, y - 16), top);
  await page.screenshot({ path: join(OUT, "wechat-zh-after-tap.png") });
  console.log("static/screenshots/wechat-zh-after-tap.png");
  // A tall crop at device pixel ratio 1: every section follows the diagram, no empty screen.
  const tall = await newPage(browser, { ...phone, deviceScaleFactor: 1 });
  await tall.setContent(`<!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0">${svg}</body></html>`);
  await tall.screenshot({ path: join(OUT, "wechat-zh-tall.png"), clip: { x: 0, y: 0, width: 375, height: 2600 }, fullPage: true });
  console.log("static/screenshots/wechat-zh-tall.png");
  // The commuting section's chart as the WeChat article and the long image set it: bars with
  // their values, what the worked-out bar comes from, the note and the source.
  const chart = await page.evaluate(() => {
    const caption = [...document.querySelectorAll("svg text")].find((t) => t.textContent.includes("居于环京"));
    return caption.getBoundingClientRect().top + window.scrollY;
  });
  await page.evaluate((y) => window.scrollTo(0, y - 16), chart);
  await page.screenshot({ path: join(OUT, "wechat-zh-chart.png"), clip: { x: 0, y: 0, width: 375, height: 300 } });
  console.log("static/screenshots/wechat-zh-chart.png");
  // The story editor with the 40万 figure changed to a value its evidence does not state: the
  // error at its field, the count above, the preview of the last story that passed.
  const editor = await newPage(browser, { viewport: { width: 1400, height: 900 }, locale: "en-US" });
  await editor.goto(`${server.url}editor/`);
  await editor.waitForSelector("html[data-checked]", { state: "attached" });
  const story = JSON.parse(readFileSync(join(SHIPPED_DIST, "editor", "story.json"), "utf8"));
  const figure = story.figures.findIndex((f) => f.value === "40万");
  await editor.locator("nav.parts button", { hasText: `(${story.figures[figure].id})` }).click();
  await editor.locator(`[id="f:figures[${figure}].value"]`).fill("41万");
  await editor.locator(`[id="e:figures[${figure}].evidence"]`).scrollIntoViewIfNeeded();
  await editor.locator(`[id="f:figures[${figure}].value"]`).scrollIntoViewIfNeeded();
  await editor.screenshot({ path: join(OUT, "editor-error-1400-en.png") });
  if (editor.errors.length) throw new Error(`editor: ${editor.errors.join("; ")}`);
  console.log("static/screenshots/editor-error-1400-en.png");
  const long = await newPage(browser, { viewport: { width: 375, height: 700 }, deviceScaleFactor: 2 });
  await long.goto(`${server.url}long-top.html`);
  await long.locator("img").evaluate((img) => img.decode());
  await long.screenshot({ path: join(OUT, "long-en-top.png") });
  console.log("static/screenshots/long-en-top.png");
  // The link-preview image as the build wrote it.
  copyFileSync(join(SHIPPED_DIST, "diagram-en.png"), join(OUT, "preview-en.png"));
  console.log("static/screenshots/preview-en.png");
} finally {
  await browser.close();
  await server.close();
}
