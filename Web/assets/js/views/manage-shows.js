// Admin: every show (GET /admin/shows, paged, whatever its status), a form to create one, and the edit page. Edits
// send If-Match with the ETag the page read; a 412 (someone else saved first) shows their values next to the form,
// and nothing is overwritten unless asked.

import { get, request } from '../api.js';
import { config } from '../config.js';
import { announce, confirmDialog, h, replace } from '../dom.js';
import { fromLocalInput, localInputValue, money, when } from '../format.js';
import { clearErrors, explain, markField, showErrors } from '../problems.js';
import { navigate } from '../router.js';
import { manageTabs, markTab } from './manage-parts.js';
import { pagedList } from './paged-list.js';
import { posterUpload } from './poster-upload.js';

export async function manageShowsView({ main, signal }) {
  const body = h('tbody', {});
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'cards' },
    h('caption', { class: 'visually-hidden' }, 'Every show, latest start first'),
    h('thead', {}, h('tr', {}, ['Title', 'When', 'Status', 'Seats left', 'Price', 'Poster'].map(t => h('th', { scope: 'col' }, t)))),
    body));
  const pager = h('div', { class: 'pager' });
  replace(main, h('h1', {}, 'Manage'), markTab(manageTabs()),
    h('div', { class: 'actions' }, h('a', { class: 'button', href: '/manage/shows/new' }, 'New show')),
    h('p', { class: 'muted' }, 'Every show, on sale or not, latest start first.'), table, pager);

  await pagedList({ path: '/admin/shows', limit: 20, auth: true, signal, list: body, pager, render: showRow, what: 'load the shows',
    empty: h('p', {}, 'There is no show yet. Create the first one.'), replaces: table });
}

/** One row of the admin list: the title links to the edit page; the status says whether buyers can see it. */
function showRow(show) {
  const started = new Date(show.startsAt).getTime() <= Date.now();
  const tone = show.status === 'Cancelled' ? 'bad' : show.status === 'OnSale' && !started ? '' : 'muted';
  return h('tr', { dataset: { showId: show.showId } },
    h('td', { class: 'wrap' }, h('a', { href: `/manage/shows/${encodeURIComponent(show.showId)}` }, show.title)),
    h('td', { 'data-label': 'When' }, h('time', { datetime: show.startsAt }, when(show.startsAt))),
    h('td', { 'data-label': 'Status' }, h('span', { class: `badge ${tone}` }, display({ name: 'status' }, show.status)),
      started ? h('span', { class: 'muted' }, ' · started') : null),
    h('td', { 'data-label': 'Seats left' }, `${show.seatsAvailable} / ${show.capacity}`),
    h('td', { 'data-label': 'Price' }, money(show.price, config().currency)),
    h('td', { 'data-label': 'Poster' }, show.posterStatus));
}

export function newShowView({ main }) {
  const form = showForm(null);
  replace(main, h('p', {}, h('a', { href: '/manage' }, '← Shows')), h('h1', {}, 'New show'), form.element);
  form.onSubmit(async values => {
    const { data } = await request('POST', '/shows', { auth: true, body: { ...values, onSale: values.status !== 'OffSale', status: undefined } });
    announce('Show created');
    await navigate(`/manage/shows/${encodeURIComponent(data.showId)}?created=1`);
  }, 'create the show');
}

export async function editShowView({ main, params, query, signal }) {
  const path = `/shows/${encodeURIComponent(params.showId)}`;
  let read;
  try {
    read = await get(path, { signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    replace(main, h('h1', {}, 'Show not found'), h('p', {}, explain(error, 'load the show')));
    return;
  }
  let show = read.data;
  let etag = read.headers.get('etag');
  const form = showForm(show);
  const conflict = h('div', {});
  const heading = h('h1', {}, show.title);
  const cancelButton = h('button', { type: 'button', class: 'danger' }, 'Cancel show');
  replace(main, h('p', {}, h('a', { href: '/manage' }, '← Shows')), heading,
    query.get('created') ? h('div', { class: 'notice ok', role: 'status' }, 'Show created. Add a poster below.') : null,
    h('p', {}, h('a', { href: `/show/${encodeURIComponent(show.showId)}` }, 'See it as buyers do')),
    conflict, h('div', { class: 'edit-grid' }, form.element, posterUpload(show, signal)),
    h('div', { class: 'panel' }, h('h2', {}, 'Cancel the show'), h('p', {}, 'Every order is cancelled and the show leaves the box office.'), cancelButton));
  if (show.status === 'Cancelled') cancelButton.disabled = true;

  const save = async (values, ifMatch) => {
    const changes = changed(show, values);
    if (Object.keys(changes).length === 0) { form.message('Nothing has changed.', 'warn'); return; }
    try {
      const response = await request('PATCH', path, { auth: true, body: changes, headers: { 'If-Match': ifMatch } });
      show = response.data;
      etag = response.headers.get('etag');
      replace(conflict);
      heading.textContent = show.title;
      form.reset(show);
      form.message('Saved.', 'ok');
    } catch (error) {
      if (error.status !== 412) throw error;
      const latest = await get(path);
      showConflict(latest.data, values, latest.headers.get('etag'));
    }
  };

  const showConflict = (theirs, mine, theirEtag) => {
    const rows = fields.filter(f => display(f, theirs[f.name]) !== display(f, f.name === 'startsAt' ? mine.startsAt : mine[f.name]));
    replace(conflict, h('div', { class: 'notice warn', role: 'alert' },
      h('h2', {}, 'Someone else changed this show while you were editing'),
      h('p', {}, 'Nothing was saved. These are the values now stored:'),
      h('dl', { class: 'facts' }, (rows.length ? rows : fields).map(f => [h('dt', {}, f.label), h('dd', {}, display(f, theirs[f.name]))])),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => { show = theirs; etag = theirEtag; form.reset(theirs); replace(conflict); heading.textContent = theirs.title; form.message('Loaded the current values.', 'ok'); } }, 'Use the current values'),
        h('button', { type: 'button', onclick: async () => { show = theirs; etag = theirEtag; await save(mine, theirEtag); } }, 'Save my values over them'))));
    conflict.querySelector('h2').focus?.();
  };

  form.onSubmit(values => save(values, etag), 'save the show');

  cancelButton.addEventListener('click', async () => {
    const sure = await confirmDialog({ title: 'Cancel this show?', body: `“${show.title}” will be cancelled and every order of it cancelled. This cannot be undone.`, confirm: 'Cancel show', cancel: 'Keep the show' });
    if (!sure) return;
    try {
      show = (await request('DELETE', path, { auth: true })).data;
      cancelButton.disabled = true;
      form.message('The show is cancelled. Its orders are being cancelled.', 'ok');
    } catch (error) {
      form.message(explain(error, 'cancel the show'), 'error');
    }
  });
}

const fields = [
  { name: 'title', label: 'Title' },
  { name: 'venue', label: 'Venue' },
  { name: 'startsAt', label: 'Starts', kind: 'date' },
  { name: 'capacity', label: 'Seats', kind: 'number' },
  { name: 'price', label: 'Price', kind: 'money' },
  { name: 'status', label: 'Sale' },
];

function display(field, value) {
  if (value === undefined || value === null || value === '') return '';
  if (field.kind === 'date') return when(value);
  if (field.kind === 'money') return money(Number(value), config().currency);
  if (field.name === 'status') return value === 'OnSale' ? 'On sale' : value === 'OffSale' ? 'Off sale' : value;
  return String(value);
}

function changed(show, values) {
  const changes = {};
  for (const f of fields) {
    const minute = value => Math.floor(new Date(value).getTime() / 60_000); // the date input has minutes, no seconds
    const before = f.kind === 'date' ? minute(show[f.name]) : show[f.name];
    const after = f.kind === 'date' ? minute(values[f.name]) : values[f.name];
    if (values[f.name] !== null && before !== after) changes[f.name] = values[f.name];
  }
  return changes;
}

/** The create/edit form; its values are typed (numbers, ISO dates) and named as the API names them. */
function showForm(show) {
  const input = (name, label, attrs, hint) => h('div', { class: 'field' },
    h('label', { for: `show-${name}` }, label), h('input', { id: `show-${name}`, name, ...attrs }), hint ? h('p', { class: 'hint' }, hint) : null);
  const status = h('select', { id: 'show-status', name: 'status' }, h('option', { value: 'OnSale' }, 'On sale'), h('option', { value: 'OffSale' }, 'Off sale'));
  const submit = h('button', { type: 'submit' }, show ? 'Save changes' : 'Create show');
  const note = h('div', { class: 'form-note', role: 'status' });
  const element = h('form', { class: 'stack panel', novalidate: true },
    h('div', { class: 'form-problem' }),
    input('title', 'Title', { required: true, maxlength: 200, autocomplete: 'off' }),
    input('venue', 'Venue', { required: true, maxlength: 200 }),
    h('div', { class: 'row' },
      input('startsAt', 'Starts', { type: 'datetime-local', required: true }, 'In your time zone.'),
      h('div', { class: 'field' }, h('label', { for: 'show-status' }, 'Sale'), status)),
    h('div', { class: 'row' },
      input('capacity', 'Seats', { type: 'number', min: 1, max: 100000, step: 1, required: true, inputmode: 'numeric' }),
      input('price', `Price (${config().currency})`, { type: 'number', min: 0, step: '0.01', required: true, inputmode: 'decimal' })),
    note,
    h('div', {}, submit));
  const named = name => element.elements.namedItem(name);

  const reset = current => {
    named('title').value = current?.title ?? '';
    named('venue').value = current?.venue ?? '';
    named('startsAt').value = current ? localInputValue(current.startsAt) : '';
    named('capacity').value = current?.capacity ?? '';
    named('price').value = current?.price ?? '';
    status.value = current?.status === 'OffSale' ? 'OffSale' : 'OnSale';
    status.disabled = current?.status === 'Cancelled';
  };
  reset(show);

  const values = () => ({
    title: named('title').value,
    venue: named('venue').value,
    startsAt: fromLocalInput(named('startsAt').value),
    capacity: named('capacity').value === '' ? null : Number(named('capacity').value),
    price: named('price').value === '' ? null : Number(named('price').value),
    status: status.disabled ? null : status.value,
  });

  const check = current => {
    let ok = true;
    if (!current.title.trim()) { markField(named('title'), 'Enter a title.'); ok = false; }
    if (!current.venue.trim()) { markField(named('venue'), 'Enter a venue.'); ok = false; }
    if (!current.startsAt) { markField(named('startsAt'), 'Enter the date and time.'); ok = false; }
    if (!Number.isInteger(current.capacity) || current.capacity < 1) { markField(named('capacity'), 'Enter a whole number of seats, 1 or more.'); ok = false; }
    if (current.price === null || !(current.price >= 0)) { markField(named('price'), 'Enter a price, 0 or more.'); ok = false; }
    return ok;
  };

  const message = (text, tone) => replace(note, text ? h('div', { class: `notice ${tone}` }, text) : null);

  return {
    element,
    reset,
    message,
    onSubmit(handler, topic) {
      element.addEventListener('submit', async event => {
        event.preventDefault();
        if (submit.disabled) return;
        clearErrors(element);
        message(null);
        const current = values();
        if (!check(current)) { element.querySelector('[aria-invalid="true"]')?.focus(); return; }
        submit.disabled = true;
        try {
          await handler(current);
        } catch (error) {
          if (error.name !== 'AbortError') showErrors(element, error, topic);
        } finally {
          submit.disabled = false;
        }
      });
    },
  };
}
