import { h } from '../dom.js';

/**
 * The show's published poster (it stays on show while a newer upload is checked or after one is rejected), else a
 * plain panel with the title's first letter. Decorative: the title is next to it.
 */
export function poster(show) {
  const frame = h('div', { class: 'poster' });
  if (show.posterUrl) {
    frame.append(h('img', { src: show.posterUrl, alt: '', loading: 'lazy', decoding: 'async' }));
  } else {
    frame.append(h('span', { class: 'initial', 'aria-hidden': 'true' }, (show.title.trim()[0] ?? '?').toUpperCase()));
  }
  return frame;
}
