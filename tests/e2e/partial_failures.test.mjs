// What depends on a source that failed to load says so, and the findings never claim more than they checked
// (issue 18): group membership fails for Amara, whose app install failure is then not evaluated. Also Priya's
// stale phone, non-compliant only because of the built-in default compliance policy: one finding, in plain words.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeAll, byTestId, walk, waitFor } from './support/browser.mjs';
import { seriousViolations } from './support/axe.mjs';

after(closeAll);

const DOMAIN = 'aurora-logistics.example';
const user = (name) => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}`;
const findings = (page) => byTestId(page, 'findings');
const rows = (page) => page.locator('[role="tabpanel"] [data-testid="table-row"]');
const NOT_EVALUATED = 'Not evaluated: group membership did not load';

/** No serious axe violation in either colour scheme. */
async function axeClean(page, what) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    assert.deepEqual(await seriousViolations(page), [], `${what} (${colorScheme})`);
  }
}

test('group membership fails: findings say which checks did not run, apps are not evaluated, nothing loads for ever', async (t) => {
  await walk(t, `${user('amara.okafor')}&fault=memberOf:malformed&latency=0`, async (page) => {
    const notChecked = byTestId(page, 'findings-unavailable');
    await notChecked.getByText('Not checked: app installs — group membership did not load').waitFor();
    await notChecked.getByText('Not checked: device limit — group membership did not load').waitFor();
    assert.equal(await findings(page).getByText(/Nothing wrong found/).count(), 0, 'not every check ran');

    await byTestId(page, 'app-summary').getByText(NOT_EVALUATED).waitFor();

    const groups = byTestId(page, 'group-membership');
    await groups.getByText(/could not be read/).waitFor();
    await groups.getByText(/app installs, policy assignments and the device limit are not evaluated/).waitFor();
    assert.equal(await groups.getByText(/other panes are not affected/).count(), 0, 'the panel claims nothing untrue');

    // Devices view: every app install cell ends in "not evaluated", none keeps loading.
    await rows(page).first().waitFor();
    const total = await rows(page).count();
    await waitFor(async () => (await rows(page).filter({ hasText: NOT_EVALUATED }).count()) === total, {
      message: `all ${total} device rows say "${NOT_EVALUATED}"`,
    });
    assert.equal(await rows(page).filter({ hasText: 'Loading…' }).count(), 0);

    await page.getByRole('tab', { name: 'Client apps' }).click();
    await page.getByRole('tabpanel').getByText(NOT_EVALUATED).waitFor();
    await axeClean(page, 'not-evaluated states');
  });
});

test('without the fault, Amara’s findings are complete and say nothing about checks that did not run', async (t) => {
  await walk(t, `${user('amara.okafor')}&latency=0`, async (page) => {
    await findings(page).getByText(/Aurora Route Planner failed to install/).waitFor();
    assert.equal(await byTestId(page, 'findings-unavailable').count(), 0);
  });
});

test('Priya: one finding for her stale phone, saying it is why the phone is not compliant, in plain words', async (t) => {
  await walk(t, `${user('priya.raman')}&latency=0`, async (page) => {
    const stale = findings(page).getByText(/last checked in 45 days ago/);
    await stale.waitFor();
    await stale.getByText(/which is also why it is marked not compliant/).waitFor();
    await waitFor(async () => (await byTestId(page, 'findings').locator('[data-testid="loading"]').count()) === 0, {
      message: 'every check has run',
    });
    const phone = byTestId(page, 'finding').filter({ hasText: 'AndroidForWork' });
    assert.equal(await phone.count(), 1, 'the stale phone is one finding, not two');
    assert.equal(await findings(page).getByText(/Is active/).count(), 0, 'no Graph setting name without its meaning');

    await page.getByRole('tab', { name: 'Compliance policies' }).click();
    const builtIn = rows(page).filter({ hasText: 'Default Device Compliance Policy' }).filter({ hasText: 'AndroidForWork' });
    await builtIn.getByText('Non-compliant', { exact: true }).waitFor();
    await builtIn.getByText(/Is active: the device has not checked in with Intune within the tenant’s check-in threshold \(30 days\)/).waitFor();
    await builtIn.getByText('Built in: applies to every enrolled device').waitFor();
    await axeClean(page, 'compliance view with the built-in policy');
  });
});
