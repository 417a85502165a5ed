/**
 * Talking with the embed on the firm's page (functions/web/loader/main.js) by postMessage: only
 * with the window around this frame, only at its origin, and never about the conversation
 * itself (its token, messages and answers stay in this frame).
 */
import { FRAMED, PARENT_ORIGIN } from './config.js';

/** Tells the page: 'ready' ({ open }), 'close', 'lang' ({ lang }) or 'exit'. */
export function toPage(kind, extra) {
  if (!FRAMED || !PARENT_ORIGIN) return;
  try {
    window.parent.postMessage({ amparo: { kind, ...extra } }, PARENT_ORIGIN);
  } catch {
    /* not a valid origin: nothing is sent */
  }
}

/** Calls `handler` with what the page says: 'open' ({ code, focus }) or 'exit'. */
export function fromPage(handler) {
  window.addEventListener('message', (e) => {
    if (!FRAMED || e.source !== window.parent || e.origin !== PARENT_ORIGIN) return;
    const m = e.data?.amparo;
    if (m && typeof m.kind === 'string') handler(m);
  });
}
