/**
 * Sending a message (typed, a choice, or a language command) and recovering when it fails: the
 * text goes back in the composer, and "Try again" re-reads the transcript before sending twice.
 */
import { call, explain } from './http.js';
import { armIdle } from './idle.js';
import {
  applyState,
  clearLog,
  disableActive,
  redraw,
  renderAll,
  renderMessage,
  reveal,
  setBusy,
  showAlert,
} from './render.js';
import { S } from './state.js';
import { store } from './storage.js';
import { lang, STRINGS, t } from './strings.js';
import { applyLang, grow, ui } from './ui.js';

export function onSubmit(e) {
  e.preventDefault();
  const text = ui.input.value.trim();
  if (text) send(text, text, null);
}

export function switchLang(value) {
  if (value === lang()) return;
  if (S.conv && S.state && !S.state.done && !S.busy)
    send(STRINGS[value]?.languageCommand, null, null);
  else applyLang(value); // nothing to tell the server yet: the next conversation starts in it
}

/** Sends `value`, shown as `label`; `chosenBtn` is the clicked choice, null when typed. */
export async function send(value, label, chosenBtn) {
  if (S.busy || S.exited || !S.conv || S.state?.done) return;
  const { input, log } = ui;
  const typed = chosenBtn === null && label === value;
  const count = shownCount();
  showAlert(null);
  const before = S.active.slice();
  disableActive(chosenBtn);
  S.active = [];
  const bubble = renderMessage({ role: 'user', text: label || value });
  if (typed) {
    input.value = '';
    grow();
  }
  log.scrollTop = log.scrollHeight;
  setBusy(true);
  let r = null;
  try {
    r = await call(
      'POST',
      `/api/conversations/${encodeURIComponent(S.conv.conversationId)}/messages`,
      { text: value },
    );
  } catch {
    /* network */
  }
  if (S.exited) return;
  setBusy(false);
  if (r && r.status === 200 && r.body) {
    armIdle(r.body.hidesIn);
    const first = renderAll(r.body.messages, send);
    applyState(r.body.state); // before scrolling: the end bar takes room from the log
    reveal(first);
    if (chosenBtn) log.focus({ preventScroll: true }); // the clicked button is now disabled
    return;
  }
  // Not delivered: take the bubble back, give the text back, re-open the choices.
  bubble.remove();
  for (const b of before) b.disabled = false;
  if (chosenBtn) chosenBtn.classList.remove('amparo-chosen');
  S.active = before;
  if (typed && !input.value) {
    input.value = value;
    grow();
  }
  if (r && (r.status === 401 || r.status === 404)) {
    store.clear();
    applyState({ ...(S.state || {}), done: true });
    showAlert(t('errExpired'));
    return;
  }
  const retry = () => {
    showAlert(null); // one retry at a time
    if (typed) input.value = '';
    resync(count, S.state).then((delivered) => {
      if (!delivered) send(value, label, chosenBtn);
    });
  };
  showAlert(explain(r), r && r.status >= 400 && r.status < 500 && r.status !== 429 ? null : retry);
}

const shownCount = () => ui.log.querySelectorAll('.amparo-msg').length;

// After a lost response the server may have the message already: ask before sending twice. It
// was applied if the intake moved on, or if the server now shows more than was shown here.
async function resync(localCount, before) {
  if (!S.conv) return false;
  try {
    const r = await call('GET', `/api/conversations/${encodeURIComponent(S.conv.conversationId)}`);
    if (S.exited) return true;
    const b = r.status === 200 ? r.body : null;
    if (!b || !Array.isArray(b.messages) || !b.state) return false;
    const moved = before && (b.state.step !== before.step || b.state.done !== before.done);
    if (moved || b.messages.length > localCount) {
      clearLog();
      redraw(b.messages, send, b.hidden);
      applyState(b.state);
      armIdle(b.hidesIn);
      return true;
    }
  } catch {
    /* still offline: the send below will say so */
  }
  return false;
}
