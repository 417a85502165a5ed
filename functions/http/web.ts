/**
 * The demo page and the embeddable widget. The composition root reads the page and bundles the
 * widget once (functions/adapters/content-files.ts), and they are served from memory; widget.js
 * gets its words, the `widget.*` strings of prompts/, written in once, when the app is created.
 */
import { Hono } from 'hono';
import type { Catalog, Strings, WebAssets } from '../core/content';
import { LANGUAGES } from '../core/flow';

/**
 * The placeholder in widget.js that the strings of every language replace: the string literal of
 * functions/web/widget/strings.js as esbuild prints it (double quotes). A string and not a
 * comment, because a bundler keeps strings as written and comments only as it sees fit.
 */
export const WIDGET_STRINGS_SLOT = '"amparo:strings"';

// The demo page loads only its own script and styles and talks only to its own origin.
const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function widgetStrings(strings: Strings, lang: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(strings)) {
    if (!key.startsWith('widget.')) continue;
    if (typeof text !== 'string') throw new Error(`string ${lang}:${key} must have one form`);
    out[key.slice('widget.'.length)] = text;
  }
  return out;
}

/**
 * widget.js with `{ en: {...}, es: {...} }` (the `widget.*` strings) in its slot, as JSON that
 * cannot end the script it sits in: `<`, `>`, `&`, U+2028 and U+2029 are written as \u escapes.
 * A stand-in without the slot (some tests serve an empty widget) is returned as it is.
 *
 * @example widgetWithStrings(assets.widgetJs, content.strings).includes('"send":"Enviar"') // true
 */
export function widgetWithStrings(widgetJs: string, strings: Catalog): string {
  const slots = widgetJs.split(WIDGET_STRINGS_SLOT).length - 1;
  if (slots === 0) return widgetJs;
  if (slots > 1) throw new Error(`widget.js has ${slots} strings slots; it needs one`);
  const words = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, widgetStrings(strings[lang], lang)]),
  );
  const json = JSON.stringify(words).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  // A function, so a `$&` or `$'` in a string is not read as a replacement pattern.
  return widgetJs.replace(WIDGET_STRINGS_SLOT, () => json);
}

export function webRoutes(assets: WebAssets, strings: Catalog) {
  const widgetJs = widgetWithStrings(assets.widgetJs, strings);
  return new Hono()
    .get('/', (c) => {
      c.header('Content-Security-Policy', DEMO_CSP);
      c.header('Cache-Control', 'no-store');
      return c.html(assets.demoHtml);
    })
    .get('/widget.js', (c) => {
      c.header('Content-Type', 'application/javascript; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(widgetJs);
    });
}
