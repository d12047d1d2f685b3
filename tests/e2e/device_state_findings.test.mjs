// The device state findings of issue 11, as an operator meets them in "What needs attention": each with its
// next step and who acts. Hanna's pending wipe (her phone's other findings grouped under it), Lars's failed
// restart, Sofía's two profiles in conflict (each naming the other), Mila's grace period with its end date,
// Noah's profile that reports no state, and the Northwind lab (subscription not active, MDM authority shown).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, byTestId, walk } from './support/browser.mjs';

after(closeAll);

const user = (upn) => `user=${encodeURIComponent(upn)}`;
const aurora = (local) => user(`${local}@aurora-logistics.example`);
const findings = (page) => byTestId(page, 'findings');

/** The listed finding whose sentence matches `text`, its next step and who acts (its own, not a dependent's). */
async function finding(page, text) {
  const sentence = page.locator('.t1-finding__what', { hasText: text });
  const item = findings(page).locator('[data-testid="finding"]').filter({ has: sentence }).last();
  await item.waitFor();
  const own = async (id) => (await item.locator(`> dl [data-testid="${id}"]`).textContent()).trim();
  return { item, step: await own('finding-next-step'), who: await own('finding-who-acts') };
}

test('Hanna: the pending wipe of her stolen iPhone, with the phone’s other findings grouped under it', async (t) => {
  await walk(t, `${aurora('hanna.smit')}&latency=0`, async (page) => {
    const wipe = await finding(page, /^Blocks a device Wipe of AUR-IPH-\w+ was sent on \d{4}-\d\d-\d\d \d\d:\d\d UTC and waits for the device/);
    assert.match(wipe.step, /meant to be removed/);
    assert.equal(wipe.who, 'Help desk');
    await wipe.item.getByText('Follows from the above:').waitFor();
    const dependents = wipe.item.locator('.t1-findings__dependents > [data-testid="finding"]');
    await dependents.filter({ hasText: /is not compliant: Minimum OS version \(value: 17\.7\.2\)/ }).waitFor();
    await dependents.filter({ hasText: /iOS\/iPadOS - Corporate device restrictions failed on AUR-IPH-/ }).waitFor();
    const topLevel = await findings(page).locator('.t1-findings__list > [data-testid="finding"] > [data-testid="finding-what"]').allInnerTexts();
    assert.equal(topLevel.filter((text) => /AUR-IPH-/.test(text)).length, 1, `one group for the iPhone: the wipe (${topLevel})`);
  });
});

test('Lars: a restart that failed, for the help desk to send again', async (t) => {
  await walk(t, `${aurora('lars.nilsson')}&latency=0`, async (page) => {
    const failed = await finding(page, /Restart on AUR-LT-0733 failed on \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
    assert.match(failed.step, /send Restart again/);
    assert.equal(failed.who, 'Help desk');
  });
});

test('Sofía: two profiles in conflict over the Edge home page, each naming the other', async (t) => {
  await walk(t, `${aurora('sofia.moreno')}&latency=0`, async (page) => {
    const edge = await finding(page,
      'Microsoft Edge baseline - Pilot (Windows) conflicts with Finance browser settings (Windows) on AUR-LT-0584 over “Edge home page URLs”');
    assert.match(edge.step, /changes Microsoft Edge baseline - Pilot \(Windows\) or Finance browser settings \(Windows\)/);
    assert.equal(edge.who, 'Intune administrator');
    await finding(page, 'Finance browser settings (Windows) conflicts with Microsoft Edge baseline - Pilot (Windows)');
    // The other profile's row is evidence too: its link opens the Configuration view on that row.
    await edge.item.locator('[data-testid="evidence-link"]', { hasText: 'Finance browser settings (Windows)' }).first().click();
    await page.waitForURL(/view=configuration/);
    assert.match(decodeURIComponent(page.url()), /row=[0-9a-f-]{36}\|[0-9a-f-]{36}/);
  });
});

test('Mila: in the grace period, with the value her phone has and the date it becomes non-compliant', async (t) => {
  await walk(t, `${aurora('mila.jacobs')}&latency=0`, async (page) => {
    const grace = await finding(page,
      /^Warning .* does not meet Minimum OS version \(value: 12\) and is in its grace period: it becomes non-compliant on \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
    assert.match(grace.step, /before the grace period ends/);
    assert.equal(grace.who, 'The user');
  });
});

test('Noah: an assigned profile his laptop reports no state for', async (t) => {
  await walk(t, `${aurora('noah.williams')}&latency=0`, async (page) => {
    const none = await finding(page,
      'Windows Hello for Business - Pilot (Windows) is assigned to AUR-LT-0649, but the device reports no state for it');
    assert.match(none.step, /sync AUR-LT-0649 .* wait up to 8 hours/);
    assert.equal(none.who, 'The user');
  });
});

test('Northwind lab: the subscription that is not active is a finding, and the MDM authority is shown', async (t) => {
  await walk(t, `tenant=northwind-lab&${user('lab.admin@northwind-lab.example')}&latency=0`, async (page) => {
    const mdm = byTestId(page, 'mdm-authority');
    await mdm.getByText('MDM authority: Basic Mobility and Security (Office 365)').waitFor();
    assert.equal(await mdm.getAttribute('data-authority'), 'office365');
    const inactive = await finding(page, /^Blocks all access The tenant's Intune subscription is not active \(disabled\)/);
    assert.equal(inactive.who, 'Microsoft support');
    assert.match(inactive.step, /Microsoft 365 admin center/);
    const authority = await finding(page, /MDM authority is Basic Mobility and Security \(Office 365\), not Intune/);
    assert.equal(authority.who, 'Intune administrator');
    assert.match(authority.step, /sets the MDM authority to Intune/);
  });
  await walk(t, `${aurora('emma.laurent')}&latency=0`, async (page) => {
    await byTestId(page, 'mdm-authority').getByText('MDM authority: Microsoft Intune').waitFor();
    await findings(page).getByText('Nothing wrong found: license, account, devices, apps, app protection and enrollments look healthy.').waitFor();
  });
});
