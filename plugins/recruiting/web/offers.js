// Offers: the list (by state, paged, CSV), a new offer on an open application, and one offer
// with its terms against the requisition's salary band, its band approval and its decisions,
// up to the hire.

import { el, errorBox, table } from '/web/host/dom.js';
import { newOfferForm, offerActions } from './offer_actions.js';
import {
  allItems, apiPath, card, Cache, facts, figure, notice, openWith, openedWith, pagedList,
  remember, stateBadge, useStyles, when, whoAmI,
} from './recruiting_common.js';

const PAGE = 'offers';
const STATES = ['draft', 'pending_approval', 'extended', 'accepted', 'declined', 'expired', 'withdrawn'];

async function detail(api, id, me, area, note) {
  const offer = await api('GET', apiPath(`/offers/${id}`));
  remember(PAGE, id);
  const application = await api('GET', apiPath(`/applications/${offer.applicationId}`));
  const requisition = await api('GET', apiPath(`/requisitions/${application.requisitionId}`)).catch(() => null);
  const refresh = (message) => detail(api, id, me, area, message).catch((error) => area.replaceChildren(errorBox(error)));
  const band = requisition ? `${figure(requisition.salaryMin)} – ${figure(requisition.salaryMax)} ${requisition.currency}` : '';
  const approval = offer.approvalState
    ? `${offer.approvalState}${offer.approvedBy ? ` by ${offer.approvedBy} ${when(offer.approvedAt)}` : ''}${offer.approvalComment ? `: ${offer.approvalComment}` : ''}`
    : 'not needed';
  const summary = card('Offer',
    el('h4', {}, `${application.givenName} ${application.familyName}`, ' ', stateBadge(offer.state)),
    facts([
      ['Requisition', requisition ? requisition.title : `#${application.requisitionId}`],
      ['Salary', `${figure(offer.salary)} ${offer.currency}`],
      ['Salary band', band],
      ['Outside the band', offer.outsideBand ? 'yes' : 'no'],
      ['Band approval', approval],
      ['Start date', offer.startDate],
      ['Expires on', offer.expiresOn],
      ['Terms', offer.terms],
      ['Extended', when(offer.extendedAt)],
      ['Decided', when(offer.decidedAt)],
      offer.hiredEmployeeId ? ['Employee', `#${offer.hiredEmployeeId}`] : null,
    ]),
    el('button', { type: 'button', class: 'secondary', onclick: () => openWith('candidates', application.candidateId) }, 'Candidate'),
    offer.hiredEmployeeId ? el('button', { type: 'button', class: 'secondary', onclick: async () => {
      const plans = await api('GET', apiPath('/onboarding-plans', { employeeId: offer.hiredEmployeeId, state: '' }));
      openWith('onboarding', plans.items.length ? plans.items[0].id : 0);
    } }, 'Onboarding plan') : '');
  area.replaceChildren(notice(note), el('div', { class: 'detail-grid', 'data-offer-id': offer.id, 'data-state': offer.state },
    summary, me.hr ? card('Decisions', offerActions(api, offer, refresh)) : ''));
}

function listArea(api, show) {
  const names = new Cache((applicationId) => api('GET', apiPath(`/applications/${applicationId}`)));
  const filter = el('select', { id: 'offer-state' }, el('option', { value: '' }, 'All states'),
    STATES.map((s) => el('option', { value: s }, s.replaceAll('_', ' '))));
  const csv = el('a', { class: 'csv-link', href: apiPath('/offers', { format: 'csv' }) }, 'Export CSV');
  const holder = el('div', { class: 'offer-list' });
  const candidateCell = (o) => {
    const button = el('button', { type: 'button', class: 'link-button', 'data-offer-id': o.id, onclick: () => show(o.id) }, `offer #${o.id}`);
    names.get(o.applicationId).then((a) => { if (a) button.textContent = `${a.givenName} ${a.familyName}`; });
    return button;
  };
  const load = () => {
    csv.href = apiPath('/offers', { format: 'csv', state: filter.value });
    holder.replaceChildren(pagedList(api, '/offers', { state: filter.value, limit: 25 }, (items) => table([
      { title: 'Candidate', render: candidateCell },
      { title: 'Salary', render: (o) => `${figure(o.salary)} ${o.currency}` },
      { title: 'Start', render: (o) => o.startDate },
      { title: 'Expires', render: (o) => o.expiresOn },
      { title: 'State', render: (o) => stateBadge(o.state) },
    ], items), 'No offers.'));
  };
  filter.addEventListener('change', load);
  load();
  return { toolbar: el('div', { class: 'toolbar' },
    el('div', { class: 'field' }, el('label', { for: 'offer-state' }, 'State'), filter), csv), holder, reload: load };
}

export async function render(element, api) {
  useStyles();
  const me = await whoAmI(api);
  const area = el('div', { class: 'offer-detail' });
  const show = (id) => {
    area.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
    detail(api, id, me, area).catch((error) => area.replaceChildren(errorBox(error)));
  };
  const list = listArea(api, show);
  const creating = el('div', { class: 'new-offer' });
  if (me.hr) {
    list.toolbar.append(el('button', { type: 'button', onclick: async () => {
      const [applications, requisitions] = await Promise.all([
        allItems(api, '/applications', { open: 'true', limit: 200 }, 5),
        allItems(api, '/requisitions', { state: 'open', limit: 200 }, 5),
      ]);
      const titles = new Map(requisitions.map((r) => [r.id, r.title]));
      const offerable = applications.filter((a) => titles.has(a.requisitionId));
      creating.replaceChildren(newOfferForm(api, offerable, titles, (created) => {
        creating.replaceChildren();
        list.reload();
        show(created.id);
      }));
    } }, 'New offer'));
  }
  element.replaceChildren(list.toolbar, creating, list.holder, area);
  const opened = openedWith(PAGE);
  if (opened) show(opened);
}
