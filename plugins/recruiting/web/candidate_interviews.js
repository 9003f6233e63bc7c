// Interviews of an application on the candidate page: the list with its panel, place and
// calendar file, scheduling one with interviewers (double bookings are warned about), completing
// or cancelling it, and the caller's own scorecard for each interview they sit on.

import { el, errorBox, table } from '/web/host/dom.js';
import { scorecardForm, scoresSection } from './candidate_scorecards.js';
import {
  actionForm, apiPath, field, ifMatch, stateBadge, when,
} from './recruiting_common.js';

const TERRITORY = '/api/v1/territory';

// A datetime-local value ("2026-12-01T10:00") read in the browser's zone, sent as UTC.
function instantOf(value) {
  return value ? new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
}

async function interviewerChoices(api, requisitionId) {
  try {
    const requisition = await api('GET', apiPath(`/requisitions/${requisitionId}`));
    const people = await api('GET', `${TERRITORY}/employees?orgUnitId=${requisition.orgUnitId}&subtree=true&limit=200`);
    const list = people.items || [];
    if (requisition.hiringManagerId && !list.some((p) => p.id === requisition.hiringManagerId)) {
      list.unshift(await api('GET', `${TERRITORY}/employees/${requisition.hiringManagerId}`));
    }
    return list;
  } catch (_) {
    return [];
  }
}

async function scheduleForm(api, application, refresh) {
  const people = await interviewerChoices(api, application.requisitionId);
  const panel = el('select', { multiple: true, size: Math.min(6, Math.max(2, people.length)) },
    people.map((p) => el('option', { value: p.id }, `${p.givenName} ${p.familyName}`)));
  return actionForm({
    title: 'Schedule an interview',
    name: 'schedule-interview',
    submitLabel: 'Schedule',
    fields: [
      field('Starts', 'startsAt', el('input', { type: 'datetime-local' })),
      field('Ends', 'endsAt', el('input', { type: 'datetime-local' })),
      field('Location', 'location', el('input', { maxlength: 500 })),
      field('Meeting link', 'meetingLink', el('input', { type: 'url', placeholder: 'https://…' })),
      field('Interviewers', 'interviewers', panel, 'Ctrl-click to pick several'),
    ],
    submit: (data) => {
      const body = {
        applicationId: application.id,
        startsAt: instantOf(data.get('startsAt')),
        endsAt: instantOf(data.get('endsAt')),
        interviewers: [...panel.selectedOptions].map((o) => ({ employeeId: Number(o.value) })),
      };
      if (data.get('location')) body.location = data.get('location');
      if (data.get('meetingLink')) body.meetingLink = data.get('meetingLink');
      return api('POST', apiPath('/interviews'), body);
    },
    onDone: (created) => {
      const doubles = created.doubleBookings || [];
      return refresh(doubles.length
        ? `The interview is scheduled. Warning: ${doubles.length} interviewer(s) are booked at that time already.`
        : 'The interview is scheduled.');
    },
  });
}

function interviewActions(api, interview, refresh) {
  if (interview.state !== 'scheduled') return '';
  const post = (what, note) => api('POST', apiPath(`/interviews/${interview.id}/${what}`), undefined,
    ifMatch(interview.version)).then(() => refresh(note)).catch((error) => refresh(undefined, error));
  return el('span', { class: 'row-actions' },
    el('button', { type: 'button', class: 'secondary', onclick: () => post('complete', 'The interview is marked done.') }, 'Done'),
    el('button', { type: 'button', class: 'secondary', onclick: () => post('cancel', 'The interview is cancelled.') }, 'Cancel'));
}

/// The interviews and scorecards of one application; `runsHiring` when the caller is HR or
/// the hiring manager (they schedule).
export async function interviewSection(api, application, me, nameOf, runsHiring, refresh) {
  const list = await api('GET', apiPath('/interviews', { applicationId: application.id, limit: 100 }));
  const interviews = list.items;
  const parts = [el('h4', {}, 'Interviews')];
  parts.push(interviews.length === 0 ? el('p', { class: 'muted' }, 'No interviews yet.') : table([
    { title: 'When', render: (i) => `${when(i.startsAt)} – ${when(i.endsAt).slice(11)}` },
    { title: 'Interviewers', render: (i) => i.interviewers.map((p) => p.name).join(', ') },
    { title: 'Place', render: (i) => (i.meetingLink ? el('a', { href: i.meetingLink, rel: 'noopener' }, i.location || 'Meeting link') : i.location || '') },
    { title: 'State', render: (i) => stateBadge(i.state) },
    { title: 'Calendar', render: (i) => el('a', { href: apiPath(`/interviews/${i.id}/ics`), download: `interview-${i.id}.ics`, class: 'ics-link' }, '.ics') },
    { title: '', render: (i) => (runsHiring ? interviewActions(api, i, refresh) : '') },
  ], interviews));
  const mine = me.employee ? interviews.filter((i) => i.state !== 'cancelled' && i.interviewerIds.includes(me.employee.id)) : [];
  if (mine.length) {
    const own = await api('GET', apiPath('/scorecards', { applicationId: application.id, interviewerId: me.employee.id, limit: 100 }));
    for (const interview of mine) {
      const card = own.items.find((s) => s.interviewId === interview.id) || null;
      if (card && card.state === 'submitted') continue;
      const detailed = await api('GET', apiPath(`/interviews/${interview.id}`));
      parts.push(scorecardForm(api, detailed, card, refresh));
    }
  }
  try {
    parts.push(await scoresSection(api, application, nameOf));
  } catch (error) {
    parts.push(errorBox(error));
  }
  if (runsHiring && application.stage.kind === 'active') parts.push(await scheduleForm(api, application, refresh));
  return el('div', { class: 'interviews' }, parts);
}
