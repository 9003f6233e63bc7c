// Scorecards on the candidate page: the caller's own scorecard for an interview they sit on
// (a draft, then submitted and fixed), the others' submitted ones (visible once the caller owes
// none), and the application's weighted aggregate with its spread.

import { el, errorBox, table } from '/web/host/dom.js';
import {
  apiPath, field, figure, ifMatch, select, showProblem, stateBadge, when,
} from './recruiting_common.js';

const RECOMMENDATIONS = [['', '— choose —'], ['strong_no', 'Strong no'], ['no', 'No'], ['yes', 'Yes'],
  ['strong_yes', 'Strong yes']];
const RATINGS = [['', '—'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5']];

function recommendationText(code) {
  return (RECOMMENDATIONS.find(([value]) => value === code) || [code, code || ''])[1];
}

/// The caller's scorecard form for `interview` (read with its criteria); `own` is their
/// scorecard so far (null before the first save).
export function scorecardForm(api, interview, own, refresh) {
  const rated = new Map((own?.ratings || []).map((r) => [r.criterionId, String(r.rating)]));
  const ratingFields = interview.criteria.map((c) => field(`${c.name} (weight ${figure(c.weight)})`,
    `rating-${c.id}`, select(RATINGS, rated.get(c.id) || '')));
  const recommendation = select(RECOMMENDATIONS, own?.recommendation || '');
  const notes = el('textarea', { rows: 3, maxlength: 10000 }, own?.notes || '');
  const status = el('div', { class: 'form-status' });
  const form = el('form', { class: 'rec-action scorecard-form', 'data-action': 'scorecard',
    'data-interview-id': interview.id, 'aria-label': `Your scorecard for the interview on ${when(interview.startsAt)}` },
  el('h4', {}, 'Your scorecard'), el('fieldset', { class: 'field ratings', 'data-field': 'ratings' },
    el('legend', {}, 'Ratings (1 poor – 5 excellent)'), ratingFields, el('span', { class: 'field-error' })),
  field('Recommendation', 'recommendation', recommendation), field('Notes', 'notes', notes),
  el('div', { class: 'buttons' },
    el('button', { type: 'button', class: 'secondary', 'data-submit': 'false' }, 'Save draft'),
    el('button', { type: 'submit', 'data-submit': 'true' }, 'Submit scorecard')), status);
  const save = async (submitting) => {
    const body = {
      ratings: interview.criteria.filter((c) => form.elements[`rating-${c.id}`].value !== '')
        .map((c) => ({ criterionId: c.id, rating: Number(form.elements[`rating-${c.id}`].value) })),
      notes: notes.value,
      submit: submitting,
    };
    if (recommendation.value) body.recommendation = recommendation.value;
    try {
      if (own) await api('PUT', apiPath(`/scorecards/${own.id}`), body, ifMatch(own.version));
      else await api('POST', apiPath('/scorecards'), { interviewId: interview.id, ...body });
      await refresh(submitting ? 'Your scorecard is submitted.' : 'Your draft scorecard is saved.');
    } catch (error) {
      showProblem(form, status, error, () => refresh());
    }
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); save(true); });
  form.querySelector('[data-submit="false"]').addEventListener('click', () => save(false));
  return form;
}

function submittedScorecard(card, nameOf) {
  return { ...card, interviewer: nameOf(card.interviewerEmployeeId) };
}

/// The scorecards the caller may see on `application` and its scores, or why not yet.
export async function scoresSection(api, application, nameOf) {
  const [cards, scores] = await Promise.all([
    api('GET', apiPath('/scorecards', { applicationId: application.id, limit: 100 })),
    api('GET', apiPath(`/applications/${application.id}/scores`)).catch((error) => ({ error })),
  ]);
  const rows = await Promise.all(cards.items.map(async (c) => {
    const row = submittedScorecard(c, nameOf);
    row.interviewer = await row.interviewer;
    return row;
  }));
  const weighted = new Map((scores.scorecards || []).map((s) => [s.scorecardId, s.weightedScore]));
  const parts = [el('h4', {}, 'Scorecards')];
  parts.push(rows.length === 0 ? el('p', { class: 'muted' }, 'No scorecards yet.') : table([
    { title: 'Interviewer', render: (c) => c.interviewer },
    { title: 'Recommendation', render: (c) => recommendationText(c.recommendation) },
    { title: 'Weighted score', render: (c) => (weighted.has(c.id) ? figure(weighted.get(c.id)) : '') },
    { title: 'State', render: (c) => stateBadge(c.state) },
    { title: 'Submitted', render: (c) => when(c.submittedAt) },
    { title: 'Notes', render: (c) => c.notes || '' },
  ], rows));
  if (scores.error) {
    parts.push(scores.error.status === 403
      ? el('p', { class: 'muted scores-hidden' }, 'The others\u2019 scores are shown once you have submitted your own scorecard.')
      : errorBox(scores.error));
  } else {
    parts.push(scoreSummary(scores));
  }
  return el('div', { class: 'scores' }, parts);
}

function scoreSummary(scores) {
  if (!scores.submittedScorecards) return el('p', { class: 'muted' }, 'No scorecard is submitted yet.');
  const counts = Object.entries(scores.recommendations || {}).filter(([, n]) => n > 0)
    .map(([code, n]) => `${recommendationText(code)}: ${n}`).join(', ');
  return el('div', { class: 'score-summary' },
    el('dl', { class: 'facts' },
      el('dt', {}, 'Weighted aggregate'), el('dd', { 'data-fact': 'Weighted aggregate' }, figure(scores.weightedAggregate)),
      el('dt', {}, 'Spread'), el('dd', { 'data-fact': 'Spread' }, figure(scores.spread)),
      el('dt', {}, 'Standard deviation'), el('dd', { 'data-fact': 'Standard deviation' }, figure(scores.standardDeviation)),
      el('dt', {}, 'Scorecards'), el('dd', { 'data-fact': 'Scorecards' }, String(scores.submittedScorecards)),
      el('dt', {}, 'Recommendations'), el('dd', { 'data-fact': 'Recommendations' }, counts)),
    table([
      { title: 'Standard', render: (c) => c.name },
      { title: 'Weight', render: (c) => figure(c.weight) },
      { title: 'Mean', render: (c) => figure(c.mean) },
      { title: 'Lowest', render: (c) => figure(c.lowest) },
      { title: 'Highest', render: (c) => figure(c.highest) },
    ], scores.criteria));
}
