// The LDAP connector's "Directory sync" page in Chromium: an admin sees that no sync has run
// yet, then the run the real `cadre sync ldap` recorded against a directory that does not
// answer, with its mode, outcome, counts and errors, and its message when opened. (run.sh starts
// the host with every plugin of the build and no directory: the page works without one.)

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { chromium } from 'playwright-core';

import { admin, baseUrl, chromiumOptions, scratchDir } from './support.mjs';

let browser;

before(async () => {
  browser = await chromium.launch(chromiumOptions);
});

after(async () => {
  await browser?.close();
});

/// `cadre sync ldap --full --json` on the suite's database against a port nothing listens on;
/// answers the exit code and the printed run.
async function syncAgainstNoDirectory() {
  const settings = [`db.url=sqlite:${scratchDir}/cadre.db`, 'log.level=warning',
    'ldap.uri=ldap://127.0.0.1:9', 'ldap.tls=none', 'ldap.baseDN=dc=example,dc=com',
    'ldap.bindDN=cn=cadre-sync,dc=example,dc=com', 'ldap.bindPassword=sync-secret',
    'ldap.timeout=5'];
  const args = ['sync', 'ldap', '--full', '--json', ...settings.flatMap((s) => ['--set', s])];
  try {
    const { stdout } = await promisify(execFile)(process.env.CADRE_BIN, args);
    return { code: 0, run: JSON.parse(stdout) };
  } catch (error) {
    return { code: error.code, run: JSON.parse(error.stdout) };
  }
}

test('an admin sees the directory sync runs: none yet, then a failed run and its message', async (t) => {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/');
  await page.getByLabel('Username').fill(admin.username);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('header .who').waitFor();

  const nav = page.getByRole('navigation', { name: 'Pages' });
  await nav.getByRole('link', { name: 'Directory sync' }).click();
  await page.waitForURL('**/#/ldap-runs');
  const main = page.locator('main');
  await main.locator('#ldap-runs p').waitFor();
  assert.deepEqual(await main.locator('h2').allTextContents(), ['Directory sync']);
  assert.equal(await main.locator('#ldap-runs').textContent(),
    'No sync has run yet. Run `cadre sync ldap --full --dry-run` to see what the first one would do.');

  const { code, run } = await syncAgainstNoDirectory();
  assert.equal(code, 1, 'a run that could not read the directory exits 1');
  assert.equal(run.outcome, 'failed');
  assert.match(run.message, /^reading the directory failed; nothing was written: /);

  await page.reload();
  const rows = main.locator('#ldap-runs table tbody tr');
  await rows.first().waitFor();
  assert.equal(await main.locator('#ldap-runs h3').textContent(), 'Sync runs');
  assert.deepEqual(await main.locator('#ldap-runs table th').allTextContents(),
    ['#', 'Started', 'Mode', 'By', 'Outcome', 'Counts', 'Errors']);
  assert.equal(await rows.count(), 1);
  assert.deepEqual(await rows.first().locator('td').allTextContents(), [
    String(run.id), run.startedAt, 'full', 'cli', 'failed',
    '0 created · 0 updated · 0 moved · 0 disabled · 0 re-activated · 0 unchanged', '0']);

  await rows.first().getByRole('link', { name: String(run.id) }).click();
  const detail = main.locator('#ldap-run');
  await detail.locator('h3').waitFor();
  assert.equal(await detail.locator('h3').textContent(), `Run #${run.id}: full, failed`);
  assert.equal(await detail.locator('p').first().textContent(), run.message);
  assert.equal(await detail.locator('p').last().textContent(), 'No errors.');
  await page.screenshot({ path: path.join(scratchDir, 'ldap-runs.png') });
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
});
