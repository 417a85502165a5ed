/**
 * The words and the language. Every word the widget shows is `widget.*` of
 * prompts/strings.<lang>.yaml; the server writes them in when it serves the bundle.
 */
import { START_LANG } from './config.js';

// The server replaces this string literal, quotes and all, with `{ en: {...}, es: {...} }`
// (WIDGET_STRINGS_SLOT in functions/http/web.ts). A string, not a comment, because the bundler
// keeps strings as they are; left unreplaced, every word is ''.
const served = 'amparo:strings';
export const STRINGS = typeof served === 'object' ? served : {};

export const pickLang = (v) => (/^es\b/i.test(String(v || '')) ? 'es' : 'en');

let current = pickLang(START_LANG);

/** The language the widget speaks now: 'en' or 'es'. */
export const lang = () => current;

/** Changes the language of `t`; applyLang (ui.js) also redraws the words already shown. */
export function setLang(value) {
  current = pickLang(value);
  return current;
}

// A string in the widget's language, its {placeholders} filled from `vars`.
export const t = (k, vars) =>
  String(STRINGS[current]?.[k] ?? '').replace(/\{(\w+)\}/g, (whole, name) =>
    String(vars?.[name] ?? whole),
  );
