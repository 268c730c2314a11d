// The shows on sale, soonest first, paged with the API's cursor ("Show more").

import { get } from '../api.js';
import { config } from '../config.js';
import { h, replace, announce } from '../dom.js';
import { money, seatsLeft, when } from '../format.js';
import { explain } from '../problems.js';
import { poster } from './poster.js';

export async function showsView({ main, signal }) {
  const list = h('ul', { class: 'shows', 'aria-label': 'Shows on sale' });
  const pager = h('div', { class: 'pager' });
  replace(main, h('h1', {}, 'Shows on sale'), h('p', { class: 'muted' }, 'Times are shown in your time zone.'), list, pager);

  const loadPage = async cursor => {
    const query = new URLSearchParams({ limit: '12' });
    if (cursor) query.set('cursor', cursor);
    try {
      const { data } = await get(`/shows?${query}`, { signal });
      list.append(...data.items.map(card));
      if (!cursor && data.items.length === 0) list.replaceWith(h('p', {}, 'Nothing is on sale right now. Please come back soon.'));
      replace(pager, data.nextCursor ? h('button', { type: 'button', class: 'secondary', onclick: () => loadPage(data.nextCursor) }, 'Show more') : null);
      if (cursor) announce(`${data.items.length} more shows`);
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      replace(pager, h('div', { class: 'notice error', role: 'alert' }, explain(error, 'load the shows'),
        h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => loadPage(cursor) }, 'Try again'))));
    }
  };
  await loadPage(null);
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
