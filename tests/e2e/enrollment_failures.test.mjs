// Enrollment failures, as an operator uses them when a user says "I can't enroll my phone": the list, one
// failure's details, the links into Tier1, and the hard cases (no remediation, hostile data, a knowledge base
// that cannot be fetched, another language). Against the release build in dist/; waits poll.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, closeAll, byTestId, screenshot, waitFor, walk } from './support/browser.mjs';

after(closeAll);

const DOMAIN = 'aurora-logistics.example';
const user = (name) => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}&latency=0`;

const pane = (page) => byTestId(page, 'enrollment-failures');
const rows = (page) => pane(page).locator('[data-testid="table-row"]');
const details = (page) => byTestId(page, 'failure-details');

/** Opens the failure named `name` from the list, as a click on its link. */
async function openFailure(page, name) {
  await pane(page).getByRole('link', { name }).click();
  await details(page).getByRole('heading', { level: 3, name: new RegExp(name) }).waitFor();
}

test('Jonas: the device cap failure shows the limit, his device count, numbered steps and who acts', async (t) => {
  await walk(t, user('jonas.berg'), async (page) => {
    await rows(page).first().waitFor();
    assert.equal(await rows(page).count(), 1);
    await openFailure(page, 'Device cap reached');
    assert.match(page.url(), /[?&]failure=[0-9a-f-]{36}/, 'the open failure is in the URL');
    const evidence = byTestId(page, 'failure-evidence');
    await evidence.getByText(/device limit for this user is 5 \(restriction “Standard staff device limit”\)\. The user had 5 enrolled devices/).waitFor();
    await evidence.getByText(/limit is still reached/).waitFor();
    // The steps come from the knowledge base, fetched when the details open: they may follow the evidence.
    const steps = byTestId(page, 'remediation-steps').getByRole('listitem');
    await steps.first().waitFor();
    assert.ok((await steps.count()) >= 2, 'numbered steps');
    const actors = await byTestId(page, 'remediation-steps').locator('[data-actor]').evaluateAll((els) => els.map((e) => e.dataset.actor));
    assert.ok(actors.includes('operator') && actors.includes('admin'), `who acts: ${actors}`);
    await byTestId(page, 'service-remediation').getByText(/Retire or delete a device/).waitFor();
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(focused, 't1-details-title', 'focus moves to the opened details');
  });
});

test('a resource link opens the enrollment restrictions view of Tier1 with the failure still open', async (t) => {
  await walk(t, user('jonas.berg'), async (page) => {
    await rows(page).first().waitFor();
    await openFailure(page, 'Device cap reached');
    await details(page).getByRole('link', { name: 'Enrollment restrictions that apply to this user' }).click();
    const tab = page.getByRole('tab', { name: 'Enrollment restrictions' });
    await waitFor(async () => (await tab.getAttribute('aria-selected')) === 'true', { message: 'restrictions tab selected' });
    assert.match(page.url(), /[?&]view=enrollment-restrictions/);
    await waitFor(async () => (await page.evaluate(() => document.activeElement?.id)) === 't1-tab-enrollment-restrictions', {
      message: 'focus on the restrictions tab',
    });
    await byTestId(page, 'limit-summary').getByText(/5/).first().waitFor();
    assert.equal(await details(page).count(), 1, 'the failure details stay open');
    await page.goBack();
    await waitFor(async () => !/view=enrollment-restrictions/.test(page.url()), { message: 'back restores the view' });
  });
});

test('Lucas: the license failure shows Intune’s remediation beside ours and links to his license', async (t) => {
  await walk(t, user('lucas.martin'), async (page) => {
    await openFailure(page, 'User not found or not licensed');
    await byTestId(page, 'failure-evidence').getByText('The user still has no license with the Intune plan (INTUNE_A).').waitFor();
    await byTestId(page, 'service-remediation').getByText(/Assign a license that includes Intune/).waitFor();
    await byTestId(page, 'remediation-steps').waitFor();
    await details(page).getByRole('link', { name: "The user's Intune license" }).click();
    await waitFor(async () => (await page.evaluate(() => document.activeElement?.id)) === 't1-status-title', {
      message: 'focus on the user status, where the license is',
    });
    await byTestId(page, 'license-status').getByText('Not licensed').waitFor();
  });
});

test('a failure the service gave no reason for says plainly that no remediation is documented', async (t) => {
  await walk(t, user('lucia.fernandez'), async (page) => {
    await rows(page).nth(1).waitFor();
    await openFailure(page, 'Unrecognized failure');
    await byTestId(page, 'no-remediation').getByText(/No remediation is documented for this failure/).waitFor();
    assert.equal(await byTestId(page, 'remediation-steps').count(), 0);
    await byTestId(page, 'raw-event').getByText(/failureCategory: unknown/).waitFor();
  });
});

test('a later successful enrollment of the same device is shown in the list', async (t) => {
  await walk(t, user('chloe.peeters'), async (page) => {
    await rows(page).first().getByText(/^Enrolled as /).waitFor();
  });
});

test('hostile service text and links stay inert text', async (t) => {
  await walk(t, user('xss.probe'), async (page) => {
    await openFailure(page, 'Device already enrolled');
    await byTestId(page, 'service-remediation').waitFor();
    await details(page).getByText("<script>alert('failure')</script>", { exact: true }).waitFor();
    const created = await details(page).locator('img, script, svg, b, i').count();
    assert.equal(created, 0, 'no element may be created from data');
    const hrefs = await details(page).locator('a').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((h) => !/^\s*javascript:/i.test(h)), `no javascript: link: ${hrefs}`);
    await details(page).getByText('<i>Hostile link</i>', { exact: true }).waitFor();
  });
});

test('a cold deep link to a failure in Dutch opens its details with the Dutch knowledge base', async (t) => {
  await walk(t, user('jonas.berg'), async (page) => {
    await rows(page).first().waitFor();
    const href = await pane(page).locator('a.t1-link').first().getAttribute('href');
    await page.evaluate(() => localStorage.setItem('tier1.locale', 'nl'));
    await page.goto(new URL(href, page.url()).href);
    await byTestId(page, 'remediation-steps').waitFor();
    const text = await details(page).innerText();
    assert.match(text, /Wat er is gebeurd/, 'Dutch headings');
    assert.match(text, /het maximale aantal apparaten/, 'the explanation comes from the Dutch knowledge base');
    assert.doesNotMatch(text, /What happened|Potential remediation/, 'no English left');
  });
});

test('when the knowledge base cannot be fetched the details still show the evidence and raw event', async (t) => {
  const session = await openApp(user('jonas.berg'));
  const { page } = session;
  try {
    await page.route('**/knowledge/enrollment/*.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await rows(page).first().waitFor();
    await openFailure(page, 'Device cap reached');
    await details(page).locator('[data-testid="error-panel"]').waitFor();
    await byTestId(page, 'failure-evidence').getByText(/device limit for this user is 5/).waitFor();
    await byTestId(page, 'raw-event').getByText(/correlationId: /).waitFor();
    await page.unroute('**/knowledge/enrollment/*.json');
    await details(page).locator('[data-testid="retry"]').click();
    await byTestId(page, 'remediation-steps').waitFor();
    assert.equal(await details(page).locator('[data-testid="error-panel"]').count(), 0, 'retry recovers');
  } catch (err) {
    err.message += `\n  screenshot: ${await screenshot(page, t.name)}\n  console: ${JSON.stringify(session.consoleErrors)}`;
    throw err;
  }
});

test('closing the details returns focus to the list and removes the failure from the URL', async (t) => {
  await walk(t, user('jonas.berg'), async (page) => {
    await rows(page).first().waitFor();
    await openFailure(page, 'Device cap reached');
    await byTestId(page, 'close-details').click();
    await details(page).waitFor({ state: 'detached' });
    assert.doesNotMatch(page.url(), /failure=/);
    await waitFor(async () => (await page.evaluate(() => document.activeElement?.id)) === 't1-failures-title', {
      message: 'focus on the failures heading',
    });
  });
});
