// Smoke test: the release build in dist/ boots in headless Chromium without errors.
//   node --test tests/e2e/        (after trunk build --release; scripts/test.sh does both)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, closeAll, byTestId, screenshot } from './support/browser.mjs';

after(closeAll);

// The browser asks for /favicon.ico on its own; a missing one is not an app error.
const relevant = (errors) => errors.filter((e) => !/\/favicon\.ico\b/.test(e));

async function assertBoots(t, query, opts) {
  const { page, consoleErrors, pageErrors, url } = await openApp(query, opts);
  try {
    await byTestId(page, 'account-status').waitFor({ state: 'visible', timeout: 10_000 });
    assert.deepEqual(pageErrors, [], `uncaught errors on ${url}`);
    assert.deepEqual(relevant(consoleErrors), [], `console errors / failed requests on ${url}`);
  } catch (err) {
    const shot = await screenshot(page, t.name);
    err.message += `\n  page: ${url}\n  screenshot: ${shot}\n  console: ${JSON.stringify(consoleErrors, null, 2)}`;
    throw err;
  }
}

test('boots from dist/ and shows the account status', async (t) => {
  await assertBoots(t, '');
});

test('boots when deployed under a sub-path (relative asset URLs)', async (t) => {
  await assertBoots(t, '', { base: '/deployed/under/a/sub-path/' });
});
