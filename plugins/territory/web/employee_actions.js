// HR's actions on an employee's profile: transfer or promote, terminate, change status. Each
// form sends If-Match with the version it read and shows the server's problem details next to
// the fields they name.

import { el, errorBox } from '/web/host/dom.js';
import { apiPath, todayIso } from './territory_common.js';

let fieldCount = 0;

function field(label, name, control) {
  fieldCount += 1;
  const id = `hr-${name}-${fieldCount}`;
  control.id = id;
  control.name = name;
  control.dataset.field = name;
  const error = el('span', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  control.setAttribute('aria-describedby', error.id);
  return el('div', { class: 'field', 'data-field': name }, el('label', { for: id }, label), control, error);
}

function select(options, value) {
  return el('select', {}, options.map(([v, text]) =>
    el('option', { value: v, selected: v === value ? true : undefined }, text)));
}

/// Puts each of the server's field errors next to its field; the rest go in the summary box.
function showProblem(form, status, error) {
  for (const span of form.querySelectorAll('.field-error')) span.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const item of error.fields || []) {
    const span = form.querySelector(`.field[data-field="${CSS.escape(item.field)}"] .field-error`);
    if (span) {
      span.textContent = item.message;
      span.parentElement.querySelector('[data-field]').setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(item);
    }
  }
  status.replaceChildren(errorBox({ message: error.message, fields: unplaced }));
}

function actionForm(title, name, fields, submit, onDone) {
  const status = el('div', { class: 'form-status' });
  const form = el('form', { class: 'hr-action', 'data-action': name, 'aria-label': title },
    el('h4', {}, title), ...fields, el('button', { type: 'submit' }, title), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.replaceChildren();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const result = await submit(new FormData(form));
      onDone(result);
    } catch (error) {
      showProblem(form, status, error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function bodyOf(data, numbers = []) {
  const body = {};
  for (const [name, value] of data.entries()) {
    if (value === '') continue;
    body[name] = numbers.includes(name) && /^\d+$/.test(value) ? Number(value) : value;
  }
  return body;
}

/// The HR actions card for `employee` (as read, with its version); `onDone(message)` after a
/// change has been saved.
export function hrActions(api, employee, units, onDone) {
  const post = (path, data, numbers) => api('POST', apiPath(`/employees/${employee.id}${path}`),
    bodyOf(data, numbers), { 'If-Match': `"${employee.version}"` });
  const unitOptions = [['', '— keep —'], ...units.map((u) => [String(u.id), `${u.name} (${u.code})`])];
  const transfer = actionForm('Transfer or promote', 'transfer', [
    field('Effective date', 'effectiveDate', el('input', { type: 'date', value: todayIso() })),
    field('Reason', 'reason', select([['transfer', 'Transfer'], ['promotion', 'Promotion'],
      ['reorganization', 'Reorganization']], 'transfer')),
    field('Org unit', 'orgUnitId', select(unitOptions, '')),
    field('Position id (optional)', 'positionId', el('input', { inputmode: 'numeric' })),
    field('Manager id (optional)', 'managerId', el('input', { inputmode: 'numeric' })),
  ], (data) => post('/transfers', data, ['orgUnitId', 'positionId', 'managerId']),
  () => onDone('The transfer is saved.'));
  const status = actionForm('Change status', 'status', [
    field('Status', 'status', select([['on_leave', 'On leave'], ['active', 'Active'],
      ['suspended', 'Suspended']], 'on_leave')),
    field('Effective date', 'effectiveDate', el('input', { type: 'date', value: todayIso() })),
    field('Reason', 'reason', el('input', { placeholder: 'e.g. parental leave' })),
  ], (data) => post('/status', data), () => onDone('The status is saved.'));
  const terminate = actionForm('Terminate', 'terminate', [
    field('Effective date', 'effectiveDate', el('input', { type: 'date' })),
    field('Reason', 'reason', el('input', { value: 'resignation' })),
  ], (data) => post('/termination', data), () => onDone('The termination is saved.'));
  return el('section', { class: 'card hr-actions', 'aria-label': 'HR actions' },
    el('h3', {}, 'HR actions'), transfer, status, terminate);
}
