// Onboarding: the caller's own open tasks (tick one done), the plans they may see with progress
// and overdue tasks (paged, filtered, CSV), and one plan's tasks and trainings, where tasks are
// ticked done or reopened (If-Match with the task's version) and HR or the manager add a task.

import { el, errorBox, table } from '/web/host/dom.js';
import {
  actionForm, apiPath, bodyOf, card, employeeNames, facts, field, ifMatch, notice, openedWith,
  pagedList, problemText, remember, select, stateBadge, todayIso, useStyles, when, whoAmI,
} from './recruiting_common.js';

const PAGE = 'onboarding';
const OWNERS = [['hr', 'HR'], ['it', 'IT'], ['manager', 'Manager'], ['mentor', 'Mentor'], ['new_hire', 'New hire']];

function ownerText(role) {
  return (OWNERS.find(([value]) => value === role) || [role, role])[1];
}

function progressBar(progress) {
  const fill = el('span', { class: 'progress-fill' });
  fill.style.width = `${progress.percent}%`; // through the CSSOM: CSP refuses style attributes
  return el('span', { class: 'progress', title: `${progress.percent} %` },
    el('span', { class: 'progress-track', role: 'progressbar', 'aria-valuenow': progress.percent,
      'aria-valuemin': 0, 'aria-valuemax': 100 }, fill),
    el('span', { class: 'progress-text' },
      `${progress.done}/${progress.tasks} tasks · ${progress.percent} %${progress.overdue ? ` · ${progress.overdue} overdue` : ''}`));
}

function tickButton(api, task, refresh) {
  const what = task.done ? 'reopen' : 'done';
  return el('button', { type: 'button', class: task.done ? 'secondary' : '', 'data-task-id': task.id,
    onclick: async () => {
      try {
        await api('POST', apiPath(`/onboarding-plans/${task.planId}/tasks/${task.id}/${what}`), undefined, ifMatch(task.version));
        await refresh(task.done ? `“${task.title}” is open again.` : `“${task.title}” is done.`);
      } catch (error) {
        await refresh(undefined, error);
      }
    } }, task.done ? 'Reopen' : 'Mark done');
}

function taskTable(api, tasks, nameOf, refresh) {
  return table([
    { title: 'Task', render: (t) => el('span', { class: 'task-title', 'data-task-id': t.id }, t.title) },
    { title: 'Owner', render: (t) => `${ownerText(t.ownerRole)}${t.ownerName ? `: ${t.ownerName}` : ''}` },
    { title: 'Due', render: (t) => el('span', { class: t.overdue ? 'overdue' : '' }, t.dueDate, t.overdue ? ' (overdue)' : '') },
    { title: 'Done', render: (t) => (t.done ? `${when(t.doneAt)} by ${t.doneBy}` : '') },
    { title: '', render: (t) => tickButton(api, t, refresh) },
  ], tasks);
}

async function withOwners(tasks, nameOf) {
  return Promise.all(tasks.map(async (t) => ({ ...t, ownerName: t.ownerEmployeeId ? await nameOf(t.ownerEmployeeId) : '' })));
}

async function myTasks(api, nameOf, area, note, problem) {
  const refresh = (message, error) => myTasks(api, nameOf, area, message, error);
  const tasks = (await api('GET', apiPath('/onboarding-plans/my-tasks'))).items;
  area.replaceChildren(card('My onboarding tasks', notice(note), problem ? errorBox({ message: problemText(problem) }) : '',
    tasks.length === 0 ? el('p', { class: 'muted' }, 'You have no open onboarding tasks.')
      : taskTable(api, await withOwners(tasks, nameOf), nameOf, refresh)));
}

function addTaskForm(api, plan, refresh) {
  return actionForm({
    title: 'Add a task',
    name: 'add-task',
    submitLabel: 'Add the task',
    fields: [
      field('Title', 'title', el('input', { maxlength: 200 })),
      field('Owner', 'ownerRole', select(OWNERS, 'hr')),
      field('Due', 'dueDate', el('input', { type: 'date', value: todayIso(7) })),
    ],
    submit: (data) => api('POST', apiPath(`/onboarding-plans/${plan.id}/tasks`), bodyOf(data)),
    onDone: () => refresh('The task is added.'),
  });
}

async function planDetail(api, id, me, nameOf, area, note, problem) {
  const plan = await api('GET', apiPath(`/onboarding-plans/${id}`));
  remember(PAGE, id);
  const refresh = (message, error) => planDetail(api, id, me, nameOf, area, message, error)
    .catch((failure) => area.replaceChildren(errorBox(failure)));
  const tasks = await withOwners(plan.tasks || [], nameOf);
  const trainings = plan.trainings || [];
  const canAdd = me.hr || (me.employee && plan.managerEmployeeId === me.employee.id);
  area.replaceChildren(notice(note), problem ? errorBox({ message: problemText(problem) }) : '',
    el('div', { class: 'detail-grid', 'data-plan-id': plan.id },
      card('Onboarding plan',
        el('h4', {}, await nameOf(plan.employeeId), ' ', stateBadge(plan.completedAt ? 'completed' : 'open')),
        facts([
          ['Start date', plan.startDate],
          ['Manager', plan.managerEmployeeId ? await nameOf(plan.managerEmployeeId) : '—'],
          ['Mentor', plan.mentorEmployeeId ? await nameOf(plan.mentorEmployeeId) : '—'],
          ['Progress', progressBar(plan.progress)],
        ])),
      card('Tasks', tasks.length === 0 ? el('p', { class: 'muted' }, 'No tasks yet.') : taskTable(api, tasks, nameOf, refresh),
        canAdd ? addTaskForm(api, plan, refresh) : ''),
      card('Trainings', trainings.length === 0 ? el('p', { class: 'muted' }, 'No trainings.') : table([
        { title: 'Training', render: (t) => t.name },
        { title: 'Due', render: (t) => t.dueDate || '' },
        { title: 'Completed', render: (t) => when(t.completedAt) },
      ], trainings))));
}

function planList(api, nameOf, show) {
  const state = select([['open', 'Open'], ['completed', 'Completed'], ['', 'All']], 'open', { id: 'plan-state' });
  const overdue = el('input', { type: 'checkbox', id: 'plan-overdue' });
  const holder = el('div', { class: 'plan-list' });
  const csv = el('a', { class: 'csv-link' }, 'Export CSV');
  const load = () => {
    const query = { state: state.value, overdue: overdue.checked ? 'true' : '' };
    csv.href = apiPath('/onboarding-plans', { ...query, format: 'csv' });
    holder.replaceChildren(pagedList(api, '/onboarding-plans', { ...query, limit: 25 }, (items) => {
      const rows = items.map((p) => {
        const who = el('button', { type: 'button', class: 'link-button', 'data-plan-id': p.id, onclick: () => show(p.id) }, `employee #${p.employeeId}`);
        nameOf(p.employeeId).then((name) => { who.textContent = name; });
        return { ...p, who };
      });
      return table([
        { title: 'New hire', render: (p) => p.who },
        { title: 'Start', render: (p) => p.startDate },
        { title: 'Progress', render: (p) => progressBar(p.progress) },
        { title: 'Overdue', render: (p) => el('span', { class: p.progress.overdue ? 'overdue' : '' }, String(p.progress.overdue)) },
      ], rows);
    }, 'No onboarding plans.'));
  };
  state.addEventListener('change', load);
  overdue.addEventListener('change', load);
  load();
  return el('section', { class: 'plans', 'aria-label': 'Onboarding plans' }, el('h3', {}, 'Onboarding plans'),
    el('div', { class: 'toolbar' },
      el('div', { class: 'field' }, el('label', { for: 'plan-state' }, 'State'), state),
      el('label', { class: 'check' }, overdue, ' Only plans with overdue tasks'), csv), holder);
}

export async function render(element, api) {
  useStyles();
  const me = await whoAmI(api);
  const nameOf = employeeNames(api);
  const mine = el('div', { class: 'my-tasks' });
  const area = el('div', { class: 'plan-detail' });
  const show = (id) => planDetail(api, id, me, nameOf, area).catch((error) => area.replaceChildren(errorBox(error)));
  element.replaceChildren(mine, planList(api, nameOf, show), area);
  await myTasks(api, nameOf, mine).catch((error) => mine.replaceChildren(errorBox(error)));
  const opened = openedWith(PAGE);
  if (opened) show(opened);
}
