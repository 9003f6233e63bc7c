// What the territory pages share: the plugin's stylesheet, the "as of" date, paging through
// lists, opening an employee's profile, and names cached per date.

import { el } from '/web/host/dom.js';

const PROFILE_KEY = 'cadre.territory.employee';
const API = '/api/v1/territory';

/// Adds the plugin's stylesheet once (a file of our own, so CSP's default-src 'self' allows it).
export function useStyles() {
  if (document.querySelector('link[data-territory-styles]')) return;
  document.head.append(el('link', { rel: 'stylesheet', href: '/web/territory/territory.css',
    'data-territory-styles': true }));
}

/// Today as YYYY-MM-DD on the browser's calendar.
export function todayIso() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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

/// Every item of a paged list, following `next` cursors up to `maxPages` pages.
export async function allItems(api, path, query = {}, maxPages = 20) {
  const items = [];
  let cursor;
  for (let page = 0; page < maxPages; page += 1) {
    const body = await api('GET', apiPath(path, { ...query, cursor }));
    const list = Array.isArray(body) ? body : (body && Array.isArray(body.items) ? body.items : []);
    items.push(...list);
    cursor = body && !Array.isArray(body) ? body.next : undefined;
    if (!cursor) break;
  }
  return items;
}

/// A person's display name from whichever name fields the record has.
export function personName(person) {
  if (!person) return '';
  const given = person.givenName || '';
  const family = person.familyName || '';
  const joined = `${given} ${family}`.trim();
  return joined || person.name || person.displayName || `#${person.employeeId ?? person.id ?? '?'}`;
}

/// Asks the profile page to show this employee, then opens it.
export function openProfile(employeeId) {
  sessionStorage.setItem(PROFILE_KEY, String(employeeId));
  if (location.hash === '#/employee') window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = '#/employee';
}

/// The employee the profile page was asked to show, if any.
export function requestedProfile() {
  const value = Number(sessionStorage.getItem(PROFILE_KEY));
  return Number.isInteger(value) && value > 0 ? value : null;
}

/// A button that opens a person's profile.
export function personLink(person, extra = {}) {
  const id = person.id ?? person.employeeId;
  return el('button', { type: 'button', class: 'person-link', 'data-employee-id': id,
    'data-employee-number': person.employeeNumber, onclick: () => openProfile(id), ...extra },
  personName(person));
}

/// A date input labelled "As of" that calls `onChange(date)` when a valid date is picked.
export function asOfPicker(id, value, onChange) {
  const input = el('input', { type: 'date', id, name: 'asOf', value, required: true,
    onchange: () => { if (input.value) onChange(input.value); } });
  return el('div', { class: 'as-of' }, el('label', { for: id }, 'As of'), input);
}

/// Memoized reads by key, for names looked up many times while rendering.
export class Cache {
  constructor(load) { this.load = load; this.entries = new Map(); }
  get(key) {
    if (!this.entries.has(key)) {
      this.entries.set(key, this.load(key).catch(() => null));
    }
    return this.entries.get(key);
  }
}

/// A status badge for anything but "active".
export function statusBadge(status) {
  if (!status || status === 'active') return null;
  return el('span', { class: `badge status-${status}` }, status.replace('_', ' '));
}

const SVG = 'http://www.w3.org/2000/svg';

/// An SVG element with attributes and children (no markup parsing).
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/// A horizontal bar chart of labelled counts, as SVG.
export function barChart(title, rows) {
  const width = 480;
  const barHeight = 22;
  const labelWidth = 180;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * (barHeight + 6) + 8;
  return svg('svg', { class: 'bar-chart', role: 'img', 'aria-label': title,
    viewBox: `0 0 ${width} ${height}`, width, height },
  svg('title', {}, title),
  rows.map((row, i) => {
    const y = 4 + i * (barHeight + 6);
    const length = Math.round(((width - labelWidth - 50) * row.value) / max);
    return svg('g', { class: 'bar' },
      svg('text', { x: 0, y: y + 15, class: 'bar-label' }, row.label),
      svg('rect', { x: labelWidth, y, width: Math.max(length, 1), height: barHeight, rx: 3 }),
      svg('text', { x: labelWidth + length + 6, y: y + 15, class: 'bar-value' }, row.value));
  }));
}
