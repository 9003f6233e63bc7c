// Employee profile: master data, the manager chain, direct reports and the timeline of
// assignments and statuses; HR also gets the actions (transfer, status, termination).

import { el, errorBox } from '/web/host/dom.js';
import { hrActions } from './employee_actions.js';
import {
  allItems, apiPath, Cache, openProfile, personLink, personName, requestedProfile, statusBadge,
  todayIso, useStyles,
} from './territory_common.js';

const OPEN_END = '9999-12-31';

function facts(rows) {
  return el('dl', { class: 'facts' }, rows.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .flatMap(([term, value]) => [el('dt', {}, term), el('dd', { 'data-fact': term }, value)]));
}

async function masterData(employee, names) {
  const unit = employee.orgUnitId ? await names.unit(employee.orgUnitId, todayIso()) : null;
  return el('section', { class: 'card master-data', 'aria-label': 'Master data' },
    el('h3', {}, personName(employee), statusBadge(employee.status)),
    facts([
      ['Employee number', employee.employeeNumber],
      ['Status', employee.status],
      ['Org unit', unit ? unit.name : (employee.orgUnitId ? `#${employee.orgUnitId}` : '')],
      ['Position', employee.positionId ? `#${employee.positionId}` : ''],
      ['Email', employee.email],
      ['Phone', employee.phone],
      ['Employment', employee.employmentType?.replace('_', ' ')],
      ['Hired', employee.hireDate],
      ['Terminated', employee.terminationDate],
    ]));
}

function peopleCard(title, label, people, empty) {
  return el('section', { class: 'card', 'aria-label': label }, el('h3', {}, title),
    people.length === 0 ? el('p', { class: 'muted' }, empty)
      : el('ol', { class: 'people-list' }, people.map((p) => el('li', {}, personLink(p), statusBadge(p.status)))));
}

async function timelineEntries(history, names) {
  const entries = [];
  for (const a of history.assignments || []) {
    if (a.validFrom >= a.validTo) continue; // a change corrected on its first day
    const [unit, manager] = await Promise.all([
      names.unit(a.orgUnitId, a.validFrom),
      a.managerId ? names.person(a.managerId, a.validFrom) : null,
    ]);
    entries.push({ date: a.validFrom, kind: 'assignment', reason: a.reason, text: [
      el('strong', {}, a.reason), ' · ', unit ? unit.name : `org unit #${a.orgUnitId}`,
      manager ? ` · manager ${personName(manager)}` : '',
      a.positionId ? ` · position #${a.positionId}` : '',
      a.validTo !== OPEN_END ? el('span', { class: 'muted' }, ` (until ${a.validTo})`) : ''] });
  }
  for (const s of history.statuses || []) {
    entries.push({ date: s.effectiveOn, kind: 'status', reason: s.status, text: [
      el('strong', {}, `status ${s.status.replace('_', ' ')}`), s.reason ? ` · ${s.reason}` : ''] });
  }
  entries.sort((x, y) => y.date.localeCompare(x.date) || x.kind.localeCompare(y.kind));
  return entries;
}

async function timelineCard(api, id, names) {
  let history;
  try {
    history = await api('GET', apiPath(`/employees/${id}/history`));
  } catch (error) {
    if (error.status === 403) {
      return el('section', { class: 'card timeline', 'aria-label': 'Timeline' }, el('h3', {}, 'Timeline'),
        el('p', { class: 'muted' }, 'Only HR, the employee and their managers see the history.'));
    }
    throw error;
  }
  const today = todayIso();
  const entries = await timelineEntries(history, names);
  return el('section', { class: 'card timeline', 'aria-label': 'Timeline' }, el('h3', {}, 'Timeline'),
    el('ol', { class: 'timeline' }, entries.map((e) => el('li', { 'data-kind': e.kind, 'data-reason': e.reason,
      'data-date': e.date },
    el('span', { class: 'when' }, e.date), e.date > today ? el('span', { class: 'badge' }, 'planned') : null,
    ' ', ...e.text))));
}

async function reportsCard(api, id) {
  try {
    const reports = await allItems(api, `/employees/${id}/reports`, {});
    return peopleCard('Direct reports', 'Direct reports', reports, 'No direct reports.');
  } catch (error) {
    if (error.status === 403) return null;
    throw error;
  }
}

function searchBox(api, results) {
  const input = el('input', { id: 'employee-search', type: 'search', placeholder: 'Name or employee number',
    autocomplete: 'off' });
  const form = el('form', { class: 'search', role: 'search', onsubmit: async (event) => {
    event.preventDefault();
    try {
      const found = await allItems(api, '/employees', { q: input.value.trim(), limit: 20 }, 1);
      results.replaceChildren(found.length === 0 ? el('p', { class: 'muted' }, 'Nobody found.')
        : el('ul', { class: 'search-results' }, found.map((p) => el('li', {}, personLink(p),
          el('span', { class: 'muted' }, ` ${p.employeeNumber}`)))));
    } catch (error) {
      results.replaceChildren(errorBox(error));
    }
  } }, el('label', { for: 'employee-search' }, 'Find an employee'), ' ', input, ' ',
  el('button', { type: 'submit' }, 'Search'));
  return form;
}

async function profile(api, id, me, container, note) {
  const names = {
    units: new Cache((key) => { const [unitId, date] = key.split('@'); return api('GET', apiPath(`/org-units/${unitId}`, { asOf: date })); }),
    people: new Cache((key) => { const [personId, date] = key.split('@'); return api('GET', apiPath(`/employees/${personId}`, { asOf: date })); }),
    unit(unitId, date) { return this.units.get(`${unitId}@${date}`); },
    person(personId, date) { return this.people.get(`${personId}@${date}`); },
  };
  const employee = await api('GET', apiPath(`/employees/${id}`));
  const [chain, reports, timeline, master] = await Promise.all([
    allItems(api, `/employees/${id}/chain`, {}),
    reportsCard(api, id),
    timelineCard(api, id, names),
    masterData(employee, names),
  ]);
  const cards = [master, peopleCard('Manager chain', 'Manager chain', chain, 'Reports to nobody.'), reports, timeline];
  if (me.role === 'admin' || me.role === 'hr') {
    const units = await allItems(api, '/org-units', { limit: 1000 });
    cards.push(hrActions(api, employee, units, (message) => profile(api, id, me, container, message)
      .catch((error) => container.replaceChildren(errorBox(error)))));
  }
  container.replaceChildren(
    note ? el('p', { class: 'ok-note', role: 'status' }, note) : '',
    el('div', { class: 'profile-grid', 'data-employee-id': employee.id, 'data-version': employee.version }, cards));
}

export async function render(element, api) {
  useStyles();
  const results = el('div', { class: 'search-area' });
  const container = el('div', { class: 'profile' });
  element.replaceChildren(el('div', { class: 'toolbar' }, searchBox(api, results)), results, container);
  const me = await api('GET', '/api/v1/auth/me');
  let id = requestedProfile();
  if (!id) {
    try {
      id = (await api('GET', apiPath('/employees/me'))).id;
    } catch (_) { /* not linked to an employee: search instead */ }
  }
  if (!id) {
    container.replaceChildren(el('p', { class: 'muted' }, 'Search for an employee to see their profile.'));
    return;
  }
  container.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
  try {
    await profile(api, id, me, container);
  } catch (error) {
    container.replaceChildren(errorBox(error));
  }
}

export { openProfile };
