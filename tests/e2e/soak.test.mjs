// Short soak (part of `make test`): 500 random reader actions on the fixture story's build,
// zero console errors or panics.
// The long run with the memory budget is `make soak`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./server.mjs";
import { launch, DIST } from "./browser.mjs";
import { soak } from "./soak.mjs";

const SEED = Number(process.env.SOAK_SEED ?? 20230115);
let server;
let browser;
before(async () => {
  server = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test(`500 random reader actions (seed ${SEED}) raise no error and no panic`, async () => {
  console.log(`# soak seed ${SEED} (replay: SOAK_SEED=${SEED})`);
  const result = await soak(browser, server.url, { count: 500, seed: SEED });
  assert.deepEqual(result.errors, [], `after: ${result.log.slice(-5).join(" | ")}`);
  assert.equal(result.panics, 0);
});
