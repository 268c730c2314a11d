// Admin: the jobs that failed too many times, and a button that sends them all back to the queue.

import { get, request } from '../api.js';
import { announce, confirmDialog, h, replace } from '../dom.js';
import { when } from '../format.js';
import { explain } from '../problems.js';
import { manageTabs, markTab } from './manage-parts.js';

export async function deadLettersView({ main, signal }) {
  const body = h('div', {});
  const note = h('div', { role: 'status' });
  replace(main, h('h1', {}, 'Dead letters'), markTab(manageTabs()),
    h('p', { class: 'muted' }, 'Jobs that failed on every delivery. Fix the cause, then send them back to the queue.'), note, body);

  const load = async () => {
    try {
      const { data } = await get('/admin/dead-letters', { auth: true, signal });
      if (data.length === 0) { replace(body, h('p', { class: 'panel' }, 'No dead letters. Every job went through.')); return; }
      const redrive = h('button', { type: 'button' }, `Redrive ${data.length} job${data.length === 1 ? '' : 's'}`);
      redrive.addEventListener('click', async () => {
        if (!(await confirmDialog({ title: 'Send these jobs back?', body: 'Each job goes back to the queue and is tried again.', confirm: 'Redrive', cancel: 'Not now', danger: false }))) return;
        try {
          const { data: result } = await request('POST', '/admin/dead-letters/redrive', { auth: true });
          replace(note, h('div', { class: 'notice ok' }, `${result.redriven} job${result.redriven === 1 ? '' : 's'} sent back to the queue.`));
          announce('Jobs redriven');
          await load();
        } catch (error) {
          replace(note, h('div', { class: 'notice error', role: 'alert' }, explain(error, 'redrive the jobs')));
        }
      });
      replace(body, h('div', { class: 'actions' }, redrive), h('div', { class: 'table-wrap' }, h('table', { class: 'cards' },
        h('caption', { class: 'visually-hidden' }, 'Dead letters'),
        h('thead', {}, h('tr', {}, ['Job', 'Tries', 'Failed', 'Request id', 'Content'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, data.map(letter => h('tr', {},
          h('td', {}, letter.type), h('td', { 'data-label': 'Tries' }, String(letter.receiveCount)),
          h('td', { 'data-label': 'Failed' }, letter.deadLetteredAt ? when(letter.deadLetteredAt) : ''),
          h('td', { class: 'wrap', 'data-label': 'Request id' }, letter.correlationId ?? ''),
          h('td', { class: 'wrap', 'data-label': 'Content' }, summary(letter.body))))))));
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      replace(body, h('div', { class: 'notice error', role: 'alert' }, explain(error, 'load the dead letters')));
    }
  };
  await load();
}

/** The job's fields as "name: value" text, not its raw JSON. */
function summary(body) {
  try {
    const fields = JSON.parse(body);
    if (fields && typeof fields === 'object') return Object.entries(fields).map(([name, value]) => `${name}: ${typeof value === 'object' ? '…' : value}`).join(', ');
  } catch {
    // not JSON: shown as it is, as text
  }
  return String(body);
}
