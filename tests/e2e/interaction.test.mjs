// Interaction details from the help-desk lead's walkthrough (issue 18): a throttled search counts down and
// then shows its outcome with a Retry; choosing a user moves focus to their status and announces the
// findings; a device row's actions are an ARIA menu button that overlays the table; the confirmation dialog
// has one way out besides Escape. Waits poll; nothing sleeps.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, byTestId, walk, waitFor } from './support/browser.mjs';
import { seriousViolations } from './support/axe.mjs';
import { startGraphServer, distWithConfig } from './support/graph-server.mjs';
import { rm } from 'node:fs/promises';

after(closeAll);

const DOMAIN = 'aurora-logistics.example';
const user = (name) => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}&latency=0`;
const row = (page, device) => page.locator('[role="tabpanel"] [data-testid="table-row"]').filter({ hasText: device });
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return { id: e?.id ?? '', role: e?.getAttribute('role') ?? '', text: e?.textContent?.trim() ?? '', tag: e?.tagName ?? '' };
  });

test('a throttled search counts down each second, retries, then offers Retry in an error panel', async (t) => {
  await walk(t, 'fault=users:throttle&latency=0', async (page) => {
    await page.getByRole('combobox', { name: 'Find a user' }).fill('Sanne');
    const status = byTestId(page, 'search-status');
    // Every distinct text the status shows, polled: the countdown must tick from 2 to 1.
    const seen = new Set();
    const retry = page.getByRole('button', { name: 'Retry' });
    await waitFor(
      async () => {
        seen.add((await status.innerText()).trim());
        return (await retry.count()) > 0;
      },
      { timeout: 15_000, interval: 100, message: 'the Retry button after the automatic retry' },
    );
    assert.ok([...seen].some((s) => /trying again in 2 s/.test(s)), JSON.stringify([...seen]));
    assert.ok([...seen].some((s) => /trying again in 1 s/.test(s)), JSON.stringify([...seen]));
    const panel = byTestId(page, 'error-panel');
    await panel.getByText('Could not search for “Sanne”').waitFor();
    assert.equal(await panel.getAttribute('data-kind'), 'throttled');
    // Retry searches again: the countdown starts over.
    await retry.click();
    await status.getByText(/trying again in [12] s/).waitFor({ timeout: 5_000 });
    assert.deepEqual(await seriousViolations(page), [], 'throttled search');
  });
});

test('REST: a pane waiting out Graph throttling counts down each second, then loads', async (t) => {
  const server = await startGraphServer(['--latency-ms', '20']);
  const dist = await distWithConfig({ mode: 'rest', apiBaseUrl: '/graph', auth: 'none' });
  try {
    await server.faults([{ path: '/managedDevices', fault: 'throttle', retryAfterSecs: 3, times: 1 }]);
    const query = `user=${encodeURIComponent(`sanne.devries@${DOMAIN}`)}`;
    await walk(
      t,
      query,
      async (page) => {
        const waiting = page.locator('[data-testid="loading"][data-throttled="true"]').first();
        await waiting.getByText(/trying again in 3 s/).waitFor();
        await waiting.getByText(/trying again in 2 s/).waitFor({ timeout: 2_500 });
        await byTestId(page, 'device-summary').getByText('Compliant: 1 of 2; not compliant: 1').waitFor({ timeout: 15_000 });
      },
      { dist, proxy: { prefix: '/graph/', target: server.url } },
    );
  } finally {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  }
});

test('choosing a user with the keyboard moves focus to their status and announces the findings', async (t) => {
  await walk(t, 'latency=0', async (page) => {
    const search = page.getByRole('combobox', { name: 'Find a user' });
    await search.fill('priya');
    await page.getByRole('option', { name: /Priya Raman/ }).waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    await byTestId(page, 'selected-user').getByText('Priya Raman').waitFor();
    await waitFor(async () => (await focused(page)).id === 't1-status-title', {
      message: 'focus on the user status heading',
    });
    const announcement = byTestId(page, 'findings-announcement');
    assert.equal(await announcement.getAttribute('role'), 'status');
    await byTestId(page, 'finding').first().waitFor();
    const count = await byTestId(page, 'finding').count();
    const expected = count === 1 ? '1 finding for Priya Raman' : `${count} findings for Priya Raman`;
    await waitFor(async () => (await announcement.innerText()).trim() === expected, { message: `“${expected}” announced` });
    // One Tab reaches the next control after the heading.
    await page.keyboard.press('Tab');
    const next = await focused(page);
    assert.ok(['A', 'BUTTON', 'INPUT', 'SELECT'].includes(next.tag) || next.role === 'tab', JSON.stringify(next));
  });
});

test('a user with nothing wrong is announced as such', async (t) => {
  await walk(t, 'latency=0', async (page) => {
    const search = page.getByRole('combobox', { name: 'Find a user' });
    await search.fill('emma l');
    await page.getByRole('option', { name: /Emma Laurent/ }).click();
    await byTestId(page, 'findings-announcement').getByText('Nothing wrong found for Emma Laurent').waitFor();
    await waitFor(async () => (await focused(page)).id === 't1-status-title', { message: 'focus on the status heading' });
  });
});

test('a device row has a menu button: overlaying, keyboard operable, destructive actions last', async (t) => {
  await walk(t, user('sanne.devries'), async (page) => {
    const laptop = row(page, 'AUR-LT-0142');
    await laptop.waitFor();
    const heightBefore = (await laptop.boundingBox()).height;
    const button = laptop.getByRole('button', { name: 'Device actions for AUR-LT-0142' });
    assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Device actions for AUR-LT-0142' });
    await menu.waitFor();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.ok(Math.abs((await laptop.boundingBox()).height - heightBefore) < 2, 'the menu overlays, the row keeps its height');
    // Safe actions, a separator, then the destructive ones.
    const order = await menu.evaluate((m) =>
      [...m.querySelectorAll('[role="menuitem"], [role="separator"]')].map((e) =>
        e.getAttribute('role') === 'separator' ? '|' : e.dataset.action,
      ),
    );
    const bar = order.indexOf('|');
    assert.ok(bar > 0, JSON.stringify(order));
    assert.deepEqual(order.slice(bar + 1).sort(), ['cleanWindowsDevice', 'retire', 'wipe'], JSON.stringify(order));
    // Focus on the first item; arrows, End and Home move it.
    const items = menu.getByRole('menuitem');
    const itemCount = await items.count();
    const active = () => page.evaluate(() => document.activeElement?.dataset.action);
    await waitFor(async () => (await active()) === order[0], { message: 'focus on the first item' });
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), order[1]);
    await page.keyboard.press('End');
    assert.equal(await active(), await items.nth(itemCount - 1).getAttribute('data-action'));
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), order[0], 'wraps to the first');
    await page.keyboard.press('Home');
    assert.equal(await active(), order[0]);
    assert.deepEqual(await seriousViolations(page), [], 'menu open');
    // Escape closes it and returns focus to the button.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await waitFor(() => button.evaluate((b) => b === document.activeElement), { message: 'focus back on the button' });

    // A click outside closes it; so does opening the device's details.
    await button.click();
    await menu.waitFor();
    await page.getByRole('heading', { name: 'User status' }).click();
    await menu.waitFor({ state: 'hidden' });
    await button.click();
    await menu.waitFor();
    await laptop.getByRole('link', { name: 'AUR-LT-0142' }).click();
    await byTestId(page, 'device-details').waitFor();
    await menu.waitFor({ state: 'hidden' });
  });
});

test('the menu is not clipped by the table: it stays inside the viewport and on top', async (t) => {
  await walk(t, user('jonas.berg'), async (page) => {
    const last = page.locator('[role="tabpanel"] [data-testid="table-row"]').last();
    await last.waitFor();
    await last.scrollIntoViewIfNeeded();
    await last.getByRole('button', { name: /^Device actions for / }).click();
    const menu = last.getByRole('menu');
    await menu.waitFor();
    const box = await menu.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `menu inside the viewport: ${JSON.stringify(box)}`);
    // The element at the menu's last item is that item, not something the table clipped it under.
    const lastItem = menu.getByRole('menuitem').last();
    const hit = await lastItem.evaluate((item) => {
      const r = item.getBoundingClientRect();
      return item.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    });
    assert.ok(hit, 'the last item is on top');
  });
});

test('choosing an action closes the menu; the confirmation has one way out besides Escape', async (t) => {
  await walk(t, user('sanne.devries'), async (page) => {
    const laptop = row(page, 'AUR-LT-0142');
    const button = laptop.getByRole('button', { name: 'Device actions for AUR-LT-0142' });
    await button.click();
    const menu = page.getByRole('menu', { name: 'Device actions for AUR-LT-0142' });
    await menu.getByRole('menuitem', { name: 'Wipe' }).click();
    await menu.waitFor({ state: 'hidden' });
    const dialog = page.getByRole('dialog', { name: 'Confirm “Wipe” on AUR-LT-0142' });
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('button', { name: /^(Close|Cancel)$/ }).count(), 1, 'one way out');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitFor(() => button.evaluate((b) => b === document.activeElement), { message: 'focus back on the menu button' });
  });
});
