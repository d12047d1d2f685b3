// Accessibility: axe-core (WCAG 2.1 A/AA rules) on the landing screen, a loaded user and an open enrollment
// failure, in both colour schemes; plus keyboard-only use of the user lookup.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, closeAll, byTestId, screenshot } from './support/browser.mjs';
import { seriousViolations } from './support/axe.mjs';

after(closeAll);
for (const scheme of ['light', 'dark']) {
  test(`no serious or critical axe violations (${scheme} scheme)`, async (t) => {
    const { page } = await openApp('latency=0');
    await page.emulateMedia({ colorScheme: scheme });
    try {
      await byTestId(page, 'tenant-name').waitFor();
      assert.deepEqual(await seriousViolations(page), [], 'landing screen');
      await page.goto(page.url().replace('?', '?user=sanne.devries%40aurora-logistics.example&'));
      await byTestId(page, 'findings').locator('[data-testid="finding"]').first().waitFor();
      await page.locator('[role="tabpanel"] [data-testid="table-row"]').first().waitFor();
      assert.deepEqual(await seriousViolations(page), [], 'user screen');
      await page.goto(page.url().replace(/user=[^&]+/, 'user=jonas.berg%40aurora-logistics.example'));
      await byTestId(page, 'enrollment-failures').getByRole('link', { name: 'Device cap reached' }).click();
      await byTestId(page, 'remediation-steps').waitFor();
      await byTestId(page, 'collect-guide').first().waitFor();
      assert.deepEqual(await seriousViolations(page), [], 'enrollment failure details');
    } catch (err) {
      err.message += `\n  screenshot: ${await screenshot(page, t.name)}`;
      throw err;
    }
  });
}

test('the user lookup works from the keyboard alone', async (t) => {
  const { page } = await openApp('latency=0');
  try {
    await byTestId(page, 'tenant-name').waitFor();
    // Tab from the top of the page: skip link, tenant, language, then the lookup.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'combobox')) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'combobox');
    await page.keyboard.type('emma l');
    await page.getByRole('option', { name: /Emma Laurent/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await byTestId(page, 'selected-user').getByText('Emma Laurent').waitFor();
  } catch (err) {
    err.message += `\n  screenshot: ${await screenshot(page, t.name)}`;
    throw err;
  }
});
