// Layout: at 1440, 1280 and 1024 px, in English, Dutch and French, every view of users with data in it fits its
// card (no table wider than its scroll container), no table cell breaks a word across two lines, and the top
// bar and the tab strip stay one line high. One page is reused: a user and language are loaded once, then
// the views are switched through the tabs and the width through the viewport.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, closeAll, byTestId, waitFor, screenshot } from './support/browser.mjs';
import { seriousViolations } from './support/axe.mjs';

after(closeAll);

const DOMAIN = 'aurora-logistics.example';
const USERS = ['amara.okafor', 'sanne.devries', 'tom.becker'];
const LANGS = ['en', 'nl', 'fr'];
// 1440 px too: the top bar is inline there, folded into its menu below.
const WIDTHS = [1440, 1280, 1024];
// Apps first: the Devices view's install column fills in once the apps have loaded.
const VIEWS = [
  'apps',
  'devices',
  'compliance',
  'configuration',
  'app-protection-policies',
  'app-protection-status',
  'enrollment-restrictions',
];
// One line of the top bar is its tallest control (a 34-38 px select or button) plus 2 x 12 px padding, about
// 62 px; a second line adds at least another control and a 16 px gap (the unfixed bar is 105-157 px).
const TOP_BAR_MAX = 72;

/** Everything measured in the page at once: the top bar, the tab strip and the shown view's tables. */
function measure() {
  // A word is broken when the rectangles of its characters lie on two lines.
  const brokenWords = (cell) => {
    const found = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.length < 2) continue;
        const tops = rects.map((r) => r.top);
        if (Math.max(...tops) - Math.min(...tops) > rects[0].height / 2) found.push(m[0]);
      }
    }
    return found;
  };
  const bar = document.querySelector('.t1-topbar');
  const tabs = [...document.querySelectorAll('[role="tablist"] [role="tab"]')];
  const tabTops = new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
  const tables = [...document.querySelectorAll('#t1-view-panel [data-testid="data-table"] table')].map((table) => {
    const box = table.parentElement;
    const cells = [...table.querySelectorAll('th, td')];
    return {
      label: table.querySelector('caption')?.textContent ?? '',
      width: Math.ceil(table.getBoundingClientRect().width),
      scrollWidth: box.scrollWidth,
      clientWidth: box.clientWidth,
      broken: cells.flatMap(brokenWords),
    };
  });
  return {
    barHeight: bar.getBoundingClientRect().height,
    tabRows: tabTops.size,
    pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables,
  };
}

/** Shows `view` through its tab and waits for its table (or its empty state) to be rendered with data. */
async function showView(page, view) {
  await page.locator(`[role="tab"][data-view="${view}"]`).click();
  await waitFor(
    () =>
      page.evaluate((view) => {
        const panel = document.getElementById('t1-view-panel');
        if (panel?.dataset.view !== view || panel.querySelector('[data-testid="loading"]')) return false;
        return !!panel.querySelector(
          '[data-testid="data-table"], [data-testid="empty"], [data-testid="permission-needed"], [data-testid="error-panel"]',
        );
      }, view),
    { timeout: 15_000, message: `the ${view} view` },
  );
}

test('views fit their card, cells keep words whole, top bar and tabs are one line (1440/1280/1024, en/nl/fr)', async (t) => {
  const problems = [];
  const { page } = await openApp('?latency=0', { viewport: { width: WIDTHS[0], height: 900 } });
  try {
    for (const lang of LANGS) {
      for (const user of USERS) {
        await page.evaluate((lang) => localStorage.setItem('tier1.locale', lang), lang);
        await page.goto(`${new URL(page.url()).origin}/?user=${encodeURIComponent(`${user}@${DOMAIN}`)}&latency=0`);
        await waitFor(() => page.evaluate((lang) => document.documentElement.lang === lang, lang), {
          message: `lang=${lang}`,
        });
        await byTestId(page, 'data-selector').waitFor({ timeout: 15_000 });
        for (const view of VIEWS) {
          await showView(page, view);
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 900 });
            const m = await page.evaluate(measure);
            const where = `${lang} ${width}px ${user} ${view}`;
            if (m.barHeight > TOP_BAR_MAX) problems.push(`${where}: top bar ${m.barHeight} px high`);
            if (m.tabRows !== 1) problems.push(`${where}: tabs on ${m.tabRows} rows`);
            if (m.pageOverflow > 0) problems.push(`${where}: page scrolls sideways by ${m.pageOverflow} px`);
            for (const table of m.tables) {
              if (table.scrollWidth > table.clientWidth) {
                problems.push(`${where}: table ${table.scrollWidth} px wide in a ${table.clientWidth} px box`);
              }
              if (table.broken.length) problems.push(`${where}: words broken in cells: ${table.broken.join(' | ')}`);
            }
          }
        }
      }
    }
    assert.deepEqual(problems, [], 'layout problems');
  } catch (err) {
    err.message += `\n  screenshot: ${await screenshot(page, t.name)}`;
    throw err;
  }
});

test('narrow top bar: one Settings menu holds operator, tenant and language; Escape closes it and returns focus', async (t) => {
  const query = `?user=${encodeURIComponent(`amara.okafor@${DOMAIN}`)}&view=enrollment-restrictions&latency=0`;
  const { page } = await openApp(query, { viewport: { width: 1024, height: 800 } });
  try {
    const button = page.getByRole('button', { name: 'Settings' });
    await button.waitFor();
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('combobox', { name: 'Language' }).count(), 0, 'folded away while closed');
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('group', { name: 'Settings' });
    await panel.waitFor();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    for (const name of ['Signed in as (demo)', 'Demo tenant', 'Language']) {
      await panel.getByRole('combobox', { name }).waitFor();
    }
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      assert.deepEqual(await seriousViolations(page), [], `open Settings menu (${colorScheme})`);
    }
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'operator-switch', 'Tab enters the panel');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'settings-menu', 'focus is back on the button');

    // The tab strip scrolls rather than wraps: a deep-linked last tab is scrolled into view.
    await page.getByRole('tab', { name: 'Enrollment restrictions' }).waitFor();
    const inView = await page.evaluate(() => {
      const strip = document.querySelector('[role="tablist"]').getBoundingClientRect();
      const tab = document.querySelector('[role="tab"][aria-selected="true"]').getBoundingClientRect();
      return tab.left >= strip.left - 1 && tab.right <= strip.right + 1;
    });
    assert.ok(inView, 'the selected tab is in view');
  } catch (err) {
    err.message += `\n  screenshot: ${await screenshot(page, t.name)}`;
    throw err;
  }
});
