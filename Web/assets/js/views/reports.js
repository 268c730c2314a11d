// Admin: request a sales report, watch it being prepared, download the CSV.

import { get, request } from '../api.js';
import { announce, h, replace } from '../dom.js';
import { when } from '../format.js';
import { explain } from '../problems.js';
import { manageTabs, markTab, sleep } from './manage-parts.js';

export function reportsView({ main, signal }) {
  const state = h('div', { role: 'status' });
  const button = h('button', { type: 'button' }, 'Prepare a sales report');
  replace(main, h('h1', {}, 'Sales reports'), markTab(manageTabs()),
    h('div', { class: 'panel' },
      h('p', {}, 'A CSV with every show: seats sold, seats left and revenue. It is prepared in the background and takes a few seconds.'),
      button, state));

  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      let { data: report } = await request('POST', '/reports/sales', { auth: true, signal });
      replace(state, h('p', { class: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Preparing the report…'));
      for (let delay = 300; report.status === 'Pending'; delay = Math.min(4000, Math.round(delay * 1.5))) {
        await sleep(delay, signal);
        report = (await get(`/reports/${encodeURIComponent(report.reportId)}`, { auth: true, signal })).data;
      }
      if (report.status === 'Ready') {
        replace(state, h('div', { class: 'notice ok' }, h('p', {}, `Ready (${when(report.completedAt)}). `),
          h('a', { class: 'button', href: report.downloadUrl, download: `sales-${report.reportId}.csv` }, 'Download the CSV')));
        announce('The sales report is ready');
      } else {
        replace(state, h('div', { class: 'notice error', role: 'alert' }, 'The report could not be prepared. ', report.error ?? '', ' Please try again.'));
      }
    } catch (error) {
      if (error.name === 'AbortError') return;
      replace(state, h('div', { class: 'notice error', role: 'alert' }, explain(error, 'prepare the report')));
    } finally {
      button.disabled = false;
    }
  });
}
