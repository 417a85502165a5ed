/**
 * Quick exit (DOMAIN.md): the button, or Esc twice anywhere on the page, leaves for a neutral site
 * at once and takes the visit with it. It needs no network.
 */
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
  location.replace(EXIT_URL);
}

/** Esc twice within ESC_WINDOW_MS exits; a single Esc calls `onOnce` (the float closes). */
export function listenForEscape(onOnce) {
  // Capture: the host page cannot swallow it.
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
