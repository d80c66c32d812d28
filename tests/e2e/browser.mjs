// Launches Debian's Chromium through playwright-core (no browser download), with the flags
// this closed network needs, and collects console errors and page errors per page.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = process.env.DIST_DIR ?? join(REPO, "dist");
export const SHOTS = join(REPO, "target", "screenshots");
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

/** A new page that records console errors and uncaught exceptions in `page.errors`. */
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => page.errors.push(`pageerror: ${err.message}`));
  return page;
}

/** Waits until the wasm app has started (hydrated the prerendered page). */
export async function ready(page) {
  await page.waitForSelector("html[data-ready]", { state: "attached", timeout: 30_000 });
}
