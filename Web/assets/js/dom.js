// Building the page from data. Every text goes in through textContent or an attribute, never as HTML,
// so a show titled "<img src=x onerror=alert(1)>" shows exactly those characters.

/** Creates an element: h('a', { href: '/' , class: 'x' }, 'text', child). Props starting with "on" add listeners. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

/** Appends strings (as text), nodes and arrays of them; skips null and false. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's content. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Says something to screen readers without moving focus. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) region.textContent = text;
}

/** A modal confirmation; resolves true when the person confirms. Esc and Cancel resolve false. */
export function confirmDialog({ title, body, confirm = 'Confirm', cancel = 'Keep it', danger = true }) {
  return new Promise(resolve => {
    const yes = h('button', { type: 'button', class: danger ? 'danger' : '' }, confirm);
    const no = h('button', { type: 'button', class: 'secondary' }, cancel);
    const dialog = h('dialog', { 'aria-labelledby': 'dialog-title' },
      h('h2', { id: 'dialog-title' }, title), h('p', {}, body), h('div', { class: 'actions' }, yes, no));
    const close = answer => { dialog.close(); dialog.remove(); resolve(answer); };
    yes.addEventListener('click', () => close(true));
    no.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', event => { event.preventDefault(); close(false); });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}
