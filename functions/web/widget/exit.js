/**
 * Quick exit (DOMAIN.md): the button, or Esc twice, clears what this frame keeps and takes the
 * whole page away to a neutral site at once. It needs no network. In the embed's iframe the
 * firm's page is told to leave (functions/web/loader/main.js); Esc twice on that page asks this
 * frame to clear itself first ('exit' from the page).
 */
import { FRAMED } from './config.js';
import { toPage } from './frame.js';
import { S } from './state.js';
import { store } from './storage.js';
import { ui } from './ui.js';

const EXIT_URL = 'https://www.google.com/';
const ESC_WINDOW_MS = 1200;

export function quickExit() {
  S.exited = true;
  for (const c of S.controllers) c.abort();
  store.clear(true);
  S.conv = null;
  try {
    ui.host.remove();
    // Also blank the page, so Back (or a bfcache restore) shows nothing of this visit.
    document.title = '';
    document.body.replaceChildren();
  } catch {
    /* leaving anyway */
  }
  if (!FRAMED) {
    location.replace(EXIT_URL);
    return;
  }
  toPage('exit');
  // Should the page not be listening, a click still lets this frame take it away itself.
  try {
    window.top.location.replace(EXIT_URL);
  } catch {
    /* the page leaves on 'exit' */
  }
}

/** Esc twice within ESC_WINDOW_MS exits; a single Esc calls `onOnce` (the float closes). */
export function listenForEscape(onOnce) {
  // Capture: nothing else in the frame can swallow it.
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || e.repeat || e.isComposing) return;
      const now = Date.now();
      if (now - S.lastEsc < ESC_WINDOW_MS) quickExit();
      else {
        S.lastEsc = now;
        onOnce();
      }
    },
    true,
  );
}
