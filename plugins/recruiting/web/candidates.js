// Candidates: search (paged, CSV) and HR's new candidate; one candidate's profile with CVs
// (upload, download), applications (apply to an open requisition), and for each application
// its interviews, the caller's scorecard and the weighted scores.

import { el, errorBox, table } from '/web/host/dom.js';
import { interviewSection } from './candidate_interviews.js';
import {
  applyForm, cvUploadForm, editCandidateForm, newCandidateForm, SOURCES,
} from './candidate_forms.js';
import {
  allItems, apiPath, card, employeeNames, facts, figure, notice, openWith, openedWith,
  pagedList, personName, remember, select, useStyles, when, whoAmI,
} from './recruiting_common.js';

const PAGE = 'candidates';

function sourceText(code) {
  return (SOURCES.find(([value]) => value === code) || [code, code])[1];
}

function cvCard(c, me, refresh) {
  const rows = c.cvs || [];
  return card('CVs',
    rows.length === 0 ? el('p', { class: 'muted' }, 'No CV yet.') : table([
      { title: 'File', render: (f) => el('a', { href: apiPath(`/candidates/${c.id}/cvs/${f.id}`), download: f.fileName,
        class: 'cv-link' }, f.fileName) },
      { title: 'Type', render: (f) => f.mediaType },
      { title: 'Size', render: (f) => (f.sizeBytes < 1024 ? `${f.sizeBytes} bytes` : `${figure(f.sizeBytes / 1024, 1)} KiB`) },
      { title: 'Uploaded', render: (f) => `${when(f.uploadedAt)} by ${f.uploadedBy}` },
    ], rows),
    me.hr ? cvUploadForm(c.id, () => refresh('The CV is uploaded.')) : '');
}

async function applicationsCard(api, c, me, refresh) {
  const apps = (await api('GET', apiPath('/applications', { candidateId: c.id, limit: 100 }))).items;
  const titles = new Map();
  const requisitions = me.user.role === 'employee' ? [] : await allItems(api, '/requisitions', { limit: 200 }, 5).catch(() => []);
  for (const r of requisitions) titles.set(r.id, r);
  const nameOf = employeeNames(api);
  const sections = [];
  for (const a of apps) {
    const requisition = titles.get(a.requisitionId);
    const runsHiring = me.hr || Boolean(requisition && me.employee && requisition.hiringManagerId === me.employee.id);
    let body;
    try {
      body = await interviewSection(api, a, me, nameOf, runsHiring, refresh);
    } catch (error) {
      body = errorBox(error);
    }
    sections.push(el('article', { class: 'application', 'data-application-id': a.id,
      'aria-label': `Application for ${requisition ? requisition.title : `requisition #${a.requisitionId}`}` },
    el('h4', {}, requisition ? requisition.title : `Requisition #${a.requisitionId}`, ' · ',
      el('span', { class: 'stage', 'data-stage': a.stage.code }, a.stage.name), ' ',
      el('span', { class: 'muted' }, `${a.daysInStage} d in stage · applied ${a.appliedAt.slice(0, 10)}`)),
    a.closedReason ? el('p', { class: 'muted' }, `Closed: ${a.closedReason}`) : '',
    runsHiring ? el('button', { type: 'button', class: 'secondary', onclick: () => openWith('pipeline', a.requisitionId) }, 'Pipeline board') : '',
    body));
  }
  const open = requisitions.filter((r) => r.state === 'open' && !apps.some((a) => a.requisitionId === r.id));
  return card('Applications', apps.length === 0 ? el('p', { class: 'muted' }, 'No applications yet.') : '',
    ...sections, open.length && me.user.role !== 'employee'
      ? applyForm(api, c.id, open, () => refresh('The application is added.')) : '');
}

async function profile(api, id, me, area, note, problem) {
  const c = await api('GET', apiPath(`/candidates/${id}`));
  remember(PAGE, id);
  const refresh = (message, error) => profile(api, id, me, area, message, error)
    .catch((failure) => area.replaceChildren(errorBox(failure)));
  const duplicates = c.possibleDuplicates || [];
  const summary = card('Profile',
    el('h4', { class: 'candidate-name' }, personName(c)),
    facts([
      ['Email', c.email || ''],
      ['Phone', c.phone || ''],
      ['Source', `${sourceText(c.source)}${c.sourceDetail ? ` · ${c.sourceDetail}` : ''}`],
      c.sourceCost !== undefined && c.sourceCost !== null ? ['Source cost', `${figure(c.sourceCost)} ${c.sourceCurrency || ''}`] : null,
      ['Consent', c.consent ? `given ${when(c.consentGivenAt)}` : 'not given'],
      ['Keep until', c.retentionUntil],
    ]),
    duplicates.length ? el('p', { class: 'warning' }, `Possible duplicates: ${duplicates.map((d) => `${personName(d)} (${d.matchedOn})`).join(', ')}`) : '',
    me.hr ? editCandidateForm(api, c, () => refresh('The profile is saved.'), () => refresh()) : '');
  area.replaceChildren(notice(note), problem ? errorBox(problem) : '',
    el('div', { class: 'detail-grid', 'data-candidate-id': c.id }, summary, cvCard(c, me, refresh),
      await applicationsCard(api, c, me, refresh)));
}

function searchArea(api, show) {
  const q = el('input', { id: 'candidate-q', type: 'search', placeholder: 'Name or email' });
  const source = select([['', 'Any source'], ...SOURCES], '', { id: 'candidate-source' });
  const holder = el('div', { class: 'candidate-list' });
  const csv = el('a', { class: 'csv-link', href: apiPath('/candidates', { format: 'csv' }) }, 'Export CSV');
  const load = () => {
    const query = { q: q.value.trim(), source: source.value };
    csv.href = apiPath('/candidates', { ...query, format: 'csv' });
    holder.replaceChildren(pagedList(api, '/candidates', { ...query, limit: 25 }, (items) => table([
      { title: 'Name', render: (c) => el('button', { type: 'button', class: 'link-button', 'data-candidate-id': c.id,
        onclick: () => show(c.id) }, personName(c)) },
      { title: 'Email', render: (c) => c.email || '' },
      { title: 'Source', render: (c) => sourceText(c.source) },
      { title: 'Added', render: (c) => when(c.createdAt).slice(0, 10) },
    ], items), 'No candidates found.'));
  };
  const form = el('form', { class: 'toolbar', role: 'search', onsubmit: (event) => { event.preventDefault(); load(); } },
    el('div', { class: 'field' }, el('label', { for: 'candidate-q' }, 'Find a candidate'), q),
    el('div', { class: 'field' }, el('label', { for: 'candidate-source' }, 'Source'), source),
    el('button', { type: 'submit' }, 'Search'), csv);
  load();
  return { form, holder, reload: load };
}

export async function render(element, api) {
  useStyles();
  const me = await whoAmI(api);
  const area = el('div', { class: 'candidate-profile' });
  const show = (id) => {
    area.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
    profile(api, id, me, area).catch((error) => area.replaceChildren(errorBox(error)));
  };
  const search = searchArea(api, show);
  const creating = el('div', { class: 'new-candidate' });
  if (me.hr) {
    search.form.append(el('button', { type: 'button', class: 'secondary', onclick: () => {
      creating.replaceChildren(newCandidateForm(api, (created) => {
        creating.replaceChildren();
        search.reload();
        show(created.id);
      }));
    } }, 'New candidate'));
  }
  element.replaceChildren(search.form, creating, search.holder, area);
  const opened = openedWith(PAGE);
  if (opened) show(opened);
}
