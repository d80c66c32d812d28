// The explainer as readers use it: click, tap and keys; two languages; state in the URL;
// history as a page and inside a frame; themes (all on the fixture story's build). Labels that
// never collide and axe-core are about the shipped story's content, so they run on its build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serve } from "./server.mjs";
import { launch, newPage, ready, DIST, SHIPPED_DIST, FIXTURE, REPO, SHOTS } from "./browser.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const circle = (id) => FIXTURE.circles.find((c) => c.id === id);
// The story dist/ is built from (the Makefile's default STORY).
const SHIPPED_STORY = JSON.parse(readFileSync(join(REPO, "static", "stories", "capital-metro.json"), "utf8"));

let server;
let shipped; // the shipped story's build
let host; // another origin, for framing
let browser;
before(async () => {
  server = await serve(DIST);
  shipped = await serve(SHIPPED_DIST);
  host = await serve(DIST, {
    routes: {
      "/favicon.ico": ["image/x-icon", ""],
      "/host.html": [
        "text/html; charset=utf-8",
        `<!doctype html><html lang="en"><head><title>Host article</title></head><body>
         <h1>Host article</h1><iframe id="g" title="graphic" width="375" height="900"></iframe>
         </body></html>`,
      ],
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await shipped?.close();
  await host?.close();
});

const view = (page) => page.locator(".panel").getAttribute("data-view");

async function open(query = "", options = {}, at = server) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(`${at.url}${query}`);
  await ready(page);
  return page;
}

/** Clicks a disc at a point inside it but outside the circles nested in it. */
async function clickRing(page, id) {
  const disc = page.locator(`svg.diagram:visible .disc-${id}`);
  const box = await disc.boundingBox();
  const radius = (c) => circle(c).radius_km;
  const inner = { commuting: 0, functional: radius("commuting") / radius("functional"), industrial: radius("functional") / radius("industrial") }[id];
  // Halfway between the inner circle's edge and this one's, straight above the centre.
  const r = box.height / 2;
  const y = box.y + r - r * (1 + inner) / 2;
  await page.mouse.click(box.x + box.width / 2, y);
}

test("click, tap and keys select circles; Escape returns to the overview", async () => {
  const page = await open();
  await clickRing(page, "functional");
  assert.equal(await view(page), "functional");
  await clickRing(page, "commuting");
  assert.equal(await view(page), "commuting");

  const phone = await newPage(browser, {
    viewport: { width: 375, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  await phone.goto(server.url);
  await ready(phone);
  const disc = phone.locator("svg.diagram-narrow .disc-industrial");
  const box = await disc.boundingBox();
  await phone.touchscreen.tap(box.x + box.width / 2, box.y + 6);
  await phone.locator('.panel[data-view="industrial"]').waitFor();

  // Keyboard only: Tab reaches the diagram's circle; Enter, arrows and Escape operate it.
  const kb = await open();
  let focused = "";
  for (let i = 0; i < 12 && !focused.includes("disc"); i++) {
    await kb.keyboard.press("Tab");
    focused = await kb.evaluate(() => document.activeElement?.getAttribute("class") ?? "");
  }
  assert.match(focused, /disc-commuting/);
  await kb.keyboard.press("Enter");
  assert.equal(await view(kb), "commuting");
  await kb.keyboard.press("ArrowRight");
  assert.equal(await view(kb), "functional");
  await kb.keyboard.press(" ");
  assert.equal(await view(kb), "overview", "Space toggles the selected circle off");
  await kb.keyboard.press("ArrowLeft");
  assert.equal(await view(kb), "industrial");
  await kb.keyboard.press("Escape");
  assert.equal(await view(kb), "overview");
  for (const p of [page, phone, kb]) assert.deepEqual(p.errors, []);
});

test("language switch keeps the selection and sets <html lang>", async () => {
  const page = await open();
  await page.locator(".pick-functional").click();
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  await page.locator(".lang-switch").click();
  assert.equal(await view(page), "functional");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.locator(".panel .view:not([hidden]) h2").textContent(), circle("functional").name.en);
  // The URL is written after the view has painted.
  await page.waitForFunction(() => location.search.includes("lang=en"));
  await page.locator(".lang-switch").click();
  assert.equal(await page.locator(".panel .view:not([hidden]) h2").textContent(), circle("functional").name.zh);
  await page.waitForFunction(() => !location.search.includes("lang="));
  assert.deepEqual(page.errors, []);
});

// Until the wasm has started, the prerendered page's buttons and discs do nothing by
// themselves: start.js keeps the last tap on a circle and replays it once the app is ready.
test("a tap on a circle before the graphic has started is kept and replayed once it has", async () => {
  for (const [how, id] of [["button", "functional"], ["disc", "industrial"]]) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(server.url);
    // A tap on a place's mark is not a circle: it is left alone.
    await page.locator("svg.diagram-wide .hits .hit").first().click({ force: true });
    if (how === "button") await page.locator(`.pick-${id}`).click();
    else await clickRing(page, id);
    assert.equal(await page.locator("html").getAttribute("data-ready"), null, `${how}: the app has not started`);
    assert.equal(await view(page), "overview", `${how}: nothing is selected yet`);
    assert.match(await page.locator(`.pick-${id}`).getAttribute("class"), /\bpending\b/, `${how}: the button shows the tap was heard`);
    release();
    await ready(page);
    await page.locator(`.panel[data-view="${id}"]`).waitFor({ state: "attached" });
    assert.equal(await page.locator(`.pick-${id}`).getAttribute("aria-pressed"), "true", how);
    assert.equal(await page.locator(".pick.pending").count(), 0, `${how}: no button stays marked`);
    assert.equal(await page.locator(".place-card").count(), 0, `${how}: the early tap on a mark opened no card`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

// The release wasm aborts at once on a panic (nightly build-std, immediate-abort): no Rust hook
// runs, the wasm traps, and start.js shows the note the page carries, in its language. The trap
// is raised here as the browser reports one (an uncaught WebAssembly.RuntimeError): a real
// panic cannot be provoked through the page. Other errors leave the page alone.
test("a trap of the wasm leaves the panic note in the page's language, once; other errors none", async () => {
  for (const [lang, path, words] of [["zh", "", "出错了"], ["en", "en/", "Something went wrong"]]) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}${path}`);
    await ready(page);
    const raise = (kind) => page.evaluate((kind) => {
      const error = kind === "trap" ? new WebAssembly.RuntimeError("unreachable") : new TypeError("not ours");
      window.dispatchEvent(new ErrorEvent("error", { error, message: String(error) }));
    }, kind);
    await raise("other");
    assert.equal(await page.locator(".panic-note").count(), 0, `${lang}: a plain error is not a stop`);
    await raise("trap");
    await raise("trap");
    const note = page.locator(".panic-note");
    assert.equal(await note.count(), 1, `${lang}: one note`);
    assert.equal(await note.getAttribute("role"), "alert");
    assert.ok((await note.textContent()).startsWith(words), `${lang}: ${await note.textContent()}`);
    // What was on screen still holds.
    assert.ok(await page.locator("svg.diagram-wide").isVisible(), lang);
    await page.context().close();
  }
});

// The text version is kept as the page prerendered it (not hydrated) until the language
// changes; then the component renders it. Both must be the same markup, and it must follow
// the language both ways.
test("the kept text version follows a language switch there and back, the same markup as rendered", async () => {
  const page = await open();
  // Tag, sorted attributes and text of every node: what a reader and a screen reader get.
  const markup = () => page.evaluate(() => {
    const walk = (n) => n.nodeType === Node.TEXT_NODE ? n.data
      : n.nodeType !== Node.ELEMENT_NODE ? ""
      : `<${n.localName}${[...n.attributes].map((a) => ` ${a.name}="${a.value}"`).sort().join("")}>${[...n.childNodes].map(walk).join("")}</${n.localName}>`;
    const all = document.querySelectorAll(".text-version");
    return all.length === 1 ? walk(all[0]) : `${all.length} text versions`;
  });
  const kept = await markup();
  assert.ok(kept.includes(FIXTURE.ui.text_version.zh), "the prerendered text version is there, in zh");
  await page.locator(".lang-switch").click();
  assert.equal(await page.locator(".text-version h2").textContent(), FIXTURE.ui.text_version.en);
  for (const c of FIXTURE.circles) {
    assert.equal(await page.locator(`.text-version [data-circle="${c.id}"] h3`).textContent(), c.name.en);
  }
  const english = await markup();
  await page.locator(".lang-switch").click();
  assert.equal(await page.locator(".text-version h2").textContent(), FIXTURE.ui.text_version.zh);
  assert.equal(await markup(), kept, "rendered in zh, it is the markup the page was prerendered with");
  await page.locator(".lang-switch").click();
  assert.equal(await markup(), english);
  assert.deepEqual(page.errors, []);
});

test("views are built once and only shown or hidden; a hidden view takes no room", async () => {
  const page = await open();
  // Every view is built once the page is idle.
  await page.waitForFunction(() => document.querySelectorAll(".panel .view").length === 4);
  await page.evaluate(() => { document.querySelector('[data-section="functional"]').dataset.probe = "kept"; });
  for (const id of ["functional", "industrial", "commuting", "functional"]) {
    await page.locator(`.pick-${id}`).click();
    await page.locator(`.panel[data-view="${id}"]`).waitFor();
    const views = await page.locator(".panel .view").evaluateAll((els) => els.map((el) => ({
      section: el.querySelector("[data-section]").dataset.section,
      hidden: el.hidden,
      height: el.getBoundingClientRect().height,
    })));
    assert.deepEqual(views.filter((v) => !v.hidden).map((v) => v.section), [id]);
    for (const v of views.filter((v) => v.hidden)) assert.equal(v.height, 0, `${v.section} hidden but ${v.height}px tall`);
    // The announcement names the view shown, in the page's language.
    assert.equal(await page.locator(".panel [aria-live]").innerText(), await page.locator(".panel .view:not([hidden]) h2").innerText());
  }
  // The same element came back: the view was kept, not rebuilt.
  assert.equal(await page.locator('[data-section="functional"]').getAttribute("data-probe"), "kept");
  // Nothing inside a hidden view takes focus, by Tab or by script: each chart of a hidden
  // view has its "show as table" summary, and none of them takes focus.
  const focusable = await page.locator(".panel .view[hidden] summary").evaluateAll((els) =>
    els.map((el) => { el.focus(); return document.activeElement === el; }));
  assert.equal(focusable.length, FIXTURE.charts.filter((c) => c.section !== "functional").length);
  assert.deepEqual(focusable.filter(Boolean), []);
  // The shown view's summaries do take focus (the check above can tell the two apart).
  const shown = await page.locator(".panel .view:not([hidden]) summary").evaluateAll((els) =>
    els.map((el) => { el.focus(); return document.activeElement === el; }));
  assert.deepEqual(shown, FIXTURE.charts.filter((c) => c.section === "functional").map(() => true));
  assert.deepEqual(page.errors, []);
});

test("a copied link opens the same view; unknown values fall back", async () => {
  const page = await open("?circle=industrial&lang=en");
  await page.locator('.panel[data-view="industrial"]').waitFor();
  assert.equal(await page.locator("h1").textContent(), FIXTURE.ui.headline.en);
  await page.locator(".pick-commuting").click();
  await page.waitForFunction(() => location.search.includes("circle=commuting"));
  const copied = page.url();
  assert.match(copied, /circle=commuting/);
  const again = await open(copied.slice(server.url.length));
  await again.locator('.panel[data-view="commuting"]').waitFor();
  assert.equal(await again.locator("html").getAttribute("lang"), "en");

  const odd = await open("?circle=%2E%2E%2Fetc&lang=xx&theme=neon");
  assert.equal(await view(odd), "overview");
  assert.equal(await odd.locator("html").getAttribute("lang"), "zh-CN");
  for (const p of [page, again, odd]) assert.deepEqual(p.errors, []);
});

test("as the page, back and forward restore the view", async () => {
  const page = await open();
  // Each view becomes a history entry once it has painted.
  await page.locator(".pick-commuting").click();
  await page.waitForFunction(() => location.search.includes("circle=commuting"));
  await page.locator(".pick-industrial").click();
  await page.waitForFunction(() => location.search.includes("circle=industrial"));
  await page.goBack();
  await page.locator('.panel[data-view="commuting"]').waitFor();
  await page.goBack();
  await page.locator('.panel[data-view="overview"]').waitFor();
  await page.goForward();
  await page.locator('.panel[data-view="commuting"]').waitFor();
  assert.deepEqual(page.errors, []);
});

test("inside an iframe selections add no history entry to the host", async () => {
  const page = await newPage(browser, { viewport: { width: 800, height: 1000 } });
  await page.goto(`${host.origin}/host.html`);
  const initial = await page.evaluate(() => history.length);
  await page.evaluate((src) => { document.getElementById("g").src = src; }, `${server.url}?circle=functional`);
  const frame = page.frameLocator("#g");
  await frame.locator('.panel[data-view="functional"]').waitFor();
  await page.frames()[1].waitForSelector("html[data-ready]", { state: "attached" });
  // Setting the iframe's src once may add one entry; selections add none.
  const loaded = await page.evaluate(() => history.length);
  assert.ok(loaded === initial || loaded === initial + 1, `loading the frame: ${initial} -> ${loaded}`);
  await frame.locator(".pick-commuting").click();
  await page.frames()[1].waitForFunction(() => location.search.includes("circle=commuting"));
  await frame.locator(".pick-industrial").click();
  await page.frames()[1].waitForFunction(() => location.search.includes("circle=industrial"));
  await frame.locator(".lang-switch").click();
  await frame.locator('.panel[data-view="industrial"] .view:not([hidden]) h2').waitFor();
  await page.frames()[1].waitForFunction(() => location.search.includes("lang=en"));
  assert.equal(await page.evaluate(() => history.length), loaded, "a selection in the frame added a history entry");
  const src = await page.frames()[1].url();
  assert.match(src, /circle=industrial/);
  assert.equal(await frame.locator('.panel .view:not([hidden]) h2').textContent(), circle("industrial").name.en);
  assert.deepEqual(page.errors, []);
});

test("?theme= forces light or dark over the reader's setting", async () => {
  const bg = (p) => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const scheme = (p) => p.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
  const darkReader = await open("", { colorScheme: "dark" });
  assert.equal(await bg(darkReader), "rgb(17, 24, 39)");
  const forcedLight = await open("?theme=light", { colorScheme: "dark" });
  assert.equal(await bg(forcedLight), "rgb(255, 255, 255)");
  assert.equal(await scheme(forcedLight), "light");
  const forcedDark = await open("?theme=dark", { colorScheme: "light" });
  assert.equal(await bg(forcedDark), "rgb(17, 24, 39)");
  assert.equal(await scheme(forcedDark), "dark");
  const auto = await open("?theme=auto", { colorScheme: "light" });
  assert.equal(await bg(auto), "rgb(255, 255, 255)");
});

/** Rendered boxes of every visible label and every place mark in the visible diagram. */
async function boxes(page) {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll("svg.diagram")].find((s) => s.getBoundingClientRect().width > 0);
    const rect = (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, text: e.textContent };
    };
    return {
      names: [...svg.querySelectorAll("text.circle-name")].map((e) => e.textContent),
      placeLabels: [...svg.querySelectorAll("text.label")].map((e) => e.textContent),
      labels: [...svg.querySelectorAll("text.label, text.circle-name")].map(rect),
      marks: [...svg.querySelectorAll(".place .mark, .centre-star")].map(rect),
    };
  });
}

const overlap = (a, b, slack = 0.5) =>
  a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;

for (const width of [320, 375, 768, 1280]) {
  test(`shipped story: at ${width}px no two labels intersect and no label covers a dot`, async () => {
    for (const lang of ["zh", "en"]) {
      const page = await open(`?lang=${lang}`, { viewport: { width, height: 900 } }, shipped);
      await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
      await page.screenshot({ path: join(SHOTS, `shipped-${width}-${lang}.png`), fullPage: true });
      const { names, placeLabels, labels, marks } = await boxes(page);
      // Every circle is named and every place (and the centre) labelled, once: an edge
      // place with its distance. So the checks below run over all of them.
      assert.deepEqual(names, SHIPPED_STORY.circles.map((c) => c.name[lang]), `${lang} ${width}`);
      const expected = [SHIPPED_STORY.centre, ...SHIPPED_STORY.places].map((p) => p.name[lang]);
      const unit = lang === "zh" ? "公里" : " km";
      const labelled = (name) => placeLabels.filter((l) => l === name || (l.startsWith(`${name} `) && /^\d+$/.test(l.slice(name.length + 1, -unit.length)) && l.endsWith(unit)));
      for (const name of expected) assert.equal(labelled(name).length, 1, `${lang} ${width}: label of ${name} in ${placeLabels}`);
      assert.equal(placeLabels.length, expected.length, `${lang} ${width}: ${placeLabels}`);
      assert.equal(marks.length, SHIPPED_STORY.places.length + 1, `${lang} ${width}: marks and the centre star`);
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          assert.ok(!overlap(labels[i], labels[j]), `${lang} ${width}: "${labels[i].text}" / "${labels[j].text}"`);
        }
        for (const m of marks) {
          assert.ok(!overlap(labels[i], m), `${lang} ${width}: "${labels[i].text}" covers a dot`);
        }
      }
      assert.deepEqual(page.errors, []);
    }
  });
}

test("shipped story: axe-core finds no violations in either language or theme", async () => {
  for (const lang of ["zh", "en"]) {
    for (const theme of ["light", "dark"]) {
      for (const selection of ["", "&circle=functional"]) {
        const page = await open(`?lang=${lang}&theme=${theme}${selection}`, {}, shipped);
        if (selection) await page.locator('.panel[data-view="functional"]').waitFor();
        await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
        await page.evaluate(AXE_SOURCE);
        const result = await page.evaluate(() =>
          window.axe.run(document, { resultTypes: ["violations"] }),
        );
        const summary = result.violations.map(
          (v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`,
        );
        assert.deepEqual(summary, [], `${lang} ${theme} ${selection}`);
      }
    }
  }
});

test("screenshots at 320, 768 and 1280 px, zh and en, light and dark", async () => {
  for (const width of [320, 768, 1280]) {
    for (const lang of ["zh", "en"]) {
      for (const theme of ["light", "dark"]) {
        const page = await open(`?lang=${lang}&theme=${theme}&circle=commuting`, {
          viewport: { width, height: 900 },
        });
        await page.locator('.panel[data-view="commuting"]').waitFor();
        await page.screenshot({ path: join(SHOTS, `${width}-${lang}-${theme}.png`), fullPage: true });
        assert.deepEqual(page.errors, []);
      }
    }
  }
});

test("a zone is marked by a shared label with leader lines in its circle's view only", async () => {
  for (const [width, svg] of [[320, "svg.diagram-narrow"], [1280, "svg.diagram-wide"]]) {
    for (const [lang, path] of [["zh", ""], ["en", "en/"]]) {
      for (const [story, base] of [[FIXTURE, server.url], [SHIPPED_STORY, shipped.url]]) {
        const zone = story.zones[0];
        const page = await newPage(browser, { viewport: { width, height: 900 } });
        await page.goto(`${base}${path}`);
        await ready(page);
        const label = page.locator(`${svg} .zone-label`);
        assert.equal(await label.count(), 0, "no zone label in the overview");
        await page.locator(`.pick-${zone.circle}`).click();
        await label.first().waitFor();
        const at = `${width}px ${lang} ${story.id}`;
        // The short name, in as many lines as it needs; one leader per place; no outline.
        assert.equal((await label.locator("text.zone-name").allTextContents()).join("").replaceAll(" ", ""),
          zone.short_name[lang].replaceAll(" ", ""), at);
        assert.equal(await label.locator("line.zone-leader").count(), zone.places.length, at);
        assert.equal(await page.locator(`${svg} .zones path, ${svg} .zones polygon, ${svg} .zones rect`).count(), 0, at);
        // Every line of the label is drawn inside the diagram and covers no place's label.
        const { inside, overlaps } = await page.evaluate((sel) => {
          const root = document.querySelector(sel).getBoundingClientRect();
          const names = [...document.querySelectorAll(`${sel} .zone-name`)].map((t) => t.getBoundingClientRect());
          const labels = [...document.querySelectorAll(`${sel} text.label`)].map((t) => t.getBoundingClientRect());
          const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          return {
            inside: names.every((r) => r.width > 0 && r.left >= root.left - 1 && r.right <= root.right + 1 && r.top >= root.top - 1 && r.bottom <= root.bottom + 1),
            overlaps: names.filter((n) => labels.some((l) => hit(n, l))).length,
          };
        }, svg);
        assert.ok(inside, `${at}: the zone label leaves the diagram`);
        assert.equal(overlaps, 0, `${at}: the zone label covers a place's label`);
        await page.locator(".pick[data-circle=\"overview\"]").click();
        await page.waitForFunction((sel) => !document.querySelector(`${sel} .zone-label`), svg);
        assert.deepEqual(page.errors, [], at);
        await page.context().close();
      }
    }
  }
});
