import { h } from '../dom.js';

/** The admin pages' tab bar. */
export function manageTabs() {
  return h('nav', { class: 'tabs', 'aria-label': 'Manage' },
    h('a', { href: '/manage' }, 'Shows'),
    h('a', { href: '/manage/reports' }, 'Sales reports'),
    h('a', { href: '/manage/dead-letters' }, 'Dead letters'));
}

/** Marks the current tab (the router marks links that exist when it draws; tabs are drawn later). */
export function markTab(nav) {
  nav.querySelectorAll('a').forEach(link => {
    if (link.pathname === location.pathname) link.setAttribute('aria-current', 'page');
  });
  return nav;
}

export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(new DOMException('Left the page', 'AbortError')); }, { once: true });
  });
}
