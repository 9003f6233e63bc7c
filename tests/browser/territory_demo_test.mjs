// `cadre demo` in the browser: a host of this file's own, seeded by the demo command, where the
// demo logins "manager" and "employee" see their own part of the org; the territory pages show
// the demo's territories and the draft model's changes.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { chromiumOptions, loggedInPage, scratchDir } from './support.mjs';

const cadre = process.env.CADRE_BIN;
const password = 'demo-password-for-browser-tests';
let browser;
let server;
let demoUrl;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url) {
  for (let i = 0; i < 150; i += 1) {
    if (server.exitCode !== null) throw new Error(`cadre serve exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch (_) { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the demo host did not answer /healthz within 15 s');
}

before(async () => {
  assert.ok(cadre, 'CADRE_BIN is set by run.sh');
  const settings = ['--set', `db.url=sqlite:${path.join(scratchDir, 'demo.db')}`, '--set', 'log.level=warning'];
  const demo = spawnSync(cadre, ['demo', ...settings, '--set', `admin.password=${password}`], { encoding: 'utf8' });
  assert.equal(demo.status, 0, demo.stdout + demo.stderr);
  assert.match(demo.stdout, /demo: hr, manager and employee have the same password/);
  const port = await freePort();
  demoUrl = `http://127.0.0.1:${port}`;
  server = spawn(cadre, ['serve', ...settings, '--set', 'http.address=127.0.0.1', '--set', `http.port=${port}`],
    { stdio: 'ignore' });
  await waitForHealth(demoUrl);
  browser = await chromium.launch(chromiumOptions);
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
});

function loggedIn(t, username) {
  return loggedInPage(t, browser, { username, password }, { origin: demoUrl });
}

async function openPage(page, title) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: title }).click();
}

test('the demo manager is a team head and sees their reports, without HR actions', async (t) => {
  const page = await loggedIn(t, 'manager');
  await openPage(page, 'Employee profile');
  const master = page.getByRole('region', { name: 'Master data' });
  await master.locator('h3').waitFor();
  assert.equal(await master.locator('[data-fact="Org unit"]').textContent(), 'Hà Nội · Khách hàng lớn');
  const reports = page.getByRole('region', { name: 'Direct reports' }).locator('li');
  assert.equal(await reports.count(), 11,
    'eleven hired, one moved away, one left, one moved in, and the recruiting demo\'s hire');
  assert.equal(await page.getByRole('region', { name: 'HR actions' }).count(), 0);
  await page.screenshot({ path: path.join(scratchDir, 'demo-manager.png'), fullPage: true });
});

test('the demo employee sits in the manager\'s team and sees their own timeline', async (t) => {
  const page = await loggedIn(t, 'employee');
  await openPage(page, 'Employee profile');
  const master = page.getByRole('region', { name: 'Master data' });
  await master.locator('h3').waitFor();
  assert.equal(await master.locator('[data-fact="Org unit"]').textContent(), 'Hà Nội · Khách hàng lớn');
  const timeline = page.getByRole('region', { name: 'Timeline' }).locator('ol.timeline > li');
  assert.deepEqual(await timeline.evaluateAll((items) => items.map((li) => li.dataset.reason)),
    ['hire', 'active']);
  assert.equal(await page.getByRole('region', { name: 'HR actions' }).count(), 0);
});

test('HR sees the demo\'s four regions and a rep on leave', async (t) => {
  const page = await loggedIn(t, 'hr');
  await page.locator('li.unit[data-unit-code="HQ"][data-loaded="true"]').waitFor();
  const regions = page.locator('li.unit[data-unit-code="HQ"] > .unit-body > ul > li.unit > .unit-row .unit-name');
  assert.deepEqual(await regions.allTextContents(), ['Miền Bắc (North Vietnam)', 'Miền Nam (South Vietnam)',
    'Indonesia', '大中华区 (Greater China)']);
  for (const code of ['R-NORTH', 'B-HAN', 'T-HAN-RT']) {
    await page.locator(`li.unit[data-unit-code="${code}"] > .unit-row .toggle`).click();
    await page.locator(`li.unit[data-unit-code="${code}"][data-loaded="true"]`).waitFor();
  }
  const team = page.locator('li.unit[data-unit-code="T-HAN-RT"] > .unit-body > ul.people > li');
  assert.equal(await team.count(), 12, 'the head, eleven hired, one moved away, one moved in');
  assert.deepEqual(await team.locator('.badge').allTextContents(), ['on leave']);
});

test('the territory pages show the demo\'s territories and the draft model\'s changes', async (t) => {
  const page = await loggedIn(t, 'hr');
  await openPage(page, 'Territories');
  await page.getByRole('button', { name: 'Hà Nội · Khách hàng lớn' }).click();
  const detail = page.locator('.territory-detail');
  await detail.getByRole('heading', { name: /^Reps \(\d+\)$/ }).waitFor();
  assert.equal(await detail.getByRole('alert').count(), 0);
  assert.match(await detail.getByRole('heading', { name: /^Accounts/ }).textContent(), /^Accounts \([1-9]\d*\)$/);
  await openPage(page, 'Territory plans');
  await page.locator('.comparison > :not(.loading)').first().waitFor();
  assert.equal(await page.locator('.comparison').getByRole('alert').count(), 0);
  // The demo's draft renames one territory and adds one.
  const comparison = await page.locator('.comparison').textContent();
  assert.match(comparison, /renamed/);
  assert.match(comparison, /added/);
});
