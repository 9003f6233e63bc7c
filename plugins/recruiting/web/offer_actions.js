// The decisions on one offer, by its state: band approval (not by its author), extend, the
// candidate's accept or decline, withdraw, the change of terms (If-Match), and the hire, which
// answers the new employee's id from the territory plugin.

import { el } from '/web/host/dom.js';
import {
  actionForm, apiPath, bodyOf, field, ifMatch, todayIso,
} from './recruiting_common.js';

function decision(api, offer, what, title, note, refresh, fields = []) {
  return actionForm({
    title, name: what, fields, submitLabel: title, heading: false,
    submit: (data) => api('POST', apiPath(`/offers/${offer.id}/${what}`),
      fields.length ? bodyOf(data) : undefined, ifMatch(offer.version)),
    onDone: () => refresh(note),
    onReload: () => refresh(),
  });
}

function termsForm(api, offer, refresh) {
  return actionForm({
    title: 'Change the terms',
    name: 'change-offer',
    submitLabel: 'Save the terms',
    fields: [
      field('Salary', 'salary', el('input', { type: 'number', step: 'any', value: offer.salary })),
      field('Start date', 'startDate', el('input', { type: 'date', value: offer.startDate })),
      field('Expires on', 'expiresOn', el('input', { type: 'date', value: offer.expiresOn })),
      field('Terms', 'terms', el('textarea', { rows: 3 }, offer.terms)),
    ],
    submit: (data) => api('PATCH', apiPath(`/offers/${offer.id}`), bodyOf(data, ['salary']), ifMatch(offer.version)),
    onDone: () => refresh('The terms are saved.'),
    onReload: () => refresh(),
  });
}

function hireForm(api, offer, refresh) {
  return actionForm({
    title: 'Hire',
    name: 'hire',
    submitLabel: 'Hire the candidate',
    fields: [
      field('Employee number', 'employeeNumber', el('input', { maxlength: 50, placeholder: `REC-${offer.applicationId}` })),
      field('Work email', 'email', el('input', { type: 'email', maxlength: 254 })),
      field('Work phone', 'phone', el('input', { type: 'tel', maxlength: 50 })),
      field('Login (user id)', 'userId', el('input', { inputmode: 'numeric' }), 'Optional: links the new hire\u2019s login'),
    ],
    submit: (data) => api('POST', apiPath(`/applications/${offer.applicationId}/hire`), bodyOf(data, ['userId'])),
    onDone: (hire) => refresh(`Hired: employee #${hire.employeeId}, starting ${hire.startDate}; the requisition has ` +
      `${hire.requisition.filled} of ${hire.requisition.openings} filled (${hire.requisition.state.replaceAll('_', ' ')}).`),
  });
}

/// The forms the caller may use on `offer` now; `refresh(note)` after each.
export function offerActions(api, offer, refresh) {
  const forms = [];
  const comment = () => [field('Comment', 'comment', el('input', { maxlength: 2000 }))];
  if (offer.state === 'pending_approval') {
    forms.push(decision(api, offer, 'approve', 'Approve outside the band', 'The offer is approved.', refresh, comment()));
    forms.push(decision(api, offer, 'reject-approval', 'Refuse the approval', 'The approval is refused.', refresh, comment()));
  }
  if (offer.state === 'draft') forms.push(decision(api, offer, 'extend', 'Extend to the candidate', 'The offer is extended.', refresh));
  if (offer.state === 'draft' || offer.state === 'pending_approval') forms.push(termsForm(api, offer, refresh));
  if (offer.state === 'extended') {
    forms.push(decision(api, offer, 'accept', 'Candidate accepted', 'The candidate accepted the offer.', refresh));
    forms.push(decision(api, offer, 'decline', 'Candidate declined', 'The candidate declined the offer.', refresh));
  }
  if (offer.state === 'accepted' && !offer.hiredEmployeeId) forms.push(hireForm(api, offer, refresh));
  if (['draft', 'pending_approval', 'extended'].includes(offer.state) ||
      (offer.state === 'accepted' && !offer.hiredEmployeeId)) {
    forms.push(decision(api, offer, 'withdraw', 'Withdraw the offer', 'The offer is withdrawn.', refresh));
  }
  return el('div', { class: 'offer-actions' }, forms);
}

/// The form for a new offer on one of `applications` (open ones, with candidate names).
export function newOfferForm(api, applications, titles, onDone) {
  const options = [['', '— choose —'], ...applications.map((a) =>
    [a.id, `${a.givenName} ${a.familyName} — ${titles.get(a.requisitionId) || `requisition #${a.requisitionId}`} (${a.stage.name})`])];
  const chooser = el('select', {}, options.map(([v, t]) => el('option', { value: v }, t)));
  return actionForm({
    title: 'New offer',
    name: 'new-offer',
    submitLabel: 'Save the offer',
    fields: [
      field('Application', 'applicationId', chooser),
      field('Salary', 'salary', el('input', { type: 'number', min: '0', step: 'any' })),
      field('Currency', 'currency', el('input', { maxlength: 3, size: 4 }), 'Default: the requisition\u2019s'),
      field('Start date', 'startDate', el('input', { type: 'date', value: todayIso(30) })),
      field('Expires on', 'expiresOn', el('input', { type: 'date', value: todayIso(14) })),
      field('Terms', 'terms', el('textarea', { rows: 3 })),
    ],
    submit: (data) => api('POST', apiPath('/offers'), bodyOf(data, ['applicationId', 'salary'])),
    onDone,
  });
}
