// Callers often give their device or their number, not their name (issue 11): the lookup finds the user by a
// device's name or serial number, or by their phone number, and says what matched. Waits poll; nothing sleeps.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, byTestId, walk } from './support/browser.mjs';

after(closeAll);

for (const [typed, note] of [
  ['NDQYDHGDQC', 'Serial number NDQYDHGDQC: Sanne’s iPhone'],
  ['AUR-LT-0142', 'Device AUR-LT-0142 (Windows)'],
  ['+31 6 2847 3910', 'Phone +31 6 2847 3910'],
  ['+31 6 2847', 'Phone +31 6 2847 3910'],
  ['+31 10 555 0142', 'Phone +31 10 555 0142'],
]) {
  test(`"${typed}" finds Sanne de Vries and names the device that matched`, async (t) => {
    await walk(t, 'latency=0', async (page) => {
      await page.getByRole('combobox', { name: 'Find a user' }).fill(typed);
      const option = page.getByRole('option').filter({ hasText: 'Sanne de Vries' });
      await option.waitFor();
      assert.equal((await option.locator('[data-testid="user-result-device"]').innerText()).trim(), note);
      assert.equal(await page.getByRole('option').count(), 1, 'only the user the device or number belongs to');
      await page.keyboard.press('Enter');
      await byTestId(page, 'selected-user').getByText('sanne.devries@aurora-logistics.example').waitFor();
    });
  });
}

test('part of a serial number finds nobody', async (t) => {
  await walk(t, 'latency=0', async (page) => {
    await page.getByRole('combobox', { name: 'Find a user' }).fill('NDQYDH');
    await byTestId(page, 'search-status').getByText('No user matches “NDQYDH”.').waitFor();
  });
});

test('a phone number nobody has finds nobody', async (t) => {
  await walk(t, 'latency=0', async (page) => {
    const search = page.getByRole('combobox', { name: 'Find a user' });
    await search.fill('+31 6 0000 0000');
    await byTestId(page, 'search-status').getByText('No user matches “+31 6 0000 0000”.').waitFor();
  });
});
