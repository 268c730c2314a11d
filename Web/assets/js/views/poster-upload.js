// Poster upload: ask the API for a presigned URL, PUT the file straight to it (XMLHttpRequest, for the progress
// events fetch does not give), then watch the show until the Worker has published or rejected the image.

import { get, request } from '../api.js';
import { h, replace, announce } from '../dom.js';
import { explain } from '../problems.js';
import { sleep } from './manage-parts.js';

const accepted = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export function posterUpload(show, signal) {
  const input = h('input', { type: 'file', id: 'poster-file', name: 'poster', accept: accepted.join(',') });
  const button = h('button', { type: 'submit' }, 'Upload poster');
  const progress = h('progress', { max: 100, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const state = h('div', { role: 'status' }, current(show));
  const form = h('form', { class: 'upload panel', novalidate: true },
    h('h2', {}, 'Poster'),
    state,
    h('div', { class: 'field' }, h('label', { for: 'poster-file' }, 'Image file'), input,
      h('p', { class: 'hint' }, 'PNG, JPEG, GIF or WebP, at most 5 MB.')),
    progress,
    h('div', {}, button));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) { replace(state, h('p', { class: 'field-error' }, 'Choose an image file first.')); input.focus(); return; }
    if (!accepted.includes(file.type)) { replace(state, h('p', { class: 'field-error' }, 'This file is not a PNG, JPEG, GIF or WebP image.')); return; }
    button.disabled = true;
    try {
      const { data: upload } = await request('POST', `/shows/${encodeURIComponent(show.showId)}/poster`, {
        auth: true, body: { contentType: file.type, contentLength: file.size },
      });
      progress.hidden = false;
      replace(state, h('p', {}, 'Uploading…'));
      await put(upload, file, fraction => { progress.value = Math.round(fraction * 100); });
      replace(state, h('p', { class: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Uploaded. Checking the image…'));
      const final = await awaitInspection(show.showId, signal);
      replace(state, current(final));
      announce(final.posterStatus === 'Published' ? 'Poster published' : `Poster rejected. ${final.posterRejectionReason ?? ''}`);
    } catch (error) {
      if (error.name === 'AbortError') return;
      replace(state, h('div', { class: 'notice error', role: 'alert' }, error.status === undefined ? error.message : explain(error, 'upload the poster')));
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  });
  return form;
}

function current(show) {
  const image = show.posterUrl ? h('img', { src: show.posterUrl, alt: `Poster of ${show.title}`, class: 'preview', width: 160 }) : null;
  switch (show.posterStatus) {
    case 'Published':
      return h('div', {}, h('p', {}, h('span', { class: 'badge' }, 'Published')), image);
    case 'Rejected':
      return h('div', {},
        h('div', { class: 'notice error' }, h('strong', {}, 'Rejected. '),
          h('span', { class: 'reason' }, show.posterRejectionReason ?? 'The file is not a valid PNG, JPEG, GIF or WebP image of the type it claims to be.'),
          ' Choose another file.'),
        image ? h('p', { class: 'muted' }, 'The poster on show stays until a new one is published:') : null, image);
    case 'Pending':
      return h('div', {}, h('p', {}, h('span', { class: 'badge pending' }, 'Waiting for an upload')), image);
    default:
      return h('p', { class: 'muted' }, 'No poster yet.');
  }
}

function put(upload, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method || 'PUT', upload.uploadUrl);
    for (const [name, value] of Object.entries(upload.headers ?? {})) {
      if (name.toLowerCase() !== 'content-length' && name.toLowerCase() !== 'host') xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', event => { if (event.lengthComputable) onProgress(event.loaded / event.total); });
    xhr.addEventListener('load', () => (xhr.status >= 200 && xhr.status < 300 ? (onProgress(1), resolve()) : reject(new Error('The upload was refused. Request a new upload and try again.'))));
    xhr.addEventListener('error', () => reject(new Error('The upload failed: the connection was lost. Please try again.')));
    xhr.send(file);
  });
}

async function awaitInspection(showId, signal) {
  for (let delay = 300, waited = 0; waited < 120_000; waited += delay, delay = Math.min(4000, Math.round(delay * 1.5))) {
    await sleep(delay, signal);
    const { data } = await get(`/shows/${encodeURIComponent(showId)}`, { signal });
    if (data.posterStatus === 'Published' || data.posterStatus === 'Rejected') return data;
  }
  throw new Error('The image is still being checked. Come back to this page in a minute.');
}
