// "What needs attention" as an operator reads it: each finding with its weight, its evidence as links that
// open the place where the value is shown (the row highlighted), the next step and who acts; an app install
// error code explained in words; findings in rank order.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, byTestId, walk, waitFor, useLanguage } from './support/browser.mjs';

after(closeAll);

const DOMAIN = 'aurora-logistics.example';
const user = (name) => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}`;
const findings = (page) => byTestId(page, 'findings');
// The finding whose own sentence matches (a finding's element also holds the findings that follow from it).
const finding = (page, text) => byTestId(page, 'finding-what').filter({ hasText: text }).locator('xpath=..');

test('Sanne: the Wi-Fi error links to its row in the Configuration view, highlighted, and says who acts', async (t) => {
  await walk(t, `${user('sanne.devries')}&latency=0`, async (page) => {
    const wifi = finding(page, /Wi-Fi .* failed on Sanne’s iPhone/);
    await wifi.waitFor();
    await wifi.getByText('Blocks an app or profile').waitFor();
    assert.match(await wifi.getByTestId('finding-next-step').first().innerText(), /^Sync Sanne’s iPhone once/);
    assert.equal(await wifi.getByTestId('finding-who-acts').first().innerText(), 'Intune administrator');

    await wifi.getByRole('link', { name: /Aurora Staff Wi-Fi/ }).click();
    await page.waitForURL(/view=configuration/);
    assert.match(page.url(), /[?&]row=[0-9a-f-]{36}%7C[0-9a-f-]{36}/, 'the row is in the URL, so the link can be pasted');
    const highlighted = page.locator('[role="tabpanel"] tr[data-highlighted="true"]');
    await highlighted.first().waitFor();
    assert.equal(await highlighted.count(), 1, 'one row: the profile on that device');
    assert.match(await highlighted.innerText(), /Aurora Staff Wi-Fi[\s\S]*Sanne’s iPhone[\s\S]*Error/);
    await waitFor(async () => (await page.getByRole('tab', { name: 'Configuration policies' }).evaluate((e) => e === document.activeElement)), {
      message: 'focus moved to the view the link opened',
    });
  });
});

test('Sanne: the not-compliant finding ranks first and its device link opens the device details', async (t) => {
  await walk(t, `${user('sanne.devries')}&latency=0`, async (page) => {
    const first = byTestId(page, 'finding-what').first().locator('xpath=..');
    await first.getByText(/Sanne’s iPhone is not compliant/).waitFor();
    await first.getByText('Blocks a device').waitFor();
    assert.equal(await first.getByTestId('finding-who-acts').first().innerText(), 'The user');
    await first.getByRole('link', { name: 'Sanne’s iPhone' }).click();
    await page.waitForURL(/[?&]device=/);
    await byTestId(page, 'device-details').waitFor();
  });
});

test('Amara: the app install error code is explained, with the knowledge base’s steps and who acts', async (t) => {
  await walk(t, `${user('amara.okafor')}&latency=0`, async (page) => {
    const app = finding(page, /Aurora Route Planner failed to install/);
    await app.waitFor();
    await app.getByText('0x87D1041C').waitFor();
    await app.getByTestId('finding-meaning').getByText(/The app was not detected after the installation completed/).waitFor();
    assert.match(await app.getByTestId('finding-next-step').innerText(), /detection rule/);
    assert.equal(await app.getByTestId('finding-who-acts').innerText(), 'Intune administrator');
    await app.getByRole('link', { name: 'Aurora Route Planner' }).click();
    await page.waitForURL(/view=apps/);
    await page.locator('[role="tabpanel"] tr[data-highlighted="true"]').filter({ hasText: 'Aurora Route Planner' }).first().waitFor();
  });
});

test('in Dutch the next step, who acts and the weight are Dutch', async (t) => {
  await walk(t, `${user('sanne.devries')}&latency=0`, async (page) => {
    await useLanguage(page, 'nl');
    const wifi = finding(page, /Wi-Fi .* is mislukt op Sanne’s iPhone/);
    await wifi.waitFor();
    await wifi.getByText('Blokkeert een app of profiel').waitFor();
    assert.equal(await wifi.getByTestId('finding-who-acts').first().innerText(), 'Intune-beheerder');
    assert.match(await wifi.getByTestId('finding-next-step').first().innerText(), /^Synchroniseer/);
    assert.equal(await findings(page).getByText('Evidence').count(), 0, 'no English label left');
  });
});
