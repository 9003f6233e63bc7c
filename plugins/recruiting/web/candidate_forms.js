// HR's candidate forms: a new candidate (with the possible duplicates the server finds), the
// profile edit (If-Match), a CV upload, and an application to an open requisition.

import { el } from '/web/host/dom.js';
import {
  actionForm, apiPath, bodyOf, field, ifMatch, select, sendFile,
} from './recruiting_common.js';

export const SOURCES = [['job_board', 'Job board'], ['referral', 'Referral'], ['agency', 'Agency'],
  ['campus', 'Campus'], ['direct', 'Direct'], ['event', 'Event']];

function consentBox(checked) {
  return el('input', { type: 'checkbox', value: 'true', checked: checked ? true : undefined });
}

/// The new-candidate form; `onDone(candidate)` with the server's answer.
export function newCandidateForm(api, onDone) {
  return actionForm({
    title: 'New candidate',
    name: 'new-candidate',
    submitLabel: 'Add the candidate',
    fields: [
      field('Given name', 'givenName', el('input', { maxlength: 200 })),
      field('Family name', 'familyName', el('input', { maxlength: 200 })),
      field('Email', 'email', el('input', { type: 'email', maxlength: 254 })),
      field('Phone', 'phone', el('input', { type: 'tel', maxlength: 50 })),
      field('Source', 'source', select(SOURCES, 'job_board')),
      field('Source detail', 'sourceDetail', el('input', { maxlength: 500 })),
      field('Referred by (employee id)', 'referrerEmployeeId', el('input', { inputmode: 'numeric' })),
      field('Source cost', 'sourceCost', el('input', { type: 'number', min: '0', step: 'any' })),
      field('Cost currency', 'sourceCurrency', el('input', { maxlength: 3, size: 4 })),
      field('Consent to keep the data', 'consent', consentBox(true)),
    ],
    submit: (data) => {
      const body = bodyOf(data, ['referrerEmployeeId', 'sourceCost']);
      body.consent = data.get('consent') === 'true';
      return api('POST', apiPath('/candidates'), body);
    },
    onDone,
  });
}

/// The profile edit of `candidate` (If-Match with the version read).
export function editCandidateForm(api, candidate, onDone, onReload) {
  return actionForm({
    title: 'Edit the profile',
    name: 'edit-candidate',
    submitLabel: 'Save the profile',
    fields: [
      field('Given name', 'givenName', el('input', { value: candidate.givenName || '' })),
      field('Family name', 'familyName', el('input', { value: candidate.familyName || '' })),
      field('Email', 'email', el('input', { type: 'email', value: candidate.email || '' })),
      field('Phone', 'phone', el('input', { type: 'tel', value: candidate.phone || '' })),
      field('Consent to keep the data', 'consent', consentBox(candidate.consent)),
    ],
    submit: (data) => {
      const body = {};
      for (const name of ['givenName', 'familyName', 'email', 'phone']) body[name] = data.get(name) || null;
      body.consent = data.get('consent') === 'true';
      return api('PATCH', apiPath(`/candidates/${candidate.id}`), body, ifMatch(candidate.version));
    },
    onDone,
    onReload,
  });
}

/// The CV upload: the file goes as the body with its type, its name in the query.
export function cvUploadForm(candidateId, onDone) {
  const input = el('input', { type: 'file', accept: '.pdf,.docx,.doc,.odt,.rtf,.txt' });
  return actionForm({
    title: 'Upload a CV',
    name: 'upload-cv',
    submitLabel: 'Upload',
    fields: [field('CV file', 'file', input, 'PDF, Word, OpenDocument, RTF or text')],
    submit: () => {
      const file = input.files[0];
      if (!file) throw Object.assign(new Error('Choose a file first.'), { fields: [{ field: 'file', message: 'required' }] });
      return sendFile(apiPath(`/candidates/${candidateId}/cvs`, { fileName: file.name }), file);
    },
    onDone,
  });
}

/// Applies the candidate to one of `requisitions` (open ones).
export function applyForm(api, candidateId, requisitions, onDone) {
  return actionForm({
    title: 'Apply to a requisition',
    name: 'apply',
    submitLabel: 'Apply',
    fields: [
      field('Requisition', 'requisitionId', select([['', '— choose —'],
        ...requisitions.map((r) => [r.id, r.title])], '')),
      field('Note', 'note', el('input', { maxlength: 2000 })),
    ],
    submit: (data) => api('POST', apiPath('/applications'),
      { candidateId, ...bodyOf(data, ['requisitionId']) }),
    onDone,
  });
}
