// Random reader actions with a fixed, printed seed: clicks and taps anywhere, keys, resizes,
// language and theme switches, back and forward. Used by the short soak in `make test` and
// the long one in `make soak`.
import { newPage, ready } from "./browser.mjs";

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ["Tab", "Shift+Tab", "Enter", " ", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Escape"];

/** JS heap (after a garbage collection) plus wasm memory, in bytes. */
export async function memoryBytes(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.capitalCircles?.memory?.buffer?.byteLength ?? 0);
  return usedSize + wasm;
}

/**
 * Runs `count` actions on a fresh page of `url`; returns { errors, panics, log, memory }.
 * `onProgress(i)` is called every 500 actions.
 */
export async function soak(browser, url, { count, seed, measureMemory = false, onProgress = () => {} }) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const page = await newPage(browser, { viewport: { width: 800, height: 900 }, hasTouch: true });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(url);
  await ready(page);
  const memory = { before: 0, after: 0 };
  if (measureMemory) memory.before = await memoryBytes(page, cdp);
  const log = [];
  let width = 800;
  for (let i = 0; i < count; i++) {
    const r = random();
    let action;
    if (r < 0.35) {
      const x = Math.floor(random() * width);
      const y = Math.floor(random() * 900);
      action = `click ${x},${y}`;
      await page.mouse.click(x, y);
    } else if (r < 0.5) {
      const x = Math.floor(random() * width);
      const y = Math.floor(random() * 900);
      action = `tap ${x},${y}`;
      await page.touchscreen.tap(x, y);
    } else if (r < 0.75) {
      const key = pick(KEYS);
      action = `key ${key}`;
      await page.keyboard.press(key);
    } else if (r < 0.83) {
      width = 320 + Math.floor(random() * 1281);
      action = `resize ${width}`;
      await page.setViewportSize({ width, height: 900 });
    } else if (r < 0.89) {
      action = "language";
      await page.locator(".lang-switch").click();
    } else if (r < 0.94) {
      const scheme = pick(["light", "dark"]);
      action = `theme ${scheme}`;
      await page.emulateMedia({ colorScheme: scheme });
    } else {
      const back = random() < 0.5;
      action = back ? "back" : "forward";
      if (back) await page.goBack({ timeout: 5000 }).catch(() => null);
      else await page.goForward({ timeout: 5000 }).catch(() => null);
      // Back past the first entry leaves the graphic: come back to it.
      if (!page.url().startsWith(url.split("?")[0])) {
        action += " (reopened)";
        await page.goto(url);
      }
      await ready(page);
    }
    log.push(action);
    // Keep the page scrolled to the graphic so clicks land on it.
    if (i % 50 === 49) await page.evaluate(() => window.scrollTo(0, 0));
    if (i % 500 === 499) onProgress(i + 1);
  }
  if (measureMemory) memory.after = await memoryBytes(page, cdp);
  const panics = await page.locator(".panic-note").count();
  await page.context().close();
  return { errors: page.errors, panics, log, memory };
}
