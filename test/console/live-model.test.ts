import { describe, expect, it } from 'vitest';
import {
  cleanMessage,
  deliveryNote,
  holder,
  isNewer,
  isView,
  mergeMessages,
  nextAfter,
  refusal,
  sendsOnEnter,
} from '../../functions/web/console/live-model.js';
import {
  conversationHash,
  conversationPath,
  conversationsHash,
  parseHash,
} from '../../functions/web/console/route.js';

const msg = (index: number, role = 'user', text = `m${index}`) => ({
  index,
  role,
  text,
  at: '2026-12-08T12:00:00.000Z',
});

describe('merging the messages a poll brings', () => {
  it('adds only the new ones, once each, in index order', () => {
    const known = [msg(0, 'bot'), msg(1)];
    const { messages, added } = mergeMessages(known, [msg(1), msg(3), msg(2, 'staff')]);
    expect(messages.map((m) => m.index)).toEqual([0, 1, 2, 3]);
    expect(added.map((m) => m.index)).toEqual([2, 3]);
    // The same answer again adds nothing.
    expect(mergeMessages(messages, [msg(2, 'staff'), msg(3)]).added).toEqual([]);
  });

  it('keeps the copy it had and drops what has no index', () => {
    const { messages, added } = mergeMessages(
      [msg(0, 'bot', 'first')],
      [msg(0, 'bot', 'again'), { role: 'user', text: 'no index' }, null, { index: -1 }],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toBe('first');
    expect(added).toEqual([]);
    expect(mergeMessages(null, undefined)).toEqual({ messages: [], added: [] });
  });

  it('reads roles it does not know as the assistant, and keeps a staff name', () => {
    expect(cleanMessage({ index: 4, role: 'system', text: 'x' })?.role).toBe('bot');
    expect(cleanMessage({ index: 4, role: 'staff', text: 7, name: 'Ana' })).toEqual({
      index: 4,
      role: 'staff',
      text: '7',
      at: '',
      name: 'Ana',
    });
  });

  it('polls from the first index missing, so a message written just before a send is fetched', () => {
    expect(nextAfter([])).toBe(0);
    expect(nextAfter([msg(0), msg(1), msg(2)])).toBe(3);
    // A send's answer brings only the new message (5); 4 came from the client meanwhile.
    expect(nextAfter([msg(0), msg(1), msg(2), msg(3), msg(5)])).toBe(4);
  });
});

describe('which state to believe', () => {
  it('a view has an id, messages and a seq', () => {
    expect(isView({ conversationId: 'C', messages: [], seq: 0 })).toBe(true);
    expect(isView({ conversationId: 'C', messages: [] })).toBe(false);
    expect(isView(null)).toBe(false);
  });

  it('the longer transcript is the later state: a slow poll cannot undo a takeover', () => {
    expect(isNewer(null, { seq: 3 })).toBe(true);
    expect(isNewer(5, { seq: 5 })).toBe(true);
    expect(isNewer(6, { seq: 5 })).toBe(false);
  });
});

describe('who has the conversation', () => {
  const me = { email: 'Ana@Firm.example', role: 'staff' };
  const at = '2026-12-08T12:00:00.000Z';

  it('nobody, me, someone else, or ended', () => {
    expect(holder({ done: false, takeover: null }, me).kind).toBe('free');
    expect(holder({ takeover: { by: 'ana@firm.example', name: 'Ana', at } }, me)).toEqual({
      kind: 'mine',
      name: 'Ana',
      at,
      canRelease: true,
    });
    expect(holder({ takeover: { by: 'ben@firm.example', name: 'Ben', at } }, me)).toEqual({
      kind: 'other',
      name: 'Ben',
      at,
      canRelease: false,
    });
    expect(holder({ done: true, takeover: null }, me).kind).toBe('ended');
  });

  it('an admin may hand back someone else’s', () => {
    const view = { takeover: { by: 'ben@firm.example', name: 'Ben', at } };
    expect(holder(view, { email: 'root@firm.example', role: 'admin' }).canRelease).toBe(true);
  });
});

describe('a staff message not texted', () => {
  it('says why plainly, and nothing when it went', () => {
    expect(deliveryNote({ by: 'sms', sent: false, why: 'opted-out' })).toBe(
      'Not texted: the client opted out of texts',
    );
    expect(deliveryNote({ by: 'sms', sent: false, why: 'not-safe' })).toBe(
      'Not texted: the number is not safe to contact and the client is not texting now',
    );
    expect(deliveryNote({ by: 'sms', sent: false, why: 'no-phone' })).toBe(
      'Not texted: this conversation has no phone',
    );
    expect(deliveryNote({ by: 'sms', sent: false, why: 'new-reason' })).toBe('Not texted');
    // WhatsApp after 24 hours of silence, with no template and no safe number to text.
    expect(deliveryNote({ by: 'whatsapp', sent: false, why: 'no-template' })).toMatch(
      /^Not sent: after 24 hours of silence WhatsApp takes only an approved template/,
    );
    expect(deliveryNote({ by: 'whatsapp', sent: true, template: true })).toBe('');
    expect(deliveryNote({ by: 'sms', sent: true })).toBe('');
    expect(deliveryNote({ by: 'web' })).toBe('');
    expect(deliveryNote(undefined)).toBe('');
  });
});

describe('refusals and keys', () => {
  const e409 = (code: string, message = '') => ({
    status: 409,
    body: { error: { code, message } },
  });
  it('says who has it, that it ended, or to take it over first', () => {
    expect(refusal(e409('taken-by-other', 'Ben Ortiz has it now.'))).toBe('Ben Ortiz has it now.');
    expect(refusal(e409('ended'))).toBe('This conversation has ended.');
    expect(refusal(e409('not-taken', 'x'))).toMatch(/Take it over again/);
    expect(refusal({ status: 500, body: null })).toBe(null);
  });

  it('Enter sends, Shift+Enter and a composing input method do not', () => {
    expect(sendsOnEnter({ key: 'Enter' })).toBe(true);
    expect(sendsOnEnter({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(sendsOnEnter({ key: 'Enter', isComposing: true })).toBe(false);
    expect(sendsOnEnter({ key: 'Enter', keyCode: 229 })).toBe(false);
    expect(sendsOnEnter({ key: 'a' })).toBe(false);
  });
});

describe('a conversation’s address', () => {
  it('reads back what it wrote; the list stays the list', () => {
    expect(conversationHash('a b/c')).toBe('#/conversations/a%20b%2Fc');
    expect(parseHash(conversationHash('a b/c'))).toEqual({ screen: 'conversation', id: 'a b/c' });
    expect(parseHash(conversationsHash(true))).toEqual({ screen: 'conversations', waiting: true });
    expect(parseHash('#/conversations/%E0%A4%A')).toEqual({ screen: 'board', filters: {} });
  });

  it('polls from an index, and posts to its actions', () => {
    expect(conversationPath('C3')).toBe('/api/staff/conversations/C3');
    expect(conversationPath('C3', { after: 0 })).toBe('/api/staff/conversations/C3');
    expect(conversationPath('C3', { after: 7 })).toBe('/api/staff/conversations/C3?after=7');
    expect(conversationPath('C3', { action: 'release' })).toBe(
      '/api/staff/conversations/C3/release',
    );
  });
});
