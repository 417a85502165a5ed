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

/** If the page has not gone this long after 'exit', this frame takes it away itself. */
const FALLBACK_MS = 300;

/**
 * Leaves now. `asked` is true when the page asked (Esc twice on it): the page leaves by itself
 * then, and this frame only clears what it keeps.
 */
export function quickExit(asked = false) {
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
  if (asked) return;
  // Should the page not be listening, the click (still a recent user activation) lets this frame
  // take it away itself. Only then: two navigations at once would cancel each other, and a page
  // that left has taken this frame, and this timer, with it.
  setTimeout(() => {
    try {
      window.top.location.replace(EXIT_URL);
    } catch {
      /* nothing more this frame can do */
    }
  }, FALLBACK_MS);
}

/** Esc twice within ESC_WINDOW_MS exits; a single Esc calls `onOnce` (the float closes). */
export function listenForEscape(onOnce) {
  // Capture: nothing else in the frame can swallow it.
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || e.repeat || e.isComposing) return;
      const now = Date.now();
      if (now - S.lastEsc < ESC_WINDOW_MS) quickExit(false);
      else {
        S.lastEsc = now;
        onOnce();
      }
    },
    true,
  );
}
