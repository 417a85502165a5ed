/**
 * A person of the firm may join the conversation from the console at any moment (API.md "Staff",
 * live takeover): while the chat is open, on screen and not ended, it asks every few seconds for
 * what came after what it has shown (GET /api/conversations/{id}?after=<seq>), so their messages
 * appear within 5 seconds. Polling, not a socket: the API runs on Lambda, which holds none.
 */
import { call } from './http.js';
import { applyState, renderAll, reveal } from './render.js';
import { send } from './send.js';
import { S } from './state.js';

export const POLL_MS = 4000;

let timer = null;

async function poll() {
  if (!S.conv || S.exited || S.busy || !S.state || S.state.done) return;
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
  const gen = S.gen;
  let r = null;
  try {
    r = await call(
      'GET',
      `/api/conversations/${encodeURIComponent(S.conv.conversationId)}?after=${S.seq}`,
    );
  } catch {
    return; // the network: next time
  }
  // A message sent meanwhile showed its own replies; this answer may be older than that.
  if (S.exited || S.busy || gen !== S.gen || r?.status !== 200 || !r.body) return;
  if (Number.isInteger(r.body.seq)) S.seq = r.body.seq;
  const messages = Array.isArray(r.body.messages) ? r.body.messages : [];
  if (messages.length) reveal(renderAll(messages, send));
  applyState(r.body.state);
}

/** Starts reading new messages in the background (once). */
export function startLive() {
  if (timer || typeof setInterval === 'undefined') return;
  timer = setInterval(poll, POLL_MS);
}
