// Org chart: the unit tree as of a date. Each unit shows its head; expanding it loads its
// sub-units and the people assigned to it, as they stood on the chosen date.

import { el, errorBox } from '/web/host/dom.js';
import {
  allItems, apiPath, asOfPicker, Cache, personLink, personName, statusBadge, todayIso, useStyles,
} from './territory_common.js';

function unitNode(api, unit, state) {
  const toggle = el('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false',
    'aria-label': `Expand ${unit.name}` }, '+');
  const head = el('span', { class: 'unit-head muted' });
  const body = el('div', { class: 'unit-body', hidden: true });
  const node = el('li', { class: 'unit', 'data-unit-id': unit.id, 'data-unit-code': unit.code },
    el('div', { class: 'unit-row' }, toggle,
      el('span', { class: 'unit-name' }, unit.name),
      el('span', { class: 'unit-type' }, unit.type), head),
    body);
  if (unit.headEmployeeId) {
    state.people.get(unit.headEmployeeId).then((person) => {
      if (person) head.replaceChildren('head: ', personLink(person));
    });
  }
  let loaded = false;
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.setAttribute('aria-label', `${open ? 'Collapse' : 'Expand'} ${unit.name}`);
    toggle.textContent = open ? '−' : '+';
    body.hidden = !open;
    if (open && !loaded) {
      loaded = true;
      body.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
      try {
        body.replaceChildren(...await unitContents(api, unit, state));
        node.dataset.loaded = 'true';
      } catch (error) {
        loaded = false;
        body.replaceChildren(errorBox(error));
      }
    }
  });
  return node;
}

async function unitContents(api, unit, state) {
  const [children, people] = await Promise.all([
    allItems(api, '/org-units', { parentId: unit.id, asOf: state.asOf, limit: 1000 }),
    allItems(api, '/employees', { orgUnitId: unit.id, asOf: state.asOf, limit: 500 }),
  ]);
  const present = people.filter((p) => p.status !== 'terminated');
  present.sort((a, b) => (b.id === unit.headEmployeeId) - (a.id === unit.headEmployeeId)
    || personName(a).localeCompare(personName(b)));
  const peopleList = present.length === 0
    ? el('p', { class: 'muted people-empty' }, 'Nobody is assigned here on this date.')
    : el('ul', { class: 'people', 'aria-label': `People in ${unit.name}` }, present.map((p) =>
      el('li', { 'data-employee-number': p.employeeNumber }, personLink(p),
        p.id === unit.headEmployeeId ? el('span', { class: 'head-mark' }, 'head') : null,
        statusBadge(p.status))));
  return [peopleList, el('ul', {}, children.map((child) => unitNode(api, child, state)))];
}

async function renderTree(api, container, asOf) {
  container.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
  const state = {
    asOf,
    people: new Cache((id) => api('GET', apiPath(`/employees/${id}`, { asOf }))),
  };
  try {
    const roots = await allItems(api, '/org-units', { roots: 'true', asOf, limit: 1000 });
    const nodes = roots.map((u) => unitNode(api, u, state));
    container.replaceChildren(nodes.length === 0
      ? el('p', {}, `No org units were open on ${asOf}.`)
      : el('ul', { class: 'org-tree', 'data-as-of': asOf }, nodes));
    // The top of the org is opened at once: one click less on every visit.
    for (const node of nodes) node.querySelector('.toggle').click();
  } catch (error) {
    container.replaceChildren(errorBox(error));
  }
}

export async function render(element, api) {
  useStyles();
  const tree = el('div', { class: 'org-chart' });
  const picker = asOfPicker('org-as-of', todayIso(), (date) => renderTree(api, tree, date));
  element.replaceChildren(el('div', { class: 'toolbar' }, picker), tree);
  await renderTree(api, tree, todayIso());
}
