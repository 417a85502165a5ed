/**
 * Making elements: text and attributes only, never innerHTML, so no server or user text is ever
 * parsed as HTML. Words set through `tr` (or `i18n`) are redrawn when the language changes.
 */
import { t } from './strings.js';

const bindings = []; // [element, attribute or null for text, string key]

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'i18n') tr(el, null, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

/** Sets the string `key` as the text (attr null) or an attribute of `el`, and keeps it current. */
export function tr(el, attr, key) {
  bindings.push([el, attr, key]);
  if (attr) el.setAttribute(attr, t(key));
  else el.textContent = t(key);
  return el;
}

/** Redraws every bound word in the current language; forgets elements gone from `root`. */
export function retranslate(root) {
  for (let i = bindings.length - 1; i >= 0; i--) {
    const [el, attr, key] = bindings[i];
    if (!el.isConnected && el !== root && !root.contains(el)) bindings.splice(i, 1);
    else if (attr) el.setAttribute(attr, t(key));
    else el.textContent = t(key);
  }
}
