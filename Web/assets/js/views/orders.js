// The signed-in person's orders, newest first, with a cancel button on those that can still be cancelled.

import { get } from '../api.js';
import { config } from '../config.js';
import { h, replace, announce } from '../dom.js';
import { money, when } from '../format.js';
import { explain } from '../problems.js';
import { canCancel, cancelOrder, showOf, statusBadge } from './order-parts.js';

export async function ordersView({ main, signal }) {
  const list = h('ul', { class: 'list', 'aria-label': 'My orders' });
  const pager = h('div', { class: 'pager' });
  replace(main, h('h1', {}, 'My orders'), list, pager);

  const loadPage = async cursor => {
    try {
      const { data } = await get(`/orders?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { auth: true, signal });
      if (!cursor && data.items.length === 0) list.replaceWith(h('p', {}, 'No orders yet. ', h('a', { href: '/' }, 'Find a show'), '.'));
      for (const order of data.items) list.append(await row(order));
      replace(pager, data.nextCursor ? h('button', { type: 'button', class: 'secondary', onclick: () => loadPage(data.nextCursor) }, 'Show more') : null);
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      replace(pager, h('div', { class: 'notice error', role: 'alert' }, explain(error, 'load your orders')));
    }
  };
  await loadPage(null);
}

async function row(order) {
  const show = await showOf(order.showId);
  const item = h('li', {});
  const draw = current => {
    const problem = h('div', {});
    const cancel = canCancel(current, show)
      ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
          try {
            const updated = await cancelOrder(current, show);
            if (updated) { draw(updated); announce('Order cancelled'); }
          } catch (error) {
            replace(problem, h('p', { class: 'field-error', role: 'alert' }, explain(error, 'cancel the order')));
          }
        } }, 'Cancel')
      : null;
    replace(item,
      h('div', { class: 'grow' },
        h('a', { href: `/my-orders/${encodeURIComponent(current.orderId)}` }, show ? show.title : 'Order'),
        h('p', { class: 'meta' }, `${current.quantity} × ${money(current.unitPrice, config().currency)}`, show ? ` · ${when(show.startsAt)}` : ''),
        problem),
      statusBadge(current), cancel);
  };
  draw(order);
  return item;
}
