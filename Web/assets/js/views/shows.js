// The shows on sale, soonest first, paged with the API's cursor ("Show more").

import { config } from '../config.js';
import { h, replace } from '../dom.js';
import { money, seatsLeft, when } from '../format.js';
import { pagedList } from './paged-list.js';
import { poster } from './poster.js';

export async function showsView({ main, signal }) {
  const list = h('ul', { class: 'shows', 'aria-label': 'Shows on sale' });
  const pager = h('div', { class: 'pager' });
  replace(main, h('h1', {}, 'Shows on sale'), h('p', { class: 'muted' }, 'Times are shown in your time zone.'), list, pager);

  await pagedList({ path: '/shows', limit: 12, signal, list, pager, render: card, what: 'load the shows',
    empty: h('p', {}, 'Nothing is on sale right now. Please come back soon.') });
}

function card(show) {
  const seats = seatsLeft(show);
  return h('li', { class: 'card' },
    poster(show),
    h('div', { class: 'card-body' },
      h('h2', {}, h('a', { href: `/show/${encodeURIComponent(show.showId)}` }, show.title)),
      h('p', { class: 'meta' }, show.venue),
      h('p', { class: 'meta' }, h('time', { datetime: show.startsAt }, when(show.startsAt))),
      h('div', { class: 'price-line' },
        h('span', { class: 'price' }, money(show.price, config().currency)),
        h('span', { class: `badge ${seats.tone}` }, seats.text))));
}
