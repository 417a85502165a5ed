/*!
 * Amparo web chat: the embed. Plain ES2020, no dependencies; bundled by esbuild from
 * functions/web/loader/ (functions/web/README.md) and served as /widget.js.
 *   <script src="https://amparo.example/widget.js" data-api="https://amparo.example" defer></script>
 * Options: data-api (Amparo's base URL, default: this script's origin), data-lang ("en" | "es"),
 * data-firm (firm name shown in the header), data-mount (CSS selector: render inline there
 * instead of a floating launcher).
 *
 * Safety (DOMAIN.md "Safety rules"): this script runs in the firm's page, so it holds nothing of
 * the conversation. The chat itself (its token, its storage, its transcript) runs in an iframe
 * served from Amparo's own origin (GET /chat), which scripts on this page cannot read. The two
 * talk by postMessage, each checking the other's window and origin, and only about the frame:
 * ready, open, close, the language, and quick exit, which takes this whole page away.
 */

import { styledShadow } from '../shared/shadow.js';

// The server replaces this string literal, quotes and all, with `{ en: {...}, es: {...} }`, the
// `widget.*` strings of prompts/ (WIDGET_STRINGS_SLOT in functions/http/web.ts).
const served = 'amparo:strings';
const STRINGS = typeof served === 'object' ? served : {};

const EXIT_URL = 'https://www.google.com/';
const ESC_WINDOW_MS = 1200;
/** How long a quick exit waits for the chat to say it has cleared its storage. */
const EXIT_WAIT_MS = 800;

const script = document.currentScript;
const data = script?.dataset || {};
const API = (data.api || (script ? new URL(script.src, location.href).origin : location.origin))
  .trim()
  .replace(/\/+$/, '');
const ORIGIN = new URL(API).origin;
const MOUNT = data.mount;
const INLINE = Boolean(MOUNT);
let lang = /^es\b/i.test(String(data.lang || navigator.language || '')) ? 'es' : 'en';
const t = (key) => String(STRINGS[lang]?.[key] ?? '');

const CSS = `
:host{all:initial;display:block}
.frame{display:block;width:100%;height:var(--amparo-height,clamp(440px,78vh,660px));border:0;border-radius:16px;
  color-scheme:light;background:transparent}
.float .frame{position:fixed;z-index:2147483000;right:16px;bottom:16px;width:min(400px,calc(100vw - 32px));
  height:min(640px,calc(100vh - 32px));box-shadow:0 10px 30px rgba(16,42,51,.18)}
.launcher{position:fixed;z-index:2147483000;right:16px;bottom:16px;min-height:52px;padding:12px 20px;border:0;border-radius:999px;
  background:var(--amparo-accent,#1d4e5f);color:#fff;box-shadow:0 6px 20px rgba(16,42,51,.25);cursor:pointer;
  font:650 16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.launcher:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
[hidden]{display:none!important}
@media (max-width:480px){.float .frame{right:8px;left:8px;bottom:8px;top:8px;width:auto;height:auto}}
`;

const ONCE = Symbol.for('amparo.embed');
// Loaded twice on one page: keep the first.
if (!window[ONCE]) {
  window[ONCE] = true;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
}

/** The one-time code of a link texted for "web", taken out of the address bar at once. */
function takeContinueCode() {
  try {
    const url = new URL(location.href);
    const code = url.searchParams.get('continue');
    if (!code) return null;
    url.searchParams.delete('continue');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return code;
  } catch {
    return null;
  }
}

function mount() {
  const target = INLINE ? document.querySelector(MOUNT) : document.body;
  if (!target) {
    console.warn(`[amparo] data-mount "${MOUNT}" not found`);
    return;
  }
  let code = takeContinueCode();
  const host = document.createElement('div');
  host.setAttribute('data-amparo', '');
  // Open: nothing in it is secret (a launcher and the frame), and tests find the frame through it.
  const shadow = styledShadow(host, CSS);
  const root = document.createElement('div');
  root.className = INLINE ? 'inline' : 'float';
  const accent = getComputedStyle(target).getPropertyValue('--amparo-accent').trim();
  const options = new URLSearchParams({
    origin: location.origin,
    mode: INLINE ? 'inline' : 'float',
    lang,
  });
  if (data.firm) options.set('firm', data.firm.trim());
  if (accent) options.set('accent', accent);
  const frame = document.createElement('iframe');
  frame.className = 'frame';
  frame.id = 'amparo-frame';
  frame.title = t('region');
  frame.src = `${API}/chat#${options}`;
  frame.referrerPolicy = 'strict-origin';
  frame.setAttribute('data-testid', 'amparo-frame');
  const launcher = INLINE ? null : document.createElement('button');
  if (launcher) {
    launcher.type = 'button';
    launcher.className = 'launcher';
    launcher.textContent = t('open');
    launcher.setAttribute('aria-controls', 'amparo-frame');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('data-testid', 'amparo-launcher');
    frame.hidden = true;
  }

  // Only this frame's window, from Amparo's origin, is listened to; only it is written to.
  const toChat = (message) => frame.contentWindow?.postMessage({ amparo: message }, ORIGIN);
  const setOpen = (open) => {
    if (!launcher) return;
    frame.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute('aria-expanded', String(open));
    if (!open) launcher.focus();
  };
  const open = (focus) => {
    setOpen(true);
    if (focus) frame.focus();
    toChat({ kind: 'open', code, focus });
    code = null; // spent by the chat; never sent twice
  };
  if (launcher) launcher.addEventListener('click', () => open(true));

  let leaving = false;
  let gone = false;
  const leave = () => {
    // Once: the chat's answer and the page's own timeout both call it, and a second
    // location.replace would cancel the first.
    if (gone) return;
    gone = true;
    leaving = true;
    try {
      document.title = '';
      document.body.replaceChildren();
    } catch {
      /* leaving anyway */
    }
    location.replace(EXIT_URL);
  };
  window.addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow || e.origin !== ORIGIN) return;
    const m = e.data?.amparo;
    if (!m || typeof m.kind !== 'string') return;
    if (m.kind === 'ready') {
      // Inline it starts at once; floating, when it was open before a reload or a link opened it.
      if (INLINE || m.open || code) open(!INLINE && Boolean(code));
    } else if (m.kind === 'close') setOpen(false);
    else if (m.kind === 'lang' && (m.lang === 'en' || m.lang === 'es')) {
      lang = m.lang;
      frame.title = t('region');
      if (launcher) launcher.textContent = t('open');
    } else if (m.kind === 'exit') leave();
  });

  // Esc twice on the page (the chat counts its own): the chat clears what it keeps, then this
  // page goes. The page is hidden at once; it does not wait long for a chat that does not answer.
  let lastEsc = 0;
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || e.repeat || e.isComposing || leaving) return;
      const now = Date.now();
      if (now - lastEsc >= ESC_WINDOW_MS) {
        lastEsc = now;
        return;
      }
      leaving = true;
      document.documentElement.style.visibility = 'hidden';
      toChat({ kind: 'exit' });
      setTimeout(leave, EXIT_WAIT_MS);
    },
    true,
  );

  root.append(frame);
  if (launcher) root.append(launcher);
  shadow.append(root);
  target.append(host);
}
