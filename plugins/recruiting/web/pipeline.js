// The pipeline board of a requisition: a column per stage with its count and cards (more cards
// page in with the column's cursor); a card moves to another stage with a select, and a reason
// is asked for a rejection, a withdrawal or a move back.

import { el, errorBox } from '/web/host/dom.js';
import {
  allItems, apiPath, field, ifMatch, notice, openWith, openedWith, pageLink, remember, select,
  showProblem, stateBadge, useStyles,
} from './recruiting_common.js';

const PAGE = 'pipeline';
const CARDS_PER_STAGE = 20;

function needsReason(from, to) {
  return to.kind === 'rejected' || to.kind === 'withdrawn' || to.order < from.order;
}

function moveForm(api, card, stage, stages, refresh) {
  const targets = stages.filter((s) => s.id !== stage.id && s.kind !== 'hired');
  const target = select(targets.map((s) => [s.id, s.name]), '', { 'aria-label': `Move ${card.name} to` });
  const reason = el('input', { maxlength: 2000, placeholder: 'Reason' });
  const reasonField = field('Reason', 'reason', reason);
  const status = el('div', { class: 'form-status' });
  const form = el('form', { class: 'move', 'data-action': 'move' },
    field('Move to', 'stageId', target), reasonField, el('button', { type: 'submit' }, 'Move'), status);
  const toggleReason = () => {
    const to = stages.find((s) => String(s.id) === target.value);
    const required = Boolean(to) && needsReason(stage, to);
    reasonField.hidden = !required;
    reason.required = required;
  };
  target.addEventListener('change', toggleReason);
  toggleReason();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const to = stages.find((s) => String(s.id) === target.value);
    try {
      await api('POST', apiPath(`/applications/${card.applicationId}/move`),
        { stageId: Number(target.value), ...(reason.value ? { reason: reason.value } : {}) },
        ifMatch(card.version));
      await refresh(`${card.name} moved to ${to.name}.`);
    } catch (error) {
      showProblem(form, status, error, () => refresh());
    }
  });
  return form;
}

function cardOf(api, card, stage, stages, refresh, canMove) {
  const named = { ...card, name: `${card.givenName} ${card.familyName}`.trim() };
  return el('li', { class: 'board-card', 'data-application-id': card.applicationId },
    pageLink(named.name, 'candidates', card.candidateId, { class: 'link-button candidate-link' }),
    el('span', { class: 'muted days' }, `${card.daysInStage} d in stage`),
    canMove && stage.kind !== 'hired' ? moveForm(api, named, stage, stages, refresh) : '');
}

function column(api, stage, stages, requisitionId, refresh, canMove) {
  const list = el('ul', { class: 'cards' }, stage.cards.map((c) => cardOf(api, c, stage, stages, refresh, canMove)));
  const more = stage.next ? el('button', { type: 'button', class: 'secondary more' }, 'More') : '';
  if (more) {
    let cursor = stage.next;
    more.addEventListener('click', async () => {
      const page = await api('GET', apiPath('/applications',
        { requisitionId, stageId: stage.id, cursor, limit: CARDS_PER_STAGE }));
      for (const a of page.items) {
        list.append(cardOf(api, { ...a, applicationId: a.id }, stage, stages, refresh, canMove));
      }
      cursor = page.next;
      if (!cursor) more.remove();
    });
  }
  return el('section', { class: `board-column kind-${stage.kind}`, 'data-stage': stage.code, 'aria-label': stage.name },
    el('h3', {}, stage.name, ' ', el('span', { class: 'count' }, String(stage.count))), list, more);
}

async function board(api, id, area, canMove, note) {
  const body = await api('GET', apiPath(`/requisitions/${id}/board`, { limit: CARDS_PER_STAGE }));
  remember(PAGE, id);
  const refresh = (message) => board(api, id, area, canMove, message).catch((error) => area.replaceChildren(errorBox(error)));
  const stages = body.stages;
  area.replaceChildren(notice(note),
    el('p', { class: 'board-title' }, body.title, ' ', stateBadge(body.state), ' ',
      el('button', { type: 'button', class: 'link-button', onclick: () => openWith('requisitions', id) }, 'Requisition')),
    el('div', { class: 'board', 'data-requisition-id': id },
      stages.map((s) => column(api, s, stages, id, refresh, canMove))));
}

export async function render(element, api) {
  useStyles();
  const me = await api('GET', '/api/v1/auth/me');
  const requisitions = await allItems(api, '/requisitions', { limit: 200 }, 5);
  const live = requisitions.filter((r) => ['open', 'on_hold', 'filled'].includes(r.state));
  if (live.length === 0) {
    element.replaceChildren(el('p', { class: 'muted' }, 'No requisition is open yet.'));
    return;
  }
  const wanted = openedWith(PAGE);
  const chosen = live.find((r) => r.id === wanted) || live[0];
  const picker = select(live.map((r) => [r.id, `${r.title} (${r.state.replaceAll('_', ' ')})`]), chosen.id,
    { id: 'board-requisition' });
  const area = el('div', { class: 'board-area' });
  const canMove = me.role !== 'employee';
  const show = () => board(api, Number(picker.value), area, canMove).catch((error) => area.replaceChildren(errorBox(error)));
  picker.addEventListener('change', show);
  element.replaceChildren(el('div', { class: 'toolbar' },
    el('div', { class: 'field' }, el('label', { for: 'board-requisition' }, 'Requisition'), picker)), area);
  await show();
}
