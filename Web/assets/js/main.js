// Entry point: reads config.json, finishes a sign-in when coming back from the identity provider, then routes.

import { loadConfig } from './config.js';
import { canSignIn, completeSignIn, currentUser, isAdmin, onAuthChange, signIn, signOut, SignInError, callbackPath } from './auth.js';
import { h, replace } from './dom.js';
import { startRouter } from './router.js';
import { showsView } from './views/shows.js';
import { showView } from './views/show.js';
import { ordersView } from './views/orders.js';
import { orderView } from './views/order.js';
import { manageShowsView, newShowView, editShowView } from './views/manage-shows.js';
import { reportsView } from './views/reports.js';
import { deadLettersView } from './views/dead-letters.js';

const routes = [
  { path: '/', view: showsView },
  { path: '/show/:showId', view: showView },
  { path: '/my-orders', view: ordersView, signedIn: true },
  { path: '/my-orders/:orderId', view: orderView, signedIn: true },
  { path: '/manage', view: manageShowsView, admin: true },
  { path: '/manage/shows/new', view: newShowView, admin: true },
  { path: '/manage/shows/:showId', view: editShowView, admin: true },
  { path: '/manage/reports', view: reportsView, admin: true },
  { path: '/manage/dead-letters', view: deadLettersView, admin: true },
];

/** Pages that need a signed-in person send them to sign in first, and back here afterwards. */
function guard(route) {
  if ((route.signedIn || route.admin) && !currentUser()) return () => signIn();
  if (route.admin && !isAdmin()) return ({ main }) => replace(main, h('h1', {}, 'Administrators only'), h('p', {}, 'Your account is not in the administrators group.'));
  return null;
}

function drawAccount(user) {
  const account = document.getElementById('account');
  document.querySelectorAll('[data-when="signed-in"]').forEach(node => { node.hidden = !user; });
  document.querySelectorAll('[data-when="admin"]').forEach(node => { node.hidden = !isAdmin(); });
  if (!canSignIn()) return replace(account);
  if (user) {
    replace(account, h('span', { class: 'who', title: user.username }, user.username),
      h('button', { type: 'button', class: 'secondary', onclick: () => signOut() }, 'Sign out'));
  } else {
    replace(account, h('button', { type: 'button', class: 'secondary', onclick: () => signIn() }, 'Sign in'));
  }
}

async function start() {
  const main = document.getElementById('main');
  try {
    await loadConfig();
  } catch {
    replace(main, h('h1', {}, 'The box office is unavailable'), h('p', {}, 'Its settings could not be loaded. Please try again later.'));
    return;
  }
  onAuthChange(drawAccount);
  drawAccount(null);
  if (location.pathname === callbackPath) {
    try {
      const next = await completeSignIn();
      history.replaceState(null, '', next);
    } catch (error) {
      history.replaceState(null, '', '/');
      const message = error instanceof SignInError ? error.message : 'Sign-in failed. Please try again.';
      await startRouter(routes, guard);
      main.prepend(h('div', { class: 'notice error', role: 'alert' }, message));
      return;
    }
  }
  await startRouter(routes, guard);
}

start();
