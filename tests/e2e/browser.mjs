// Launches Debian's Chromium through playwright-core (no browser download), with the flags
// this closed network needs, and collects console errors and page errors per page.
// Two builds are driven: DIST, the fixture story's graphic (every behaviour test), and
// SHIPPED_DIST, the shipped story's (what is about its content: label overlap, axe-core, the
// page without JavaScript).
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The fixture story's build (`make build-e2e`). */
export const DIST = process.env.DIST_DIR ?? join(REPO, "target", "e2e-dist");
/** The shipped story's build (`make build`). */
export const SHIPPED_DIST = process.env.SHIPPED_DIST_DIR ?? join(REPO, "dist");
/** The story DIST was built from: tests take their expected texts from it. */
export const FIXTURE = JSON.parse(readFileSync(join(REPO, "tests", "fixture", "story.json"), "utf8"));
export const SHOTS = join(REPO, "target", "screenshots");

/** The fixture's cumulative figure names its window after its label, as a reader sees it. */
const WINDOW_TEXT = { turnover: { zh: "（2019—2020年，截至2021年3月）", en: " (2019–2020, as of Mar 2021)" } };

/** A fixture figure's label as shown: the label, then its window where it has one. */
export const figureLabel = (figure, lang) => `${figure.label[lang]}${WINDOW_TEXT[figure.id]?.[lang] ?? ""}`;
mkdirSync(SHOTS, { recursive: true });

export async function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    ...options,
  });
}

/** A new page that records console errors, uncaught exceptions and any dialog (alert,
 *  confirm: story text that ran as script) in `page.errors`. */
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => page.errors.push(`pageerror: ${err.message}`));
  page.on("dialog", (dialog) => {
    page.errors.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return page;
}

/** Waits until the wasm app has started (hydrated the prerendered page). */
export async function ready(page) {
  await page.waitForSelector("html[data-ready]", { state: "attached", timeout: 30_000 });
}
