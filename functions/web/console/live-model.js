/**
 * A conversation live (`#/conversations/<id>`): the messages each answer brings merged by index,
 * where the next poll starts, whose state to believe, who has the conversation, and the words for
 * a staff message that was not texted. Pure: no `document`, no `fetch`.
 */
import { NOT_TEXTED, T } from './words.js';

/** How often the screen asks for new messages while it is open and the tab visible. */
export const POLL_MS = 3000;
/** The longest message the API takes (`POST …/messages`, 1–1000 characters). */
export const MESSAGE_MAX = 1000;

const str = (x) => (typeof x === 'string' ? x : '');

/** A message of the API as the console keeps it, or null when it has no usable index. */
export function cleanMessage(m) {
  if (!m || typeof m !== 'object' || !Number.isInteger(m.index) || m.index < 0) return null;
  const role = m.role === 'user' || m.role === 'staff' ? m.role : 'bot';
  return { index: m.index, role, text: String(m.text ?? ''), at: str(m.at), name: str(m.name) };
}

/**
 * `known` and `incoming` as one list in index order, each index once (the transcript only grows,
 * so a copy already known is the same message and the first one is kept); `added` are the
 * messages `known` did not have, in index order.
 */
export function mergeMessages(known, incoming) {
  const byIndex = new Map();
  for (const m of Array.isArray(known) ? known : []) {
    const c = cleanMessage(m);
    if (c && !byIndex.has(c.index)) byIndex.set(c.index, c);
  }
  const added = [];
  for (const m of Array.isArray(incoming) ? incoming : []) {
    const c = cleanMessage(m);
    if (!c || byIndex.has(c.index)) continue;
    byIndex.set(c.index, c);
    added.push(c);
  }
  const order = (a, b) => a.index - b.index;
  return { messages: [...byIndex.values()].sort(order), added: added.sort(order) };
}

/**
 * Where the next poll starts (`?after=`): the first index missing from 0 on. A message's answer
 * brings only the new message, so one the client wrote just before it is asked for again.
 */
export function nextAfter(messages) {
  const have = new Set();
  for (const m of Array.isArray(messages) ? messages : []) {
    if (m && Number.isInteger(m.index)) have.add(m.index);
  }
  let n = 0;
  while (have.has(n)) n++;
  return n;
}

/** True when the answer is a conversation's view the screen can draw. */
export function isView(body) {
  return (
    !!body &&
    typeof body === 'object' &&
    typeof body.conversationId === 'string' &&
    Array.isArray(body.messages) &&
    Number.isInteger(body.seq)
  );
}

/**
 * Whether an answer's state (who has it, step, ended) is newer than what is shown: every change
 * of who has it adds a message, so the longer transcript is the later state, and a poll that left
 * before a takeover and came back after it cannot undo it on screen.
 */
export function isNewer(shownSeq, body) {
  return !Number.isInteger(shownSeq) || (Number.isInteger(body?.seq) && body.seq >= shownSeq);
}

/**
 * Who has the conversation, for `me` (`{ email, role }`): `{ kind, name, at, canRelease }`,
 * `kind` 'ended' (read only), 'free' (the assistant answers), 'mine' or 'other' (an admin may
 * still hand it back).
 */
export function holder(view, me) {
  const t = view?.takeover && typeof view.takeover === 'object' ? view.takeover : null;
  const name = str(t?.name) || str(t?.by);
  const at = str(t?.at);
  if (view?.done === true) return { kind: 'ended', name, at, canRelease: false };
  if (!t) return { kind: 'free', name: '', at: '', canRelease: false };
  const mine = !!me?.email && str(t.by).toLowerCase() === String(me.email).toLowerCase();
  if (mine) return { kind: 'mine', name, at, canRelease: true };
  return { kind: 'other', name, at, canRelease: me?.role === 'admin' };
}

/** "Not sent: …" when an SMS or WhatsApp client did not get a message, else ''. */
export function deliveryNote(delivery) {
  if ((delivery?.by !== 'sms' && delivery?.by !== 'whatsapp') || delivery.sent !== false) return '';
  const why = delivery.why;
  return typeof why === 'string' && Object.hasOwn(NOT_TEXTED, why) ? NOT_TEXTED[why] : T.notTexted;
}

/** The words for a 409 of takeover, a message or release (`error.code`), or null for another. */
export function refusal(r) {
  if (r?.status !== 409) return null;
  const error = r.body?.error;
  const said = str(error?.message);
  if (error?.code === 'taken-by-other') return said || T.takenByOther;
  if (error?.code === 'ended') return T.ended;
  if (error?.code === 'not-taken') return T.notTaken;
  return said || T.takenByOther;
}

/** Enter sends, Shift+Enter is a new line; never while an input method is composing a word. */
export function sendsOnEnter(e) {
  return (
    !!e && e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229 && !e.altKey
  );
}
