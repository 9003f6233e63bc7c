// Territory tree of a model as of a date; picking a territory shows its reps and accounts.
// Reads the sales API defensively: absent fields are left out rather than failing the page.

import { el, errorBox, table } from '/web/host/dom.js';
import {
  allItems, asOfPicker, personLink, personName, todayIso, useStyles,
} from './territory_common.js';

function modelLabel(model) {
  return `${model.name ?? `model #${model.id}`}${model.state ? ` (${model.state})` : ''}`;
}

/// Children by parent id; territories whose parent is not in the list are roots.
function childrenOf(territories) {
  const ids = new Set(territories.map((t) => t.id));
  const byParent = new Map();
  for (const t of territories) {
    const key = t.parentId && ids.has(t.parentId) ? t.parentId : 'root';
    if (!byParent.has(key)) byParent.set(key, []);
    byParent.get(key).push(t);
  }
  for (const list of byParent.values()) list.sort((a, b) => String(a.code ?? a.name).localeCompare(String(b.code ?? b.name)));
  return byParent;
}

async function detail(api, territory, asOf) {
  const [reps, accounts] = await Promise.all([
    allItems(api, `/territories/${territory.id}/reps`, { asOf }),
    allItems(api, `/territories/${territory.id}/accounts`, { asOf, limit: 500 }),
  ]);
  return [
    el('h3', {}, territory.name ?? territory.code, el('span', { class: 'muted' }, ` ${territory.code ?? ''} · ${territory.type ?? ''}`)),
    el('section', { 'aria-label': 'Reps' }, el('h4', {}, `Reps (${reps.length})`), reps.length === 0
      ? el('p', { class: 'muted' }, 'No reps on this date.')
      : table([
        { title: 'Rep', render: (r) => (r.employeeId || r.id) ? personLink({ ...r, id: r.employeeId ?? r.id }) : personName(r) },
        { title: 'Role', render: (r) => r.role ?? '' },
        { title: 'Split %', render: (r) => r.splitPercent ?? '' },
        { title: 'From', render: (r) => r.validFrom ?? '' },
        { title: 'Until', render: (r) => (r.validTo && r.validTo !== '9999-12-31' ? r.validTo : '') },
      ], reps)),
    el('section', { 'aria-label': 'Accounts' }, el('h4', {}, `Accounts (${accounts.length})`), accounts.length === 0
      ? el('p', { class: 'muted' }, 'No accounts on this date.')
      : table([
        { title: 'Account', render: (a) => a.name ?? a.accountName ?? `#${a.accountId ?? a.id}` },
        { title: 'ERP id', render: (a) => a.externalId ?? '' },
        { title: 'Region', render: (a) => a.region ?? '' },
        { title: 'Industry', render: (a) => a.industry ?? '' },
        { title: 'Size', render: (a) => a.size ?? '' },
        { title: 'Since', render: (a) => a.validFrom ?? '' },
      ], accounts)),
  ];
}

function treeList(api, byParent, parentKey, state) {
  const items = byParent.get(parentKey) || [];
  if (items.length === 0) return null;
  return el('ul', { class: parentKey === 'root' ? 'org-tree' : '' }, items.map((t) => {
    const children = treeList(api, byParent, t.id, state);
    const item = el('li', { 'data-territory-id': t.id });
    const button = el('button', { type: 'button', class: 'territory-link', 'aria-pressed': 'false',
      'data-territory-code': t.code, onclick: () => state.select(t, button, children ? null : item) },
    t.name ?? t.code);
    item.append(button, el('span', { class: 'muted' }, ` ${t.code ?? ''}`), children ?? '');
    return item;
  }));
}

async function renderModel(api, area, modelId, asOf) {
  const detailArea = el('div', { class: 'card territory-detail' }, el('p', { class: 'muted' }, 'Pick a territory.'));
  const treeArea = el('div', { class: 'card' }, el('p', { class: 'loading' }, 'Loading…'));
  area.replaceChildren(el('div', { class: 'split' }, treeArea, detailArea));
  const state = {
    /// `leaf` is the item of a territory without known children: a server that lists one level
    /// at a time is asked for them (parentId) when it is picked.
    async select(territory, button, leaf) {
      if (leaf && !leaf.dataset.childrenLoaded) {
        leaf.dataset.childrenLoaded = 'true';
        allItems(api, '/territories', { modelId, parentId: territory.id, asOf, limit: 1000 })
          .then((found) => {
            const list = treeList(api, childrenOf(found.filter((c) => c.parentId === territory.id)), 'root', state);
            if (list) { list.className = ''; leaf.append(list); }
          }).catch(() => { delete leaf.dataset.childrenLoaded; });
      }
      for (const b of treeArea.querySelectorAll('button[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
      button.setAttribute('aria-pressed', 'true');
      detailArea.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
      try {
        detailArea.replaceChildren(...await detail(api, territory, asOf));
      } catch (error) {
        detailArea.replaceChildren(errorBox(error));
      }
    },
  };
  try {
    const territories = await allItems(api, '/territories', { modelId, asOf, limit: 1000 });
    const list = treeList(api, childrenOf(territories), 'root', state);
    treeArea.replaceChildren(list || el('p', { class: 'muted' }, 'This model has no territories.'));
  } catch (error) {
    treeArea.replaceChildren(errorBox(error));
  }
}

export async function render(element, api) {
  useStyles();
  const models = await allItems(api, '/territory-models', { limit: 100 });
  if (models.length === 0) {
    element.replaceChildren(el('p', {}, 'There are no territory models yet.'));
    return;
  }
  const preferred = models.find((m) => m.state === 'active') || models[0];
  const picker = el('select', { id: 'territory-model' }, models.map((m) =>
    el('option', { value: m.id, selected: m.id === preferred.id ? true : undefined }, modelLabel(m))));
  const area = el('div', {});
  let asOf = todayIso();
  const refresh = () => renderModel(api, area, picker.value, asOf);
  picker.addEventListener('change', refresh);
  element.replaceChildren(el('div', { class: 'toolbar' },
    el('div', { class: 'field' }, el('label', { for: 'territory-model' }, 'Model'), picker),
    asOfPicker('territory-as-of', asOf, (date) => { asOf = date; refresh(); })), area);
  await refresh();
}
