// One show and the buy form. Each purchase attempt has its own Idempotency-Key, kept (in sessionStorage) until the
// attempt has a definite answer: a double click, a reload or a retry after a network error repeats the same attempt,
// and the API answers it with the same order instead of buying twice.

import { get, request } from '../api.js';
import { currentUser, signIn } from '../auth.js';
import { config } from '../config.js';
import { h, replace } from '../dom.js';
import { money, seatsLeft, when } from '../format.js';
import { clearErrors, explain, markField, showErrors } from '../problems.js';
import { navigate } from '../router.js';
import { poster } from './poster.js';

const maxTickets = 10;

export async function showView({ main, params, signal }) {
  let show;
  try {
    show = (await get(`/shows/${encodeURIComponent(params.showId)}`, { signal })).data;
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    replace(main, h('h1', {}, error.status === 404 ? 'Show not found' : 'Could not load the show'), h('p', {}, explain(error, 'load the show')),
      h('p', {}, h('a', { href: '/' }, 'Back to the shows')));
    return;
  }
  const seatsNote = h('span', { class: `badge ${seatsLeft(show).tone}` }, seatsLeft(show).text);
  replace(main, h('p', {}, h('a', { href: '/' }, '← All shows')),
    h('article', { class: 'show' },
      poster(show),
      h('div', {},
        h('h1', {}, show.title),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Venue'), h('dd', {}, show.venue),
          h('dt', {}, 'When'), h('dd', {}, h('time', { datetime: show.startsAt }, when(show.startsAt))),
          h('dt', {}, 'Price'), h('dd', {}, money(show.price, config().currency), ' per ticket'),
          h('dt', {}, 'Seats'), h('dd', {}, seatsNote)),
        buyPanel(show, seatsNote))));
}

function buyPanel(show, seatsNote) {
  if (show.status !== 'OnSale') return h('div', { class: 'notice warn' }, show.status === 'Cancelled' ? 'This show has been cancelled.' : 'This show is not on sale at the moment.');
  if (show.seatsAvailable <= 0) return h('div', { class: 'notice warn' }, 'Sold out. There are no seats left for this show.');

  const most = Math.min(maxTickets, show.seatsAvailable);
  const quantity = h('select', { id: 'quantity', name: 'quantity' }, Array.from({ length: most }, (_, i) => h('option', { value: i + 1 }, String(i + 1))));
  const total = h('output', { for: 'quantity', 'aria-live': 'polite' });
  const updateTotal = () => { total.textContent = `Total ${money(show.price * Number(quantity.value), config().currency)}`; };
  quantity.addEventListener('change', updateTotal);
  updateTotal();
  const pending = pendingAttempt(show.showId);
  if (pending && pending.quantity <= most) quantity.value = String(pending.quantity);

  const buy = h('button', { type: 'submit' }, currentUser() ? 'Buy tickets' : 'Sign in to buy');
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'buy-heading' },
    h('h2', { id: 'buy-heading' }, 'Buy tickets'),
    h('div', { class: 'form-problem' }),
    h('div', { class: 'buy' },
      h('div', { class: 'field' }, h('label', { for: 'quantity' }, 'Tickets'), quantity),
      buy),
    h('p', { class: 'hint' }, total));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (buy.disabled) return;
    if (!currentUser()) { await signIn(); return; }
    clearErrors(form);
    const count = Number(quantity.value);
    const attempt = startAttempt(show.showId, count);
    buy.disabled = true;
    buy.textContent = 'Placing your order…';
    try {
      const { data } = await request('POST', `/shows/${encodeURIComponent(show.showId)}/orders`, {
        auth: true, body: { quantity: count }, headers: { 'Idempotency-Key': attempt.key },
      });
      endAttempt(show.showId);
      await navigate(`/my-orders/${encodeURIComponent(data.orderId)}`);
      return;
    } catch (error) {
      const retryable = error.status === 0 || (error.status === 409 && error.problem.title === 'Request in progress') || error.status >= 500;
      if (!retryable) endAttempt(show.showId); // a definite answer: the next click is a new attempt
      showErrors(form, error, 'buy the tickets');
      if (error.status === 409 || error.status === 422) {
        markField(quantity, explain(error));
        form.querySelector('.form-problem').replaceChildren();
        await refreshSeats(show.showId, seatsNote);
      }
    }
    buy.disabled = false;
    buy.textContent = 'Buy tickets';
  });
  return form;
}

async function refreshSeats(showId, note) {
  try {
    const { data } = await get(`/shows/${encodeURIComponent(showId)}`);
    const seats = seatsLeft(data);
    note.className = `badge ${seats.tone}`;
    note.textContent = seats.text;
  } catch {
    // the seat count stays as it was; the error above already says what happened
  }
}

function pendingAttempt(showId) {
  try {
    return JSON.parse(sessionStorage.getItem(`boxoffice.buy.${showId}`) ?? 'null');
  } catch {
    return null;
  }
}

function startAttempt(showId, quantity) {
  const pending = pendingAttempt(showId);
  const attempt = pending?.quantity === quantity ? pending : { key: crypto.randomUUID(), quantity };
  sessionStorage.setItem(`boxoffice.buy.${showId}`, JSON.stringify(attempt));
  return attempt;
}

function endAttempt(showId) {
  sessionStorage.removeItem(`boxoffice.buy.${showId}`);
}
