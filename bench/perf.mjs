#!/usr/bin/env node
// Prints how fast the release build in dist/ is for an operator, in headless Chromium on this machine.
// Figures only: medians (and max) over N fresh page loads; nothing here is asserted.
//   node bench/perf.mjs [runs=7]
// Metrics:
//   ready        navigation start → account status painted (wasm loaded, first fixture files read)
//   user (0 ms)  cold deep link to a user → findings + devices table + groups table shown, demo latency 0
//   user (sim)   the same with the demo's simulated network latency (40–150 ms per request)
//   lookup       typing "sanne" in the lookup → her option shown (debounce included)
import { openApp, closeAll, byTestId } from '../tests/e2e/support/browser.mjs';

const runs = Number(process.argv[2] ?? 7);
const USER = 'user=sanne.devries%40aurora-logistics.example';

async function time(query, until) {
  const { page } = await openApp(query);
  const t = await until(page);
  await page.context().close();
  return t;
}

const sinceNavigation = (page) => page.evaluate(() => performance.now());

// Conditions are checked on every animation frame: Playwright's locator waits back off to 500 ms between
// checks, which rounds a timing up by as much (an earlier "regression" of ~500 ms was that rounding).
const shown = (page, selectors) =>
  page.waitForFunction((list) => list.every((s) => document.querySelector(s)), selectors, { polling: 'raf' });

async function userLoaded(page) {
  await shown(page, [
    '[data-testid="finding"]',
    '[role="tabpanel"] [data-testid="table-row"]',
    '[data-testid="group-membership"] [data-testid="table-row"]',
  ]);
  return sinceNavigation(page);
}

const metrics = {
  ready: (q) => time(q, async (page) => (await shown(page, ['[data-testid="tenant-name"]']), sinceNavigation(page))),
  'user (0 ms)': () => time(`${USER}&latency=0`, userLoaded),
  'user (sim)': () => time(USER, userLoaded),
  lookup: () =>
    time('latency=0', async (page) => {
      await byTestId(page, 'tenant-name').waitFor();
      const box = page.getByRole('combobox', { name: 'Find a user' });
      const start = await sinceNavigation(page);
      await box.pressSequentially('sanne', { delay: 30 });
      await page.waitForFunction(() => [...document.querySelectorAll('[role="option"]')].some((o) => /Sanne de Vries/.test(o.textContent)), null, { polling: 'raf' });
      return (await sinceNavigation(page)) - start;
    }),
};

console.log(`Tier1 release build, headless Chromium, ${runs} runs each (ms):`);
console.log('metric          median      max');
for (const [name, measure] of Object.entries(metrics)) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await measure('latency=0'));
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${name.padEnd(14)}${median.toFixed(0).padStart(8)}${samples.at(-1).toFixed(0).padStart(9)}`);
}
await closeAll();
