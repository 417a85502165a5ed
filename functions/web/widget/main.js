/*!
 * Amparo web chat. Plain ES2020, no dependencies; one script, bundled by esbuild from
 * functions/web/widget/ (README.md there) and served as /chat.js to the page GET /chat, which
 * the embed on a firm's site (/widget.js, functions/web/loader/) shows in an iframe. Options
 * come from the frame's address after '#' (config.js). Contract: /api/conversations in API.md
 * ("Web chat").
 *
 * Privacy (DOMAIN.md): the conversation id and token live in this frame's sessionStorage only, on
 * Amparo's origin, where scripts on the firm's page cannot read them or the transcript; a reload
 * resumes but a closed browser forgets; after an hour without a message the chat shows only the
 * pending question (idle.js); "Quick exit" (or Esc twice) wipes it and takes the page away.
 * Safety: server and user text is only ever set with textContent, never parsed as HTML.
 * Words: every word it shows is `widget.*` of prompts/strings.<lang>.yaml, which the server writes
 * into STRINGS (strings.js) when it serves this file (functions/http/web.ts).
 */
import { FRAMED, INLINE } from './config.js';
import { reread, restart, start } from './conversation.js';
import { listenForEscape, quickExit } from './exit.js';
import { fromPage, toPage } from './frame.js';
import { onIdle } from './idle.js';
import { onSubmit, switchLang } from './send.js';
import { S } from './state.js';
import { store } from './storage.js';
import { lang } from './strings.js';
import { applyLang, buildUi, ui } from './ui.js';

const ONCE = Symbol.for('amparo.widget');
// Loaded twice in one page: keep the first. The modules above only declare; nothing is built yet.
if (!window[ONCE]) {
  window[ONCE] = true;
  buildUi({ exit: () => quickExit(false), close, switchLang, submit: onSubmit, restart });
  listenForEscape(() => {
    if (!INLINE) close();
  });
  onIdle(reread);
  fromPage((m) => {
    if (m.kind === 'open') open(typeof m.code === 'string' ? m.code : null, Boolean(m.focus));
    else if (m.kind === 'exit') quickExit(true);
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
}

/** The embed showed the frame: start (once), with the code of a texted link if there was one. */
function open(code, focus) {
  if (S.conv) store.set({ ...S.conv, open: true });
  start(code);
  if (focus) ui.input.focus();
}

/** Floating: the close button or Esc; the embed hides the frame and shows its launcher. */
function close() {
  if (S.conv) store.set({ ...S.conv, open: false });
  toPage('close');
}

function mount() {
  document.body.append(ui.host);
  applyLang(lang());
  // On its own (not in the embed's frame) it is a chat page and starts at once.
  if (!FRAMED) return start(null);
  const saved = store.get();
  toPage('ready', { open: !INLINE && Boolean(saved && saved.open !== false) });
}
