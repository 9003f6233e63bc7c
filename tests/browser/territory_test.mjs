// The territory plugin's pages in Chromium: HR browses the org chart as of today and as of a
// past date, opens profiles with their timeline, transfers someone from the profile (and sees
// the server's field errors), and an employee sees their own profile without HR's actions.
// The org is seeded through the API at the start, with dates in the past.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import {
  admin, chromiumOptions, employee, hr, loggedInPage, login, scratchDir, url,
} from './support.mjs';

let browser;
const org = {};

async function call(token, method, pathname, body, headers = {}) {
  const response = await fetch(url(pathname), {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = await response.json();
  if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${JSON.stringify(payload)}`);
  return payload;
}

async function seedOrg() {
  const { token } = await login(admin);
  const { user: emil } = await login(employee);
  const unit = (code, name, type, parentId) => call(token, 'POST', '/api/v1/territory/org-units',
    { code, name, type, parentId, effectiveDate: '2020-01-01' });
  const hire = (employeeNumber, givenName, familyName, orgUnitId, hireDate, extra = {}) =>
    call(token, 'POST', '/api/v1/territory/employees',
      { employeeNumber, givenName, familyName, orgUnitId, hireDate, ...extra });
  org.company = await unit('BT-CO', 'Sông Hồng Trading', 'company');
  org.region = await unit('BT-NORTH', 'Miền Bắc', 'region', org.company.id);
  org.hanoi = await unit('BT-HAN', 'Hà Nội Sales', 'team', org.region.id);
  org.haiphong = await unit('BT-HPH', 'Hải Phòng Sales', 'team', org.region.id);
  org.head = await hire('BT-001', 'Minh', 'Đỗ', org.region.id, '2020-01-01');
  await call(token, 'PATCH', `/api/v1/territory/org-units/${org.region.id}`,
    { headEmployeeId: org.head.id, effectiveDate: '2020-01-01' }, { 'If-Match': `"${org.region.version}"` });
  org.lan = await hire('BT-002', 'Lan', 'Nguyễn', org.hanoi.id, '2021-01-04');
  org.tuan = await hire('BT-003', 'Tuấn', 'Trần', org.hanoi.id, '2021-01-04');
  await call(token, 'POST', `/api/v1/territory/employees/${org.tuan.id}/transfers`,
    { orgUnitId: org.haiphong.id, effectiveDate: '2023-06-01' }, { 'If-Match': `"${org.tuan.version}"` });
  org.budi = await hire('BT-004', 'Budi', 'Santoso', org.haiphong.id, '2021-02-01', { userId: emil.id });
  org.mai = await hire('BT-005', 'Mai', 'Phạm', org.hanoi.id, '2022-03-01');
}

before(async () => {
  browser = await chromium.launch(chromiumOptions);
  await seedOrg();
});

after(async () => {
  await browser?.close();
});

function loggedIn(t, user) {
  return loggedInPage(t, browser, user);
}

const unitNode = (page, code) => page.locator(`li.unit[data-unit-code="${code}"]`);

/// Expands a unit (if collapsed) and answers the names in its own people list.
async function peopleOf(page, code) {
  const node = unitNode(page, code);
  const toggle = node.locator(':scope > .unit-row > .toggle');
  if (await toggle.getAttribute('aria-expanded') !== 'true') await toggle.click();
  await page.locator(`li.unit[data-unit-code="${code}"][data-loaded="true"]`).waitFor();
  return node.locator(':scope > .unit-body > ul.people > li .person-link').allTextContents();
}

async function openOrgChart(page) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Org chart' }).click();
  await page.locator('li.unit[data-unit-code="BT-CO"][data-loaded="true"]').waitFor();
}

test('HR browses the org chart and sees it as it stood on a past date', async (t) => {
  const page = await loggedIn(t, hr);
  await openOrgChart(page);
  const region = unitNode(page, 'BT-NORTH');
  assert.equal(await region.locator('.unit-name').first().textContent(), 'Miền Bắc');
  await region.locator('.unit-head .person-link').first().waitFor();
  assert.equal(await region.locator('.unit-head').first().textContent(), 'head: Minh Đỗ');
  assert.deepEqual(await peopleOf(page, 'BT-NORTH'), ['Minh Đỗ']);
  assert.deepEqual(await peopleOf(page, 'BT-HAN'), ['Lan Nguyễn', 'Mai Phạm']);
  assert.deepEqual(await peopleOf(page, 'BT-HPH'), ['Budi Santoso', 'Tuấn Trần']);

  await page.getByLabel('As of').fill('2022-01-01');
  await page.locator('ul.org-tree[data-as-of="2022-01-01"]').waitFor();
  await page.locator('li.unit[data-unit-code="BT-CO"][data-loaded="true"]').waitFor();
  assert.deepEqual(await peopleOf(page, 'BT-NORTH'), ['Minh Đỗ']);
  assert.deepEqual(await peopleOf(page, 'BT-HAN'), ['Lan Nguyễn', 'Tuấn Trần'],
    'Tuấn sat in Hà Nội before his transfer; Mai was not hired yet');
  assert.deepEqual(await peopleOf(page, 'BT-HPH'), ['Budi Santoso']);
  await page.screenshot({ path: path.join(scratchDir, 'org-chart-2022.png'), fullPage: true });
});

test('a profile shows master data, the manager chain and the timeline', async (t) => {
  const page = await loggedIn(t, hr);
  await openOrgChart(page);
  await peopleOf(page, 'BT-NORTH');
  await peopleOf(page, 'BT-HPH');
  await unitNode(page, 'BT-HPH').getByRole('button', { name: 'Tuấn Trần' }).click();
  await page.waitForURL('**/#/employee');
  const master = page.getByRole('region', { name: 'Master data' });
  await master.waitFor();
  assert.equal(await master.locator('h3').textContent(), 'Tuấn Trần');
  assert.equal(await master.locator('[data-fact="Org unit"]').textContent(), 'Hải Phòng Sales');
  assert.equal(await master.locator('[data-fact="Hired"]').textContent(), '2021-01-04');
  assert.deepEqual(await page.getByRole('region', { name: 'Manager chain' }).locator('li').allTextContents(),
    ['Minh Đỗ']);
  const timeline = page.getByRole('region', { name: 'Timeline' }).locator('ol.timeline > li');
  assert.deepEqual(await timeline.allTextContents(), [
    '2023-06-01 transfer · Hải Phòng Sales · manager Minh Đỗ',
    '2021-01-04 hire · Hà Nội Sales · manager Minh Đỗ (until 2023-06-01)',
    '2021-01-04 status active · hire',
  ]);
});

test('HR transfers from the profile, sees field errors, then the new unit', async (t) => {
  const page = await loggedIn(t, hr);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Employee profile' }).click();
  await page.getByLabel('Find an employee').fill('Mai');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('.search-results').getByRole('button', { name: 'Mai Phạm' }).click();
  const master = page.getByRole('region', { name: 'Master data' });
  await master.locator('h3', { hasText: 'Mai Phạm' }).waitFor();
  assert.equal(await master.locator('[data-fact="Org unit"]').textContent(), 'Hà Nội Sales');

  const form = page.locator('form[data-action="transfer"]');
  await form.getByLabel('Org unit').selectOption({ label: 'Hải Phòng Sales (BT-HPH)' });
  await form.getByLabel('Effective date').fill('2022-01-01');
  await form.getByRole('button', { name: 'Transfer or promote' }).click();
  const dateError = form.locator('.field[data-field="effectiveDate"] .field-error');
  await dateError.filter({ hasText: /./ }).waitFor();
  assert.equal(await dateError.textContent(), 'before the hire date');
  assert.equal(await form.getByLabel('Effective date').getAttribute('aria-invalid'), 'true');
  assert.equal(await form.getByRole('alert').textContent(),
    `employee ${org.mai.id} is not yet hired on 2022-01-01`);

  await form.getByLabel('Effective date').fill('2024-05-02');
  await form.getByRole('button', { name: 'Transfer or promote' }).click();
  await page.getByRole('status').filter({ hasText: 'The transfer is saved.' }).waitFor();
  const after = page.getByRole('region', { name: 'Master data' });
  assert.equal(await after.locator('[data-fact="Org unit"]').textContent(), 'Hải Phòng Sales');
  const first = page.getByRole('region', { name: 'Timeline' }).locator('ol.timeline > li').first();
  assert.equal(await first.textContent(), '2024-05-02 transfer · Hải Phòng Sales · manager Minh Đỗ');
  await page.screenshot({ path: path.join(scratchDir, 'profile-after-transfer.png'), fullPage: true });
});

test('an employee sees their own profile and no HR actions', async (t) => {
  const page = await loggedIn(t, employee);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Employee profile' }).click();
  const master = page.getByRole('region', { name: 'Master data' });
  await master.locator('h3').waitFor();
  assert.equal(await master.locator('h3').textContent(), 'Budi Santoso');
  await page.getByRole('region', { name: 'Timeline' }).locator('ol.timeline > li').first().waitFor();
  assert.equal(await page.getByRole('region', { name: 'HR actions' }).count(), 0);
  assert.equal(await page.locator('form.hr-action').count(), 0);
});
