/**
 * The demo page and the web chat: /widget.js, the embed a firm's page loads, which shows /chat in
 * an iframe; /chat, the chat's page on Amparo's own origin, and /chat.js, the chat. The
 * composition root reads the page and bundles the scripts once (functions/adapters/
 * content-files.ts), and they are served from memory; both scripts get their words, the
 * `widget.*` strings of prompts/, written in once, when the app is created.
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

// The demo page loads only its own script and styles and frames only the chat, from its origin.
const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "frame-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The chat's page: its own script and the API on its own origin, and nothing else. Only the
 * firm's sites (ALLOWED_ORIGINS, the same list CORS allows) may frame it, so no other page can
 * dress it up or click through it.
 */
function chatCsp(allowedOrigins: string[]): string {
  const ancestors = allowedOrigins.includes('*') ? '*' : allowedOrigins.join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${ancestors}`.trim(),
  ].join('; ');
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The chat's page: an empty document for /chat.js, titled until the chat names it. */
function chatHtml(title: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>html,body{margin:0;height:100%;background:transparent;color-scheme:light}</style>',
    '</head>',
    '<body><script src="/chat.js"></script></body>',
    '</html>',
  ].join('\n');
}

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
 * A script (widget.js or chat.js) with `{ en: {...}, es: {...} }` (the `widget.*` strings) in its slot, as JSON that
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

export function webRoutes(
  assets: WebAssets,
  strings: Catalog,
  allowedOrigins: string[],
  /** The demo page at `/`; off, `/` is the app's 404 (DEMO_PAGE=off). */
  demoPage = true,
) {
  const widgetJs = widgetWithStrings(assets.widgetJs, strings);
  const chatJs = widgetWithStrings(assets.chatJs, strings);
  const page = chatHtml(String(strings.en['widget.title'] ?? ''));
  const csp = chatCsp(allowedOrigins);
  const routes = new Hono();
  if (demoPage) {
    routes.get('/', (c) => {
      c.header('Content-Security-Policy', DEMO_CSP);
      c.header('Cache-Control', 'no-store');
      return c.html(assets.demoHtml);
    });
  }
  return routes
    .get('/widget.js', (c) => {
      c.header('Content-Type', 'application/javascript; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(widgetJs);
    })
    .get('/chat', (c) => {
      c.header('Content-Security-Policy', csp);
      c.header('Cache-Control', 'no-store');
      return c.html(page);
    })
    .get('/chat.js', (c) => {
      c.header('Content-Type', 'application/javascript; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(chatJs);
    });
}
