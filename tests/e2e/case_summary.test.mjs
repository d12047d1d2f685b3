// The case summary (issue 11): "Copy case summary" puts the user's case on the clipboard as Markdown, with the
// findings in rank order and the deep link; "Download case summary" saves it as Markdown, text or JSON; a
// hostile name stays inert; the English switch writes it in English for an escalation; printing the screen
// leaves out the controls. Waits poll; nothing sleeps.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { closeAll, byTestId, copyCase, useLanguage, walk } from './support/browser.mjs';
import { seriousViolations } from './support/axe.mjs';

after(closeAll);

const DOMAIN = 'aurora-logistics.example';
const user = (name, extra = '') => `user=${encodeURIComponent(`${name}@${DOMAIN}`)}&latency=0${extra}`;

test('Sanne’s copied case holds her failing setting, the Wi-Fi profile’s error and the deep link', async (t) => {
  await walk(t, user('sanne.devries'), async (page) => {
    const md = await copyCase(page);
    assert.match(md, /^# Case summary: Sanne de Vries$/m);
    assert.match(md, /Require a password to unlock mobile devices/);
    assert.match(md, /Aurora Staff Wi-Fi \(iOS\/iPadOS\)/);
    assert.match(md, /0x87D11388/);
    assert.match(md, /\[Link to this screen\]\(<http:\/\/[^>]*user=sanne\.devries%40aurora-logistics\.example[^>]*>\)/);
    assert.match(md, /\*\*User helped:\*\* Sanne de Vries \(sanne\.devries@aurora-logistics\.example, /);
    assert.equal((await byTestId(page, 'case-summary-status').innerText()).trim(), 'Case summary copied');
  });
});

test('a hostile display name is inert in the Markdown case', async (t) => {
  await walk(t, user('xss.probe'), async (page) => {
    const md = await copyCase(page, { afterFindings: false });
    assert.match(md, /^# Case summary: \\<img src=x onerror=alert\(1\)\\>$/m, md);
    assert.doesNotMatch(md.replace(/\(<https?:[^>]*>\)/g, ''), /(^|[^\\])</, 'every < is escaped');
  });
});

test('the case downloads as JSON for tools, and in English from a Dutch screen', async (t) => {
  await walk(t, user('amara.okafor'), async (page) => {
    await useLanguage(page, 'nl');
    await page.getByRole('heading', { name: 'Gebruikersstatus' }).waitFor();
    await byTestId(page, 'finding').first().waitFor();
    await page.getByText('Casussamenvatting downloaden').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'JSON (.json), voor tools' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^case-amara\.okafor@aurora-logistics\.example-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(json.format, 'tier1-case/1');
    assert.equal(json.language, 'nl');
    assert.equal(json.user.userPrincipalName, `amara.okafor@${DOMAIN}`);
    const failed = json.failedApps.find((a) => a.app === 'Aurora Route Planner');
    assert.ok(failed, JSON.stringify(json.failedApps));
    assert.equal(failed.errorCode, '0x87D1041C');
    assert.match(failed.meaning ?? '', /niet gevonden/, 'the code explained in Dutch');

    await page.getByLabel('In het Engels (voor escalatie)').check();
    const md = await copyCase(page, { name: 'Casussamenvatting kopiëren' });
    assert.match(md, /^# Case summary: Amara Okafor$/m);
    assert.match(md, /0x87D1041C\): The app was not detected after the installation completed\./);
  });
});

test('the case controls are labelled and axe-clean, and printing leaves them out', async (t) => {
  await walk(t, user('sanne.devries'), async (page) => {
    await byTestId(page, 'finding').first().waitFor();
    await page.getByText('Download case summary').click();
    await page.getByRole('button', { name: 'Markdown (.md), for ticket systems' }).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await seriousViolations(page), [], 'dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    assert.equal(await page.getByRole('button', { name: 'Copy case summary' }).isVisible(), false);
    assert.equal(await page.locator('.t1-topbar').isVisible(), false);
    assert.equal(await byTestId(page, 'finding').first().isVisible(), true, 'the findings are printed');
  });
});
