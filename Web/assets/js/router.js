// History-based navigation: links to this site change the URL and draw the matching view without a reload.
// Each view gets an AbortSignal that fires when the person moves on, which stops its requests and polling.

import { h, replace } from './dom.js';

let routes = [];
let current = null;
let guard = () => null;

/** routes: [{ path: '/show/:id', view, title }]; guard(route) may return a view to draw instead. */
export function startRouter(table, routeGuard) {
  routes = table.map(route => ({ ...route, pattern: compile(route.path) }));
  guard = routeGuard;
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', () => render());
  return render({ moveFocus: false }); // a fresh page load leaves focus where browsers put it (before the skip link)
}

export function navigate(path, { replace: replaceState = false } = {}) {
  if (replaceState) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  return render();
}

/** Draws the current URL; after a navigation, focus moves to the new content so screen readers follow. */
export function render({ moveFocus = true } = {}) {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const main = document.getElementById('main');
  const url = new URL(location.href);
  const match = find(url.pathname);
  markCurrentLinks(url.pathname);
  const view = match ? (guard(match.route) ?? match.route.view) : notFound;
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  return Promise.resolve(view({ main, params: match?.params ?? {}, query: url.searchParams, signal: controller.signal }))
    .catch(error => { if (error?.name !== 'AbortError') throw error; })
    .finally(() => {
      if (controller.signal.aborted) return;
      const heading = main.querySelector('h1');
      document.title = heading ? `${heading.textContent} · Box office` : 'Box office';
      if (moveFocus && (document.activeElement === document.body || !main.contains(document.activeElement))) main.focus({ preventScroll: true });
    });
}

function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest?.('a[href]');
  if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
  if (!find(link.pathname)) return;
  event.preventDefault();
  if (link.pathname + link.search !== location.pathname + location.search) navigate(link.pathname + link.search);
  window.scrollTo(0, 0);
}

function find(pathname) {
  for (const route of routes) {
    const found = route.pattern.exec(pathname);
    if (found) return { route, params: found.groups ?? {} };
  }
  return null;
}

function compile(path) {
  const source = path.replace(/\//g, '\\/').replace(/:(\w+)/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}\\/?$`);
}

function markCurrentLinks(pathname) {
  document.querySelectorAll('header nav a, .tabs a').forEach(link => {
    const here = link.pathname === pathname || (link.pathname !== '/' && pathname.startsWith(link.pathname + '/') && !link.closest('.tabs'));
    if (here) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}

function notFound({ main }) {
  replace(main, h('h1', {}, 'Page not found'), h('p', {}, 'There is nothing at this address. ', h('a', { href: '/' }, 'See the shows on sale'), '.'));
}
