// Pieces shared by the order list and the order page.

import { get, request } from '../api.js';
import { confirmDialog, h } from '../dom.js';

const titles = new Map();

/** The show of an order (title, venue, start), fetched once per show; null when it cannot be read. */
export function showOf(showId) {
  if (!titles.has(showId)) {
    titles.set(showId, get(`/shows/${encodeURIComponent(showId)}`).then(r => r.data, () => { titles.delete(showId); return null; }));
  }
  return titles.get(showId);
}

export function statusBadge(order) {
  const tone = { Pending: 'pending', Confirmed: '', Cancelled: 'muted' }[order.status] ?? 'muted';
  const text = { Pending: 'Being confirmed', Confirmed: 'Confirmed', Cancelled: 'Cancelled' }[order.status] ?? order.status;
  return h('span', { class: `badge ${tone}` }, text);
}

export function canCancel(order, show) {
  return order.status !== 'Cancelled' && (!show || new Date(show.startsAt) > new Date());
}

/** Asks first, then cancels; resolves the updated order, or null when the person kept it. Throws ApiError. */
export async function cancelOrder(order, show) {
  const what = show ? `${order.quantity} ticket${order.quantity === 1 ? '' : 's'} for ${show.title}` : `this order of ${order.quantity} tickets`;
  const sure = await confirmDialog({ title: 'Cancel this order?', body: `Your ${what} will be cancelled and the seats released. This cannot be undone.`, confirm: 'Cancel order' });
  if (!sure) return null;
  return (await request('DELETE', `/orders/${encodeURIComponent(order.orderId)}`, { auth: true })).data;
}
