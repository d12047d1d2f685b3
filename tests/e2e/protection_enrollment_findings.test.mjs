// App protection and enrollment findings in "What needs attention": an app not checked in (Ngozi), a rooted
// phone (Paweł), a failed enrollment without a later success (Élodie), a restriction that blocks a platform
// (Wout). Each says what is wrong, the next step and who acts, and its evidence link opens the place where the
// value is shown: the App protection status or Enrollment restrictions view with the row highlighted, or the
// failure's details.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, byTestId, walk, waitFor } from './support/browser.mjs';

after(closeAll);

const DOMAIN = 'aurora-logistics.example';
const user = (name) => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}`;
const finding = (page, text) => byTestId(page, 'finding').filter({ hasText: text });
const highlighted = (page) => page.locator('[role="tabpanel"] [data-testid="table-row"][data-highlighted="true"]');
const within = (locator, id) => locator.locator(`[data-testid="${id}"]`);

/** The finding's next step and who acts, once it is shown. */
async function stepAndActor(found) {
  await found.waitFor();
  return [await within(found, 'finding-next-step').innerText(), await within(found, 'finding-who-acts').innerText()];
}

test('Ngozi: Outlook on her iPad has not checked in; its evidence highlights the registration', async (t) => {
  await walk(t, `${user('ngozi.adeyemi')}&latency=0`, async (page) => {
    const found = finding(page, /Microsoft Outlook on Ngozi’s iPad has not checked in: it has not received APP - iOS\/iPadOS Standard/);
    const [step, actor] = await stepAndActor(found);
    assert.match(step, /open Microsoft Outlook on Ngozi’s iPad and sign in with their work account/);
    assert.equal(actor, 'The user');
    assert.equal(await found.getAttribute('data-weight'), 'blocks-item');

    await within(found, 'evidence-link').filter({ hasText: 'Microsoft Outlook' }).click();
    await page.waitForURL(/view=app-protection-status/);
    assert.match(page.url(), /[?&]row=[0-9a-f-]{36}/, 'the link names the registration');
    await highlighted(page).filter({ hasText: 'Ngozi’s iPad' }).getByText('Not checked in').waitFor();
    assert.equal(await highlighted(page).count(), 1, 'one row highlighted');
  });
});

test('Paweł: his rooted phone is one finding for both apps; its evidence highlights a flagged registration', async (t) => {
  await walk(t, `${user('pawel.kowalczyk')}&latency=0`, async (page) => {
    const found = finding(page, /is flagged by app protection as rooted \(reported by Microsoft Outlook, Microsoft Teams\)/);
    const [step, actor] = await stepAndActor(found);
    assert.match(step, /restore the manufacturer's system software/);
    assert.equal(actor, 'The user');
    assert.equal(await finding(page, /flagged by app protection/).count(), 1, 'one finding per device');
    assert.equal(await found.getAttribute('data-weight'), 'blocks-device');

    await within(found, 'evidence-link').first().click();
    await page.waitForURL(/view=app-protection-status/);
    await highlighted(page).getByText('Rooted or jailbroken device').waitFor();
  });
});

test('Élodie: a failed iPhone enrollment with no later success; its evidence opens the failure details', async (t) => {
  await walk(t, `${user('elodie.dubois')}&latency=0`, async (page) => {
    const found = finding(page, /Enrollment failed for a device running iOS 27\.1 \(iOS\/iPadOS timeout or failure; .*\), and no iOS device has enrolled since/);
    const [step, actor] = await stepAndActor(found);
    assert.match(step, /Open the failure/);
    assert.equal(actor, 'The user');

    await within(found, 'evidence-link').filter({ hasText: 'iOS 27.1' }).click();
    await page.waitForURL(/[?&]failure=[0-9a-f-]{36}/);
    const details = byTestId(page, 'failure-details');
    await details.getByText(/iOS\/iPadOS timeout or failure/).first().waitFor();
    await waitFor(async () => (await page.evaluate(() => document.activeElement?.id)) === 't1-failures-title', {
      message: 'focus moved to the enrollment failures',
    });
  });
});

test('Wout: the warehouse restriction blocks his Mac; its evidence highlights the restriction and opens the failure', async (t) => {
  await walk(t, `${user('wout.claes')}&latency=0`, async (page) => {
    const found = finding(page, /An enrollment restriction blocks this user's device running macOS 26\.7\.2, which failed to enroll: macOS is blocked by the restriction “Warehouse - Block macOS”/);
    const [step, actor] = await stepAndActor(found);
    assert.match(step, /assigns them a restriction that allows it/);
    assert.equal(actor, 'Intune administrator');
    assert.equal(await byTestId(page, 'finding').filter({ hasText: /^.*Enrollment failed for a device running macOS/ }).count(), 0,
      'the failure is the restriction finding, not a second one');

    await within(found, 'evidence-link').filter({ hasText: 'Warehouse - Block macOS' }).click();
    await page.waitForURL(/view=enrollment-restrictions/);
    await highlighted(page).getByText('Warehouse - Block macOS').waitFor();

    await within(found, 'evidence-link').filter({ hasText: 'macOS 26.7.2' }).click();
    await page.waitForURL(/[?&]failure=[0-9a-f-]{36}/);
    await byTestId(page, 'failure-details').getByText(/Device platform blocked|platform blocked/i).first().waitFor();
  });
});

test('Jonas: the device cap failure is listed under the device limit it follows from', async (t) => {
  await walk(t, `${user('jonas.berg')}&latency=0`, async (page) => {
    const limit = finding(page, /Device limit reached: limit 5/);
    await limit.waitFor();
    await limit.getByText('Follows from the above:').waitFor();
    await limit.getByText(/Enrollment failed for a device running Android 16 \(Device cap reached/).waitFor();
  });
});

test('Emma with the registrations and the enrollment failures failing: the findings say which checks did not run', async (t) => {
  const faults = 'fault=managedAppRegistrations:500,deviceManagementTroubleshootingEvents:500';
  await walk(t, `${user('emma.laurent')}&${faults}&latency=0`, async (page) => {
    const notChecked = byTestId(page, 'findings-unavailable');
    await notChecked.getByText('Not checked: app protection — the app protection status did not load').waitFor();
    await notChecked.getByText('Not checked: failed enrollments — the enrollment failures did not load').waitFor();
    await notChecked.getByText(/Not checked: enrollment restrictions that block a device — the enrollment failures did not load/).waitFor();
    assert.equal(await byTestId(page, 'findings').getByText(/Nothing wrong found:/).count(), 0, 'not every check ran');
  });
});
