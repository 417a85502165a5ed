/**
 * Where a conversation comes from: a texted continue link (its code passed on by the embed), the
 * one this tab already has (sessionStorage), or a new one. A saved conversation the server no
 * longer knows, or no longer lets this token read (expired), starts over.
 */
import { call, explain } from './http.js';
import { armIdle } from './idle.js';
import { startLive } from './live.js';
import { applyState, clearLog, redraw, renderAll, reveal, setBusy, showAlert } from './render.js';
import { send } from './send.js';
import { S } from './state.js';
import { store } from './storage.js';
import { lang } from './strings.js';
import { ui } from './ui.js';

/** The first open: runs once, however often the panel is opened and closed. */
export function start(code) {
  if (S.started) return;
  S.started = true;
  startLive();
  if (code) return continueFrom(code);
  const saved = store.get();
  if (saved) resume(saved);
  else create();
}

/** "Start over" once a conversation is done. */
export function restart() {
  store.clear();
  S.conv = null;
  create().then(() => ui.input.focus());
}

async function create() {
  if (S.exited) return;
  clearLog();
  setBusy(true, 'connecting');
  let r = null;
  try {
    r = await call('POST', '/api/conversations', { language: lang(), channel: 'web' });
  } catch {
    /* network: r stays null */
  }
  if (S.exited) return;
  setBusy(false);
  if (r?.status !== 201 || !r.body || !r.body.conversationId) {
    showAlert(explain(r), create);
    return;
  }
  S.conv = { conversationId: r.body.conversationId, token: r.body.token };
  store.set({ ...S.conv, open: true });
  const first = renderAll(r.body.messages, send);
  applyState(r.body.state);
  armIdle(r.body.hidesIn);
  reveal(first);
}

/**
 * Reads the conversation again once the hour is up (idle.js): it then shows only what the token
 * may still read, and the words typed and not sent go too.
 */
export function reread() {
  if (!S.conv || S.exited) return;
  if (S.busy) {
    armIdle(5);
    return;
  }
  ui.input.value = '';
  resume(S.conv);
}

async function resume(saved) {
  S.conv = saved;
  clearLog();
  setBusy(true, 'connecting');
  let r = null;
  try {
    r = await call('GET', `/api/conversations/${encodeURIComponent(saved.conversationId)}`);
  } catch {
    /* network */
  }
  if (S.exited) return;
  setBusy(false);
  if (r && (r.status === 401 || r.status === 404)) {
    store.clear();
    S.conv = null;
    return create(); // expired or unknown: start over cleanly
  }
  if (r?.status !== 200 || !r.body) {
    showAlert(explain(r), () => resume(saved));
    return;
  }
  redraw(r.body.messages, send, r.body.hidden);
  applyState(r.body.state || { step: '', done: false, language: r.body.language });
  armIdle(r.body.hidesIn);
}

// A one-time link texted to the client ("web" by SMS) opens that conversation: the embed took its
// code out of the page's address and passed it on.
async function continueFrom(code) {
  clearLog();
  setBusy(true, 'connecting');
  let r = null;
  try {
    r = await call('POST', '/api/conversations/continue', { code });
  } catch {
    /* network */
  }
  if (S.exited) return;
  setBusy(false);
  if (r?.status !== 200 || !r.body || !r.body.conversationId) {
    const saved = store.get();
    if (saved) return resume(saved);
    return create();
  }
  S.conv = { conversationId: r.body.conversationId, token: r.body.token };
  store.set({ ...S.conv, open: true });
  redraw(r.body.messages, send, r.body.hidden);
  applyState(r.body.state);
  armIdle(r.body.hidesIn);
}
