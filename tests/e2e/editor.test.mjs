// The story editor (dist/editor/ of the shipped build) as an editor uses it, under the page's
// strict CSP: open the shipped story, break a figure and mend it, save unchanged and with one
// change, reload to the kept draft, undo and redo, open bad files, lose the browser's storage,
// and axe-core with an error shown. Expected texts come from the shipped story file itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch, newPage, REPO, SHOTS, SHIPPED_DIST } from "./browser.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SHIPPED_TEXT = readFileSync(join(REPO, "static", "stories", "capital-metro.json"), "utf8");
const SHIPPED = JSON.parse(SHIPPED_TEXT);
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:";

// The figure of 40万 people and its place in the file.
const FIGURE = SHIPPED.figures.findIndex((f) => f.value === "40万");
const byId = (id) => `[id="${id}"]`;

let browser;
let server;
before(async () => {
  assert.ok(FIGURE >= 0, "the shipped story has the 40万 figure");
  browser = await launch();
  server = await serve(SHIPPED_DIST, { headers: { "content-security-policy": CSP } });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Calls `visit(key, value)` for every key of every object in `value`, depth first. */
function eachKey(value, visit) {
  if (Array.isArray(value)) return value.forEach((item) => eachKey(item, visit));
  if (!value || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value)) {
    visit(key, item);
    eachKey(item, visit);
  }
}

/** A new page on the editor, in a fresh browser context, with `init` run before its scripts. */
async function openEditor({ init } = {}) {
  const page = await newPage(browser, { locale: "en-US", viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (init) await page.addInitScript(init);
  await page.goto(`${server.url}editor/`);
  await page.waitForSelector("html[data-checked]", { state: "attached", timeout: 30_000 });
  return page;
}

const status = (page) => page.locator("#status-line").innerText();

async function openFigure(page) {
  await page.locator("nav.parts button", { hasText: `(${SHIPPED.figures[FIGURE].id})` }).click();
  return page.locator(byId(`f:figures[${FIGURE}].value`));
}

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator("button.save").click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, "utf8") };
}

test("the shipped story opens and passes; a value its evidence does not state is named at its field and in the list, zh and en; mended, the error goes", async () => {
  const page = await openEditor();
  await page.waitForFunction(() => document.querySelector("#status-line")?.textContent.includes("Passes"));
  assert.match(await page.locator(".build-command").innerText(), /^make build STORY=static\/stories\/capital-metro\.json$/);
  const value = await openFigure(page);
  assert.equal(await value.inputValue(), "40万");
  await value.fill("41万");
  const at = page.locator(byId(`e:figures[${FIGURE}].evidence`));
  await at.waitFor();
  assert.match(await at.innerText(), /does not state the value 410000/);
  assert.match(await at.innerText(), /没有写出数值410000/);
  // …and beside the value itself, which the input names as its description.
  const beside = page.locator(byId(`e:figures[${FIGURE}].value`));
  assert.match(await beside.innerText(), /does not state the value 410000/);
  assert.match(await beside.innerText(), /没有写出数值410000/);
  assert.equal(await value.getAttribute("aria-invalid"), "true");
  assert.equal(await value.getAttribute("aria-describedby"), `e:figures[${FIGURE}].value`);
  assert.match(await status(page), /\d+ errors?/);
  // The list of every error names the field in both languages and jumps to it.
  await page.locator(".tabs button", { hasText: "Errors" }).click();
  const item = page.locator(".error-list li", { hasText: `figures[${FIGURE}].evidence` });
  assert.match(await item.innerText(), /does not state the value 410000/);
  assert.match(await item.innerText(), /没有写出数值410000/);
  // In the Chinese interface: the same error, the same field.
  await page.locator(".bar button", { hasText: "中文" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  assert.match(await status(page), /\d+处错误/);
  assert.match(await at.innerText(), /没有写出数值410000/);
  await page.locator(".parts button", { hasText: "故事" }).first().click();
  await item.locator("button.jump").click();
  await page.waitForFunction((id) => document.activeElement?.id.startsWith(id), `f:figures[${FIGURE}].evidence`);
  // Mended: the error goes, and the preview follows the story.
  const mended = await openFigure(page);
  await mended.fill("40万");
  await page.waitForFunction(() => document.querySelector("#status-line")?.textContent.includes("通过"));
  assert.equal(await at.count(), 0);
  await page.locator(".tabs button", { hasText: "预览" }).click();
  const label = page.locator(byId(`f:figures[${FIGURE}].label.zh`));
  const before = Number(await page.evaluate(() => document.documentElement.dataset.preview));
  await label.fill(`${SHIPPED.figures[FIGURE].label.zh}（试改）`);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.preview) > n, before);
  const commuting = SHIPPED.circles[0].name.zh;
  await page.locator(".preview-picker button", { hasText: commuting }).click();
  await page.waitForFunction(() => document.querySelector(".preview .panel")?.innerText.includes("（试改）"));
  const panel = await page.locator(".preview .panel").innerText();
  assert.ok(panel.includes("40万"), panel.slice(0, 400));
  // The WeChat article and the long image, as SVG images that load.
  for (const view of ["微信文章", "长图"]) {
    await page.locator(".preview-controls button", { hasText: view }).click();
    const image = page.locator("img.preview-article");
    await image.waitFor();
    assert.match(await image.getAttribute("src"), /^data:image\/svg\+xml/);
    await page.waitForFunction(() => document.querySelector("img.preview-article")?.naturalWidth > 0);
  }
  // The fact-check: one row per evidence object of the file (counted here from the file).
  let evidence = 0;
  eachKey(SHIPPED, (key, item) => {
    if (key === "evidence" && item && typeof item === "object") evidence += 1;
  });
  await page.locator(".tabs button", { hasText: "核查" }).click();
  assert.equal(await page.locator("table.report tbody tr").count(), evidence);
  await page.screenshot({ path: join(SHOTS, "editor-error-mended.png") });
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("saved unchanged, the story is byte-identical; with one field changed, one line differs; a reload brings the draft back; undo and redo", async () => {
  const page = await openEditor();
  const unchanged = await download(page);
  assert.equal(unchanged.name, "capital-metro.json");
  assert.ok(unchanged.text === SHIPPED_TEXT, "saved unchanged, the file is byte-identical");
  const centre = page.locator(".parts button", { hasText: /^Centre$/ });
  await centre.click();
  const field = page.locator(byId("f:centre.name.en"));
  await field.fill(`${SHIPPED.centre.name.en} Square`);
  const changed = await download(page);
  const before = SHIPPED_TEXT.split("\n");
  const now = changed.text.split("\n");
  assert.equal(now.length, before.length);
  const differing = before.filter((line, i) => line !== now[i]);
  assert.deepEqual(differing, [`      "en": "${SHIPPED.centre.name.en}"`]);
  // Reloaded, the draft is back.
  await page.reload();
  await page.waitForSelector("html[data-checked]", { state: "attached" });
  await centre.click();
  assert.equal(await field.inputValue(), `${SHIPPED.centre.name.en} Square`);
  // Undo and redo, after a change in this visit.
  await field.fill("Tian'anmen");
  await page.locator("button", { hasText: /^Undo$/ }).click();
  assert.equal(await field.inputValue(), `${SHIPPED.centre.name.en} Square`);
  await page.locator("button", { hasText: /^Redo$/ }).click();
  assert.equal(await field.inputValue(), "Tian'anmen");
  // The keys too, in the field itself.
  await field.focus();
  await page.keyboard.press("Control+z");
  assert.equal(await field.inputValue(), `${SHIPPED.centre.name.en} Square`);
  await page.keyboard.press("Control+Shift+z");
  assert.equal(await field.inputValue(), "Tian'anmen");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a source edited once under Sources changes every claim that uses it, and only those lines", async () => {
  const page = await openEditor();
  // The most used source of the shipped file, counted here from the file itself.
  const counts = new Map();
  eachKey(SHIPPED, (key, item) => {
    const list = key === "source" ? [item] : key === "sources" ? item : [];
    for (const s of list) counts.set(JSON.stringify(s), (counts.get(JSON.stringify(s)) ?? 0) + 1);
  });
  const [top, uses] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const source = JSON.parse(top);
  await page.locator(".parts button", { hasText: /^Sources$/ }).click();
  const set = page.locator("fieldset", { hasText: `used ${uses}×` }).filter({ hasText: source.name.en }).first();
  await set.locator("input").nth(1).fill(`${source.name.en} (renamed)`);
  await page.waitForFunction(() => document.querySelector("#status-line")?.textContent.includes("Passes"));
  const saved = await download(page);
  const before = SHIPPED_TEXT.split("\n");
  const differing = saved.text.split("\n").filter((line, i) => line !== before[i]);
  assert.equal(differing.length, uses);
  assert.ok(differing.every((line) => line.includes(`${source.name.en} (renamed)`)), differing.join("\n"));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a file that is not JSON, not a story or over 5 MB is refused by name; a story without evidence kinds opens with each error at its field; nothing typed is lost", async () => {
  const page = await openEditor();
  await page.locator(".parts button", { hasText: /^Centre$/ }).click();
  const field = page.locator(byId("f:centre.name.en"));
  await field.fill("Typed before");
  const input = page.locator("input[type=file]");
  const refused = page.locator(".notice.refused");
  await input.setInputFiles({ name: "page.json", mimeType: "application/json", buffer: Buffer.from("<html>not a story</html>") });
  await refused.waitFor();
  assert.match(await refused.innerText(), /not JSON/);
  assert.match(await refused.innerText(), /不是JSON/);
  await input.setInputFiles({ name: "list.json", mimeType: "application/json", buffer: Buffer.from("[1, 2, 3]") });
  await page.waitForFunction(() => document.querySelector(".notice.refused")?.innerText.includes("not a story"));
  assert.match(await refused.innerText(), /不是故事文件/);
  await input.setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(6 * 1024 * 1024, 32) });
  await page.waitForFunction(() => document.querySelector(".notice.refused")?.innerText.includes("at most 5 MB"));
  assert.match(await refused.innerText(), /最多打开5 MB/);
  // The editor still works, with what was typed.
  assert.equal(await field.inputValue(), "Typed before");
  await field.fill("Typed after");
  assert.equal(await field.inputValue(), "Typed after");
  // A story written before evidence kinds existed opens, each missing kind named at its field.
  const old = JSON.parse(SHIPPED_TEXT);
  let removed = 0;
  eachKey(old, (key, item) => {
    if (key === "evidence" && item && typeof item === "object" && "kind" in item) {
      delete item.kind;
      removed += 1;
    }
  });
  await input.setInputFiles({ name: "old.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(old, null, 2)) });
  await page.waitForFunction(() => !document.querySelector(".notice.refused") && /errors/.test(document.querySelector("#status-line")?.textContent));
  const errors = Number((await status(page)).match(/(\d+) errors/)[1]);
  assert.ok(errors >= removed, `${errors} errors for ${removed} missing kinds`);
  await page.locator(".tabs button", { hasText: "Errors" }).click();
  const first = page.locator(".error-list li").first();
  assert.match(await first.innerText(), /evidence/);
  assert.match(await first.innerText(), /kind/);
  await first.locator("button.jump").click();
  await page.waitForFunction(() => document.activeElement?.id.includes("evidence"));
  // What was typed is one undo away.
  await page.locator("button", { hasText: /^Undo$/ }).click();
  await page.locator(".parts button", { hasText: /^Centre$/ }).click();
  assert.equal(await field.inputValue(), "Typed after");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a place's coordinates show its distance and direction from the centre as they are typed", async () => {
  const page = await openEditor();
  const place = SHIPPED.places.findIndex((p) => p.id === "langfang");
  await page.locator("nav.parts button", { hasText: "(langfang)" }).click();
  // facts.md, section 4: (39.05, 115.90) lies 104 km from Tiananmen, south-southwest.
  await page.locator(byId(`f:places[${place}].lat`)).fill("39.05");
  await page.locator(byId(`f:places[${place}].lon`)).fill("115.90");
  const line = page.locator(byId(`d:places[${place}]`));
  assert.equal(await line.innerText(), "About 104 km south-southwest of Tiananmen");
  await page.locator(byId(`f:places[${place}].lon`)).fill("115.9x");
  assert.equal(await line.innerText(), "");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The browser's storage full (setItem throws), then disabled (localStorage itself throws).
const STORAGE_CASES = [
  ["full", /storage is full/, /存储空间已满/, () => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  }],
  ["disabled", /storage is disabled/, /存储已停用/, () => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  }],
];
for (const [name, en, zh, init] of STORAGE_CASES) {
  test(`with the browser's storage ${name}, a warning is named and editing goes on`, async () => {
    const page = await openEditor({ init });
    await page.waitForFunction(() => document.querySelector("#status-line")?.textContent.includes("Passes"));
    await page.locator(".parts button", { hasText: /^Centre$/ }).click();
    await page.locator(byId("f:centre.name.en")).fill("Still editing");
    const warning = page.locator(".notice.storage");
    await warning.waitFor();
    assert.match(await warning.innerText(), en);
    assert.match(await warning.innerText(), zh);
    assert.equal(await page.locator(byId("f:centre.name.en")).inputValue(), "Still editing");
    await page.context().close();
  });
}

test("the fixture story's hostile texts stay text in the form and the preview", async () => {
  const page = await openEditor();
  const fixture = readFileSync(join(REPO, "tests", "fixture", "story.json"));
  await page.locator("input[type=file]").setInputFiles({ name: "story.json", mimeType: "application/json", buffer: fixture });
  await page.waitForFunction(() => document.querySelector(".save")?.textContent.includes("story.json"));
  await page.waitForFunction(() => document.querySelector("#status-line")?.textContent.includes("Passes"));
  const headline = JSON.parse(fixture.toString("utf8")).ui.headline.en;
  await page.locator(".parts button", { hasText: /^Interface words$/ }).click();
  assert.equal(await page.locator(byId("f:ui.headline.en")).inputValue(), headline);
  await page.locator(".preview-controls button", { hasText: "English" }).click();
  await page.waitForFunction((h) => document.querySelector(".preview-headline")?.textContent === h, headline);
  for (const view of ["WeChat article", "Long image", "Page"]) {
    await page.locator(".preview-controls button", { hasText: view }).click();
  }
  // No dialog opened, no script ran, nothing was loaded from elsewhere.
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  await page.context().close();
});

test("the template opens with every placeholder named as to be replaced", async () => {
  const page = await openEditor();
  await page.locator("button", { hasText: "New from template" }).click();
  await page.waitForFunction(() => /errors/.test(document.querySelector("#status-line")?.textContent));
  await page.locator(".tabs button", { hasText: "Errors" }).click();
  const items = await page.locator(".error-list li").allInnerTexts();
  assert.ok(items.length > 10, `${items.length} errors`);
  for (const text of items) {
    assert.match(text, /to be replaced/);
    assert.match(text, /待替换/);
  }
  assert.ok(items.some((t) => t.includes("ui.headline.zh")));
  await page.context().close();
});

test("axe-core finds nothing with an error shown, zh and en, light and dark, on every tab", async () => {
  const page = await openEditor();
  const value = await openFigure(page);
  await value.fill("41万");
  await page.locator(byId(`e:figures[${FIGURE}].evidence`)).waitFor();
  await page.evaluate(AXE_SOURCE);
  for (const lang of ["en", "zh"]) {
    if (lang === "zh") await page.locator(".bar button", { hasText: "中文" }).click();
    for (const [tab, dark] of [[0, false], [1, true], [2, false]]) {
      await page.locator(".tabs button").nth(tab).click();
      await page.locator(".preview-controls button").nth(0).count();
      await page.evaluate((d) => document.documentElement.classList.toggle("theme-dark", d), dark);
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      assert.deepEqual(summary, [], `${lang} tab ${tab} ${dark ? "dark" : "light"}`);
    }
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
