// Browser helpers for the e2e tests: playwright-core driving Debian's /usr/bin/chromium (never
// `npx playwright install`). One browser and one static server per test file (node --test runs
// each file in its own process); every openApp() gets a fresh browser context (empty storage).
//
//   import { after } from 'node:test';
//   import { openApp, closeAll, byTestId } from './support/browser.mjs';
//   after(closeAll);
//   const { page, consoleErrors } = await openApp('?tenant=aurora');
//   await byTestId(page, 'account-status').waitFor({ state: 'visible', timeout: 10_000 });
//
// Waiting is always by polling a condition (playwright locator waits or waitFor() below),
// never by fixed sleeps.
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The Trunk release build under test (TIER1_DIST overrides). */
export const DIST = resolve(process.env.TIER1_DIST ?? join(REPO, 'dist'));
export const ARTIFACTS = join(REPO, 'artifacts', 'e2e');
export const CHROMIUM = process.env.TIER1_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORT = { width: 1280, height: 800 };

let browser = null;
const servers = new Map(); // "dist|base" -> {url, close}
const contexts = new Set();

async function getBrowser() {
  if (!browser) {
    // launch() gives every browser a fresh temporary user-data dir, removed on close.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
  }
  return browser;
}

/** The static server for `dist` (default DIST) under `base`, started once per (dist, base). */
export async function getServer(base = '/', dist = DIST, proxy = null) {
  const key = `${dist}|${base}|${proxy ? `${proxy.prefix}>${proxy.target}` : ''}`;
  if (!servers.has(key)) {
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error(`${dist}/index.html not found: build first (trunk build --release --offline)`);
    }
    servers.set(key, await startServer({ root: dist, base, proxy }));
  }
  return servers.get(key);
}

/**
 * Open the app from DIST in a fresh context.
 * @param {string} query  e.g. '?tenant=aurora' (a leading '?' is added when missing)
 * @param {{base?: string, dist?: string, proxy?: {prefix: string, target: string}, viewport?: {width: number, height: number}}} opts
 *        base: serve dist under this sub-path (default '/'); dist: another build directory (e.g. a copy
 *        with its own config.json).
 * @returns {Promise<{page: import('playwright-core').Page, consoleErrors: string[], pageErrors: string[], url: string}>}
 *   consoleErrors collects console.error messages, uncaught exceptions, failed requests and
 *   HTTP >= 400 responses, in order; pageErrors only the uncaught exceptions.
 */
export async function openApp(query = '', { base = '/', dist = DIST, proxy = null, viewport = VIEWPORT } = {}) {
  const server = await getServer(base, dist, proxy);
  const context = await (await getBrowser()).newContext({ viewport });
  contexts.add(context);
  const page = await context.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // "Failed to load resource" messages name the resource only in their location.
    const where = msg.location()?.url;
    consoleErrors.push(`console.error: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (err) => {
    pageErrors.push(String(err?.stack ?? err));
    consoleErrors.push(`uncaught: ${err?.message ?? err}`);
  });
  page.on('requestfailed', (req) => consoleErrors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) consoleErrors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const q = query && !/^[?#]/.test(query) ? `?${query}` : query;
  const url = server.url + q;
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors, pageErrors, url };
}

/** Locator for `[data-testid="<id>"]`. */
export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

/**
 * Clicks "Copy case summary" (or the button named `name`) once it is enabled and, with `afterFindings`, once
 * the findings box lists a finding (the case holds what it shows); returns what landed on the clipboard.
 */
export async function copyCase(page, { name = 'Copy case summary', afterFindings = true } = {}) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const copy = page.getByRole('button', { name });
  await waitFor(async () => !(await copy.isDisabled()), { message: 'the copy button to be enabled' });
  if (afterFindings) await byTestId(page, 'finding').first().waitFor();
  await copy.click();
  await byTestId(page, 'case-summary-status').filter({ hasText: /./ }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Poll `predicate` (sync or async) until it returns a truthy value, which is returned.
 * Throws with `message` (and the last error, if the predicate threw) after `timeout` ms.
 */
export async function waitFor(predicate, { timeout = 10_000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Save a full-page screenshot to artifacts/e2e/<name>.png (for failures); returns the path. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => {});
  return path;
}

/** Close every context, the browser and the servers; use as `after(closeAll)`. */
export async function closeAll() {
  for (const c of contexts) await c.close().catch(() => {});
  contexts.clear();
  if (browser) await browser.close().catch(() => {});
  browser = null;
  for (const s of servers.values()) await s.close();
  servers.clear();
}

/**
 * Opens the app at `query`, runs `body(page, session)`, then checks that no script ran from data (no alert
 * dialogs) and nothing threw. On failure the error gets the URL, a screenshot path and the console.
 * `options` are openApp's (another dist, a proxy).
 */
export async function walk(t, query, body, options = {}) {
  const session = await openApp(query, options);
  const dialogs = [];
  session.page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  try {
    await body(session.page, session);
    assert.deepEqual(dialogs, [], 'no script may run from data (alert dialogs)');
    assert.deepEqual(session.pageErrors, [], 'no uncaught errors');
  } catch (err) {
    err.message += `\n  page: ${session.url}\n  screenshot: ${await screenshot(session.page, t.name)}\n  console: ${JSON.stringify(session.consoleErrors)}`;
    throw err;
  }
}

/**
 * Below 1440 px the operator, tenant and language switches are in the top bar's "Settings" menu: opens it
 * when it is folded (and closed), so those switches can be used at any width.
 */
export async function openSettings(page) {
  const button = byTestId(page, 'settings-menu');
  const panel = page.locator('#t1-settings');
  // Polls until the menu has stayed open, with a switch visible, for 600 ms: a menu opened while the screen is
  // still being built must be seen to stay open (the lookup's autofocus used to close it on deep links).
  let openSince = null;
  await waitFor(
    async () => {
      if (!(await button.isVisible())) return true;
      const open =
        (await button.getAttribute('aria-expanded')) === 'true' && (await panel.locator('select:visible').count()) > 0;
      if (!open) {
        openSince = null;
        if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
        return false;
      }
      openSince ??= Date.now();
      return Date.now() - openSince >= 600;
    },
    { timeout: 10_000, interval: 100, message: 'the Settings menu to open and stay open' },
  );
}

/**
 * Shows the app in `tag` (en, nl, fr) the way a returning operator has it: the remembered language, then a
 * reload. Independent of where the language switch sits (inline, or in the narrow top bar's Settings menu).
 */
export async function useLanguage(page, tag) {
  await page.evaluate((t) => localStorage.setItem('tier1.locale', t), tag);
  await page.reload();
  await page.locator(`html[lang="${tag}"]`).waitFor({ state: 'attached' });
}

/**
 * Chooses `value` in the top bar's switch named `name` (Language, Demo tenant, Operator…), opening the Settings
 * menu first where it is folded. Retries the pair: on a loaded machine the screen can still be rebuilding when
 * the menu first opens.
 */
export async function chooseInSettings(page, name, value) {
  await waitFor(
    async () => {
      await openSettings(page);
      await page.getByRole('combobox', { name }).selectOption(value, { timeout: 1_500 });
      return true;
    },
    { timeout: 30_000, interval: 200, message: `“${value}” in the ${name} switch` },
  );
}
