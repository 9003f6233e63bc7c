// What the recruiting pages share: the plugin's stylesheet, API paths, forms that show the
// server's problem details next to the fields they name, If-Match on updates (a 409 says the
// record changed meanwhile), paged lists with a "More" button, and moving between pages with
// the requisition or candidate in hand.

import { el, errorBox } from '/web/host/dom.js';

export const API = '/api/v1/recruiting';
const OPEN_KEY = 'cadre.recruiting.open.';
let fieldCount = 0;

/// Adds the plugin's stylesheet once (a file of our own, so CSP's default-src 'self' allows it).
export function useStyles() {
  if (document.querySelector('link[data-recruiting-styles]')) return;
  document.head.append(el('link', { rel: 'stylesheet', href: '/web/recruiting/recruiting.css',
    'data-recruiting-styles': true }));
}

/// A path under the plugin's API with the given query parameters (unset ones left out).
export function apiPath(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return `${API}${path}${text ? `?${text}` : ''}`;
}

/// The If-Match header for a record read at `version`.
export const ifMatch = (version) => ({ 'If-Match': `"${version}"` });

/// Today (plus `days`) as YYYY-MM-DD on the browser's calendar.
export function todayIso(days = 0) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/// An instant as "YYYY-MM-DD HH:MM" (UTC, as the server stores it); dates stay as they are.
export function when(instant) {
  if (!instant) return '';
  return String(instant).replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

/// "Given Family" from any record with those fields.
export function personName(person) {
  if (!person) return '';
  const joined = `${person.givenName || ''} ${person.familyName || ''}`.trim();
  return joined || person.name || `#${person.id ?? person.employeeId ?? '?'}`;
}

/// A state shown as a badge ("pending_approval" → "pending approval").
export function stateBadge(state) {
  if (!state) return '';
  return el('span', { class: `badge state-${state}`, 'data-state': state }, state.replaceAll('_', ' '));
}

/// A success note that screen readers announce.
export function notice(text) {
  return text ? el('p', { class: 'ok-note', role: 'status' }, text) : '';
}

/// A labelled control with a place for the server's error about it.
export function field(label, name, control, hint) {
  fieldCount += 1;
  const id = control.id || `rec-${name.replace(/[^a-zA-Z0-9]/g, '-')}-${fieldCount}`;
  control.id = id;
  if (!control.name) control.name = name;
  control.dataset.field = name;
  const error = el('span', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', error.id);
  return el('div', { class: 'field', 'data-field': name }, el('label', { for: id }, label), control,
    hint ? el('span', { class: 'hint' }, hint) : '', error);
}

/// A select of [value, text] pairs.
export function select(options, value, attributes = {}) {
  return el('select', attributes, options.map(([v, text]) =>
    el('option', { value: v, selected: String(v) === String(value) ? true : undefined }, text)));
}

/// What to tell the user about a failed request; a stale write gets its own words.
export function problemText(error) {
  if (error && error.status === 409) {
    return `This record was changed by someone else meanwhile. Reload it to see the change, then try again. (${error.message})`;
  }
  return error && error.message;
}

/// Puts each of the server's field errors next to its field in `form`; the rest go in `status`.
/// `onReload`, when given, adds a Reload button to a 409.
export function showProblem(form, status, error, onReload) {
  for (const span of form.querySelectorAll('.field-error')) span.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const item of error.fields || []) {
    const span = fieldErrorSpan(form, item.field);
    if (span) {
      span.textContent = item.message;
      ownChild(span.parentElement, (c) => c.dataset.field)?.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(item);
    }
  }
  status.replaceChildren(errorBox({ message: problemText(error), fields: unplaced }),
    error.status === 409 && onReload
      ? el('button', { type: 'button', class: 'secondary', onclick: onReload }, 'Reload') : '');
}

// A direct child of `parent` that passes `test` (fields nest in fieldsets).
function ownChild(parent, test) {
  return parent ? [...parent.children].find(test) || null : null;
}

// The error span of the field named `name` inside `root`.
function errorSpanOf(root, name) {
  const holder = root && root.querySelector(`.field[data-field="${CSS.escape(name)}"]`);
  return ownChild(holder, (c) => c.classList.contains('field-error'));
}

// "criteria[1].weight" finds the weight field of the second criterion row, or the list itself.
function fieldErrorSpan(form, name) {
  const exact = errorSpanOf(form, name);
  if (exact) return exact;
  const list = name.match(/^([a-zA-Z]+)\[(\d+)\]\.?(.*)$/);
  if (!list) return null;
  const row = form.querySelectorAll(`[data-list="${list[1]}"] .list-row`)[Number(list[2])];
  return (list[3] && errorSpanOf(row, list[3])) || errorSpanOf(form, list[1]);
}

/// A form that runs `submit(formData)` and then `onDone(result)`, or shows the problem.
export function actionForm({ title, name, fields = [], submitLabel, submit, onDone, onReload, heading = true }) {
  const status = el('div', { class: 'form-status' });
  const form = el('form', { class: 'rec-action', 'data-action': name, 'aria-label': title },
    heading ? el('h4', {}, title) : '', ...fields,
    el('button', { type: 'submit' }, submitLabel || title), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.replaceChildren();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const result = await submit(new FormData(form), form);
      await onDone(result);
    } catch (error) {
      showProblem(form, status, error, onReload);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/// The non-empty entries of a form as JSON; `numbers` are sent as numbers.
export function bodyOf(data, numbers = []) {
  const body = {};
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string' || value === '' || name.includes('.')) continue;
    body[name] = numbers.includes(name) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return body;
}

/// A paged list: the first page, then a "More" button that follows the `next` cursor.
/// `renderRows(items)` answers the rows (or a table body) appended for each page.
export function pagedList(api, path, query, renderRows, empty = 'Nothing here yet.') {
  const holder = el('div', { class: 'paged-list' });
  const more = el('button', { type: 'button', class: 'secondary more' }, 'More');
  const load = async (cursor) => {
    more.remove();
    try {
      const page = await api('GET', apiPath(path, { ...query, cursor }));
      const items = page.items || [];
      if (!cursor && items.length === 0) {
        holder.replaceChildren(el('p', { class: 'muted' }, empty));
        return;
      }
      holder.append(renderRows(items, !cursor));
      if (page.next) {
        more.onclick = () => load(page.next);
        holder.append(more);
      }
    } catch (error) {
      holder.append(errorBox(error));
    }
  };
  load(undefined);
  return holder;
}

/// Every item of a paged list, following `next` cursors up to `maxPages` pages.
export async function allItems(api, path, query = {}, maxPages = 20) {
  const items = [];
  let cursor;
  for (let page = 0; page < maxPages; page += 1) {
    const body = await api('GET', apiPath(path, { ...query, cursor }));
    items.push(...(Array.isArray(body) ? body : body.items || []));
    cursor = body && !Array.isArray(body) ? body.next : undefined;
    if (!cursor) break;
  }
  return items;
}

/// Opens another recruiting page with this record in hand (e.g. a requisition's board).
export function openWith(pageId, id) {
  sessionStorage.setItem(OPEN_KEY + pageId, String(id));
  if (location.hash === `#/${pageId}`) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = `#/${pageId}`;
}

/// The record the page was asked to show, if any.
export function openedWith(pageId) {
  const value = Number(sessionStorage.getItem(OPEN_KEY + pageId));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/// Remembers which record a page shows, so a reload comes back to it.
export function remember(pageId, id) {
  if (id) sessionStorage.setItem(OPEN_KEY + pageId, String(id));
  else sessionStorage.removeItem(OPEN_KEY + pageId);
}

/// A link-looking button that opens another page with a record.
export function pageLink(text, pageId, id, extra = {}) {
  return el('button', { type: 'button', class: 'link-button', onclick: () => openWith(pageId, id), ...extra }, text);
}

/// The caller: their login and, when linked, their employee record (null otherwise).
export async function whoAmI(api) {
  const user = await api('GET', '/api/v1/auth/me');
  let employee = null;
  try {
    employee = await api('GET', '/api/v1/territory/employees/me');
  } catch (_) { /* a login not linked to an employee */ }
  return { user, employee, hr: user.role === 'admin' || user.role === 'hr' };
}

/// Memoized reads by key, for names looked up many times while rendering.
export class Cache {
  constructor(load) { this.load = load; this.entries = new Map(); }
  get(key) {
    if (key === null || key === undefined) return Promise.resolve(null);
    if (!this.entries.has(key)) this.entries.set(key, this.load(key).catch(() => null));
    return this.entries.get(key);
  }
}

/// Employee names from the territory plugin, cached.
export function employeeNames(api) {
  const cache = new Cache((id) => api('GET', `/api/v1/territory/employees/${id}`));
  return async (id) => {
    if (!id) return '';
    const person = await cache.get(id);
    return person ? personName(person) : `employee #${id}`;
  };
}

/// A request with a raw body (a CV file), with the session's CSRF header.
export async function sendFile(path, file) {
  const headers = { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' };
  const csrf = sessionStorage.getItem('cadre.csrf');
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const response = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  const payload = (response.headers.get('Content-Type') || '').includes('json')
    ? await response.json() : { detail: await response.text() };
  if (!response.ok) {
    const error = new Error(payload.detail || payload.title || `HTTP ${response.status}`);
    error.status = response.status;
    error.fields = payload.errors || [];
    throw error;
  }
  return payload;
}

/// A section card with a heading, labelled by it for assistive technology and tests.
export function card(title, ...children) {
  return el('section', { class: 'card', 'aria-label': title }, el('h3', {}, title), ...children);
}

/// A definition list of [term, value] pairs, each value marked with data-fact=term.
export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.filter(Boolean).flatMap(([term, value]) =>
    [el('dt', {}, term), el('dd', { 'data-fact': term }, value ?? '')]));
}

/// A number with at most `digits` decimals, or "–" when absent.
export function figure(value, digits = 2) {
  if (value === null || value === undefined || value === '') return '–';
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: digits });
}
