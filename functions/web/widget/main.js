/*!
 * Amparo web chat widget. Plain ES2020, no dependencies; one script, bundled by esbuild from
 * functions/web/widget/ (README.md there).
 *   <script src="https://firm.example/widget.js" data-api="https://api.example" defer></script>
 * Options: data-api (API base, default: this script's origin), data-lang ("en" | "es"),
 * data-firm (firm name shown in the header), data-mount (CSS selector: render inline there
 * instead of a floating launcher). Contract: /api/conversations in API.md ("Web chat").
 *
 * Privacy (DOMAIN.md): the conversation id and token live in sessionStorage only, so a reload
 * resumes but a closed browser forgets; "Quick exit" (or Esc twice) wipes it and leaves.
 * Safety: server and user text is only ever set with textContent, never parsed as HTML.
 * Words: every word it shows is `widget.*` of prompts/strings.<lang>.yaml, which the server writes
 * into STRINGS (strings.js) when it serves this file (functions/http/web.ts).
 */
import { INLINE, MOUNT } from './config.js';
import { restart, start } from './conversation.js';
import { listenForEscape, quickExit } from './exit.js';
import { onSubmit, switchLang } from './send.js';
import { S } from './state.js';
import { store } from './storage.js';
import { lang } from './strings.js';
import { applyLang, buildUi, ui } from './ui.js';

const ONCE = Symbol.for('amparo.widget');
// Loaded twice on one page: keep the first. The modules above only declare; nothing is built yet.
if (!window[ONCE]) {
  window[ONCE] = true;
  buildUi({ exit: quickExit, open: setOpen, switchLang, submit: onSubmit, restart });
  listenForEscape(() => {
    if (!INLINE && !ui.panel.hidden) setOpen(false);
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
}

function setOpen(open, focus = true) {
  if (INLINE) return;
  const { panel, launcher, input } = ui;
  panel.hidden = !open;
  launcher.hidden = open;
  launcher.setAttribute('aria-expanded', String(open));
  if (S.conv) store.set({ ...S.conv, open });
  if (open) start();
  if (focus) (open ? input : launcher).focus();
}

function mount() {
  const target = INLINE ? document.querySelector(MOUNT) : null;
  if (INLINE && !target) {
    console.warn(`[amparo] data-mount "${MOUNT}" not found`);
    return;
  }
  (target || document.body).append(ui.host);
  applyLang(lang());
  if (INLINE) start();
  else {
    const saved = store.get();
    setOpen(Boolean(saved && saved.open !== false), false);
  }
}
