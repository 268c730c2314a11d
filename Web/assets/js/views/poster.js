import { h } from '../dom.js';

/** The show's poster once published, else a plain panel with the title's first letter. Decorative: the title is next to it. */
export function poster(show) {
  const frame = h('div', { class: 'poster' });
  if (show.posterStatus === 'Published' && show.posterUrl) {
    frame.append(h('img', { src: show.posterUrl, alt: '', loading: 'lazy', decoding: 'async' }));
  } else {
    frame.append(h('span', { class: 'initial', 'aria-hidden': 'true' }, (show.title.trim()[0] ?? '?').toUpperCase()));
  }
  return frame;
}
