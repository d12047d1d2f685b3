// The demo tenant's stories, walked as a help-desk operator would, against the release build in dist/.
// Elements are found by role, label or data-testid; every wait polls a condition.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, closeAll, byTestId, screenshot, walk, chooseInSettings } from './support/browser.mjs';

after(closeAll);

const DOMAIN = 'aurora-logistics.example';
const user = (name) => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}`;

const status = (page) => byTestId(page, 'user-status');
const findings = (page) => byTestId(page, 'findings');
const tab = (page, name) => page.getByRole('tab', { name });
const rows = (page) => page.locator('[role="tabpanel"] [data-testid="table-row"]');

test('find a user by typing part of an accented name, choose with the keyboard, and the URL follows', async (t) => {
  await walk(t, 'latency=0', async (page) => {
    const search = page.getByRole('combobox', { name: 'Find a user' });
    await search.fill('angstrom');
    const option = page.getByRole('option', { name: /Zoë Ångström-Núñez/ });
    await option.waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    await byTestId(page, 'selected-user').getByText('Zoë Ångström-Núñez').waitFor();
    assert.match(page.url(), /[?&]user=[0-9a-f-]{36}/, 'the selected user is in the URL');
    await search.waitFor({ state: 'detached' });
  });
});

test('a search that matches nobody says so', async (t) => {
  await walk(t, 'latency=0', async (page) => {
    await page.getByRole('combobox', { name: 'Find a user' }).fill('qqqzzz');
    await byTestId(page, 'search-status').getByText('No user matches “qqqzzz”.').waitFor();
    assert.equal(await byTestId(page, 'user-result').count(), 0);
  });
});

test('Sanne: iPhone not compliant for want of a passcode, Wi-Fi profile in error on it', async (t) => {
  await walk(t, `${user('sanne.devries')}&latency=0`, async (page) => {
    await status(page).getByText('Licensed (SPE_E3)').waitFor();
    await findings(page).getByText(/Sanne’s iPhone is not compliant: Require a password to unlock mobile devices/).waitFor();
    await findings(page).getByText(/Wi-Fi .* failed on Sanne’s iPhone \(error 0x[0-9A-F]{8}\)/).waitFor();
    await byTestId(page, 'device-summary').getByText('Compliant: 1 of 2; not compliant: 1').waitFor();

    await tab(page, 'Configuration policies').click();
    await page.waitForURL(/view=configuration/);
    const wifi = rows(page).filter({ hasText: 'Sanne’s iPhone' }).filter({ hasText: 'Wi-Fi' });
    await wifi.getByText('Error', { exact: true }).waitFor();
  });
});

test('Lucas: no Intune license, and the pane says what to do', async (t) => {
  await walk(t, `${user('lucas.martin')}&latency=0`, async (page) => {
    await byTestId(page, 'license-status').getByText('Not licensed').waitFor();
    await findings(page).getByText(/No Intune license: the user cannot enroll/).waitFor();
    await tab(page, 'Devices').click();
    await byTestId(page, 'empty').getByText('This user has no managed devices.').waitFor();
  });
});

test('Priya: Android phone last checked in 45 days ago', async (t) => {
  await walk(t, `${user('priya.raman')}&latency=0`, async (page) => {
    await findings(page).getByText(/last checked in 45 days ago/).waitFor();
    await rows(page).filter({ hasText: 'Android' }).getByText('45 days ago').waitFor();
  });
});

test('Tom: the VPN profile does not reach him, and the pane says which group it targets', async (t) => {
  await walk(t, `${user('tom.becker')}&view=configuration&latency=0`, async (page) => {
    const vpn = rows(page).filter({ hasText: 'Aurora VPN (Windows)' });
    await vpn.getByText('Not assigned: targets VPN Users, which this user is not a member of').waitFor();
  });
});

test('Amara: a Windows app failed to install, with its error code', async (t) => {
  await walk(t, `${user('amara.okafor')}&latency=0`, async (page) => {
    await findings(page).getByText(/Aurora Route Planner failed to install on .* \(error 0x87D1041C\)/).waitFor();
    await byTestId(page, 'app-summary').getByText(/, 1 failed to install/).waitFor();
    await tab(page, 'Client apps').click();
    const failed = rows(page).filter({ hasText: 'Aurora Route Planner' }).filter({ hasText: 'Failed' });
    await failed.getByText('(error 0x87D1041C)').waitFor();
  });
});

test('Jonas: five devices against a limit of five', async (t) => {
  await walk(t, `${user('jonas.berg')}&view=enrollment-restrictions&latency=0`, async (page) => {
    const summary = byTestId(page, 'limit-summary');
    await summary.getByText(/Device limit for this user: 5 .*Enrolled devices: 5\./).waitFor();
    assert.equal(await summary.getAttribute('data-reached'), 'true');
  });
});

test('Emma is healthy and Mark is disabled', async (t) => {
  await walk(t, `${user('emma.laurent')}&latency=0`, async (page) => {
    await findings(page).getByText('Nothing wrong found: license, account, devices, apps, app protection and enrollments look healthy.').waitFor();
  });
  await walk(t, `${user('mark.jansen')}&latency=0`, async (page) => {
    await byTestId(page, 'account-state').getByText('Disabled').waitFor();
    await findings(page).getByText(/The account is disabled/).waitFor();
  });
});

test('markup in names is shown as text and never runs', async (t) => {
  await walk(t, 'latency=0', async (page) => {
    await page.getByRole('combobox', { name: 'Find a user' }).fill('onerror');
    await page.getByRole('option', { name: /<img src=x onerror=alert\(1\)>/ }).click();
    await byTestId(page, 'selected-user').getByText('<img src=x onerror=alert(1)>', { exact: true }).waitFor();
    await rows(page).getByText("<script>alert('dev')</script>", { exact: true }).waitFor();
    assert.equal(await page.locator('main img, main script').count(), 0, 'no element was created from data');
  });
});

test('the tenant switch shows an inactive subscription', async (t) => {
  await walk(t, 'latency=0', async (page) => {
    await byTestId(page, 'tenant-state').getByText('Active', { exact: true }).waitFor();
    await chooseInSettings(page, 'Demo tenant', 'northwind-lab');
    await byTestId(page, 'tenant-name').getByText('Northwind Test Lab').waitFor();
    await byTestId(page, 'tenant-state').getByText('Inactive', { exact: true }).waitFor();
    assert.match(page.url(), /tenant=northwind-lab/);
  });
});

test('the language switch translates, sets <html lang> and persists across a reload', async (t) => {
  await walk(t, `${user('sanne.devries')}&latency=0`, async (page) => {
    await chooseInSettings(page, 'Language', 'nl');
    await page.getByRole('heading', { name: 'Gebruikersstatus' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    await page.reload();
    await page.getByRole('heading', { name: 'Gebruikersstatus' }).waitFor();
    await chooseInSettings(page, 'Taal', 'fr');
    await page.getByRole('heading', { name: 'État de l’utilisateur' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  });
});

test('a failing pane shows its error and a retry; the other panes keep working', async (t) => {
  await walk(t, `${user('emma.laurent')}&fault=managedDevices:503&latency=0`, async (page) => {
    const error = page.locator('[role="tabpanel"] [data-testid="error-panel"]');
    await error.getByText('Could not load Devices').waitFor();
    assert.equal(await error.getAttribute('data-kind'), 'server');
    await error.getByText(/request-id: fixture-/).waitFor({ state: 'attached' });
    await error.getByRole('button', { name: 'Retry' }).waitFor();
    await byTestId(page, 'group-membership').locator('[data-testid="table-row"]').first().waitFor();
  });
});

test('a deep link opens cold on its view; tabs move with arrow keys; back and forward work', async (t) => {
  await walk(t, `${user('sanne.devries')}&view=compliance`, async (page) => {
    const compliance = tab(page, 'Compliance policies');
    await page.waitForFunction(() => document.querySelector('[role=tab][aria-selected=true]')?.textContent === 'Compliance policies');
    await rows(page).first().waitFor();
    await compliance.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/view=configuration/);
    assert.equal(await tab(page, 'Configuration policies').getAttribute('aria-selected'), 'true');
    await page.goBack();
    await page.waitForURL(/view=compliance/);
    await page.waitForFunction(() => document.querySelector('[role=tab][aria-selected=true]')?.textContent === 'Compliance policies');
    await page.goForward();
    await page.waitForURL(/view=configuration/);
  });
});

test('every view of the data selector renders a table or says it is empty', async (t) => {
  await walk(t, `${user('sanne.devries')}&latency=0`, async (page) => {
    for (const name of ['Devices', 'Client apps', 'Compliance policies', 'Configuration policies', 'App protection policies', 'App protection status', 'Enrollment restrictions']) {
      await tab(page, name).click();
      await page.locator('[role="tabpanel"] [data-testid="data-table"], [role="tabpanel"] [data-testid="empty"]').first().waitFor();
      assert.equal(await page.locator('[role="tabpanel"] [data-testid="error-panel"]').count(), 0, `${name} failed`);
    }
  });
});
