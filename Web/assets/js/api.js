// The box office API over fetch. Errors come back as ApiError carrying the problem details (RFC 9457) the API sent;
// a 401 on a signed-in call tries one token refresh, then sends the person to sign in and back to this page.

import { apiUrl } from './config.js';
import { accessToken, refresh, signIn } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

const offline = { title: 'No connection', detail: 'The box office could not be reached. Check your connection and try again.' };

/**
 * Calls the API. options: body (sent as JSON), headers, auth (send the bearer token), signal.
 * Resolves { status, headers, data }; rejects with ApiError (status 0 when the network failed).
 */
export async function request(method, path, { body, headers = {}, auth = false, signal } = {}) {
  const send = async () => {
    const token = auth ? await accessToken() : null;
    if (auth && !token) return null;
    const all = { accept: 'application/json, application/problem+json', ...headers };
    if (body !== undefined) all['content-type'] = 'application/json';
    if (token) all.authorization = `Bearer ${token}`;
    return fetch(apiUrl(path), { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), signal });
  };

  let response;
  try {
    response = await send();
    if (auth && (response === null || response.status === 401)) {
      response = response && (await refresh()) ? await send() : null;
      if (response === null || response.status === 401) await signIn(); // the session is over: sign in, then come back here
    }
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, offline);
  }
  const data = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, data && typeof data === 'object' ? data : {});
  return { status: response.status, headers: response.headers, data };
}

export const get = (path, options) => request('GET', path, options);

async function readBody(response) {
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 204 || !type.includes('json')) return null;
  return response.json().catch(() => null);
}
