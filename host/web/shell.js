// The web shell: the login form, then a layout whose navigation lists the pages of the loaded
// plugins (and the administration page for IT). Each page is an ES module exporting
// render(element, api), loaded when its link is opened.

import { api, ApiError, get, post, rememberCsrf } from './api.js';
import { el, errorBox } from './dom.js';

const root = document.getElementById('app');
const ADMIN_PAGE = { id: 'admin', title: 'Administration', module: '/web/host/admin.js', plugin: 'host' };

function loginForm(message) {
  const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const status = el('div', { class: 'status' }, message || '');
  const form = el('form', { class: 'login', onsubmit: async (event) => {
    event.preventDefault();
    status.replaceChildren();
    try {
      const result = await post('/api/v1/auth/login', { username: username.value, password: password.value });
      rememberCsrf(result.csrfToken);
      await start();
    } catch (error) {
      status.replaceChildren(errorBox(error));
    }
  } },
  el('h1', {}, 'Cadre'),
  el('label', { for: 'username' }, 'Username'), username,
  el('label', { for: 'password' }, 'Password'), password,
  el('button', { type: 'submit' }, 'Log in'),
  status);
  root.replaceChildren(form);
  username.focus();
}

async function logout() {
  try { await post('/api/v1/auth/logout'); } catch (_) { /* the session may be gone already */ }
  rememberCsrf(null);
  loginForm('You are logged out.');
}

async function openPage(page, main, nav) {
  for (const link of nav.querySelectorAll('a')) {
    link.toggleAttribute('aria-current', link.dataset.page === page.id);
  }
  main.replaceChildren(el('h2', {}, page.title));
  const body = el('div', { class: 'page-body' });
  main.append(body);
  try {
    const module = await import(page.module);
    await module.render(body, api);
  } catch (error) {
    body.replaceChildren(errorBox(error));
  }
}

function layout(user, pages) {
  const nav = el('nav', { 'aria-label': 'Pages' }, pages.map((page) =>
    el('a', { href: `#/${page.id}`, 'data-page': page.id }, page.title)));
  const main = el('main', { id: 'main' });
  const header = el('header', {},
    el('span', { class: 'brand' }, 'Cadre'),
    el('span', { class: 'who' }, `${user.displayName} (${user.role})`),
    el('button', { type: 'button', class: 'link', onclick: logout }, 'Log out'));
  root.replaceChildren(header, el('div', { class: 'frame' }, nav, main));
  const route = () => {
    const id = location.hash.replace(/^#\//, '');
    const page = pages.find((p) => p.id === id) || pages[0];
    if (page) openPage(page, main, nav);
    else main.replaceChildren(el('p', {}, 'No pages are available to your role yet.'));
  };
  window.onhashchange = route;
  route();
}

async function start() {
  let user;
  try {
    user = await get('/api/v1/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return loginForm();
    root.replaceChildren(errorBox(error));
    return;
  }
  const pages = await get('/api/v1/shell/pages');
  if (user.role === 'admin') pages.push(ADMIN_PAGE);
  layout(user, pages);
}

start();
