// A requisition's approval chain: every round's steps with decision, comment and time, the
// headcount check and HR's overrides, and the approve / reject form for the step's approver.

import { el, table } from '/web/host/dom.js';
import {
  actionForm, apiPath, bodyOf, card, field, stateBadge, when,
} from './recruiting_common.js';

const ROLE_NAMES = { hiring_manager: 'Hiring manager', manager: 'Manager', employee: 'Approver', hr: 'HR' };

/// Who a step waits for, in words ("Hiring manager Mona Berg", "HR").
async function approverText(step, nameOf) {
  const role = ROLE_NAMES[step.approverRole] || step.approverRole;
  return step.approverEmployeeId ? `${role} ${await nameOf(step.approverEmployeeId)}` : role;
}

/// Whether the caller decides the step the requisition waits for.
export function decidesStep(step, me) {
  if (!step) return false;
  if (step.approverRole === 'hr') return me.hr;
  return Boolean(me.employee) && step.approverEmployeeId === me.employee.id;
}

function headcountText(headcount) {
  if (!headcount || headcount.planId === null || headcount.planId === undefined) {
    return 'The org unit has no headcount plan.';
  }
  return `Plan: ${headcount.plannedPositions} people, ${headcount.headcount} in post, room ${headcount.room}; ` +
    `other requisitions fill ${headcount.committedOpenings}, this one asks ${headcount.requestedOpenings}` +
    (headcount.beyondPlan ? ' — beyond the plan.' : '.');
}

function decisionForms(api, requisition, onDone) {
  const post = (what, data) => api('POST', apiPath(`/requisitions/${requisition.id}/${what}`), bodyOf(data));
  return el('div', { class: 'decision-forms' },
    actionForm({ title: 'Approve', name: 'approve', submitLabel: 'Approve',
      fields: [field('Comment', 'comment', el('input', { maxlength: 2000 }))],
      submit: (data) => post('approve', data), onDone: () => onDone('You approved the requisition.') }),
    actionForm({ title: 'Reject', name: 'reject', submitLabel: 'Reject',
      fields: [field('Reason', 'comment', el('input', { maxlength: 2000 }), 'Required: back to draft')],
      submit: (data) => post('reject', data), onDone: () => onDone('You rejected the requisition; it is a draft again.') }));
}

/// The approval chain card of `requisition` for the caller `me`; `onDone(note)` after a decision.
export async function approvalCard(api, requisition, me, nameOf, onDone) {
  const chain = await api('GET', apiPath(`/requisitions/${requisition.id}/approvals`));
  const rows = await Promise.all(chain.steps.map(async (s) => ({ ...s, approver: await approverText(s, nameOf),
    decider: s.decidedBy || '' })));
  const waiting = chain.waitingFor;
  const parts = [
    rows.length === 0 ? el('p', { class: 'muted' }, 'Not submitted yet.')
      : table([
        { title: 'Round', render: (s) => String(s.round) },
        { title: 'Step', render: (s) => String(s.order) },
        { title: 'Approver', render: (s) => s.approver },
        { title: 'Decision', render: (s) => stateBadge(s.decision) },
        { title: 'Comment', render: (s) => s.comment || '' },
        { title: 'Decided', render: (s) => (s.decidedAt ? `${when(s.decidedAt)} by ${s.decider}` : '') },
      ], rows),
    el('p', { class: 'headcount', 'data-beyond-plan': String(Boolean(chain.headcount?.beyondPlan)) },
      headcountText(chain.headcount)),
  ];
  for (const o of chain.overrides || []) {
    parts.push(el('p', { class: 'override' },
      `Headcount override by ${o.grantedBy} on ${when(o.grantedAt)}: ${o.reason}`));
  }
  if (waiting) {
    const approver = await approverText(waiting, nameOf);
    parts.push(el('p', { class: 'waiting' }, `Waiting for ${approver}.`));
    if (decidesStep(waiting, me)) parts.push(decisionForms(api, requisition, onDone));
  }
  const section = card('Approval chain', ...parts);
  section.classList.add('approvals');
  return section;
}
