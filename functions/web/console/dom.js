/**
 * Making elements from text and attributes only, never innerHTML: nothing a client, a staff
 * member or the server wrote is ever parsed as HTML. No inline styles either (the page's CSP
 * has no 'unsafe-inline'): looks come from classes in console.css.
 */
import { formatDateTime } from './format.js';
import { T } from './words.js';

/** h('p', { class: 'x', text: 'Hello' }, child, 'more text') */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c != null && c !== false) el.append(c);
  return el;
}

/** A <time> with the moment in the browser's locale and zone, and the exact instant for tools. */
export function when(iso) {
  return h('time', { datetime: iso || null, text: formatDateTime(iso) });
}

/** Text only a screen reader reads, e.g. "Urgency: " before a badge. */
export function sr(text) {
  return h('span', { class: 'sr-only', text });
}

let liveTimer = 0;
let pending = [];

/**
 * Says `text` through the page's polite live region. Emptied first and set a moment later, so
 * the same words twice are read twice; words said within that moment are read together.
 */
export function announce(text) {
  const live = document.getElementById('live');
  if (!live || !text) return;
  pending.push(text);
  live.textContent = '';
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => {
    live.textContent = pending.join(' ');
    pending = [];
  }, 50);
}

/** Moves focus to a screen's heading, so keyboard and screen-reader users start there. */
export function focusHeading(root) {
  const heading = root.querySelector('h1');
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}

/** A message box with an optional "Try again" button. */
export function messageBox(text, tone, retry) {
  const box = h('div', { class: `box box-${tone || 'info'}` }, h('p', { text }));
  if (retry)
    box.append(h('button', { type: 'button', class: 'btn', text: T.tryAgain, onclick: retry }));
  return box;
}
