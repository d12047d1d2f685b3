// "One user or many?" (issue 11): once Intune's tenant-wide counts load, a finding says how many other users or
// devices show the same cause, and one that reaches more than the incident threshold (config.json
// `incidentThreshold`, default 5) is marked as an incident for the IT administrator. The demo tenant's
// Microsoft Teams for Android fails with the same code on six users' warehouse scanners (Zofia's among them);
// Amara's Route Planner failure is hers alone. Waits poll; nothing sleeps.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { closeAll, byTestId, copyCase, walk, waitFor, useLanguage } from './support/browser.mjs';
import { distWithConfig } from './support/graph-server.mjs';

const dists = [];
after(async () => {
  await closeAll();
  for (const dir of dists) await rm(dir, { recursive: true, force: true });
});

const DOMAIN = 'aurora-logistics.example';
const user = (name) => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}&latency=0`;
const finding = (page, text) => byTestId(page, 'finding').filter({ hasText: text });

test('Zofia: Teams failing on six users’ scanners is an incident for the IT administrator', async (t) => {
  await walk(t, user('zofia.wisniewska'), async (page) => {
    const teams = finding(page, /Microsoft Teams failed to install on AUR-SCN-\d+ \(error 0xC7D14FB5\)/);
    await teams.waitFor();
    const spread = byTestId(teams, 'finding-spread');
    await spread.getByText('Affects 6 users: an incident for the IT administrator, not a single-user fix.', { exact: false }).waitFor();
    await spread.getByText(/Also for 5 other users in the tenant\./).waitFor();
    assert.equal(await spread.getAttribute('data-incident'), 'true');
    assert.equal((await byTestId(teams, 'finding-who-acts').innerText()).trim(), 'Intune administrator');
    assert.match(await byTestId(teams, 'finding-next-step').innerText(), /Report it to the Intune administrator as one incident/);
    // The weight stays what the finding blocks for the caller.
    assert.equal(await teams.getAttribute('data-weight'), 'blocks-item');

    // The case handed to the next tier says the same.
    const md = await copyCase(page);
    assert.match(md, /\*\*Tenant-wide:\*\* Affects 6 users: an incident for the IT administrator/);

    // In Dutch (the finding's sentence changes language, so it is found by its incident mark).
    await useLanguage(page, 'nl');
    const incident = byTestId(page, 'finding').filter({ has: page.locator('[data-testid="finding-spread"][data-incident="true"]') });
    await byTestId(incident, 'finding-spread').getByText(/Treft 6 gebruikers: een incident voor de IT-beheerder/).waitFor();
    assert.equal((await byTestId(incident, 'finding-who-acts').innerText()).trim(), 'Intune-beheerder');
  });
});

test('Amara: a failure no one else has is not an incident, and says so', async (t) => {
  await walk(t, user('amara.okafor'), async (page) => {
    const routePlanner = finding(page, /Aurora Route Planner failed to install/);
    await routePlanner.waitFor();
    const spread = byTestId(routePlanner, 'finding-spread');
    await spread.getByText('No other user in the tenant has this.').waitFor();
    assert.equal(await spread.getAttribute('data-incident'), 'false');
    assert.doesNotMatch(await routePlanner.innerText(), /incident/i);
    // Its next step is the knowledge base's for the code, not the incident's report to the administrator.
    assert.doesNotMatch(await byTestId(routePlanner, 'finding-next-step').innerText(), /as one incident/);
    assert.match(await byTestId(routePlanner, 'finding-next-step').innerText(), /detection rule/);
  });
});

test('Sanne: her failing setting and her Wi-Fi error are on no other device', async (t) => {
  await walk(t, user('sanne.devries'), async (page) => {
    const spreads = byTestId(page, 'finding-spread');
    await waitFor(async () => (await spreads.count()) === 2, { message: 'both of Sanne’s findings have their count' });
    for (const text of await spreads.allInnerTexts()) assert.equal(text.trim(), 'No other device in the tenant shows this.');
  });
});

test('config.json incidentThreshold: with 6, six users are no longer an incident', async (t) => {
  const dist = await distWithConfig({ incidentThreshold: 6 });
  dists.push(dist);
  await walk(t, user('zofia.wisniewska'), async (page) => {
    const teams = finding(page, /Microsoft Teams failed to install/);
    const spread = byTestId(teams, 'finding-spread');
    await spread.getByText('Also for 5 other users in the tenant.').waitFor();
    assert.equal(await spread.getAttribute('data-incident'), 'false');
    assert.notEqual((await byTestId(teams, 'finding-who-acts').innerText()).trim(), 'Intune administrator');
  }, { dist });
});

test('config.json incidentThreshold: 0 is refused, naming the key', async (t) => {
  const dist = await distWithConfig({ incidentThreshold: 0 });
  dists.push(dist);
  await walk(t, '', async (page) => {
    await byTestId(page, 'config-error').getByText(/incidentThreshold/).waitFor();
  }, { dist });
});
