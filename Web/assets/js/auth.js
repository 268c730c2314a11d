// Sign-in with the OAuth 2.0 authorization code flow and PKCE (RFC 7636): Cognito's managed login in AWS, the dev
// issuer locally; this code does not know which. Tokens live in memory only (never localStorage) and are refreshed
// before they expire. Only the one-time PKCE verifier and state wait in sessionStorage during the redirect.

import { config } from './config.js';

const PENDING = 'boxoffice.sign-in';
let tokens = null; // { accessToken, refreshToken, expiresAt }
let user = null; // { username, groups }
let refreshing = null;
let refreshTimer = 0;
const listeners = new Set();

export const callbackPath = '/signed-in';

export function currentUser() { return user; }

export function isAdmin() { return Boolean(user?.groups.includes(config().adminGroup)); }

export function canSignIn() { return Boolean(config().authorizeUrl && config().tokenUrl); }

export function onAuthChange(listener) { listeners.add(listener); }

/** Sends the browser to the sign-in page; it comes back to callbackPath, then to returnTo. */
export async function signIn(returnTo = location.pathname + location.search) {
  const settings = config();
  const verifier = randomText(48);
  const state = randomText(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, returnTo }));
  const url = new URL(settings.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: location.origin + callbackPath,
    scope: settings.scope,
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
  return new Promise(() => {}); // the page is going away
}

/** On callbackPath: trades the code for tokens. Returns where to go next. */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  if (query.get('error')) throw new SignInError(query.get('error_description') || query.get('error'));
  if (!pending || !query.get('code') || query.get('state') !== pending.state) {
    throw new SignInError('This sign-in link is not the one this page started (or it was already used). Please sign in again.');
  }
  await tokenRequest({
    grant_type: 'authorization_code',
    client_id: config().clientId,
    code: query.get('code'),
    redirect_uri: location.origin + callbackPath,
    code_verifier: pending.verifier,
  });
  return safeReturn(pending.returnTo);
}

/** Ends the session here and at the identity provider, which sends the browser back to the home page. */
export function signOut() {
  const settings = config();
  forget();
  const url = new URL(settings.logoutUrl);
  url.search = new URLSearchParams({ client_id: settings.clientId, logout_uri: location.origin + '/' }).toString();
  location.assign(url.toString());
}

/** A valid access token, refreshed first when it is about to expire; null when signed out. */
export async function accessToken() {
  if (!tokens) return null;
  if (tokens.expiresAt - Date.now() < 30_000) await refresh();
  return tokens?.accessToken ?? null;
}

/** Trades the refresh token for a new access token; false (and signed out) when that is refused. */
export function refresh() {
  if (!tokens?.refreshToken) { forget(); return Promise.resolve(false); }
  refreshing ??= tokenRequest({ grant_type: 'refresh_token', client_id: config().clientId, refresh_token: tokens.refreshToken })
    .then(() => true, () => { forget(); return false; })
    .finally(() => { refreshing = null; });
  return refreshing;
}

export class SignInError extends Error {}

async function tokenRequest(fields) {
  const response = await fetch(config().tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(fields).toString(),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) throw new SignInError(body.error_description || 'Sign-in failed. Please try again.');
  const refreshToken = body.refresh_token ?? tokens?.refreshToken ?? null; // a refresh grant keeps the old one
  tokens = { accessToken: body.access_token, refreshToken, expiresAt: Date.now() + body.expires_in * 1000 };
  const claims = claimsOf(body.access_token);
  user = { username: claims.username ?? claims['cognito:username'] ?? claims.sub, groups: claims['cognito:groups'] ?? [] };
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, Math.max(5_000, body.expires_in * 1000 - 60_000));
  listeners.forEach(listener => listener(user));
}

function forget() {
  tokens = null;
  user = null;
  clearTimeout(refreshTimer);
  listeners.forEach(listener => listener(null));
}

/** The token's payload, read for display only: the API checks the signature. */
function claimsOf(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function safeReturn(path) {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.startsWith(callbackPath) ? path : '/';
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier) {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
