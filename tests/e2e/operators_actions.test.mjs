// Operators, scope and device actions (issue 4), walked as each demo operator against the release build:
// Felix (help desk, Staff - Benelux) cannot open Tom; Ruud (read only) and Arjun (minimal) see every action
// disabled with the reason; a wipe needs the typed device name; actions go pending, then done or failed; the
// action log records them and exports CSV. axe-core checks the dialogs. Waits poll; nothing sleeps.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { closeAll, byTestId, walk, waitFor, openSettings, ARTIFACTS } from './support/browser.mjs';
import { startGraphServer, distWithConfig } from './support/graph-server.mjs';
import { seriousViolations } from './support/axe.mjs';

after(closeAll);

const DOMAIN = 'aurora-logistics.example';
const as = (operator, user) =>
  `operator=${encodeURIComponent(`${operator}@${DOMAIN}`)}` +
  (user ? `&user=${encodeURIComponent(`${user}@${DOMAIN}`)}` : '') +
  '&latency=0';

const rows = (page) => page.locator('[role="tabpanel"] [data-testid="table-row"]');
const row = (page, device) => rows(page).filter({ hasText: device });
const details = (page) => byTestId(page, 'device-details');
const actionButton = (scope, graphAction) => scope.locator(`[data-testid="device-action"][data-action="${graphAction}"]`);

const menuButton = (page, device) => row(page, device).getByRole('button', { name: /^Device actions for / });

/** Opens a row's action menu (a menu button) and returns the row. */
async function openMenu(page, device) {
  const r = row(page, device);
  await menuButton(page, device).click();
  await r.getByRole('menu', { name: /^Device actions for / }).waitFor();
  return r;
}

/** Opens the device's details from its name in the table. */
async function openDetails(page, device) {
  await row(page, device).getByRole('link', { name: device }).click();
  await details(page).getByRole('heading', { name: `Device details: ${device}` }).waitFor();
  return details(page);
}

/** Every action button inside `scope`, with whether it is disabled and the text of its reason. */
async function buttonStates(scope) {
  return scope.locator('[data-testid="device-action"]').evaluateAll((buttons) =>
    buttons.map((b) => ({
      action: b.dataset.action,
      disabled: b.getAttribute('aria-disabled') === 'true',
      reason: (b.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim(),
    })),
  );
}

/** A screenshot for the report (artifacts/e2e/<name>.png); dialogs are shot as the viewport shows them. */
async function shoot(page, name, { fullPage = false } = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

test('Felix (help desk, Benelux): Tom is listed but out of scope, and choosing him shows why, not his data', async (t) => {
  await walk(t, as('felix.kohler'), async (page) => {
    await byTestId(page, 'operator-switch').locator('option:checked', { hasText: 'Felix Köhler' }).waitFor({ state: 'attached' });
    const search = page.getByRole('combobox', { name: 'Find a user' });
    await search.fill('tom bec');
    const tom = page.getByRole('option', { name: /Tom Becker/ });
    await tom.getByText('Out of scope (not in Staff - Benelux)').waitFor();
    await search.fill('sanne');
    await page.getByRole('option', { name: /Sanne de Vries/ }).waitFor();
    assert.equal(await byTestId(page, 'user-result-note').count(), 0, 'Sanne is in scope through nested groups');

    await search.fill('tom bec');
    await tom.click();
    const refusal = byTestId(page, 'out-of-scope');
    await refusal.getByText(/Tom Becker is outside your scope: your role assignments cover Staff - Benelux\./).waitFor();
    assert.equal(await byTestId(page, 'user-status').count(), 0, 'no workspace for Tom');
    assert.equal(await byTestId(page, 'data-selector').count(), 0);
  });
});

test('Felix: a deep link to Tom shows the same message and none of his data; Chloé opens through nesting', async (t) => {
  await walk(t, as('felix.kohler', 'tom.becker'), async (page) => {
    await byTestId(page, 'out-of-scope').getByText(/Tom Becker is outside your scope/).waitFor();
    await byTestId(page, 'tenant-name').waitFor();
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /AUR-LT-0311/, "Tom's laptop is not shown");
    assert.equal(await byTestId(page, 'selected-user').count(), 0);

    await page.goto(page.url().replace(/user=[^&]+/, `user=${encodeURIComponent(`chloe.peeters@${DOMAIN}`)}`));
    await byTestId(page, 'selected-user').getByText('Chloé Peeters').waitFor();
    await rows(page).first().waitFor();
    assert.equal(await byTestId(page, 'out-of-scope').count(), 0);
  });
});

test('switching operator signs in again: the administrator opens Tom, Felix then sees the refusal', async (t) => {
  await walk(t, as('oluwaseun.adebayo', 'tom.becker'), async (page) => {
    await row(page, 'AUR-LT-0311').waitFor();
    await waitFor(
      async () => {
        await openSettings(page);
        await byTestId(page, 'operator-switch').selectOption(`felix.kohler@${DOMAIN}`, { timeout: 1_500 });
        return true;
      },
      { timeout: 30_000, interval: 200, message: 'Felix in the operator switch' },
    );
    await byTestId(page, 'out-of-scope').waitFor();
    assert.match(page.url(), /operator=felix\.kohler/);
    assert.equal(await row(page, 'AUR-LT-0311').count(), 0);
  });
});

test('Ruud (read only): every action is disabled and says which permission is missing', async (t) => {
  await walk(t, as('ruud.hendriks', 'sanne.devries'), async (page) => {
    await openMenu(page, 'AUR-LT-0142');
    const panel = await openDetails(page, 'AUR-LT-0142');
    const states = await buttonStates(panel);
    assert.deepEqual(
      states.map((s) => s.action),
      ['syncDevice', 'rebootNow', 'retire', 'wipe', 'cleanWindowsDevice', 'locateDevice', 'windowsDefenderScan', 'createDeviceLogCollectionRequest'],
    );
    for (const s of states) {
      assert.ok(s.disabled, `${s.action} is disabled`);
      assert.match(s.reason, /^Your role lacks “Remote tasks: .+” \(Microsoft\.Intune_RemoteTasks_\w+\)\.$/, s.action);
    }
    const all = await buttonStates(page.locator('main'));
    assert.ok(all.length > states.length, 'the rows have actions too');
    assert.ok(all.every((s) => s.disabled), 'no enabled action anywhere');
    // A click on a disabled action sends nothing (forced: for Playwright, aria-disabled is disabled too).
    await actionButton(panel, 'syncDevice').click({ force: true });
    await byTestId(page, 'action-log-button').getByText('Action log (0)').waitFor();
    assert.equal(await byTestId(page, 'confirm-dialog').count(), 0);
  });
});

test('Arjun (minimal troubleshooting): no action enabled, and My permissions lists exactly the six reads', async (t) => {
  await walk(t, as('arjun.mehta', 'sanne.devries'), async (page) => {
    await row(page, 'Sanne’s iPhone').waitFor();
    const all = await buttonStates(page.locator('main'));
    assert.ok(all.length >= 10, `${all.length} action buttons`);
    assert.ok(all.every((s) => s.disabled && /Your role lacks/.test(s.reason)));

    const opener = byTestId(page, 'my-permissions-button');
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'My permissions: Arjun Mehta' });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    await dialog.getByRole('cell', { name: 'Minimal troubleshooting', exact: true }).waitFor();
    await dialog.getByRole('cell', { name: 'All users', exact: true }).waitFor();
    const codes = await dialog.locator('[data-testid="permission-item"]').evaluateAll((items) => items.map((i) => i.dataset.code));
    assert.deepEqual(codes.sort(), [
      'Microsoft.Intune_DeviceCompliancePolices_Read',
      'Microsoft.Intune_DeviceConfigurations_Read',
      'Microsoft.Intune_ManagedApps_Read',
      'Microsoft.Intune_ManagedDevices_Read',
      'Microsoft.Intune_MobileApps_Read',
      'Microsoft.Intune_Organization_Read',
    ]);
    assert.deepEqual(await seriousViolations(page), [], 'My permissions open');
    await shoot(page, 'my-permissions-arjun');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await waitFor(() => page.evaluate(() => document.activeElement?.dataset.testid === 'my-permissions-button'), {
      message: 'focus back on the My permissions button',
    });
  });
});

test('Felix: a wipe needs the device name typed; Escape cancels and returns focus; confirmed, the device leaves', async (t) => {
  await walk(t, as('felix.kohler', 'sanne.devries'), async (page) => {
    const laptop = await openMenu(page, 'AUR-LT-0142');
    await actionButton(laptop, 'wipe').click();
    const dialog = page.getByRole('dialog', { name: 'Confirm “Wipe” on AUR-LT-0142' });
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    const losses = byTestId(page, 'confirm-losses');
    await losses.getByText(/The user's files and accounts on the device/).waitFor();
    await losses.getByText(/Intune management/).waitFor();
    const confirm = byTestId(page, 'confirm-button');
    assert.ok(await confirm.isDisabled(), 'confirm starts disabled');
    const name = dialog.getByRole('textbox', { name: /Type the device name to confirm: AUR-LT-0142/ });
    assert.ok(await name.evaluate((el) => el === document.activeElement), 'focus starts in the name field');
    await name.fill('AUR-LT-014');
    assert.ok(await confirm.isDisabled(), 'a near miss does not confirm');
    // Keeping enrollment data keeps the device in Intune: the loss goes away.
    await dialog.getByRole('checkbox', { name: 'Keep enrollment state and user account' }).check();
    await waitFor(async () => (await losses.getByText(/Intune management/).count()) === 0, { message: 'loss list follows the options' });
    await dialog.getByRole('checkbox', { name: 'Keep enrollment state and user account' }).uncheck();
    assert.deepEqual(await seriousViolations(page), [], 'wipe confirmation open');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Choosing Wipe closed the menu and left focus on its button, where the dialog returns it.
    await waitFor(() => menuButton(page, 'AUR-LT-0142').evaluate((b) => b === document.activeElement), {
      message: 'focus back on the menu button',
    });
    await byTestId(page, 'action-log-button').getByText('Action log (0)').waitFor();

    await openMenu(page, 'AUR-LT-0142');
    await actionButton(laptop, 'wipe').click();
    await dialog.waitFor();
    await name.fill('aur-lt-0142');
    await waitFor(() => confirm.isEnabled(), { message: 'confirm enabled once the name matches' });
    await shoot(page, 'wipe-confirmation');
    await confirm.dblclick();
    await dialog.waitFor({ state: 'detached' });
    await laptop.getByText('Wipe pending').waitFor();
    await waitFor(async () => (await row(page, 'AUR-LT-0142').count()) === 0, {
      timeout: 20_000,
      message: 'the wiped laptop leaves the list',
    });
    await page.locator('[role="tabpanel"] [data-testid="table-count"]').getByText('1 of 1 rows').waitFor();
    await byTestId(page, 'device-summary').getByText('Compliant: 0 of 1; not compliant: 1').waitFor();
    await byTestId(page, 'action-log-button').getByText('Action log (1)').waitFor();
  });
});

test('Felix: Sync goes pending, then done, and moves the last check-in; a double click sends once', async (t) => {
  await walk(t, as('felix.kohler', 'sanne.devries'), async (page) => {
    const phone = row(page, 'Sanne’s iPhone');
    await phone.waitFor();
    // The Last check-in column, found by its header (columns move as views gain them).
    const headers = await page.locator('[role="tabpanel"] thead th').allInnerTexts();
    const checkin = headers.findIndex((h) => h.trim().startsWith('Last check-in'));
    assert.ok(checkin >= 0, JSON.stringify(headers));
    const checkinBefore = await phone.locator('td').nth(checkin).innerText();
    assert.match(checkinBefore, /h ago/);
    await openMenu(page, 'Sanne’s iPhone');
    await actionButton(phone, 'syncDevice').dblclick();
    // The first click chose Sync and closed the menu; the second opened nothing (no menu, no details).
    await phone.getByRole('menu').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('[role="menu"]:not([hidden])').count(), 0, 'no menu open');
    assert.equal(await byTestId(page, 'device-details').count(), 0, 'no details opened');
    const status = phone.locator('[data-testid="action-status"]');
    await waitFor(async () => (await status.getAttribute('data-stage')) === 'pending', { message: 'pending' });
    await status.getByText(/^Sync: pending since /).waitFor();
    assert.equal(await actionButton(phone, 'syncDevice').getAttribute('aria-disabled'), 'true', 'no second sync meanwhile');
    await phone.scrollIntoViewIfNeeded();
    await shoot(page, 'devices-actions-felix');
    await waitFor(async () => (await status.getAttribute('data-stage')) === 'done', { timeout: 15_000, message: 'done' });
    await status.getByText(/^Sync: done at /).waitFor();
    await phone.locator('td').nth(checkin).getByText('just now').waitFor();
    assert.equal(await byTestId(page, 'action-log-button').innerText(), 'Action log (1)', 'sent once');

    const panel = await openDetails(page, 'Sanne’s iPhone');
    const result = panel.locator('[data-testid="action-results"] [data-testid="table-row"]');
    await result.getByText('syncDevice').waitFor();
    await result.getByText('Done').waitFor();
    await result.getByText('Felix Köhler').waitFor();
  });
});

test('an offline device never confirms: the sync fails after its expected time, with the reason', async (t) => {
  await walk(t, as('oluwaseun.adebayo', 'priya.raman'), async (page) => {
    const phone = row(page, 'AndroidForWork');
    await openMenu(page, 'AndroidForWork');
    await actionButton(phone, 'syncDevice').click();
    const status = phone.locator('[data-testid="action-status"]');
    await waitFor(async () => (await status.getAttribute('data-stage')) === 'pending', { message: 'pending' });
    await waitFor(async () => (await status.getAttribute('data-stage')) === 'failed', { timeout: 20_000, message: 'failed' });
    await status.getByText(/did not confirm within the expected time: it seems to be offline/).waitFor();
  });
});

test('a send Graph refuses is not sent: the row says why and the details show the error panel', async (t) => {
  await walk(t, `${as('felix.kohler', 'sanne.devries')}&fault=syncDevice:503`, async (page) => {
    const laptop = await openMenu(page, 'AUR-LT-0142');
    await actionButton(laptop, 'syncDevice').click();
    await laptop.getByText(/^Sync: not sent\. /).waitFor();
    const panel = await openDetails(page, 'AUR-LT-0142');
    const error = panel.locator('[data-testid="action-error"] [data-testid="error-panel"]');
    await error.getByText('Sync was not sent to AUR-LT-0142').waitFor();
    assert.equal(await error.getAttribute('data-kind'), 'server');
  });
});

test('the action log lists who did what to which device, and downloads as CSV', async (t) => {
  await walk(t, as('felix.kohler', 'sanne.devries'), async (page) => {
    const laptop = await openMenu(page, 'AUR-LT-0142');
    await actionButton(laptop, 'locateDevice').click();
    await waitFor(async () => (await laptop.locator('[data-testid="action-status"]').getAttribute('data-stage')) === 'done', {
      timeout: 15_000,
      message: 'locate done',
    });
    await byTestId(page, 'action-log-button').click();
    const log = page.getByRole('dialog', { name: 'Action log' });
    await log.waitFor();
    const entry = log.locator('[data-testid="table-row"]');
    await entry.getByText(`felix.kohler@${DOMAIN}`).waitFor();
    await entry.getByText('Locate device').waitFor();
    await entry.getByText('AUR-LT-0142').waitFor();
    await entry.getByText('Done').waitFor();
    await shoot(page, 'action-log');
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'download-csv').click()]);
    assert.match(download.suggestedFilename(), /^tier1-action-log-.+\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'Operator,Action,Device id,Device,User,Started,Finished,Result');
    assert.match(lines[1], new RegExp(`^felix\\.kohler@${DOMAIN},Locate device,[0-9a-f-]{36},AUR-LT-0142,sanne\\.devries@${DOMAIN},.+,Done$`));
    assert.equal(lines.length, 3, 'header, one row, final line end');
  });
});

test('REST mode: no demo sign-in and nothing gated by it; an action is POSTed to Graph and shows as sent', async (t) => {
  const server = await startGraphServer(['--latency-ms', '20']);
  const dist = await distWithConfig({ mode: 'rest', apiBaseUrl: '/graph', auth: 'none' });
  try {
    const user = `user=${encodeURIComponent(`sanne.devries@${DOMAIN}`)}`;
    await walk(
      t,
      user,
      async (page) => {
        const laptop = await openMenu(page, 'AUR-LT-0142');
        assert.equal(await byTestId(page, 'operator-switch').count(), 0, 'no demo operator switch');
        assert.equal(await byTestId(page, 'my-permissions-button').count(), 0);
        const states = await buttonStates(laptop);
        assert.ok(states.length > 0 && states.every((s) => !s.disabled), 'Graph, not Tier1, decides');
        await actionButton(laptop, 'syncDevice').click();
        const status = laptop.locator('[data-testid="action-status"]');
        await waitFor(async () => (await status.getAttribute('data-stage')) === 'sent', { message: 'sent' });
        await status.getByText(/^Sync: sent to Intune at .+; the device reports the result when it checks in$/).waitFor();
        const posts = (await server.log()).requests.filter((e) => e.method === 'POST' && /\/managedDevices\/[^/]+\/syncDevice$/.test(e.path));
        assert.equal(posts.length, 1, JSON.stringify(posts));
        assert.equal(posts[0].status, 204);
      },
      { dist, proxy: { prefix: '/graph/', target: server.url } },
    );
  } finally {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  }
});
