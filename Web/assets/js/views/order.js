// One order. While it is Pending the page polls with a growing delay (and stops when the person leaves); once
// Confirmed it shows each ticket code with its QR code and a link to the PDF.

import { get } from '../api.js';
import { config } from '../config.js';
import { announce, h, replace } from '../dom.js';
import { money, when } from '../format.js';
import { explain } from '../problems.js';
import { encode, toSvg } from '../qr.js';
import { canCancel, cancelOrder, showOf, statusBadge } from './order-parts.js';

const firstDelay = 400;
const longestDelay = 5000;
const giveUpAfter = 3 * 60_000;

export async function orderView({ main, params, signal }) {
  const path = `/orders/${encodeURIComponent(params.orderId)}`;
  let order;
  try {
    order = (await get(path, { auth: true, signal })).data;
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    replace(main, h('h1', {}, error.status === 404 ? 'Order not found' : 'Could not load the order'), h('p', {}, explain(error, 'load the order')),
      h('p', {}, h('a', { href: '/my-orders' }, 'My orders')));
    return;
  }
  const show = await showOf(order.showId);
  const body = h('div', {});
  replace(main, h('p', {}, h('a', { href: '/my-orders' }, '← My orders')), h('h1', {}, show ? show.title : 'Your order'), body);
  draw(body, order, show);

  const started = Date.now();
  for (let delay = firstDelay; order.status === 'Pending' && !signal.aborted; delay = Math.min(longestDelay, Math.round(delay * 1.6))) {
    if (Date.now() - started > giveUpAfter) {
      body.append(h('div', { class: 'notice warn' }, 'This is taking longer than usual. Come back to this page later to see your tickets.'));
      return;
    }
    await sleep(delay, signal);
    try {
      order = (await get(path, { auth: true, signal })).data;
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      continue; // a passing failure: the next round asks again, a little later
    }
    if (order.status !== 'Pending') {
      draw(body, order, show);
      announce(order.status === 'Confirmed' ? 'Your order is confirmed. Your tickets are below.' : 'Your order was cancelled.');
    }
  }
}

function draw(body, order, show) {
  const problem = h('div', {});
  const cancel = canCancel(order, show)
    ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
        try {
          const updated = await cancelOrder(order, show);
          if (updated) { draw(body, updated, show); announce('Order cancelled'); }
        } catch (error) {
          replace(problem, h('div', { class: 'notice error', role: 'alert' }, explain(error, 'cancel the order')));
        }
      } }, 'Cancel order')
    : null;

  replace(body,
    h('div', { class: 'panel' },
      h('div', { class: 'status' }, order.status === 'Pending' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, statusBadge(order),
        order.status === 'Pending' ? h('span', {}, 'Issuing your tickets…') : null),
      h('dl', { class: 'facts' },
        show ? [h('dt', {}, 'Venue'), h('dd', {}, show.venue), h('dt', {}, 'When'), h('dd', {}, when(show.startsAt))] : null,
        h('dt', {}, 'Tickets'), h('dd', {}, String(order.quantity)),
        h('dt', {}, 'Total'), h('dd', {}, money(order.total, config().currency)),
        order.cancelReason ? [h('dt', {}, 'Cancelled'), h('dd', {}, order.cancelReason)] : null),
      h('div', { class: 'actions' },
        order.ticketDocumentUrl ? h('a', { class: 'button', href: order.ticketDocumentUrl, download: `tickets-${order.orderId}.pdf` }, 'Download tickets (PDF)') : null,
        cancel),
      problem),
    order.status === 'Confirmed' && order.tickets.length
      ? [h('h2', {}, 'Your tickets'), h('p', { class: 'muted' }, 'Show the QR code at the door, on screen or printed.'),
          h('ul', { class: 'tickets' }, order.tickets.map((code, i) => h('li', { class: 'ticket' },
            toSvg(encode(code), `QR code of ticket ${i + 1}: ${code}`), h('code', {}, code))))]
      : null);
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); reject(new DOMException('Left the page', 'AbortError')); }, { once: true });
  });
}
