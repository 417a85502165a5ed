/**
 * A conversation live `#/conversations/<id>`, where a person of the firm steps into a client's
 * chat: `GET /api/staff/conversations/{id}`, then `?after=<n>` every 3 seconds while the screen is
 * shown and the tab visible (only the new messages are added; polling stops on leaving the
 * screen). "Take over" (`POST …/takeover`), a message to the client (`POST …/messages`; said
 * plainly when a text was not sent) and "Hand back to the assistant" (`POST …/release`). Someone
 * else's conversation has no controls (an admin may hand it back); an ended one is read only.
 * Everything the client or the firm wrote is set as text. The message being typed lives in
 * `app.drafts` until it is sent, so no failure and no redraw loses it.
 */
import { announce, h, messageBox, when } from './dom.js';
import { channelLabel, languageLabel, roleLabel } from './format.js';
import { stepName } from './funnel-model.js';
import { call, explain } from './http.js';
import {
  deliveryNote,
  holder,
  isNewer,
  isView,
  MESSAGE_MAX,
  mergeMessages,
  nextAfter,
  POLL_MS,
  refusal,
  sendsOnEnter,
} from './live-model.js';
import { conversationPath } from './route.js';
import { app, consoleTitle, showScreen } from './shell.js';
import { T } from './words.js';

const clientLang = (language) => (language === 'en' || language === 'es' ? language : null);

export function showConversation(id) {
  const seq = app.seq;
  const draftKey = `conversation:${id}`;
  const live = {
    /** The last state believed (the answer with the longest transcript). */
    view: null,
    shownSeq: null,
    messages: [],
    /** "Not texted: …" by message index. */
    notes: new Map(),
    items: new Map(),
    timer: 0,
    polling: false,
    busy: false,
    stopped: false,
    failing: false,
    /** Who had it when the controls were drawn: they are redrawn only when that changes. */
    mode: '',
    /** Seen taken over on this screen: the list's "waiting" no longer holds. */
    joined: false,
    /** An action of the controls is under way: focus follows its answer. */
    refocus: false,
  };
  const alive = () => seq === app.seq && !live.stopped;

  const title = h('h1', { id: 'conversation-title', text: T.conversation });
  const back = h(
    'a',
    { class: 'back', href: app.conversationsHash },
    h('span', { 'aria-hidden': 'true', text: '←' }),
    T.backToConversations,
  );
  const liveNote = h('p', { class: 'live-note muted' });
  const glance = h('dl', { class: 'glance' });
  const list = h('ol', { class: 'plain chat' });
  const empty = h('p', { class: 'muted', text: T.noMessages });
  const log = h(
    'div',
    {
      class: 'live-log',
      role: 'log',
      tabindex: '0',
      'aria-labelledby': 'messages-title',
    },
    empty,
    list,
  );
  const controls = h('section', { class: 'part live-controls', 'aria-labelledby': 'part-title' });
  const body = h('div', { class: 'live-body' });
  const screen = h(
    'section',
    { class: 'screen conversation', 'aria-labelledby': 'conversation-title' },
    back,
    title,
    body,
  );

  // The message box outlives redraws of the controls, so what is typed and focus stay put.
  const box = h('textarea', {
    id: 'message-text',
    name: 'text',
    rows: '3',
    maxlength: String(MESSAGE_MAX),
    'aria-describedby': 'message-hint',
  });
  box.value = app.drafts.get(draftKey) || '';
  box.addEventListener('input', () => {
    if (box.value) app.drafts.set(draftKey, box.value);
    else app.drafts.delete(draftKey);
  });
  box.addEventListener('keydown', (e) => {
    if (!sendsOnEnter(e)) return;
    e.preventDefault();
    send();
  });
  const sendButton = h('button', { type: 'submit', class: 'btn btn-primary', text: T.send });
  const formMsg = h('div', { class: 'form-msg' });
  const hintLine = h('p', { id: 'message-hint', class: 'muted hint' });
  const form = h(
    'form',
    { class: 'compose', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'message-text', text: T.messageLabel }), box),
    hintLine,
    h('div', { class: 'inline' }, sendButton),
    formMsg,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  const actionMsg = h('div', { class: 'form-msg' });

  function show(where, text, tone, extra) {
    where.replaceChildren(text ? h('div', { class: `box box-${tone}` }, h('p', { text })) : '');
    if (text && extra) where.firstChild.append(extra);
    if (text) announce(text);
  }

  /** A failed call: the session ended (the typed message stays, to copy), gone, or why. */
  function failed(r, where) {
    const why = explain(r?.status === 200 ? { status: 500, body: null } : r);
    if (why.kind === 'signin') {
      if (!box.value.trim()) return app.signedOut(why.message);
      stop();
      const go = h('button', {
        type: 'button',
        class: 'btn',
        text: T.signInAgain,
        onclick: () => app.signedOut(),
      });
      show(where, `${T.sessionEnded} ${T.copyMessage}`, 'danger', go);
      return;
    }
    if (why.kind === 'missing') return missing();
    show(where, refusal(r) || why.message, 'danger');
    if (r?.status === 409) poll(); // who has it changed: show it now
  }

  function missing() {
    stop();
    title.textContent = T.noSuchConversation;
    document.title = `${T.noSuchConversation} · ${consoleTitle()}`;
    body.replaceChildren(messageBox(T.noSuchConversationHint, 'info'));
    announce(T.noSuchConversation);
  }

  /** Keeps what an answer brings; `delivery` (an action's) is noted by its last message. */
  function take(view, delivery) {
    const merged = mergeMessages(live.messages, view.messages);
    live.messages = merged.messages;
    const note = deliveryNote(delivery);
    const last = view.messages[view.messages.length - 1];
    if (note && Number.isInteger(last?.index)) live.notes.set(last.index, note);
    if (isNewer(live.shownSeq, view)) {
      live.view = view;
      live.shownSeq = view.seq;
      if (view.takeover) live.joined = true;
    }
    drawMessages();
    drawGlance();
    drawControls();
    return note;
  }

  function drawMessages() {
    const stick = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    for (const m of live.messages) {
      let item = live.items.get(m.index);
      if (!item) {
        item = message(m);
        live.items.set(m.index, item);
        const after = live.messages.find((x) => x.index > m.index && live.items.has(x.index));
        list.insertBefore(item, after ? live.items.get(after.index) : null);
      }
      const note = live.notes.get(m.index);
      if (note && !item.querySelector('.msg-note'))
        item.append(
          h(
            'p',
            { class: 'msg-note', lang: 'en' },
            h('span', { 'aria-hidden': 'true', text: '⚠ ' }),
            note,
          ),
        );
    }
    empty.hidden = live.messages.length > 0;
    if (stick) log.scrollTop = log.scrollHeight;
  }

  function message(m) {
    const who = m.role === 'staff' ? T.staffBy(m.name) : roleLabel(m.role);
    return h(
      'li',
      { class: `msg msg-${m.role}` },
      h('p', { class: 'msg-who', lang: 'en' }, who, m.at ? ' · ' : '', m.at ? when(m.at) : null),
      h('p', { class: 'bubble', text: m.text }),
    );
  }

  function stateWords(who, view) {
    if (who.kind === 'ended') return T.stateEnded;
    if (who.kind === 'mine') return T.stateMine(who.at ? when(who.at).textContent : '');
    if (who.kind === 'other')
      return T.stateOther(who.name || T.someone, who.at ? when(who.at).textContent : '');
    const hint = app.conversationHints.get(id);
    const waiting =
      typeof view.waiting === 'boolean' ? view.waiting : !live.joined && hint?.waiting;
    if (!waiting) return T.stateBot;
    return h(
      'span',
      { class: 'urg urg-high' },
      h('span', { class: 'urg-icon', 'aria-hidden': 'true', text: '!' }),
      h('span', { text: T.stateWaiting }),
    );
  }

  function drawGlance() {
    const view = live.view;
    const who = holder(view, app.me);
    const hint = app.conversationHints.get(id);
    const step = stepName(view.step, hint?.stepLabel ? { [view.step]: hint.stepLabel } : {});
    const pair = (label, value) => [h('dt', { text: label }), h('dd', {}, value)];
    glance.replaceChildren(
      ...[
        pair(T.now, stateWords(who, view)),
        pair(T.channel, channelLabel(view.channel)),
        pair(T.language, languageLabel(view.language)),
        pair(T.step, step),
      ].flat(),
    );
    const lang = clientLang(view.language);
    if (lang) list.setAttribute('lang', lang);
    else list.removeAttribute('lang');
    hintLine.textContent = T.messageHint(view.channel);
  }

  function button(text, cls, onclick) {
    return h('button', { type: 'button', class: `btn ${cls}`, text, onclick });
  }

  function drawControls() {
    const who = holder(live.view, app.me);
    const mode = `${who.kind}|${who.name}|${who.canRelease}`;
    if (mode === live.mode) return;
    const hadFocus = live.refocus || controls.contains(document.activeElement);
    const first = live.mode === '';
    live.mode = mode;
    const heading = h('h2', { id: 'part-title', tabindex: '-1', text: T.yourPart });
    formMsg.replaceChildren(); // the last action's words (actionMsg) stay: they say what changed
    const parts = [heading];
    let focus = heading;
    if (who.kind === 'ended') {
      parts.push(messageBox(T.endedReadOnly, 'info'));
      stop();
      liveNote.textContent = T.liveEnded;
    } else if (who.kind === 'free') {
      const join = button(T.takeOver, 'btn-primary', () => takeOver(join));
      join.setAttribute('aria-describedby', 'take-hint');
      parts.push(h('p', { id: 'take-hint', text: T.takeOverHint }), join);
      focus = join;
    } else if (who.kind === 'mine') {
      parts.push(form, releasePart());
      focus = box;
    } else {
      parts.push(messageBox(T.otherHasIt(who.name || T.someone), 'warn'));
      if (who.canRelease) parts.push(h('p', { text: T.adminHandBack }), releasePart());
    }
    parts.push(actionMsg);
    controls.replaceChildren(...parts);
    if (!first && hadFocus) focus.focus();
  }

  function releasePart() {
    const give = button(T.handBack, 'btn-quiet', () => release(give));
    give.setAttribute('aria-describedby', 'release-hint');
    return h(
      'div',
      { class: 'release' },
      h('p', { id: 'release-hint', class: 'muted', text: T.handBackHint }),
      give,
    );
  }

  /**
   * A button busy or not: `aria-disabled` rather than `disabled`, which would drop the focus to
   * the page (the busy flag ignores clicks meanwhile).
   */
  function busy(btn, text, on = true) {
    btn.textContent = text;
    if (on) btn.setAttribute('aria-disabled', 'true');
    else btn.removeAttribute('aria-disabled');
  }

  /** Runs one action (takeover, release) from `btn`: busy words while it runs, then the answer. */
  async function act(btn, busyText, action, done) {
    if (live.busy) return;
    live.busy = true;
    const text = btn.textContent;
    busy(btn, busyText);
    actionMsg.replaceChildren();
    live.refocus = true;
    const r = await call('POST', conversationPath(id, { action }), {});
    if (!alive()) return;
    live.busy = false;
    busy(btn, text, false);
    if (r?.status === 200 && isView(r.body)) {
      const note = take(r.body, r.body.delivery);
      live.refocus = false;
      announce(note ? `${done} ${note}.` : done);
      return;
    }
    failed(r, actionMsg);
    live.refocus = false;
  }

  const takeOver = (btn) => act(btn, T.takingOver, 'takeover', T.tookOver);
  const release = (btn) => act(btn, T.handingBack, 'release', T.handedBack);

  async function send() {
    if (live.busy) return;
    const text = box.value.trim();
    if (!text) {
      show(formMsg, T.messageEmpty, 'warn');
      box.focus();
      return;
    }
    if (text.length > MESSAGE_MAX) return show(formMsg, T.messageLong(MESSAGE_MAX), 'warn');
    live.busy = true;
    box.readOnly = true;
    busy(sendButton, T.sending);
    formMsg.replaceChildren();
    const r = await call('POST', conversationPath(id, { action: 'messages' }), { text });
    if (!alive()) return;
    live.busy = false;
    box.readOnly = false;
    busy(sendButton, T.send, false);
    if (r?.status === 200 && isView(r.body)) {
      box.value = '';
      app.drafts.delete(draftKey);
      log.scrollTop = log.scrollHeight;
      const note = take(r.body, r.body.delivery);
      if (note) show(formMsg, `${note}.`, 'warn');
      else announce(T.sent);
      if (controls.contains(box)) box.focus();
      return;
    }
    failed(r, formMsg); // the text stays in the box
  }

  /** Asks for what is new; the next poll is set when this one is answered. */
  async function poll() {
    clearTimeout(live.timer);
    if (!alive() || live.polling || document.hidden) return;
    live.polling = true;
    const r = await call('GET', conversationPath(id, { after: nextAfter(live.messages) }));
    live.polling = false;
    if (!alive()) return;
    if (r?.status === 200 && isView(r.body)) {
      take(r.body);
      if (live.failing) {
        live.failing = false;
        liveNote.textContent = T.liveOn;
        announce(T.liveBack);
      }
    } else {
      const why = explain(r?.status === 200 ? { status: 500, body: null } : r);
      if (why.kind === 'signin' || why.kind === 'missing')
        return failed(r, controls.contains(box) ? formMsg : actionMsg);
      if (!live.failing) {
        live.failing = true;
        liveNote.textContent = T.liveFailing(why.message);
        announce(liveNote.textContent);
      }
    }
    schedule();
  }

  function schedule() {
    clearTimeout(live.timer);
    if (alive() && !document.hidden) live.timer = setTimeout(poll, POLL_MS);
  }

  function onVisibility() {
    if (document.hidden) clearTimeout(live.timer);
    else poll();
  }

  function stop() {
    live.stopped = true;
    clearTimeout(live.timer);
    document.removeEventListener('visibilitychange', onVisibility);
  }

  async function load() {
    body.setAttribute('aria-busy', 'true');
    body.replaceChildren(h('p', { class: 'loading', text: T.loadingConversation }));
    const r = await call('GET', conversationPath(id));
    if (!alive()) return;
    body.removeAttribute('aria-busy');
    if (r?.status === 200 && isView(r.body)) {
      liveNote.textContent = T.liveOn;
      body.replaceChildren(
        liveNote,
        glance,
        h(
          'section',
          { class: 'part', 'aria-labelledby': 'messages-title' },
          h('h2', { id: 'messages-title', text: T.messages }),
          log,
        ),
        controls,
      );
      take(r.body);
      log.scrollTop = log.scrollHeight;
      schedule();
      return;
    }
    const why = explain(r?.status === 200 ? { status: 500, body: null } : r);
    if (why.kind === 'signin') return app.signedOut(why.message);
    if (why.kind === 'missing') return missing();
    body.replaceChildren(messageBox(why.message, 'danger', why.retry ? load : null));
    announce(why.message);
  }

  showScreen(screen, T.conversation);
  app.leave = stop;
  document.addEventListener('visibilitychange', onVisibility);
  load();
}
