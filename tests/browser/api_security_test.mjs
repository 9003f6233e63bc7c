// The HTTP API's protections, checked with plain fetch against the real host: CSRF on cookie
// sessions, the body limit, strict login bodies, no caching of personal answers, and roles.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { admin, employee, login, problemOf, url } from './support.mjs';

const CSRF_DETAIL = 'send the X-CSRF-Token header you got at login with every change';

function logoutWithCookie(session, headers = {}) {
  return fetch(url('/api/v1/auth/logout'), {
    method: 'POST',
    headers: { Cookie: session.cookie, Accept: 'application/json', ...headers },
  });
}

test('login sets an HttpOnly SameSite session cookie and answers the user', async () => {
  const session = await login(employee);
  assert.match(session.setCookie, /^cadre_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
  assert.equal(session.cookie, `cadre_session=${session.token}`);
  assert.equal(typeof session.csrfToken, 'string');
  assert.notEqual(session.csrfToken, '');
  assert.notEqual(session.csrfToken, session.token);
  assert.equal(session.user.username, employee.username);
  assert.equal(session.user.displayName, employee.displayName);
  assert.equal(session.user.role, 'employee');
});

test('a cookie-authenticated change needs the X-CSRF-Token from login', async () => {
  const session = await login(admin);

  const missing = await logoutWithCookie(session);
  assert.equal(missing.status, 403);
  const problem = await problemOf(missing);
  assert.equal(problem.title, 'Forbidden');
  assert.equal(problem.detail, CSRF_DETAIL);
  assert.equal(missing.headers.get('cache-control'), 'no-store');

  const wrong = await logoutWithCookie(session, { 'X-CSRF-Token': `${session.csrfToken}x` });
  assert.equal(wrong.status, 403);
  assert.equal((await problemOf(wrong)).detail, CSRF_DETAIL);

  // Both refusals left the session alive.
  const me = await fetch(url('/api/v1/auth/me'), { headers: { Cookie: session.cookie } });
  assert.equal(me.status, 200);
  assert.equal((await me.json()).username, admin.username);

  const ok = await logoutWithCookie(session, { 'X-CSRF-Token': session.csrfToken });
  assert.equal(ok.status, 204);
  assert.equal(await ok.text(), '');
  assert.match(ok.headers.get('set-cookie'), /^cadre_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);

  const after = await fetch(url('/api/v1/auth/me'), { headers: { Cookie: session.cookie } });
  assert.equal(after.status, 401);
  assert.equal((await problemOf(after)).title, 'Unauthorized');
});

test('a bearer token needs no CSRF token', async () => {
  const session = await login(employee);
  const response = await fetch(url('/api/v1/auth/logout'), {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.token}` },
  });
  assert.equal(response.status, 204);
  const after = await fetch(url('/api/v1/auth/me'), {
    headers: { Authorization: `Bearer ${session.token}` },
  });
  assert.equal(after.status, 401);
});

test('a body over the 1 MiB limit is refused with 413', async () => {
  const body = JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) });
  const response = await fetch(url('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  assert.equal(response.status, 413);
  const problem = await problemOf(response);
  assert.equal(problem.title, 'Content Too Large');
  assert.equal(problem.detail, 'the body is larger than the 1048576 bytes accepted');
});

test('a login body with an unknown field is refused with 400 naming the field', async () => {
  const response = await fetch(url('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: admin.username, password: admin.password, rememberMe: true }),
  });
  assert.equal(response.status, 400);
  assert.equal(response.headers.get('set-cookie'), null);
  const problem = await problemOf(response);
  assert.equal(problem.detail, "field 'rememberMe' is not a known field");
  assert.deepEqual(problem.errors, [{ field: 'rememberMe', message: 'is not a known field' }]);
});

test('a wrong password answers 401 with the same text as an unknown user', async () => {
  for (const body of [{ username: employee.username, password: 'not-the-password' },
    { username: 'nobody-here', password: 'not-the-password' }]) {
    const response = await fetch(url('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 401, body.username);
    assert.equal((await problemOf(response)).detail, 'invalid username or password');
  }
});

test('GET /api/v1/auth/me is never cached', async () => {
  const session = await login(employee);
  const response = await fetch(url('/api/v1/auth/me'), { headers: { Cookie: session.cookie } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await response.json(), {
    id: session.user.id,
    username: employee.username,
    displayName: employee.displayName,
    role: 'employee',
  });
});

test('/api/v1/plugins is for admins only', async () => {
  const anonymous = await fetch(url('/api/v1/plugins'));
  assert.equal(anonymous.status, 401);
  assert.equal((await problemOf(anonymous)).detail, 'log in to use /api/v1/plugins');

  const asEmployee = await login(employee);
  const refused = await fetch(url('/api/v1/plugins'), { headers: { Cookie: asEmployee.cookie } });
  assert.equal(refused.status, 403);
  assert.equal((await problemOf(refused)).detail, 'your role may not do this');

  const asAdmin = await login(admin);
  const allowed = await fetch(url('/api/v1/plugins'), {
    headers: { Authorization: `Bearer ${asAdmin.token}` },
  });
  assert.equal(allowed.status, 200);
  assert.match(allowed.headers.get('content-type'), /^application\/json/);
  const plugins = await allowed.json();
  assert.ok(Array.isArray(plugins), 'an array of plugins');
  for (const plugin of plugins) {
    assert.equal(typeof plugin.name, 'string');
    assert.equal(typeof plugin.version, 'string');
    assert.equal(typeof plugin.state, 'string');
  }
});
