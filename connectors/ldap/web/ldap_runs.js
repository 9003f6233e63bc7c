// The directory sync runs for IT: newest first, with their counts, and the errors of one run.

import { el, errorBox, table } from '/web/host/dom.js';

const PAGE = 50;

function counts(run) {
  return `${run.created} created · ${run.updated} updated · ${run.moved} moved · ` +
    `${run.disabled} disabled · ${run.reactivated} re-activated · ${run.unchanged} unchanged`;
}

function outcome(run) {
  const flags = [run.dryRun ? 'dry run' : '', run.forced ? 'forced' : ''].filter(Boolean);
  return el('span', { class: `state state-${run.outcome}` },
    run.outcome + (flags.length ? ` (${flags.join(', ')})` : ''));
}

function errorList(run) {
  if (run.errors.length === 0) return el('p', { class: 'muted' }, 'No errors.');
  const more = run.errorCount > run.errors.length
    ? el('p', { class: 'muted' }, `… and ${run.errorCount - run.errors.length} more.`) : '';
  return el('div', {}, table([
    { title: 'Entry', render: (e) => e.dn },
    { title: 'Error', render: (e) => e.message },
  ], run.errors), more);
}

async function showRun(api, area, id) {
  area.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
  try {
    const run = await api('GET', `/api/v1/ldap/runs/${id}`);
    area.replaceChildren(
      el('h3', {}, `Run #${run.id}: ${run.mode}, ${run.outcome}`),
      el('p', {}, run.message),
      el('p', {}, `${run.startedAt} – ${run.finishedAt} · started by ${run.startedBy} · ` +
        `${run.entriesRead} entries read`),
      errorList(run));
  } catch (error) {
    area.replaceChildren(errorBox(error));
  }
}

function runTable(api, runs, detail) {
  return table([
    { title: '#', render: (r) => el('a', { href: '#', 'data-run': r.id, onclick: (event) => {
      event.preventDefault();
      showRun(api, detail, r.id);
    } }, String(r.id)) },
    { title: 'Started', render: (r) => r.startedAt },
    { title: 'Mode', render: (r) => r.mode },
    { title: 'By', render: (r) => r.startedBy },
    { title: 'Outcome', render: outcome },
    { title: 'Counts', render: counts },
    { title: 'Errors', render: (r) => String(r.errorCount) },
  ], runs);
}

export async function render(element, api) {
  const detail = el('section', { id: 'ldap-run' });
  const list = el('section', { id: 'ldap-runs' });
  const load = async (cursor) => {
    const page = await api('GET', `/api/v1/ldap/runs?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.items.length === 0 && !cursor) {
      list.replaceChildren(el('p', {}, 'No sync has run yet. Run `cadre sync ldap --full --dry-run` to see what the first one would do.'));
      return;
    }
    const older = page.next
      ? el('button', { type: 'button', onclick: () => load(page.next) }, 'Older runs') : '';
    list.replaceChildren(el('h3', {}, 'Sync runs'), runTable(api, page.items, detail), older);
  };
  // The shell heads the page with its title already.
  element.replaceChildren(list, detail);
  try {
    await load(null);
  } catch (error) {
    list.replaceChildren(errorBox(error));
  }
}
