// Policies assigned to device groups: the policy reaches the user's device through the device's own group
// membership, and the row of that device says so (not "Not assigned"). Elements are found by role or
// data-testid; every wait polls a condition.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { closeAll, useLanguage, walk } from './support/browser.mjs';
import { startGraphServer, distWithConfig } from './support/graph-server.mjs';

// REST mode: the test Graph server behind a same-origin proxy, as in rest_mode.test.mjs.
let server;
let proxied;
before(async () => {
  server = await startGraphServer(['--latency-ms', '0']);
  proxied = await distWithConfig({ mode: 'rest', apiBaseUrl: '/graph', auth: 'none' });
});

after(async () => {
  await closeAll();
  await server?.close();
  if (proxied) await rm(proxied, { recursive: true, force: true });
});

const TOM = `user=${encodeURIComponent('tom.becker@aurora-logistics.example')}`;
const rows = (page) => page.locator('[role="tabpanel"] [data-testid="table-row"]');
const row = (page, policy, device) => rows(page).filter({ hasText: policy }).filter({ hasText: device });

test('Tom: the Windows Wi-Fi and the iOS restrictions reach his devices through their device groups', async (t) => {
  await walk(t, `${TOM}&view=configuration&latency=0`, async (page) => {
    const wifi = row(page, 'Aurora Staff Wi-Fi (Windows)', 'AUR-LT-0311');
    await wifi.getByText('via device group Devices - Corporate Windows (dynamic) (AUR-LT-0311 is a member)').waitFor();
    const ios = row(page, 'iOS/iPadOS - Corporate device restrictions', 'AUR-IPH-9N2WH');
    await ios
      .getByText('via device group Devices - Corporate iOS/iPadOS (dynamic) (AUR-IPH-9N2WH is a member)')
      .waitFor();
    for (const reached of [wifi, ios]) {
      assert.equal(await reached.getByText(/Not assigned/).count(), 0, 'a device-group assignment is not "Not assigned"');
    }
    // A user-group assignment the user is not in still says so.
    const vpn = rows(page).filter({ hasText: 'Aurora VPN (Windows)' });
    await vpn.getByText('Not assigned: targets VPN Users, which this user is not a member of').waitFor();
  });
});

test('Tom, in Dutch and French: the device group and the device are named', async (t) => {
  const texts = {
    nl: 'via apparaatgroep Devices - Corporate Windows (dynamic) (AUR-LT-0311 is lid)',
    fr: 'via le groupe d’appareils Devices - Corporate Windows (dynamic) (AUR-LT-0311 en est membre)',
  };
  for (const [lang, text] of Object.entries(texts)) {
    await walk(t, `${TOM}&view=configuration&latency=0`, async (page) => {
      await useLanguage(page, lang);
      await row(page, 'Aurora Staff Wi-Fi (Windows)', 'AUR-LT-0311').getByText(text).waitFor();
    });
  }
});

test('Daan: an app assigned only to the scanners’ device group is required on his scanner, and says why', async (t) => {
  const daan = `user=${encodeURIComponent('daan.visser@aurora-logistics.example')}`;
  await walk(t, `${daan}&view=apps&latency=0`, async (page) => {
    const scanner = row(page, 'Aurora Scan & Pack', 'AUR-SCN-267');
    await scanner.getByText('via device group Warehouse Scanners (AUR-SCN-267 is a member)').waitFor();
    await scanner.getByText('Installed', { exact: true }).waitFor();
    assert.equal(await scanner.getByText(/Not assigned/).count(), 0);
  });
});

test('REST: Tom’s laptop memberships are read by its Entra device id, and its Wi-Fi row names the device group', async (t) => {
  await server.reset();
  await walk(t, `${TOM}&view=configuration`, async (page) => {
    await row(page, 'Aurora Staff Wi-Fi (Windows)', 'AUR-LT-0311')
      .getByText('via device group Devices - Corporate Windows (dynamic) (AUR-LT-0311 is a member)')
      .waitFor({ timeout: 15_000 });
    const paths = (await server.log()).requests.map((r) => decodeURIComponent(r.path));
    assert.ok(
      paths.some((p) => p.includes("/v1.0/devices(deviceId='b976faea-4c2d-5cf1-b692-e370ab408c9e')/transitiveMemberOf")),
      `the laptop's groups were asked for by its azureADDeviceId:\n${paths.join('\n')}`,
    );
  }, { dist: proxied, proxy: { prefix: '/graph/', target: server.url } });
});
