/**
 * Drawing the conversation: messages and their choice buttons, the typing status, alerts, and
 * the state the API reports (done, language). `choose(value, label, button)` is what a click
 * on a choice does (send.js).
 */
import { h, tr } from './dom.js';
import { S } from './state.js';
import { lang, pickLang } from './strings.js';
import { applyLang, ui } from './ui.js';

export function setStatus(key) {
  ui.status.replaceChildren();
  if (!key) return;
  const dots = h('span', { class: 'amparo-dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i'));
  ui.status.append(h('div', { class: 'amparo-typing' }, dots, h('span', { i18n: key })));
}

export function showAlert(text, retry) {
  ui.alertEl.replaceChildren();
  if (!text) return;
  const box = h('div', { class: 'amparo-alert-box' }, h('p', { text }));
  if (retry)
    box.append(
      h('button', { type: 'button', class: 'amparo-ghost', i18n: 'retry', onclick: retry }),
    );
  ui.alertEl.append(box);
}

export function disableActive(chosen) {
  for (const b of S.active) {
    b.disabled = true;
    if (b === chosen) b.classList.add('amparo-chosen');
  }
}

export function renderMessage(m, prevBot, choose) {
  const isUser = m.role === 'user';
  // A person of the firm (the console's takeover): their name above their words.
  const isStaff = m.role === 'staff';
  let text = String(m.text ?? '');
  // A choice is sent by its value; show the label the person actually clicked.
  if (isUser && prevBot && Array.isArray(prevBot.choices)) {
    const c = prevBot.choices.find((x) => x && x.value === text);
    if (c) text = c.label;
  }
  const who = isUser ? 'user' : isStaff ? 'staff' : 'bot';
  const wrap = h(
    'div',
    { class: `amparo-msg amparo-msg--${who}` },
    h('span', { class: 'amparo-sr', i18n: isUser ? 'you' : isStaff ? 'staff' : 'bot' }),
    ...(isStaff && m.name ? [h('span', { class: 'amparo-name', text: String(m.name) })] : []),
    h('div', {
      class: 'amparo-bubble',
      'data-testid': `amparo-msg-${who}`,
      text,
    }),
  );
  if (isUser) disableActive(null);
  else if (Array.isArray(m.choices) && m.choices.length) {
    const group = h('div', { class: 'amparo-choices', role: 'group' });
    tr(group, 'aria-label', 'choices');
    for (const c of m.choices) {
      const b = h('button', {
        type: 'button',
        class: 'amparo-choice',
        'data-testid': 'amparo-choice',
        'data-value': c.value,
        text: c.label,
      });
      b.addEventListener('click', () => choose(c.value, c.label, b));
      group.append(b);
      S.active.push(b);
    }
    wrap.append(group);
  }
  ui.log.append(wrap);
  return wrap;
}

const HIDDEN_KEYS = { pause: 'hiddenPause', link: 'hiddenLink', end: 'hiddenEnd' };

/**
 * Why earlier messages are not shown (the API's `hidden`), first in the log; nothing when all
 * of the conversation is shown.
 */
export function showHidden(hidden) {
  const key = HIDDEN_KEYS[hidden];
  if (!key) return;
  ui.log.append(h('p', { class: 'amparo-note', 'data-testid': 'amparo-hidden', i18n: key }));
}

/** Appends the messages; returns the first one's element. */
export function renderAll(messages, choose) {
  const first = [];
  let prevBot = null;
  for (const m of messages || []) {
    first.push(renderMessage(m, prevBot, choose));
    if (m.role !== 'user') prevBot = m;
  }
  return first[0];
}

// Long replies (the opening disclaimer) are read from their start, short ones keep the bottom.
export function reveal(firstNew) {
  if (!firstNew) return;
  const { log } = ui;
  const fromTop = firstNew.offsetTop - 12;
  log.scrollTop = log.scrollHeight - fromTop > log.clientHeight ? fromTop : log.scrollHeight;
}

export function applyState(state) {
  if (!state) return;
  S.state = state;
  if (state.language && pickLang(state.language) !== lang()) applyLang(state.language);
  const done = Boolean(state.done);
  ui.doneBar.hidden = !done;
  ui.input.disabled = done;
  ui.sendBtn.disabled = done || S.busy;
  if (done) disableActive(null);
}

export function setBusy(busy, key) {
  S.busy = busy;
  ui.sendBtn.disabled = busy || Boolean(S.state?.done);
  setStatus(busy ? key || 'typing' : null);
}

// Redraw a whole transcript without a screen reader reading all of it out again.
export function redraw(messages, choose, hidden) {
  const { log } = ui;
  log.setAttribute('aria-live', 'off');
  showHidden(hidden);
  renderAll(messages, choose);
  log.scrollTop = log.scrollHeight;
  setTimeout(() => log.setAttribute('aria-live', 'polite'), 300);
}

export function clearLog() {
  S.active = [];
  S.state = null;
  ui.log.replaceChildren();
  showAlert(null);
  ui.doneBar.hidden = true;
  ui.input.disabled = false;
  ui.sendBtn.disabled = false;
}
