// `make soak`: 10,000 random reader actions with a fixed seed; zero console errors or panics,
// and JS heap plus wasm memory growth of at most 2 MB. It runs on the shipped story's build
// (`make soak` builds dist/ first).
import { serve } from "./server.mjs";
import { launch, SHIPPED_DIST } from "./browser.mjs";
import { soak } from "./soak.mjs";

const SEED = Number(process.env.SOAK_SEED ?? 20230115);
const COUNT = Number(process.env.SOAK_ACTIONS ?? 10000);
const BUDGET_BYTES = 2 * 1024 * 1024;

const server = await serve(SHIPPED_DIST);
const browser = await launch();
console.log(`soak: ${COUNT} actions, seed ${SEED} (replay: SOAK_SEED=${SEED} make soak)`);
const started = Date.now();
const result = await soak(browser, server.url, {
  count: COUNT,
  seed: SEED,
  measureMemory: true,
  onProgress: (n) => console.log(`  ${n} actions, ${((Date.now() - started) / 1000).toFixed(0)} s`),
});
await browser.close();
await server.close();
const growth = result.memory.after - result.memory.before;
console.log(`console errors: ${result.errors.length}, panics: ${result.panics}`);
console.log(`memory: ${result.memory.before} -> ${result.memory.after} bytes (growth ${growth} bytes, budget ${BUDGET_BYTES})`);
for (const e of result.errors.slice(0, 10)) console.log(`  ${e}`);
const failed = result.errors.length > 0 || result.panics > 0 || growth > BUDGET_BYTES;
console.log(failed ? "soak: FAILED" : "soak: passed");
process.exit(failed ? 1 : 0);
