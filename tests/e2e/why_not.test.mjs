// "Why not?": a profile the user does not get because it targets a group they are not in, or because an
// exclusion group they are in (through nesting) wins; and the nesting path (user → A → B) in the findings, the
// group membership pane and the views. Demo mode against the release build in dist/, and one REST-mode check
// against tools/graph-server (the path needs the groups' own memberOf).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { closeAll, byTestId, walk, waitFor } from './support/browser.mjs';
import { startGraphServer, distWithConfig } from './support/graph-server.mjs';

const DOMAIN = 'aurora-logistics.example';
const user = (name) => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}`;
const findings = (page) => byTestId(page, 'findings');
const finding = (page, text) => byTestId(page, 'finding').filter({ hasText: text });
const groups = (page) => byTestId(page, 'group-membership');

let server;
let proxied;

before(async () => {
  server = await startGraphServer(['--latency-ms', '10']);
  proxied = await distWithConfig({ mode: 'rest', apiBaseUrl: '/graph', auth: 'none' });
});

after(async () => {
  await closeAll();
  await server?.close();
  if (proxied) await rm(proxied, { recursive: true, force: true });
});

test('Tom: the VPN does not reach his laptop because it targets VPN Users; its evidence opens the VPN row, highlighted', async (t) => {
  await walk(t, `${user('tom.becker')}&latency=0`, async (page) => {
    const vpn = finding(page, 'Aurora VPN (Windows) does not reach AUR-LT-0311');
    await vpn.waitFor();
    assert.match(await vpn.innerText(), /it is assigned to VPN Users, and neither Tom Becker nor the device is a member/);
    assert.match(await vpn.getByTestId('finding-next-step').innerText(), /If Tom Becker should have it, add them to VPN Users \(ask the group's owner\)/);
    assert.equal(await vpn.getByTestId('finding-who-acts').innerText(), 'Intune administrator');

    await vpn.getByRole('link', { name: 'Aurora VPN (Windows)' }).click();
    await page.getByRole('tab', { name: 'Configuration', selected: true }).waitFor();
    assert.match(page.url(), /[?&]view=configuration/);
    const highlighted = page.locator('[role="tabpanel"] [data-testid="table-row"][data-highlighted="true"]');
    await highlighted.first().waitFor();
    assert.equal(await highlighted.count(), 1, 'one row highlighted');
    assert.match(await highlighted.innerText(), /Aurora VPN \(Windows\)[\s\S]*targets VPN Users/);
  });
});

test('Benoît: the staff Wi-Fi is excluded through a nested group, and the finding and the views show the path', async (t) => {
  await walk(t, `${user('benoit.dupont')}&latency=0`, async (page) => {
    const wifi = finding(page, 'Aurora Staff Wi-Fi (iOS/iPadOS) does not reach Benoît Dupont');
    await wifi.getByText(/Benoît Dupont → Customs Brokers - External → Staff Wi-Fi - Excluded/).waitFor();
    assert.match(await wifi.innerText(), /its assignment excludes Staff Wi-Fi - Excluded, and an exclusion wins/);

    // The group evidence highlights the exclusion group's row in group membership, which shows the path.
    await wifi.getByRole('link', { name: 'Staff Wi-Fi - Excluded' }).click();
    const row = groups(page).locator('[data-testid="table-row"][data-highlighted="true"]');
    await row.waitFor();
    assert.match(await row.innerText(), /Staff Wi-Fi - Excluded[\s\S]*Path: Benoît Dupont → Customs Brokers - External → Staff Wi-Fi - Excluded/);

    await wifi.getByRole('link', { name: 'Aurora Staff Wi-Fi (iOS/iPadOS)' }).click();
    const cell = page.locator('[role="tabpanel"] [data-testid="table-row"][data-highlighted="true"]');
    await cell.getByText('Excluded through Staff Wi-Fi - Excluded (member through Customs Brokers - External)').waitFor();
  });
});

test('Sanne: group membership shows how she is in VPN Users, and the VPN reaches her through that path', async (t) => {
  await walk(t, `${user('sanne.devries')}&view=configuration&latency=0`, async (page) => {
    const vpnGroup = groups(page).locator('[data-testid="table-row"]').filter({ hasText: 'VPN Users' });
    await vpnGroup.getByText('Path: Sanne de Vries → Sales Field Team → VPN Users').waitFor();
    const vpnRow = page.locator('[role="tabpanel"] [data-testid="table-row"]').filter({ hasText: 'Aurora VPN (Windows)' });
    await vpnRow.getByText('via VPN Users (through Sales Field Team)').first().waitFor();
    await findings(page).locator('[data-testid="finding"]').first().waitFor();
    assert.equal(await finding(page, 'Aurora VPN').count(), 0, 'Sanne gets the VPN: no finding about it');
  });
});

test('Emma: in VPN Users, nothing is wrong', async (t) => {
  await walk(t, `${user('emma.laurent')}&latency=0`, async (page) => {
    await findings(page).getByText('Nothing wrong found: license, account, devices, apps, app protection and enrollments look healthy.').waitFor();
  });
});

test('REST: the nesting path is read from the groups’ memberOf, in one batch, and shown in group membership', async (t) => {
  await walk(t, `${user('sanne.devries')}`, async (page) => {
    await groups(page).getByText('Path: Sanne de Vries → Sales Field Team → VPN Users').waitFor({ timeout: 15_000 });
    const log = await server.log();
    const memberOf = log.requests.filter((r) => /\/groups\/[^/]+\/memberOf\/microsoft\.graph\.group/.test(r.path));
    assert.ok(memberOf.length >= 2, `the groups' memberOf were read (${memberOf.length})`);
    assert.ok(memberOf.every((r) => r.viaBatch), 'each inside a $batch');
    await waitFor(async () => (await byTestId(page, 'loading').count()) === 0, { timeout: 15_000, message: 'every pane loaded' });
  }, { dist: proxied, proxy: { prefix: '/graph/', target: server.url } });
});
