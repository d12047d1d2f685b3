// REST mode end to end: the release build, configured by config.json, against tools/graph-server (the demo
// tenant served on the Graph paths, with $batch, paging and switchable faults). Most tests reach the server
// through a same-origin proxy at /graph, as a host portal would serve it; one goes cross-origin to it.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { openApp, closeAll, byTestId, getServer, walk, waitFor, openSettings } from './support/browser.mjs';
import { startGraphServer, distWithConfig } from './support/graph-server.mjs';

const DOMAIN = 'aurora-logistics.example';
const JONAS_FAILURE = 'bdc31529-419d-55a9-b966-26f2d48445ed';
const user = (name) => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}`;

let server;
let proxied; // dist whose config.json says apiBaseUrl "/graph"
const dists = [];

before(async () => {
  // Graph-like page sizes (the fake Graph's 25); the paging test starts its own server with tiny pages.
  server = await startGraphServer(['--latency-ms', '20']);
  proxied = await distWithConfig({ mode: 'rest', apiBaseUrl: '/graph', auth: 'none' });
  dists.push(proxied);
});

after(async () => {
  await closeAll();
  await server?.close();
  for (const dir of dists) await rm(dir, { recursive: true, force: true });
});

// A page the previous test closed may still have requests on their way through the proxy (the last wave of a
// screen, such as the groups' memberOf for the nesting path): let the log go quiet before clearing it, so they
// are not counted as this test's.
beforeEach(async () => {
  // Quiet means no new request for 4 polls in a row (600 ms): a closed page's last wave (the tenant-wide
  // counts go out after the device states) can start after a shorter pause. At most 6 s.
  let last = -1;
  let stable = 0;
  for (let i = 0; i < 40 && stable < 4; i += 1) {
    const count = (await server.log()).requests.length;
    stable = count === last ? stable + 1 : 0;
    last = count;
    await new Promise((r) => setTimeout(r, 150));
  }
  await server.reset();
});

const viaProxy = () => ({ dist: proxied, proxy: { prefix: '/graph/', target: server.url } });
const rest = (t, query, body) => walk(t, query, body, viaProxy());
const panel = (page, area) => byTestId(page, area).locator('[data-testid="error-panel"]');

/** Waits until no pane shows a loading state and the apps (the last data to arrive) are summarised. */
async function allLoaded(page) {
  await byTestId(page, 'app-summary').getByText(/\d+ assigned, \d+ failed to install/).waitFor({ timeout: 15_000 });
  await waitFor(async () => (await byTestId(page, 'loading').count()) === 0, { timeout: 15_000, message: 'every pane loaded' });
}

/**
 * The longest chain of exchanges where each starts only after the previous one was answered: the number of
 * sequential round trips the browser waited for (concurrent exchanges share one).
 */
function sequentialRoundTrips(exchanges) {
  const sorted = [...exchanges].sort((a, b) => a.endMs - b.endMs);
  const depth = new Map();
  for (const e of sorted) {
    const before = sorted.filter((p) => p.endMs <= e.startMs).map((p) => depth.get(p));
    depth.set(e, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth.values());
}

test('REST: a user found by a server-side search and opened: every pane filled in two round trips of batches, the findings’ tenant-wide counts in one more', async (t) => {
  await rest(t, '', async (page) => {
    await byTestId(page, 'live-badge').waitFor();
    await openSettings(page);
    assert.equal(await page.getByRole('combobox', { name: 'Demo tenant' }).count(), 0, 'no demo tenant switch in REST mode');
    await byTestId(page, 'account-status').getByText('Aurora Logistics').first().waitFor();
    await waitFor(async () => (await byTestId(page, 'loading').count()) === 0, { message: 'the account status loaded' });
    await server.reset();

    const search = page.getByRole('combobox', { name: 'Find a user' });
    await search.fill('sanne');
    await page.getByRole('option', { name: /Sanne de Vries/ }).waitFor();
    const searchLog = await server.log();
    const searches = searchLog.requests.filter((r) => r.path.includes('$search='));
    assert.ok(searches.length >= 1, 'the search ran on the server');
    assert.ok(searches.every((r) => r.method === 'GET' && !r.viaBatch), 'searches are never batched');
    await server.reset();

    await search.press('ArrowDown');
    await search.press('Enter');
    await byTestId(page, 'license-status').getByText('Licensed (SPE_E3)').waitFor();
    await byTestId(page, 'findings').getByText(/Sanne’s iPhone is not compliant: Require a password to unlock mobile devices/).waitFor();
    await byTestId(page, 'group-membership').getByText('Office - Rotterdam').first().waitFor();
    await allLoaded(page);
    // "One user or many?": the counts of her two findings' causes arrive after the findings.
    await waitFor(async () => (await byTestId(page, 'finding-spread').count()) === 2, { message: 'both counts loaded' });

    const log = await server.log();
    const exchanges = log.requests.filter((r) => !r.viaBatch);
    const graphCalls = log.requests.filter((r) => r.viaBatch || !r.path.includes('$batch'));
    const trips = sequentialRoundTrips(exchanges);
    const counts = graphCalls.filter((r) => /deviceStatusOverview|deviceSettingStateSummaries|installSummary/.test(r.path));
    assert.equal(counts.length, 2, `one count per cause: ${counts.map((r) => r.path).join(', ')}`);
    const firstCount = Math.min(...counts.map((r) => r.startMs));
    const panes = sequentialRoundTrips(exchanges.filter((r) => r.startMs < firstCount));
    t.diagnostic(`the panes: ${panes} round trips; with the counts: ${trips}`);
    assert.ok(panes <= 2, `the panes in at most 2 round trips before the counts, got ${panes}`);
    t.diagnostic(`lookup after the search: ${trips} sequential round trips, ${exchanges.length} HTTP requests ` +
      `(${exchanges.filter((r) => r.path.includes('$batch')).length} $batch), ${graphCalls.length} Graph calls, ` +
      `${log.bytes} response bytes`);
    const timeline = log.requests.map((e) => `${e.startMs % 100000}-${e.endMs % 100000} ${e.method} ${e.status}${e.viaBatch ? ' (batched)' : ''} ${e.path.slice(0, 90)}`);
    assert.ok(trips <= panes + 1, `the counts cost at most one more round trip, got ${trips}:\n${timeline.join('\n')}`);
    assert.ok(exchanges.every((r) => r.status === 200), 'every exchange succeeded');
    const paths = graphCalls.map((r) => r.path);
    const repeated = paths.filter((p, i) => paths.indexOf(p) !== i);
    assert.deepEqual(repeated, [], 'no Graph call is made twice');
    for (const batch of exchanges.filter((r) => r.path.includes('$batch'))) {
      assert.ok(batch.batchCount >= 2 && batch.batchCount <= 20, `a batch carries 2–20 requests, not ${batch.batchCount}`);
    }
  });
});

test('REST: search is debounced on the server, and a newer keystroke aborts the search still in flight', async (t) => {
  await server.faults([{ path: '/users', fault: 'slow', delayMs: 1500, times: 1 }]);
  await rest(t, '', async (page) => {
    const aborted = [];
    const sent = [];
    page.on('request', (r) => { if (r.url().includes('$search=')) sent.push(decodeURIComponent(r.url()).match(/displayName:(\w+)/)[1]); });
    page.on('requestfailed', (r) => { if (r.url().includes('$search=')) aborted.push(r.failure()?.errorText); });
    const search = page.getByRole('combobox', { name: 'Find a user' });
    const first = page.waitForRequest((r) => r.url().includes('$search=') && r.method() === 'GET');
    // Keys back to back: a pause between keys on a busy machine could outlast the 120 ms debounce by itself.
    await search.pressSequentially('luc');
    await first; // sent, and held 1.5 s by the server
    await search.pressSequentially('as');
    await page.getByRole('option', { name: /Lucas Martin/ }).waitFor();
    await waitFor(async () => aborted.length > 0, { message: 'the stale search was aborted' });
    assert.match(aborted[0], /ABORTED/);
    assert.deepEqual(sent, ['luc', 'lucas'], 'one request per typing pause, not one per key');
  });
});

test('REST: Graph throttling (429 with Retry-After) is announced in the pane, waited out, and the pane loads', async (t) => {
  await server.faults([{ path: '/managedDevices', fault: 'throttle', retryAfterSecs: 2, times: 1 }]);
  await rest(t, user('sanne.devries'), async (page) => {
    await page.locator('[data-testid="loading"][data-throttled="true"]').first()
      .getByText(/Microsoft Graph is throttling requests; trying again in 2 s/).waitFor();
    await byTestId(page, 'device-summary').getByText('Compliant: 1 of 2; not compliant: 1').waitFor({ timeout: 15_000 });
    const log = await server.log();
    const devices = log.requests.filter((r) => r.path.includes('/managedDevices?'));
    assert.deepEqual(devices.map((r) => r.status), [429, 200], 'one throttled answer, then one retry that succeeded');
    assert.ok(devices[1].startMs - devices[0].endMs >= 1900, 'the retry waited for Retry-After');
  });
});

test('REST: 403 names the missing Graph permission, in that pane only', async (t) => {
  await server.faults([{ path: '/managedDevices', fault: '403' }]);
  await rest(t, user('sanne.devries'), async (page) => {
    const error = page.getByRole('tabpanel').locator('[data-testid="error-panel"]');
    await error.getByText(/needs the Microsoft Graph permission DeviceManagementManagedDevices\.Read\.All/).waitFor();
    await byTestId(page, 'license-status').getByText('Licensed (SPE_E3)').waitFor();
    await byTestId(page, 'findings-unavailable').waitFor();
    await byTestId(page, 'group-membership').getByText('Office - Rotterdam').first().waitFor();
  });
});

test('REST: a user that no longer exists (404) is said to be gone', async (t) => {
  await rest(t, 'user=00000000-0000-4000-8000-000000000000', async (page) => {
    await page.getByText('This user does not exist in the tenant, or no longer does.').waitFor();
  });
});

test('REST: a server error shows its Graph code, message and request-id, with a copy button; Retry recovers', async (t) => {
  await server.faults([{ path: '/transitiveMemberOf', fault: '500', times: 4 }]);
  await rest(t, user('sanne.devries'), async (page) => {
    const error = panel(page, 'group-membership');
    await error.getByText(/The service failed to answer/).waitFor();
    const details = error.locator('details');
    assert.equal(await details.getAttribute('open'), '', 'the details are open for an escalation');
    await details.getByText(/code: InternalServerError/).waitFor();
    await details.getByText(/request-id: [0-9a-f-]{36}/).waitFor();
    await error.getByRole('button', { name: 'Copy details' }).waitFor();
    await byTestId(page, 'license-status').getByText('Licensed (SPE_E3)').waitFor();
    await server.faults([]);
    await error.getByRole('button', { name: 'Retry' }).click();
    await byTestId(page, 'group-membership').getByText('Office - Rotterdam').first().waitFor();
  });
});

test('REST: malformed and truncated bodies fail only their own pane', async (t) => {
  await server.faults([
    { path: '/memberOf', fault: 'malformed' },
    { path: '/deviceManagementTroubleshootingEvents', fault: 'truncated' },
  ]);
  await rest(t, user('jonas.berg'), async (page) => {
    await panel(page, 'group-membership').getByText(/could not be read/).waitFor();
    await panel(page, 'enrollment-failures').getByText(/could not be read/).waitFor();
    await byTestId(page, 'license-status').getByText(/Licensed/).waitFor();
    assert.equal(await panel(page, 'user-status').count(), 0, 'user status is not affected');
  });
});

test('REST: an expired token is reported as a session to sign in to again, once', async (t) => {
  await server.faults([{ path: '/licenseDetails', fault: 'expired-token' }]);
  await rest(t, user('sanne.devries'), async (page) => {
    await page.locator('[data-testid="error-panel"]').getByText('Your session has expired. Sign in again.').waitFor();
    const log = await server.log();
    assert.equal(log.requests.filter((r) => r.path.includes('/licenseDetails')).length, 1, 'no retry loop without a token source');
  });
});

test('REST: a deep link opened cold shows the view and the failure details', async (t) => {
  await rest(t, `${user('jonas.berg')}&view=enrollment-restrictions&failure=${JONAS_FAILURE}`, async (page) => {
    await byTestId(page, 'failure-evidence').getByText(/device limit for this user is 5/).waitFor();
    await page.getByRole('tab', { name: 'Enrollment restrictions', selected: true }).waitFor();
    await page.locator('[role="tabpanel"]').getByText('Standard staff device limit').first().waitFor();
    await allLoaded(page);
    const paths = (await server.log()).requests.filter((r) => r.viaBatch || !r.path.includes('$batch')).map((r) => r.path);
    const repeated = paths.filter((p, i) => paths.indexOf(p) !== i);
    assert.deepEqual(repeated, [], `no Graph call is made twice (the restrictions are shared, not refetched): ${paths.join('\n')}`);
  });
});

test('REST: cross-origin API base URL (CORS) works the same', async (t) => {
  const dist = await distWithConfig({ mode: 'rest', apiBaseUrl: server.url, auth: 'none' });
  dists.push(dist);
  await walk(t, user('sanne.devries'), async (page) => {
    await byTestId(page, 'license-status').getByText('Licensed (SPE_E3)').waitFor();
    const log = await server.log();
    assert.ok(log.requests.some((r) => r.method === 'OPTIONS'), 'the browser sent CORS preflights');
  }, { dist });
});

test('REST: collections that come in many small pages are followed to the end', async (t) => {
  const paged = await startGraphServer(['--page-size', '2']);
  const dist = await distWithConfig({ mode: 'rest', apiBaseUrl: '/graph', auth: 'none' });
  dists.push(dist);
  try {
    await walk(t, user('sanne.devries'), async (page) => {
      await allLoaded(page);
      await page.getByRole('tab', { name: 'Client apps' }).click();
      const rows = page.locator('[role="tabpanel"] [data-testid="table-row"]');
      await rows.first().waitFor();
      const log = await paged.log();
      const appPages = log.requests.filter((r) => r.path.includes('/deviceAppManagement/mobileApps?'));
      assert.ok(appPages.length >= 5, `the app catalog came in ${appPages.length} pages`);
      assert.ok(appPages.slice(1).every((r) => r.path.includes('skiptoken')), 'later pages follow the next link');
      const apps = JSON.parse(await readFile(new URL('../../fixtures/aurora/mobileApps.json', import.meta.url))).value.length;
      await page.getByRole('tabpanel').getByText(`${apps} of ${apps} rows`).waitFor();
    }, { dist, proxy: { prefix: '/graph/', target: paged.url } });
  } finally {
    await paged.close();
  }
});

test('REST host-token: the embedding portal posts the token; a 401 gets a fresh one and the call is retried once', async (t) => {
  const guarded = await startGraphServer(['--require-token']);
  const hostDir = await mkdtemp(join(tmpdir(), 'tier1-host-'));
  dists.push(hostDir);
  try {
    // Two servers, two origins: the portal page and Tier1 in its iframe. The page is written once both
    // origins are known.
    await writeFile(join(hostDir, 'index.html'), '');
    const host = await getServer('/', hostDir);
    const tier1 = await distWithConfig({ mode: 'rest', apiBaseUrl: guarded.url, auth: 'host-token', hostOrigins: [host.origin] });
    dists.push(tier1);
    const app = await getServer('/', tier1);
    await writeFile(join(hostDir, 'index.html'), `<!doctype html><html lang="en"><title>Portal</title>
      <iframe id="tier1" title="Tier1" style="width:1200px;height:900px" src="${app.url}?${user('sanne.devries')}"></iframe>
      <script>
        window.tokenRequests = 0;
        addEventListener('message', (event) => {
          if (event.origin !== ${JSON.stringify(app.origin)} || event.data?.type !== 'tier1:token-request') return;
          window.tokenRequests += 1;
          const expiresOn = Math.floor(Date.now() / 1000) + 3600;
          event.source.postMessage({ type: 'tier1:token', accessToken: 'portal.token.' + window.tokenRequests, expiresOn }, event.origin);
        });
      </script>`);
    await guarded.faults([{ path: '/licenseDetails', fault: 'expired-token', times: 1 }]);
    const { page } = await openApp('', { dist: hostDir });
    const frame = page.frameLocator('#tier1');
    await frame.locator('[data-testid="license-status"]').getByText('Licensed (SPE_E3)').waitFor({ timeout: 20_000 });
    await frame.locator('[data-testid="group-membership"]').getByText('Office - Rotterdam').first().waitFor();
    const requests = await page.evaluate(() => window.tokenRequests);
    assert.ok(requests >= 2, `a first token, then a fresh one after the 401 (${requests} requests)`);
    const license = (await guarded.log()).requests.filter((r) => r.path.includes('/licenseDetails'));
    assert.deepEqual(license.map((r) => r.status), [401, 200], 'one 401, one retry with the new token');
  } finally {
    await guarded.close();
  }
});

test('REST entra: sign in with PKCE, come back to the same screen without the code in the URL, sign out', async (t) => {
  const guarded = await startGraphServer(['--require-token']);
  const dist = await distWithConfig({});
  dists.push(dist);
  try {
    const app = await getServer('/', dist);
    await writeFile(join(dist, 'config.json'), JSON.stringify({
      mode: 'rest', apiBaseUrl: guarded.url, auth: 'entra',
      entra: { clientId: '11111111-2222-3333-4444-555555555555', tenantId: 'aurora-logistics.example', redirectUri: app.url, scopes: ['User.Read.All'] },
    }));
    const { page } = await openApp(user('sanne.devries'), { dist });
    // Microsoft Entra ID, played by the test: the authorize page sends the code straight back; the token
    // endpoint checks the PKCE verifier against the challenge it was given.
    const seen = { challenge: null, verifierOk: false, logout: false };
    await page.route('https://login.microsoftonline.com/**', async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.endsWith('/authorize')) {
        seen.challenge = url.searchParams.get('code_challenge');
        assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
        const back = new URL(url.searchParams.get('redirect_uri'));
        back.searchParams.set('code', 'one-time-code');
        back.searchParams.set('state', url.searchParams.get('state'));
        return route.fulfill({ status: 302, headers: { Location: back.toString() } });
      }
      if (url.pathname.endsWith('/token')) {
        const form = new URLSearchParams(route.request().postData());
        const digest = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
        seen.verifierOk = form.get('code') === 'one-time-code' && digest === seen.challenge;
        const claims = Buffer.from(JSON.stringify({ preferred_username: 'felix.kohler@aurora-logistics.example' })).toString('base64url');
        return route.fulfill({
          status: seen.verifierOk ? 200 : 400,
          headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' },
          body: JSON.stringify({ access_token: 'entra.access.token', token_type: 'Bearer', expires_in: 3600, id_token: `e30.${claims}.sig` }),
        });
      }
      seen.logout = url.pathname.endsWith('/logout');
      return route.fulfill({ status: 302, headers: { Location: url.searchParams.get('post_logout_redirect_uri') } });
    });
    const session = byTestId(page, 'session-button');
    await session.getByText('Sign in').waitFor();
    await session.click();
    await byTestId(page, 'license-status').getByText('Licensed (SPE_E3)').waitFor({ timeout: 20_000 });
    assert.ok(seen.verifierOk, 'the code was redeemed with the verifier matching the S256 challenge');
    assert.doesNotMatch(page.url(), /code=|state=/, 'the code and state left the address bar');
    assert.match(page.url(), /user=sanne\.devries/, 'back on the screen the operator left');
    await session.getByText('Sign out').click();
    await waitFor(async () => seen.logout, { message: 'Entra logout was called' });
    await session.getByText('Sign in').waitFor();
  } finally {
    await guarded.close();
  }
});

test('config.json: missing means demo mode; a bad key gets a screen naming it', async () => {
  const none = await distWithConfig(null);
  const bad = await distWithConfig({ mode: 'rest', apiBaseUrl: '/graph', auth: 'entra', entra: { clientId: 'c' } });
  const garbled = await distWithConfig('{"mode": "rest",');
  dists.push(none, bad, garbled);

  let { page } = await openApp('', { dist: none });
  await byTestId(page, 'account-status').waitFor();
  await openSettings(page);
  await page.getByRole('combobox', { name: 'Demo tenant' }).waitFor();

  ({ page } = await openApp('', { dist: bad }));
  const screen = byTestId(page, 'config-error');
  await screen.getByText(/Key: entra\.tenantId/).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Find a user' }).count(), 0);

  ({ page } = await openApp('', { dist: garbled }));
  await byTestId(page, 'config-error').getByRole('heading').waitFor();
});
