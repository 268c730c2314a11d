// The stack's settings, read once from config.json next to index.html (the Api computes it locally, the deploy
// script writes it in AWS), so one build of the site serves every stack.

let settings = null;

export async function loadConfig() {
  const response = await fetch('/config.json', { cache: 'no-cache', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  settings = Object.freeze(await response.json());
  return settings;
}

export function config() {
  if (!settings) throw new Error('loadConfig() first');
  return settings;
}

export function apiUrl(path) {
  return config().apiBaseUrl.replace(/\/$/, '') + path;
}
