// A list the API hands out a page at a time: "Show more" while there is a next cursor, "Try again" when a page fails.

import { get } from '../api.js';
import { announce, h, replace } from '../dom.js';
import { explain } from '../problems.js';

/**
 * Appends `render(item)` for each item of `path`'s pages to `list`; `pager` holds the button or the error.
 * `empty` takes the place of `replaces` (default: the list) when the first page has nothing; `what` names the items in an error ("load the shows").
 */
export async function pagedList({ path, limit, auth = false, signal, list, pager, render, empty, replaces = list, what }) {
  const loadPage = async cursor => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    try {
      const { data } = await get(`${path}?${query}`, { auth, signal });
      list.append(...data.items.map(render));
      if (!cursor && data.items.length === 0) replaces.replaceWith(empty);
      replace(pager, data.nextCursor ? h('button', { type: 'button', class: 'secondary', onclick: () => loadPage(data.nextCursor) }, 'Show more') : null);
      if (cursor) announce(`${data.items.length} more shows`);
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      replace(pager, h('div', { class: 'notice error', role: 'alert' }, explain(error, what),
        h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => loadPage(cursor) }, 'Try again'))));
    }
  };
  await loadPage(null);
}
