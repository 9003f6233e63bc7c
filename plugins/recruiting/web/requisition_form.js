// HR's requisition forms: a new draft (a position or a new position in an org unit, territory,
// openings, salary band, wanted start, weighted hiring standards) and the edit of a draft,
// sent with If-Match.

import { el } from '/web/host/dom.js';
import {
  actionForm, apiPath, bodyOf, field, ifMatch, select, todayIso,
} from './recruiting_common.js';

const TERRITORY = '/api/v1/territory';
const EMPLOYMENT = [['full_time', 'Full time'], ['part_time', 'Part time'], ['contractor', 'Contractor'],
  ['intern', 'Intern']];

/// The org units, open positions and territories the forms offer, read once.
export async function orgChoices(api) {
  const [units, territories] = await Promise.all([
    api('GET', `${TERRITORY}/org-units?limit=500`),
    api('GET', `${TERRITORY}/territories?limit=500`).catch(() => ({ items: [] })),
  ]);
  const list = (body) => (Array.isArray(body) ? body : body.items || []);
  return { units: list(units), territories: list(territories) };
}

function criterionRow(criterion = {}) {
  const row = el('div', { class: 'list-row' },
    field('Standard', 'name', el('input', { name: 'criterion.name', value: criterion.name || '', maxlength: 200 })),
    field('Weight', 'weight', el('input', { name: 'criterion.weight', type: 'number', min: '0', step: '0.5',
      value: criterion.weight ?? 1 })),
    el('button', { type: 'button', class: 'secondary', 'aria-label': 'Remove this standard',
      onclick: () => row.remove() }, '×'));
  return row;
}

/// The hiring standards editor: rows of name and weight, with a button to add one.
function criteriaEditor(criteria) {
  const rows = el('div', { class: 'list-rows' }, (criteria.length ? criteria : [{}]).map(criterionRow));
  return el('fieldset', { class: 'field criteria', 'data-field': 'criteria', 'data-list': 'criteria' },
    el('legend', {}, 'Hiring standards (weighted)'), rows,
    el('button', { type: 'button', class: 'secondary', onclick: () => rows.append(criterionRow()) },
      'Add a standard'),
    el('span', { class: 'field-error', 'aria-live': 'polite' }));
}

function criteriaOf(form) {
  return [...form.querySelectorAll('[data-list="criteria"] .list-row')].map((row) => ({
    name: row.querySelector('[name="criterion.name"]').value.trim(),
    weight: Number(row.querySelector('[name="criterion.weight"]').value || 1),
  })).filter((c) => c.name !== '');
}

function positionPicker(api, unitSelect) {
  const picker = select([['', '— a new position —']], '');
  const refresh = async () => {
    picker.replaceChildren(el('option', { value: '' }, '— a new position —'));
    if (!unitSelect.value) return;
    try {
      const positions = await api('GET', `${TERRITORY}/positions?orgUnitId=${unitSelect.value}&state=vacant&limit=200`);
      for (const p of positions.items || []) {
        picker.append(el('option', { value: p.id }, `${p.title || p.name || `position #${p.id}`} (vacant)`));
      }
    } catch (_) { /* positions are optional: a new one can always be asked for */ }
  };
  unitSelect.addEventListener('change', refresh);
  return { picker, refresh };
}

/// The form for a new draft; `onDone(requisition)` once it is saved.
export function newRequisitionForm(api, choices, onDone) {
  const unitSelect = select([['', '— choose —'], ...choices.units.map((u) => [u.id, `${u.name} (${u.code})`])], '');
  const { picker } = positionPicker(api, unitSelect);
  const territories = [['', '— none —'], ...choices.territories.map((t) => [t.id, t.name || t.code])];
  return actionForm({
    title: 'New requisition',
    name: 'new-requisition',
    submitLabel: 'Save the draft',
    fields: [
      field('Title', 'title', el('input', { maxlength: 200 })),
      field('Org unit', 'orgUnitId', unitSelect),
      field('Position', 'positionId', picker),
      field('New position title', 'newPositionTitle', el('input', { maxlength: 200 }),
        'When no vacant position is chosen'),
      field('Territory', 'territoryId', select(territories, '')),
      field('Openings', 'openings', el('input', { type: 'number', min: '1', value: '1' })),
      field('Employment', 'employmentType', select(EMPLOYMENT, 'full_time')),
      field('Salary from', 'salaryMin', el('input', { type: 'number', min: '0', step: 'any' })),
      field('Salary to', 'salaryMax', el('input', { type: 'number', min: '0', step: 'any' })),
      field('Currency', 'currency', el('input', { maxlength: 3, value: 'EUR', size: 4 })),
      field('Wanted start', 'wantedStartDate', el('input', { type: 'date', value: todayIso(30) })),
      field('Description', 'description', el('textarea', { rows: 3 })),
      criteriaEditor([]),
    ],
    submit: (data, form) => api('POST', apiPath('/requisitions'), {
      ...bodyOf(data, ['orgUnitId', 'positionId', 'territoryId', 'openings', 'salaryMin', 'salaryMax']),
      criteria: criteriaOf(form),
    }),
    onDone,
  });
}

/// The form that edits a draft (If-Match with the version read); `onDone(requisition)`.
export function editDraftForm(api, requisition, onDone, onReload) {
  return actionForm({
    title: 'Edit the draft',
    name: 'edit-requisition',
    submitLabel: 'Save changes',
    fields: [
      field('Title', 'title', el('input', { value: requisition.title, maxlength: 200 })),
      field('Openings', 'openings', el('input', { type: 'number', min: '1', value: requisition.openings })),
      field('Salary from', 'salaryMin', el('input', { type: 'number', step: 'any', value: requisition.salaryMin })),
      field('Salary to', 'salaryMax', el('input', { type: 'number', step: 'any', value: requisition.salaryMax })),
      field('Wanted start', 'wantedStartDate', el('input', { type: 'date', value: requisition.wantedStartDate })),
      criteriaEditor(requisition.criteria.map((c) => ({ name: c.name, weight: c.weight }))),
    ],
    submit: (data, form) => api('PATCH', apiPath(`/requisitions/${requisition.id}`), {
      ...bodyOf(data, ['openings', 'salaryMin', 'salaryMax']),
      criteria: criteriaOf(form),
    }, ifMatch(requisition.version)),
    onDone,
    onReload,
  });
}
