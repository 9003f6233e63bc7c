// What every test file shares: the host that run.sh started, the users it created, and a few
// small HTTP helpers built on Node's fetch.

import assert from 'node:assert/strict';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through tests/browser/run.sh`);
  return value;
}

export const baseUrl = required('CADRE_URL');
export const scratchDir = required('CADRE_SCRATCH');
export const chromiumPath = process.env.CADRE_CHROMIUM || '/usr/bin/chromium';

export const admin = {
  username: required('CADRE_ADMIN_USER'),
  displayName: required('CADRE_ADMIN_NAME'),
  password: required('CADRE_ADMIN_PASSWORD'),
  role: 'admin',
};

export const employee = {
  username: required('CADRE_EMPLOYEE_USER'),
  displayName: required('CADRE_EMPLOYEE_NAME'),
  password: required('CADRE_EMPLOYEE_PASSWORD'),
  role: 'employee',
};

export const hr = {
  username: required('CADRE_HR_USER'),
  displayName: required('CADRE_HR_NAME'),
  password: required('CADRE_HR_PASSWORD'),
  role: 'hr',
};

/// The recruiting walk-through's hiring manager, linked to an employee by the test.
export const manager = {
  username: required('CADRE_MANAGER_USER'),
  displayName: required('CADRE_MANAGER_NAME'),
  password: required('CADRE_MANAGER_PASSWORD'),
  role: 'manager',
};

/// The recruiting walk-through's candidate, whose login the hire links to the new employee.
export const newHire = {
  username: required('CADRE_NEW_HIRE_USER'),
  displayName: required('CADRE_NEW_HIRE_NAME'),
  password: required('CADRE_NEW_HIRE_PASSWORD'),
  role: 'employee',
};

/// Chromium as this machine allows it: Debian's build, no sandbox as root, no calls home.
export const chromiumOptions = {
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export function url(path) {
  return new URL(path, baseUrl).toString();
}

/// Logs in through the API; answers the login body and the session cookie ("name=value").
export async function login(user) {
  const response = await fetch(url('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (response.status !== 200) {
    throw new Error(`login of ${user.username} answered ${response.status}: ${await response.text()}`);
  }
  const body = await response.json();
  const setCookie = response.headers.get('set-cookie') || '';
  const cookie = setCookie.split(';')[0];
  return { ...body, cookie, setCookie };
}

/// Reads a problem+json answer, checking its media type and its status field.
export async function problemOf(response) {
  const type = response.headers.get('content-type') || '';
  if (!type.startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got '${type}': ${await response.text()}`);
  }
  const problem = await response.json();
  if (problem.status !== response.status) {
    throw new Error(`problem status ${problem.status} differs from HTTP status ${response.status}`);
  }
  return problem;
}

/// A new browser context (no cookies, no sessionStorage) and page on the shell's first page of
/// `origin`. The context closes when the test `t` ends, and the test fails on any uncaught error
/// in the page.
export async function freshPage(t, browser,
  { origin = baseUrl, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ baseURL: origin, viewport });
  t.after(() => context.close());
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  t.after(() => assert.deepEqual(pageErrors, [], 'no uncaught errors in the page'));
  await page.goto('/');
  return page;
}

/// freshPage, logged in through the login form as `user` ({ username, password }).
export async function loggedInPage(t, browser, user, options = {}) {
  const page = await freshPage(t, browser, options);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('header .who').waitFor();
  return page;
}
