// The recruiting plugin's pages in Chromium, one hire from start to end: HR drafts a
// requisition and submits it beyond the headcount plan (the override is asked for next to its
// field), the hiring manager and HR approve it, HR adds a candidate with a CV and an
// application, moves it on the pipeline board and schedules an interview, the hiring manager
// (the interviewer) submits a scorecard and sees the weighted scores, an offer outside the band
// is approved by another HR user, extended, accepted and turns into a hire, the new hire ticks
// their onboarding task done, and the analytics count the hire. The org (a unit headed by the
// hiring manager, its headcount plan and an onboarding template) is seeded through the API.
// The tests run in order and build on each other.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import {
  admin, chromiumOptions, hr, loggedInPage, login, manager, newHire, scratchDir, url,
} from './support.mjs';

let browser;
const org = {};
const today = new Date().toISOString().slice(0, 10);
const TITLE = 'Account Executive Hamburg';

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
  org.monaUser = (await login(manager)).user;
  org.linhUser = (await login(newHire)).user;
  const unit = (code, name, type, parentId) => call(token, 'POST', '/api/v1/territory/org-units',
    { code, name, type, parentId, effectiveDate: '2020-01-01' });
  org.company = await unit('RC-CO', 'Nordlicht Vertrieb', 'company');
  org.hamburg = await unit('RC-HH', 'Hamburg Sales', 'team', org.company.id);
  org.mona = await call(token, 'POST', '/api/v1/territory/employees', { employeeNumber: 'RC-001',
    givenName: 'Mona', familyName: 'Berg', orgUnitId: org.hamburg.id, hireDate: '2020-01-01', userId: org.monaUser.id });
  await call(token, 'PATCH', `/api/v1/territory/org-units/${org.hamburg.id}`,
    { headEmployeeId: org.mona.id, effectiveDate: '2020-01-01' }, { 'If-Match': `"${org.hamburg.version}"` });
  // Mona fills the one planned place, so a requisition goes beyond the plan.
  await call(token, 'POST', '/api/v1/territory/headcount-plans', { orgUnitId: org.hamburg.id,
    periodStart: '2020-01-01', periodEnd: '2035-12-31', plannedPositions: 1, plannedBudget: 90000 });
  await call(token, 'POST', '/api/v1/recruiting/onboarding-templates', { name: 'Hamburg Sales onboarding',
    orgUnitId: org.hamburg.id, tasks: [
      { title: 'Order the laptop', ownerRole: 'it', dueOffsetDays: -3, order: 1 },
      { title: 'Sign the employee handbook', ownerRole: 'new_hire', dueOffsetDays: 0, order: 2 },
      { title: 'Welcome meeting with the team', ownerRole: 'manager', dueOffsetDays: 2, order: 3 },
    ] });
}

before(async () => {
  browser = await chromium.launch(chromiumOptions);
  await seedOrg();
});

after(async () => {
  await browser?.close();
});

function loggedIn(t, user) {
  return loggedInPage(t, browser, user, { viewport: { width: 1400, height: 1000 } });
}

async function openPage(page, title) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: title, exact: true }).click();
  await page.locator('main h2', { hasText: title }).waitFor();
}

/// Waits for the note `text`; an error shown on the page instead fails with its words.
async function status(page, text) {
  try {
    await page.getByRole('status').filter({ hasText: text }).waitFor({ timeout: 15000 });
  } catch (error) {
    const alerts = await page.getByRole('alert').allTextContents();
    assert.fail(`no note '${text}'; the page shows: ${alerts.join(' | ') || error.message}`);
  }
}
const cellsOf = (rows) => rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));

async function openRequisition(page) {
  await openPage(page, 'Requisitions');
  await page.locator('.requisition-list').getByRole('button', { name: TITLE }).click();
  await page.locator('.detail-grid[data-requisition-id]').waitFor();
}

/// A local "YYYY-MM-DDTHH:MM" for a datetime-local input, `hours` from now.
function localInput(hours) {
  const at = new Date(Date.now() + hours * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

test('HR drafts a requisition and submits it beyond the headcount plan with an override', async (t) => {
  const page = await loggedIn(t, hr);
  await openPage(page, 'Requisitions');
  await page.getByRole('button', { name: 'New requisition' }).click();
  const form = page.locator('form[data-action="new-requisition"]');
  await form.getByLabel('Title', { exact: true }).fill(TITLE);
  await form.getByLabel('Org unit').selectOption({ label: 'Hamburg Sales (RC-HH)' });
  await form.getByLabel('New position title').fill('Account Executive');
  await form.getByLabel('Salary from').fill('48000');
  await form.getByLabel('Salary to').fill('40000');
  await form.getByLabel('Currency').fill('EUR');
  await form.getByLabel('Standard', { exact: true }).fill('Negotiation');
  await form.getByLabel('Weight', { exact: true }).fill('2');
  await form.getByRole('button', { name: 'Add a standard' }).click();
  await form.getByLabel('Standard', { exact: true }).nth(1).fill('Product knowledge');
  await form.getByRole('button', { name: 'Save the draft' }).click();
  const bandError = form.locator('.field[data-field="salaryMax"] .field-error');
  await bandError.filter({ hasText: /./ }).waitFor();
  assert.equal(await bandError.textContent(), 'must not be below salaryMin');
  assert.equal(await form.getByLabel('Salary to').getAttribute('aria-invalid'), 'true');

  await form.getByLabel('Salary to').fill('60000');
  await form.getByRole('button', { name: 'Save the draft' }).click();
  const detail = page.locator('.detail-grid[data-requisition-id]');
  await detail.waitFor();
  org.requisitionId = Number(await detail.getAttribute('data-requisition-id'));
  const summary = page.getByRole('region', { name: 'Requisition', exact: true });
  assert.equal(await summary.locator('h4').textContent(), `${TITLE} draft`);
  assert.equal(await summary.locator('[data-fact="Hiring manager"]').textContent(), 'Mona Berg');
  assert.equal(await summary.locator('[data-fact="Position"]').textContent(), 'new: Account Executive');
  assert.equal(await summary.locator('[data-fact="Salary band"]').textContent(), '48,000 – 60,000 EUR');
  assert.deepEqual(await cellsOf(page.getByRole('region', { name: 'Hiring standards' }).locator('tbody tr')),
    [['Negotiation', '2'], ['Product knowledge', '1']]);

  const submit = page.locator('form[data-action="submit"]');
  await submit.getByRole('button', { name: 'Submit for approval' }).click();
  const overrideError = submit.locator('.field[data-field="headcountOverride"] .field-error');
  await overrideError.filter({ hasText: /./ }).waitFor();
  assert.equal(await overrideError.textContent(), 'required: the requisition is beyond the headcount plan');
  assert.match(await submit.getByRole('alert').textContent(),
    new RegExp(`^org unit ${org.hamburg.id} plans 1 people and has 1 on \\d{4}-\\d\\d-\\d\\d; its other requisitions still fill 0 and this one asks for 1: beyond the headcount plan only with an HR override$`));

  await submit.getByLabel('Headcount override').fill('Budget moved from the Bremen team');
  await submit.getByRole('button', { name: 'Submit for approval' }).click();
  await status(page, 'Submitted for approval.');
  assert.equal(await summary.locator('h4').textContent(), `${TITLE} pending approval`);
  const chain = page.getByRole('region', { name: 'Approval chain' });
  assert.deepEqual(await cellsOf(chain.locator('tbody tr')), [
    ['1', '1', 'Hiring manager Mona Berg', 'pending', '', ''],
    ['1', '2', 'HR', 'pending', '', ''],
  ]);
  assert.equal(await chain.locator('p.waiting').textContent(), 'Waiting for Hiring manager Mona Berg.');
  assert.match(await chain.locator('p.override').textContent(),
    /^Headcount override by hana on \d{4}-\d\d-\d\d \d\d:\d\d UTC: Budget moved from the Bremen team$/);
  assert.equal(await chain.locator('form[data-action="approve"]').count(), 0, 'HR waits for the manager');
  await page.screenshot({ path: path.join(scratchDir, 'recruiting-requisition.png'), fullPage: true });
});

test('the hiring manager, then HR approve; the requisition opens', async (t) => {
  const mona = await loggedIn(t, manager);
  await openRequisition(mona);
  const chain = mona.getByRole('region', { name: 'Approval chain' });
  await chain.locator('form[data-action="approve"]').getByLabel('Comment').fill('Needed for the northern accounts');
  await chain.getByRole('button', { name: 'Approve' }).click();
  await status(mona, 'You approved the requisition.');
  assert.equal(await mona.getByRole('region', { name: 'Approval chain' }).locator('p.waiting').textContent(), 'Waiting for HR.');
  assert.equal(await mona.getByRole('region', { name: 'HR actions' }).count(), 0);

  const hana = await loggedIn(t, hr);
  await openRequisition(hana);
  await hana.getByRole('region', { name: 'Approval chain' }).getByRole('button', { name: 'Approve' }).click();
  await status(hana, 'You approved the requisition.');
  const summary = hana.getByRole('region', { name: 'Requisition', exact: true });
  assert.equal(await summary.locator('h4').textContent(), `${TITLE} open`);
  const rows = await cellsOf(hana.getByRole('region', { name: 'Approval chain' }).locator('tbody tr'));
  assert.deepEqual(rows.map((r) => r.slice(0, 5)), [
    ['1', '1', 'Hiring manager Mona Berg', 'approved', 'Needed for the northern accounts'],
    ['1', '2', 'HR', 'approved', ''],
  ]);
  assert.match(rows[0][5], /^\d{4}-\d\d-\d\d \d\d:\d\d UTC by mona$/);
  assert.match(rows[1][5], /^\d{4}-\d\d-\d\d \d\d:\d\d UTC by hana$/);
  assert.equal(await hana.getByRole('region', { name: 'Approval chain' }).locator('p.waiting').count(), 0);
});

test('HR adds a candidate with a CV, applies them and moves them on the board', async (t) => {
  const page = await loggedIn(t, hr);
  await openPage(page, 'Candidates');
  await page.getByRole('button', { name: 'New candidate' }).click();
  const form = page.locator('form[data-action="new-candidate"]');
  await form.getByLabel('Given name').fill('Linh');
  await form.getByLabel('Family name').fill('Vũ');
  await form.getByLabel('Email').fill('linh.vu@example.org');
  await form.getByLabel('Source', { exact: true }).selectOption('job_board');
  await form.getByLabel('Source detail').fill('StepStone');
  await form.getByLabel('Source cost').fill('450');
  await form.getByLabel('Cost currency').fill('EUR');
  await form.getByRole('button', { name: 'Add the candidate' }).click();
  const profile = page.getByRole('region', { name: 'Profile', exact: true });
  await profile.waitFor();
  org.candidateId = Number(await page.locator('.detail-grid[data-candidate-id]').getAttribute('data-candidate-id'));
  assert.equal(await profile.locator('h4.candidate-name').textContent(), 'Linh Vũ');
  assert.equal(await profile.locator('[data-fact="Source"]').textContent(), 'Job board · StepStone');
  assert.equal(await profile.locator('[data-fact="Source cost"]').textContent(), '450 EUR');

  const cv = 'Linh Vũ\nAccount manager, 6 years in B2B sales.\n';
  await page.locator('form[data-action="upload-cv"]').getByLabel('CV file')
    .setInputFiles({ name: 'linh-vu-cv.txt', mimeType: 'text/plain', buffer: Buffer.from(cv) });
  await page.getByRole('button', { name: 'Upload' }).click();
  await status(page, 'The CV is uploaded.');
  const cvs = page.getByRole('region', { name: 'CVs' });
  const cvRow = (await cellsOf(cvs.locator('tbody tr')))[0];
  assert.deepEqual(cvRow.slice(0, 2), ['linh-vu-cv.txt', 'text/plain']);
  const download = await page.request.get(await cvs.getByRole('link', { name: 'linh-vu-cv.txt' }).getAttribute('href'));
  assert.equal(download.status(), 200);
  assert.equal(await download.text(), cv);

  const apply = page.locator('form[data-action="apply"]');
  await apply.getByLabel('Requisition').selectOption({ label: TITLE });
  await apply.getByRole('button', { name: 'Apply' }).click();
  await status(page, 'The application is added.');
  const application = page.locator('article.application');
  assert.equal(await application.locator('.stage').textContent(), 'Applied');

  await openPage(page, 'Pipeline board');
  const column = (code) => page.locator(`.board-column[data-stage="${code}"]`);
  await column('applied').waitFor();
  assert.deepEqual(await page.locator('.board-column h3').allTextContents(),
    ['Applied 1', 'Screening 0', 'Interview 0', 'Offer 0', 'Hired 0', 'Rejected 0', 'Withdrawn 0']);
  const card = column('applied').locator('.board-card');
  assert.equal(await card.locator('.candidate-link').textContent(), 'Linh Vũ');
  await card.getByLabel('Move Linh Vũ to').selectOption({ label: 'Interview' });
  await card.getByRole('button', { name: 'Move' }).click();
  await status(page, 'Linh Vũ moved to Interview.');
  assert.equal(await column('applied').locator('.count').textContent(), '0');
  assert.equal(await column('interview').locator('.count').textContent(), '1');
  await page.screenshot({ path: path.join(scratchDir, 'recruiting-board.png'), fullPage: true });
});

async function openCandidate(page) {
  await openPage(page, 'Candidates');
  await page.getByLabel('Find a candidate').fill('Linh');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.locator('.candidate-list').getByRole('button', { name: 'Linh Vũ' }).click();
  await page.locator('article.application').waitFor();
}

test('HR schedules an interview with the hiring manager and gets its calendar file', async (t) => {
  const page = await loggedIn(t, hr);
  await openCandidate(page);
  const form = page.locator('form[data-action="schedule-interview"]');
  await form.getByLabel('Starts').fill(localInput(-2));
  await form.getByLabel('Ends').fill(localInput(-1));
  await form.getByLabel('Location').fill('Room Elbe, Hamburg office');
  await form.getByLabel('Interviewers').selectOption({ label: 'Mona Berg' });
  await form.getByRole('button', { name: 'Schedule' }).click();
  await status(page, 'The interview is scheduled.');
  const interviews = page.locator('article.application .interviews > table tbody tr');
  const [row] = await cellsOf(interviews);
  assert.deepEqual(row.slice(1, 5), ['Mona Berg', 'Room Elbe, Hamburg office', 'scheduled', '.ics']);
  const ics = await page.request.get(await interviews.getByRole('link', { name: '.ics' }).getAttribute('href'));
  assert.equal(ics.status(), 200);
  assert.match(ics.headers()['content-type'], /^text\/calendar/);
  assert.match(await ics.text(), /^BEGIN:VCALENDAR\r\n[\s\S]*BEGIN:VEVENT[\s\S]*END:VCALENDAR\r\n$/);
  assert.equal(await page.locator('.scores p.muted').last().textContent(), 'No scorecard is submitted yet.');
});

test('the interviewer submits a scorecard and then sees the weighted scores', async (t) => {
  const page = await loggedIn(t, manager);
  await openCandidate(page);
  assert.equal(await page.locator('.scores-hidden').textContent(),
    'The others\u2019 scores are shown once you have submitted your own scorecard.');
  const form = page.locator('form[data-action="scorecard"]');
  await form.getByLabel('Negotiation (weight 2)').selectOption('4');
  await form.getByLabel('Recommendation').selectOption('yes');
  await form.getByRole('button', { name: 'Submit scorecard' }).click();
  const ratingsError = form.locator('.field[data-field="ratings"] > .field-error');
  await ratingsError.filter({ hasText: /./ }).waitFor();
  assert.equal(await ratingsError.textContent(), "criterion 'Product knowledge' is not rated");

  await form.getByLabel('Product knowledge (weight 1)').selectOption('5');
  await form.getByLabel('Notes').fill('Strong negotiator, knows our segment.');
  await form.getByRole('button', { name: 'Submit scorecard' }).click();
  await status(page, 'Your scorecard is submitted.');
  assert.equal(await page.locator('form[data-action="scorecard"]').count(), 0);
  const scores = page.locator('.score-summary');
  assert.equal(await scores.locator('[data-fact="Weighted aggregate"]').textContent(), '4.33');
  assert.equal(await scores.locator('[data-fact="Spread"]').textContent(), '0');
  assert.equal(await scores.locator('[data-fact="Recommendations"]').textContent(), 'Yes: 1');
  assert.deepEqual(await cellsOf(scores.locator('tbody tr')),
    [['Negotiation', '2', '4', '4', '4'], ['Product knowledge', '1', '5', '5', '5']]);
  const [card] = await cellsOf(page.locator('.scores > table tbody tr'));
  assert.deepEqual(card.slice(0, 4), ['Mona Berg', 'Yes', '4.33', 'submitted']);
  await page.screenshot({ path: path.join(scratchDir, 'recruiting-scorecard.png'), fullPage: true });
});

test('an offer above the band is approved by another HR user, accepted and becomes a hire', async (t) => {
  const hana = await loggedIn(t, hr);
  await openPage(hana, 'Offers');
  await hana.getByRole('button', { name: 'New offer' }).click();
  const form = hana.locator('form[data-action="new-offer"]');
  await form.getByLabel('Application').selectOption({ label: `Linh Vũ — ${TITLE} (Interview)` });
  await form.getByLabel('Salary', { exact: true }).fill('62000');
  await form.getByLabel('Start date').fill(today);
  await form.getByLabel('Terms').fill('Company car, 30 days of leave.');
  await form.getByRole('button', { name: 'Save the offer' }).click();
  const offer = hana.getByRole('region', { name: 'Offer', exact: true });
  await offer.waitFor();
  assert.equal(await offer.locator('h4').textContent(), 'Linh Vũ pending approval');
  assert.equal(await offer.locator('[data-fact="Outside the band"]').textContent(), 'yes');
  assert.equal(await offer.locator('[data-fact="Band approval"]').textContent(), 'pending');
  await hana.getByRole('button', { name: 'Approve outside the band' }).click();
  const refused = hana.locator('form[data-action="approve"] [role="alert"]');
  await refused.waitFor();
  org.offerId = Number(await hana.locator('.detail-grid[data-offer-id]').getAttribute('data-offer-id'));

  const ada = await loggedIn(t, admin);
  await openPage(ada, 'Offers');
  await ada.locator('.offer-list').getByRole('button', { name: 'Linh Vũ' }).click();
  await ada.locator('form[data-action="approve"]').getByLabel('Comment').fill('Top candidate for the north');
  await ada.getByRole('button', { name: 'Approve outside the band' }).click();
  await status(ada, 'The offer is approved.');
  const approved = ada.getByRole('region', { name: 'Offer', exact: true });
  assert.equal(await approved.locator('h4').textContent(), 'Linh Vũ draft');
  assert.match(await approved.locator('[data-fact="Band approval"]').textContent(),
    /^approved by ada \d{4}-\d\d-\d\d \d\d:\d\d UTC: Top candidate for the north$/);

  // Hana's page still shows the pending offer: her stale change of terms is refused.
  await hana.locator('form[data-action="change-offer"]').getByLabel('Salary').fill('61000');
  await hana.getByRole('button', { name: 'Save the terms' }).click();
  const stale = hana.locator('form[data-action="change-offer"] [role="alert"]');
  await stale.waitFor();
  assert.match(await stale.textContent(), /^This record was changed by someone else meanwhile\. Reload it to see the change, then try again\./);
  await hana.locator('form[data-action="change-offer"]').getByRole('button', { name: 'Reload' }).click();
  await hana.getByRole('button', { name: 'Extend to the candidate' }).click();
  await status(hana, 'The offer is extended.');
  await hana.getByRole('button', { name: 'Candidate accepted' }).click();
  await status(hana, 'The candidate accepted the offer.');
  assert.equal(await hana.getByRole('region', { name: 'Offer', exact: true }).locator('h4').textContent(), 'Linh Vũ accepted');

  const hire = hana.locator('form[data-action="hire"]');
  await hire.getByLabel('Employee number').fill('RC-002');
  await hire.getByLabel('Work email').fill('linh.vu@nordlicht.example');
  await hire.getByLabel('Login (user id)').fill(String(org.linhUser.id));
  await hire.getByRole('button', { name: 'Hire the candidate' }).click();
  await status(hana, 'Hired: employee #');
  const hired = hana.getByRole('status');
  const employees = await call((await login(admin)).token, 'GET', '/api/v1/territory/employees?employeeNumber=RC-002');
  assert.equal(employees.items.length, 1);
  org.linhEmployee = employees.items[0];
  assert.equal(await hired.textContent(),
    `Hired: employee #${org.linhEmployee.id}, starting ${today}; the requisition has 1 of 1 filled (filled).`);
  assert.equal(await hana.getByRole('region', { name: 'Offer', exact: true }).locator('[data-fact="Employee"]').textContent(),
    `#${org.linhEmployee.id}`);
  await hana.screenshot({ path: path.join(scratchDir, 'recruiting-offer.png'), fullPage: true });
});

test('the new hire ticks their onboarding task done; HR sees the plan\u2019s progress', async (t) => {
  const linh = await loggedIn(t, newHire);
  await openPage(linh, 'Onboarding');
  const mine = linh.getByRole('region', { name: 'My onboarding tasks' });
  await mine.locator('table').waitFor();
  assert.deepEqual(await cellsOf(mine.locator('tbody tr')),
    [['Sign the employee handbook', 'New hire: Linh Vũ', today, '', 'Mark done']]);
  await mine.getByRole('button', { name: 'Mark done' }).click();
  await status(linh, '“Sign the employee handbook” is done.');
  assert.equal(await linh.getByRole('region', { name: 'My onboarding tasks' }).locator('p.muted').textContent(),
    'You have no open onboarding tasks.');

  const hana = await loggedIn(t, hr);
  await openPage(hana, 'Onboarding');
  const plans = hana.getByRole('region', { name: 'Onboarding plans', exact: true });
  const row = plans.locator('tbody tr', { hasText: 'Linh Vũ' });
  await row.waitFor();
  const [cells] = await cellsOf(row);
  assert.deepEqual(cells, ['Linh Vũ', today, '1/3 tasks · 33 % · 1 overdue', '1']);
  await row.getByRole('button', { name: 'Linh Vũ' }).click();
  const tasks = hana.getByRole('region', { name: 'Tasks', exact: true });
  await tasks.locator('table').waitFor();
  const taskRows = await cellsOf(tasks.locator('tbody tr'));
  const due = (days) => new Date(Date.parse(today) + days * 86400000).toISOString().slice(0, 10);
  assert.deepEqual(taskRows.map((r) => [r[0], r[1], r[2], r[4]]), [
    ['Order the laptop', 'IT', `${due(-3)} (overdue)`, 'Mark done'],
    ['Sign the employee handbook', 'New hire: Linh Vũ', today, 'Reopen'],
    ['Welcome meeting with the team', 'Manager: Mona Berg', due(2), 'Mark done'],
  ]);
  assert.match(taskRows[1][3], /^\d{4}-\d\d-\d\d \d\d:\d\d UTC by linh$/);
  await hana.screenshot({ path: path.join(scratchDir, 'recruiting-onboarding.png'), fullPage: true });
});

test('the analytics count the hire and export CSV', async (t) => {
  const page = await loggedIn(t, hr);
  await openPage(page, 'Recruiting analytics');
  const funnel = page.locator('section[data-report="funnel"]');
  await funnel.locator('table').waitFor();
  assert.equal(await funnel.locator('p.stats').textContent(), '1 applications');
  const reached = await cellsOf(funnel.locator('tbody tr'));
  assert.deepEqual(reached.map((r) => [r[0], r[1]]), [['Applied', '1'], ['Screening', '0'], ['Interview', '1'],
    ['Offer', '0'], ['Hired', '1'], ['Rejected', '0'], ['Withdrawn', '0']]);
  const hires = page.locator('section[data-report="time-to-hire"]');
  await hires.locator('table').waitFor();
  assert.equal(await hires.locator('p.stats').textContent(), '1 · mean 0 d · median 0 d · 90th percentile 0 d');
  const offers = page.locator('section[data-report="offers"]');
  await offers.locator('table').waitFor();
  assert.deepEqual((await cellsOf(offers.locator('tbody tr'))).at(-1), ['Total', '1', '1', '0', '0', '0', '100.0 %']);
  const csv = await page.request.get(await funnel.locator('a.csv-link').getAttribute('href'));
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'], /^text\/csv/);
  assert.equal((await csv.text()).split(/\r?\n/)[0],
    'code,name,kind,order,reached,current,rejectedHere,withdrawnHere,conversion,ofFirst');
  await page.screenshot({ path: path.join(scratchDir, 'recruiting-analytics.png'), fullPage: true });
});
