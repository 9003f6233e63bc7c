// Requisitions: the list (filtered by state, paged, CSV), a new draft, and one requisition with
// its hiring standards, approval chain and the actions the caller may take: submit (with HR's
// headcount override), approve or reject, hold, reopen, cancel, edit a draft.

import { el, errorBox, table } from '/web/host/dom.js';
import { approvalCard } from './requisition_approvals.js';
import { editDraftForm, newRequisitionForm, orgChoices } from './requisition_form.js';
import {
  actionForm, apiPath, bodyOf, card, employeeNames, facts, field, figure, ifMatch, notice,
  openWith, openedWith, pagedList, remember, stateBadge, useStyles, when, whoAmI,
} from './recruiting_common.js';

const PAGE = 'requisitions';
const STATES = ['draft', 'pending_approval', 'open', 'on_hold', 'filled', 'cancelled'];

function unitName(choices, id) {
  const unit = choices.units.find((u) => u.id === id);
  return unit ? unit.name : `org unit #${id}`;
}

function listTable(items, choices, show) {
  return table([
    { title: 'Title', render: (r) => el('button', { type: 'button', class: 'link-button',
      'data-requisition-id': r.id, onclick: () => show(r.id) }, r.title) },
    { title: 'Org unit', render: (r) => unitName(choices, r.orgUnitId) },
    { title: 'Openings', render: (r) => `${r.filled}/${r.openings}` },
    { title: 'Wanted start', render: (r) => r.wantedStartDate },
    { title: 'State', render: (r) => stateBadge(r.state) },
  ], items);
}

function hrActions(api, r, refresh) {
  const post = (what, body) => api('POST', apiPath(`/requisitions/${r.id}/${what}`), body, ifMatch(r.version));
  const forms = [];
  if (r.state === 'draft') {
    forms.push(actionForm({ title: 'Submit for approval', name: 'submit',
      fields: [field('Headcount override', 'headcountOverride', el('input', { maxlength: 2000 }),
        'HR only: the reason to go beyond the headcount plan')],
      submit: (data) => post('submit', bodyOf(data)), onDone: () => refresh('Submitted for approval.'),
      onReload: () => refresh() }));
    forms.push(editDraftForm(api, r, () => refresh('The draft is saved.'), () => refresh()));
  }
  if (r.state === 'open') {
    forms.push(actionForm({ title: 'Put on hold', name: 'hold', fields: [field('Reason', 'reason', el('input'))],
      submit: (data) => post('hold', bodyOf(data)), onDone: () => refresh('The requisition is on hold.') }));
  }
  if (r.state === 'on_hold') {
    forms.push(actionForm({ title: 'Reopen', name: 'reopen', submit: () => post('reopen'),
      onDone: () => refresh('The requisition is open again.') }));
  }
  if (['draft', 'pending_approval', 'open', 'on_hold'].includes(r.state)) {
    forms.push(actionForm({ title: 'Cancel the requisition', name: 'cancel',
      fields: [field('Reason', 'reason', el('input'))],
      submit: (data) => post('cancel', bodyOf(data)), onDone: () => refresh('The requisition is cancelled.') }));
  }
  return forms.length ? card('HR actions', ...forms) : '';
}

async function detail(api, id, me, choices, area, note) {
  const r = await api('GET', apiPath(`/requisitions/${id}`));
  remember(PAGE, id);
  const nameOf = employeeNames(api);
  const refresh = (message) => detail(api, id, me, choices, area, message)
    .catch((error) => area.replaceChildren(errorBox(error)));
  const position = r.positionId ? `position #${r.positionId}` : `new: ${r.newPositionTitle || ''}`;
  const summary = card('Requisition',
    el('h4', { class: 'title' }, r.title, ' ', stateBadge(r.state)),
    facts([
      ['Org unit', unitName(choices, r.orgUnitId)],
      ['Position', position],
      ['Hiring manager', r.hiringManagerId ? await nameOf(r.hiringManagerId) : '—'],
      ['Territory', r.territoryId ? (choices.territories.find((t) => t.id === r.territoryId)?.name || `#${r.territoryId}`) : '—'],
      ['Openings', `${r.filled} filled of ${r.openings}`],
      ['Salary band', `${figure(r.salaryMin)} – ${figure(r.salaryMax)} ${r.currency}`],
      ['Wanted start', r.wantedStartDate],
      ['Submitted', when(r.submittedAt)],
      ['Opened', when(r.openedAt)],
      r.timeToFillDays !== undefined && r.timeToFillDays !== null ? ['Time to fill', `${r.timeToFillDays} days`] : null,
      r.stateReason ? ['Reason', r.stateReason] : null,
    ]),
    el('button', { type: 'button', class: 'secondary', onclick: () => openWith('pipeline', r.id) }, 'Pipeline board'));
  const standards = card('Hiring standards', r.criteria.length === 0 ? el('p', { class: 'muted' }, 'None yet.')
    : table([{ title: 'Standard', render: (c) => c.name }, { title: 'Weight', render: (c) => figure(c.weight) }], r.criteria));
  const approvals = await approvalCard(api, r, me, nameOf, refresh);
  area.replaceChildren(notice(note), el('div', { class: 'detail-grid', 'data-requisition-id': r.id,
    'data-state': r.state }, summary, standards, approvals, me.hr ? hrActions(api, r, refresh) : ''));
}

function listArea(api, me, choices, show) {
  const filter = el('select', { id: 'requisition-state', name: 'state' },
    el('option', { value: '' }, 'All states'), STATES.map((s) => el('option', { value: s }, s.replaceAll('_', ' '))));
  const holder = el('div', { class: 'requisition-list' });
  const csv = el('a', { class: 'csv-link', href: apiPath('/requisitions', { format: 'csv' }) }, 'Export CSV');
  const load = () => {
    csv.href = apiPath('/requisitions', { format: 'csv', state: filter.value });
    holder.replaceChildren(pagedList(api, '/requisitions', { state: filter.value, limit: 25 },
      (items) => listTable(items, choices, show), 'No requisitions.'));
  };
  filter.addEventListener('change', load);
  load();
  return { toolbar: el('div', { class: 'toolbar' },
    el('div', { class: 'field' }, el('label', { for: 'requisition-state' }, 'State'), filter), csv), holder, reload: load };
}

export async function render(element, api) {
  useStyles();
  const [me, choices] = await Promise.all([whoAmI(api), orgChoices(api)]);
  const area = el('div', { class: 'requisition-detail' });
  const show = (id) => {
    area.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
    detail(api, id, me, choices, area).catch((error) => area.replaceChildren(errorBox(error)));
  };
  const list = listArea(api, me, choices, show);
  const creating = el('div', { class: 'new-requisition' });
  const newButton = me.hr ? el('button', { type: 'button', onclick: () => {
    creating.replaceChildren(newRequisitionForm(api, choices, async (created) => {
      creating.replaceChildren();
      list.reload();
      show(created.id);
    }));
  } }, 'New requisition') : '';
  list.toolbar.append(newButton);
  element.replaceChildren(list.toolbar, creating, list.holder, area);
  const opened = openedWith(PAGE);
  if (opened) show(opened);
}
