// Administration for IT: plugin states, health, and the newest audit entries.

import { el, table } from './dom.js';

function pluginSection(plugins) {
  return el('section', { id: 'plugins' }, el('h3', {}, 'Plugins'), plugins.length === 0
    ? el('p', {}, 'No plugins are installed.')
    : table([
      { title: 'Name', render: (p) => p.name },
      { title: 'Version', render: (p) => p.version },
      { title: 'State', render: (p) => el('span', { class: `state state-${p.state}` }, p.state) },
      { title: 'Error', render: (p) => p.error || '' },
    ], plugins));
}

function healthSection(health) {
  return el('section', { id: 'health' }, el('h3', {}, 'Health'),
    el('p', {}, 'Status: ', el('strong', { class: `health-${health.status}` }, health.status),
      ` · database ${health.database}`));
}

function auditSection(entries) {
  return el('section', { id: 'audit' }, el('h3', {}, 'Recent audit entries'), table([
    { title: 'When', render: (e) => e.at },
    { title: 'Who', render: (e) => e.actor },
    { title: 'Action', render: (e) => e.action },
    { title: 'Object', render: (e) => `${e.objectType} ${e.objectId}` },
    { title: 'Outcome', render: (e) => e.outcome },
  ], entries));
}

export async function render(element, api) {
  const [plugins, health, audit] = await Promise.all([
    api('GET', '/api/v1/plugins'),
    fetch('/healthz').then((r) => r.json()),
    api('GET', '/api/v1/audit?limit=20'),
  ]);
  element.replaceChildren(healthSection(health), pluginSection(plugins), auditSection(audit.items));
}
