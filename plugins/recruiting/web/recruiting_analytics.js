// Recruiting analytics: the funnel, time to hire and to fill, sources, interviewers and offers
// for one requisition or all the caller may see, between two dates, each with a chart, its
// figures and a CSV export link.

import { el, errorBox, table } from '/web/host/dom.js';
import { barChart } from './recruiting_charts.js';
import {
  allItems, apiPath, figure, select, useStyles,
} from './recruiting_common.js';

const percent = (ratio) => (ratio === null || ratio === undefined ? '–' : `${(ratio * 100).toFixed(1)} %`);
const days = (value) => (value === null || value === undefined ? '–' : `${figure(value)} d`);

function statsLine(report) {
  return el('p', { class: 'stats' },
    `${report.count} · mean ${days(report.meanDays)} · median ${days(report.medianDays)} · 90th percentile ${days(report.p90Days)}`);
}

const REPORTS = [
  { id: 'funnel', title: 'Funnel', view: (r) => [
    el('p', { class: 'stats' }, `${r.applications} applications`),
    barChart('Applications that reached each stage', r.stages.map((s) => ({ label: s.name, value: s.reached,
      text: `${s.reached} (${percent(s.ofFirst)})` }))),
    table([
      { title: 'Stage', render: (s) => s.name },
      { title: 'Reached', render: (s) => String(s.reached) },
      { title: 'Now here', render: (s) => String(s.current) },
      { title: 'Rejected here', render: (s) => String(s.rejectedHere) },
      { title: 'Withdrew here', render: (s) => String(s.withdrawnHere) },
      { title: 'Conversion', render: (s) => percent(s.conversion) },
      { title: 'Of the first', render: (s) => percent(s.ofFirst) },
    ], r.stages)] },
  { id: 'time-to-hire', title: 'Time to hire', view: (r) => [statsLine(r),
    r.items.length ? barChart('Days from applying to hire', r.items.map((h) => ({ label: `${h.requisitionTitle} #${h.applicationId}`, value: h.days }))) : '',
    table([
      { title: 'Requisition', render: (h) => h.requisitionTitle },
      { title: 'Applied', render: (h) => h.appliedAt.slice(0, 10) },
      { title: 'Hired', render: (h) => h.hiredAt.slice(0, 10) },
      { title: 'Days', render: (h) => String(h.days) },
    ], r.items)] },
  { id: 'time-to-fill', title: 'Time to fill', view: (r) => [statsLine(r),
    table([
      { title: 'Requisition', render: (f) => f.title },
      { title: 'Openings', render: (f) => String(f.openings) },
      { title: 'Opened', render: (f) => f.openedAt.slice(0, 10) },
      { title: 'Filled', render: (f) => f.filledAt.slice(0, 10) },
      { title: 'Days', render: (f) => String(f.days) },
    ], r.items)] },
  { id: 'sources', title: 'Sources', view: (r) => [
    barChart('Applications and hires per source', r.items.map((s) => ({ label: s.source.replace('_', ' '),
      value: s.applications, second: s.hires, text: `${s.applications} / ${s.hires} hired` }))),
    table([
      { title: 'Source', render: (s) => s.source.replace('_', ' ') },
      { title: 'Applications', render: (s) => String(s.applications) },
      { title: 'Hires', render: (s) => String(s.hires) },
      { title: 'Hire rate', render: (s) => percent(s.hireRate) },
      { title: 'Cost', render: (s) => s.costs.map((c) => `${figure(c.total)} ${c.currency || ''}`.trim()).join(', ') },
      { title: 'Per hire', render: (s) => s.costs.filter((c) => c.perHire !== undefined && c.perHire !== null)
        .map((c) => `${figure(c.perHire)} ${c.currency || ''}`.trim()).join(', ') },
    ], r.items)] },
  { id: 'interviewers', title: 'Interviewers', view: (r) => [
    r.items.length ? barChart('Interviews per interviewer', r.items.map((i) => ({ label: i.name, value: i.interviews }))) : '',
    table([
      { title: 'Interviewer', render: (i) => i.name },
      { title: 'Interviews', render: (i) => String(i.interviews) },
      { title: 'Upcoming', render: (i) => String(i.upcoming) },
      { title: 'Scorecards in', render: (i) => String(i.scorecardsSubmitted) },
      { title: 'Scorecards owed', render: (i) => String(i.scorecardsPending) },
    ], r.items)] },
  { id: 'offers', title: 'Offers', view: (r) => [
    barChart('Offers by outcome', ['accepted', 'declined', 'expired', 'withdrawn', 'open'].map((k) => ({ label: k, value: r.total[k] }))),
    table([
      { title: 'Requisition', render: (f) => f.requisitionTitle || 'Total' },
      { title: 'Made', render: (f) => String(f.made) },
      { title: 'Accepted', render: (f) => String(f.accepted) },
      { title: 'Declined', render: (f) => String(f.declined) },
      { title: 'Expired', render: (f) => String(f.expired) },
      { title: 'Open', render: (f) => String(f.open) },
      { title: 'Acceptance', render: (f) => percent(f.acceptanceRate) },
    ], [...r.requisitions, r.total])] },
];

async function showReport(api, report, scope, section) {
  const body = section.querySelector('.report-body');
  const csv = section.querySelector('a.csv-link');
  csv.href = apiPath(`/analytics/${report.id}`, { ...scope, format: 'csv' });
  body.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
  try {
    const answer = await api('GET', apiPath(`/analytics/${report.id}`, scope));
    body.replaceChildren(...report.view(answer));
  } catch (error) {
    body.replaceChildren(errorBox(error));
  }
}

export async function render(element, api) {
  useStyles();
  const requisitions = await allItems(api, '/requisitions', { limit: 200 }, 5).catch(() => []);
  const requisition = select([['', 'All requisitions'], ...requisitions.map((r) => [r.id, r.title])], '', { id: 'analytics-requisition' });
  const from = el('input', { type: 'date', id: 'analytics-from' });
  const to = el('input', { type: 'date', id: 'analytics-to' });
  const sections = REPORTS.map((report) => el('section', { class: 'card report', 'data-report': report.id, 'aria-label': report.title },
    el('h3', {}, report.title, ' ', el('a', { class: 'csv-link', download: '' }, 'CSV')),
    el('div', { class: 'report-body' })));
  const refresh = () => {
    const scope = { requisitionId: requisition.value, from: from.value, to: to.value };
    REPORTS.forEach((report, i) => showReport(api, report, scope, sections[i]));
  };
  for (const control of [requisition, from, to]) control.addEventListener('change', refresh);
  element.replaceChildren(el('div', { class: 'toolbar' },
    el('div', { class: 'field' }, el('label', { for: 'analytics-requisition' }, 'Requisition'), requisition),
    el('div', { class: 'field' }, el('label', { for: 'analytics-from' }, 'From'), from),
    el('div', { class: 'field' }, el('label', { for: 'analytics-to' }, 'To'), to)),
  el('div', { class: 'reports' }, sections));
  refresh();
}
