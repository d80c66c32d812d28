// README's screenshots, from the shipped build (`make screenshots`): the commuting view with
// the Tongzhou–Beisan zone, and an open place card, at 375 px in Chinese and dark, and at
// 1280 px in English and light.
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

const server = await serve(SHIPPED_DIST);
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
} finally {
  await browser.close();
  await server.close();
}
