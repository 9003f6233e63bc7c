// Planning-model comparison: a model against the one it is compared with on the server
// (GET territory-models/{id}/compare). The answer's lists of changes are shown as an SVG chart
// of their sizes and a table each, whatever their names, so new kinds of change show up as-is.

import { el, errorBox, table } from '/web/host/dom.js';
import { allItems, apiPath, barChart, useStyles } from './territory_common.js';

function humanize(key) {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function cell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
  }
  return String(value);
}

const MAX_ROWS = 200;

function changeTable(all) {
  if (all.length === 0) return el('p', { class: 'muted' }, 'None.');
  const items = all.slice(0, MAX_ROWS);
  const more = all.length > MAX_ROWS
    ? el('p', { class: 'muted' }, `… and ${all.length - MAX_ROWS} more.`) : null;
  return el('div', {}, rowsOf(items), more);
}

function rowsOf(items) {
  if (typeof items[0] !== 'object' || items[0] === null) {
    return el('ul', {}, items.map((v) => el('li', {}, cell(v))));
  }
  const keys = [...new Set(items.flatMap((item) => Object.keys(item)))];
  return table(keys.map((k) => ({ title: humanize(k), render: (row) => cell(row[k]) })), items);
}

/// The lists in a comparison, found at the top level or one object down (e.g. {changes: {...}}).
function changeLists(comparison) {
  const lists = [];
  const scalars = [];
  const visit = (object, prefix) => {
    for (const [key, value] of Object.entries(object)) {
      if (Array.isArray(value)) lists.push({ key: prefix ? `${prefix} ${key}` : key, items: value });
      else if (value && typeof value === 'object' && !prefix) visit(value, key);
      else if (!prefix || typeof value !== 'object') scalars.push([humanize(prefix ? `${prefix} ${key}` : key), cell(value)]);
    }
  };
  visit(comparison || {}, '');
  return { lists, scalars };
}

async function renderComparison(api, area, model) {
  area.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
  try {
    const comparison = await api('GET', apiPath(`/territory-models/${model.id}/compare`));
    const { lists, scalars } = changeLists(comparison);
    area.replaceChildren(
      scalars.length ? el('dl', { class: 'facts' }, scalars.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])) : '',
      lists.length === 0 ? el('p', { class: 'muted' }, 'No differences.')
        : barChart(`Changes in ${model.name ?? model.id}`, lists.map((l) => ({ label: humanize(l.key), value: l.items.length }))),
      ...lists.map((l) => el('section', { class: 'change-list', 'data-list': l.key },
        el('h3', {}, `${humanize(l.key)} (${l.items.length})`), changeTable(l.items))));
  } catch (error) {
    area.replaceChildren(errorBox(error));
  }
}

export async function render(element, api) {
  useStyles();
  const models = await allItems(api, '/territory-models', { limit: 100 });
  if (models.length === 0) {
    element.replaceChildren(el('p', {}, 'There are no territory models yet.'));
    return;
  }
  const preferred = models.find((m) => m.state === 'draft') || models.find((m) => m.state !== 'active') || models[0];
  const picker = el('select', { id: 'plan-model' }, models.map((m) =>
    el('option', { value: m.id, selected: m.id === preferred.id ? true : undefined },
      `${m.name ?? `model #${m.id}`}${m.state ? ` (${m.state})` : ''}${m.version !== undefined ? ` v${m.version}` : ''}`)));
  const area = el('div', { class: 'comparison' });
  picker.addEventListener('change', () => renderComparison(api, area, models.find((m) => String(m.id) === picker.value)));
  element.replaceChildren(el('div', { class: 'toolbar' },
    el('div', { class: 'field' }, el('label', { for: 'plan-model' }, 'Compare model'), picker)), area);
  await renderComparison(api, area, preferred);
}
