// The web shell in Debian's Chromium, driven by Playwright: the login form, the header and the
// navigation per role, the administration page, and logging out.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { admin, chromiumOptions, employee, freshPage, scratchDir } from './support.mjs';

let browser;

before(async () => {
  browser = await chromium.launch(chromiumOptions);
});

after(async () => {
  await browser?.close();
});

/// A fresh browser profile (no cookies, no sessionStorage) on the shell's first page.
async function openShell(t) {
  const page = await freshPage(t, browser, { viewport: { width: 1280, height: 800 } });
  await page.locator('form.login').waitFor();
  return page;
}

async function logIn(page, user) {
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
  await page.getByRole('button', { name: 'Log in' }).click();
  return answer;
}

test('the login form shows the server\'s refusal of a wrong password', async (t) => {
  const page = await openShell(t);
  assert.equal(await page.locator('form.login h1').textContent(), 'Cadre');
  assert.equal(await page.getByLabel('Username').getAttribute('autocomplete'), 'username');
  assert.equal(await page.getByLabel('Password').getAttribute('type'), 'password');

  const answer = await logIn(page, { username: admin.username, password: 'surely-not-it' });
  assert.equal(answer.status(), 401);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.textContent(), 'invalid username or password');
  assert.equal(await page.locator('form.login').count(), 1, 'still on the login form');
  await page.screenshot({ path: path.join(scratchDir, 'login-refused.png') });
});

test('an admin sees the administration page with plugins, health and this login audited', async (t) => {
  const page = await openShell(t);
  const startedAt = new Date(Date.now() - 1000).toISOString();
  const answer = await logIn(page, admin);
  assert.equal(answer.status(), 200);

  await page.locator('header .who').waitFor();
  assert.equal(await page.locator('header .brand').textContent(), 'Cadre');
  assert.equal(await page.locator('header .who').textContent(), `${admin.displayName} (admin)`);

  const pages = await (await page.request.get('/api/v1/shell/pages')).json();
  const nav = page.getByRole('navigation', { name: 'Pages' });
  const links = await nav.getByRole('link').allTextContents();
  assert.deepEqual(links, [...pages.map((p) => p.title), 'Administration']);

  await nav.getByRole('link', { name: 'Administration' }).click();
  await page.waitForURL('**/#/admin');
  const main = page.locator('main');
  await main.locator('#audit table').waitFor();
  assert.equal(await main.locator('h2').textContent(), 'Administration');
  assert.equal(await nav.getByRole('link', { name: 'Administration' }).getAttribute('aria-current'), '');
  assert.deepEqual(await main.locator('section h3').allTextContents(),
    ['Health', 'Plugins', 'Recent audit entries']);

  const health = await (await page.request.get('/healthz')).json();
  assert.equal(health.status, 'ok');
  assert.equal(await main.locator('#health p').textContent(), 'Status: ok · database up');
  assert.equal(await main.locator('#health strong').getAttribute('class'), 'health-ok');

  const plugins = await (await page.request.get('/api/v1/plugins')).json();
  if (plugins.length === 0) {
    assert.equal(await main.locator('#plugins p').textContent(), 'No plugins are installed.');
  } else {
    assert.deepEqual(await main.locator('#plugins tbody tr td:first-child').allTextContents(),
      plugins.map((p) => p.name));
  }

  assert.deepEqual(await main.locator('#audit thead th').allTextContents(),
    ['When', 'Who', 'Action', 'Object', 'Outcome']);
  // Reading pages writes nothing to the audit log, so this login is the newest entry.
  const newest = await main.locator('#audit tbody tr').first().locator('td').allTextContents();
  assert.deepEqual(newest.slice(1), [admin.username, 'auth.login', `user ${admin.username}`, 'ok']);
  assert.match(newest[0], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.ok(newest[0] >= startedAt, `logged at ${newest[0]}, after ${startedAt}`);

  await page.screenshot({ path: path.join(scratchDir, 'admin.png'), fullPage: true });

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.locator('form.login').waitFor();
  assert.equal(await page.locator('form.login .status').textContent(), 'You are logged out.');
  assert.equal(await page.locator('header').count(), 0);
  assert.equal((await page.request.get('/api/v1/auth/me')).status(), 401, 'the session is over');
  assert.deepEqual(await page.context().cookies(), [], 'the session cookie is gone');
});

test('an employee has no administration link', async (t) => {
  const page = await openShell(t);
  assert.equal((await logIn(page, employee)).status(), 200);
  await page.locator('header .who').waitFor();
  assert.equal(await page.locator('header .who').textContent(), `${employee.displayName} (employee)`);

  const pages = await (await page.request.get('/api/v1/shell/pages')).json();
  const nav = page.getByRole('navigation', { name: 'Pages' });
  assert.deepEqual(await nav.getByRole('link').allTextContents(), pages.map((p) => p.title));
  assert.equal(await nav.getByRole('link', { name: 'Administration' }).count(), 0);
  if (pages.length === 0) {
    assert.equal(await page.locator('main p').textContent(),
      'No pages are available to your role yet.');
  }

  // Typing the admin page's address does not open it either.
  await page.goto('/#/admin');
  await page.locator('header .who').waitFor();
  assert.equal(await page.locator('main #audit').count(), 0);
  assert.equal((await page.request.get('/api/v1/audit')).status(), 403);
  await page.screenshot({ path: path.join(scratchDir, 'employee.png'), fullPage: true });
});
