// Problem details from the API, in plain words, next to what caused them. Never raw JSON, never a stack trace.

import { h, replace } from './dom.js';

/** A sentence for an ApiError; `topic` names what was being done ("buy the tickets"). */
export function explain(error, topic = 'do that') {
  const status = error?.status ?? -1;
  const title = error?.problem?.title ?? '';
  if (status === 0) return 'The box office could not be reached. Check your connection and try again.';
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'Your account is not allowed to do this.';
  if (status === 404) return 'This was not found. It may have been removed.';
  if (status === 409 && title === 'Not enough seats') return 'Sorry, there are not enough seats left for that many tickets.';
  if (status === 409 && title === 'Not on sale') return 'Sorry, this show is not on sale any more.';
  if (status === 409 && title === 'Show started') return 'The show has started, so this order can no longer be cancelled.';
  if (status === 409 && title === 'Request in progress') return 'Your previous attempt is still being processed. Wait a moment, then try again.';
  if (status === 409 && title === 'Edit refused') return 'This change is not possible: the show is cancelled, or fewer seats than already sold.';
  if (status === 412) return 'Someone else changed this while you were editing.';
  if (status === 422) return 'This purchase attempt was already used for a different request. Please try again.';
  if (status === 400 && fieldErrors(error).length) return 'Please correct the highlighted fields.';
  if (status >= 500) return `Something went wrong on our side and we could not ${topic}. Please try again in a moment.`;
  return `We could not ${topic}.${error?.problem?.detail ? ' ' + error.problem.detail : ''}`;
}

/** [field, message] pairs from a validation problem. */
export function fieldErrors(error) {
  const errors = error?.problem?.errors;
  if (!errors || typeof errors !== 'object') return [];
  return Object.entries(errors).map(([field, messages]) => [field, Array.isArray(messages) ? messages.join(' ') : String(messages)]);
}

/** Clears earlier errors in a form. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(node => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach(input => { input.removeAttribute('aria-invalid'); input.removeAttribute('aria-describedby'); });
  const summary = form.querySelector('.form-problem');
  if (summary) replace(summary);
}

/** Shows the error in the form: each field message under its input (matched by name), the rest at the top. */
export function showErrors(form, error, topic) {
  clearErrors(form);
  const leftovers = [];
  for (const [field, message] of fieldErrors(error)) {
    const input = field ? form.elements.namedItem(field) : null;
    if (input instanceof HTMLElement) markField(input, message);
    else leftovers.push(message);
  }
  const summary = form.querySelector('.form-problem');
  if (summary) replace(summary, h('div', { class: 'notice error', role: 'alert' }, explain(error, topic), leftovers.map(m => h('p', {}, m))));
}

export function markField(input, message) {
  const id = `${input.id || input.name}-error`;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', id);
  (input.closest('.field') ?? input.parentElement).append(h('p', { class: 'field-error', id }, message));
}
