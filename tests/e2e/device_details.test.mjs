// Issue 18, items 9–13: enums in words (in every language), facts only where they apply, the device summary of
// a user without devices, app names for app protection, and the device details an admin-center user expects.
// Elements are found by role, label or data-testid; every wait polls a condition.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, byTestId, useLanguage, walk } from './support/browser.mjs';
import { seriousViolations } from './support/axe.mjs';

after(closeAll);

const DOMAIN = 'aurora-logistics.example';
const user = (name) => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}`;
const SANNE_LAPTOP = 'b5bbac2d-23d4-52fc-a901-45255e620747';
const SANNE_IPHONE = 'bdd05113-d0a3-54c0-a373-69f74feb1bed';

const details = (page) => byTestId(page, 'device-details');
const rows = (page) => page.locator('[role="tabpanel"] [data-testid="table-row"]');

/** The value of the fact labelled `label` in the open device's details (polls until it is there). */
async function fact(page, label) {
  const term = details(page).locator('dt', { hasText: new RegExp(`^${label}$`) });
  await term.first().waitFor();
  return (await term.first().locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

/** Words Graph writes in camelCase ("windowsAzureADJoin"), minus product names that are spelled so. */
function rawEnums(text) {
  const products = new Set(['iPhone', 'iPad', 'iPadOS', 'iOS', 'macOS']);
  return (text.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []).filter((w) => !products.has(w));
}

for (const [lang, active, heading] of [
  ['nl', 'Status van Intune-abonnement: actief', 'Apparaatgegevens: AUR-LT-0142'],
  ['fr', 'État de l’abonnement Intune\u00a0: actif', 'Détails de l’appareil\u00a0: AUR-LT-0142'],
]) {
  test(`${lang}: account status, devices and device details show no raw Graph enum`, async (t) => {
    await walk(t, `${user('sanne.devries')}&view=devices&device=${SANNE_LAPTOP}&latency=0`, async (page) => {
      await useLanguage(page, lang);
      await byTestId(page, 'account-status').getByText(active, { exact: true }).waitFor();
      await details(page).getByRole('heading', { name: heading }).waitFor();
      await rows(page).filter({ hasText: 'AUR-LT-0142' }).first().waitFor();
      const text = await page.locator('main').innerText();
      assert.deepEqual(rawEnums(text), [], `raw enum values on the ${lang} screen`);
      assert.doesNotMatch(text, /: active\b/);
    });
  });
}

test('supervision is a fact of iPhones and iPads only', async (t) => {
  await walk(t, `${user('sanne.devries')}&view=devices&device=${SANNE_IPHONE}&latency=0`, async (page) => {
    assert.equal(await fact(page, 'Supervised'), 'No');
    await rows(page).filter({ hasText: 'AUR-LT-0142' }).getByRole('link', { name: 'AUR-LT-0142' }).click();
    await details(page).getByRole('heading', { name: 'Device details: AUR-LT-0142' }).waitFor();
    await fact(page, 'Managed by');
    assert.equal(await details(page).locator('dt', { hasText: /^Supervised$/ }).count(), 0);
  });
});

test('a user without devices: "No enrolled devices", not a count of zeros', async (t) => {
  await walk(t, `${user('lucas.martin')}&latency=0`, async (page) => {
    await byTestId(page, 'device-summary').getByText('No enrolled devices', { exact: true }).waitFor();
  });
});

test('app protection status names the app, with its bundle id as detail', async (t) => {
  await walk(t, `${user('sanne.devries')}&view=app-protection-status&latency=0`, async (page) => {
    const outlook = rows(page).filter({ hasText: 'Bundle ID: com.microsoft.Office.Outlook' });
    await outlook.getByText('Microsoft Outlook', { exact: true }).waitFor();
  });
});

test('device details: hardware, primary user, Entra join and compliance, storage, and each compliance policy', async (t) => {
  await walk(t, `${user('sanne.devries')}&view=devices&device=${SANNE_LAPTOP}&latency=0`, async (page) => {
    await details(page).getByRole('heading', { name: 'Device details: AUR-LT-0142' }).waitFor();
    assert.equal(await fact(page, 'Serial number'), 'SBTEMAF');
    assert.equal(await fact(page, 'Model'), 'Latitude 7450');
    assert.equal(await fact(page, 'Manufacturer'), 'Dell Inc.');
    assert.match(await fact(page, 'Primary user'), /Sanne de Vries\s+sanne\.devries@aurora-logistics\.example/);
    assert.equal(await fact(page, 'Entra device ID'), '0748e771-21f8-54bc-9e39-22648edcda9e');
    assert.equal(await fact(page, 'Entra join type'), 'Microsoft Entra joined');
    assert.equal(await fact(page, 'Entra compliant'), 'Yes');
    assert.equal(await fact(page, 'Enrollment type'), 'Microsoft Entra join');
    assert.match(await fact(page, 'Storage'), /^\d+(\.\d)? GB free of \d+(\.\d)? GB$/);
    const policies = byTestId(page, 'device-compliance-policies');
    const baseline = policies.locator('[data-testid="table-row"]', { hasText: 'Windows 11 - Baseline compliance' });
    await baseline.getByText('Compliant', { exact: true }).waitFor();

    // The Devices view has the troubleshooting pane's Entra columns too.
    const table = page.locator('[role="tabpanel"] table').first();
    await table.getByRole('columnheader', { name: 'Entra compliant' }).waitFor();
    await rows(page).filter({ hasText: 'AUR-LT-0142' }).getByText('Microsoft Entra joined').waitFor();
  });
});

for (const scheme of ['light', 'dark']) {
  test(`device details and app protection status are axe-clean (${scheme} scheme)`, async (t) => {
    await walk(t, `${user('sanne.devries')}&view=devices&device=${SANNE_IPHONE}&latency=0`, async (page) => {
      await page.emulateMedia({ colorScheme: scheme });
      await byTestId(page, 'device-compliance-policies').locator('[data-testid="table-row"]').first().waitFor();
      assert.deepEqual(await seriousViolations(page), [], 'device details');
      await page.getByRole('tab', { name: 'App protection status' }).click();
      await rows(page).filter({ hasText: 'Microsoft Outlook' }).first().waitFor();
      assert.deepEqual(await seriousViolations(page), [], 'app protection status');
    });
  });
}
