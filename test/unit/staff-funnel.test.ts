/**
 * The console's funnel and its list of conversations, counted from the summaries the store keeps
 * (functions/core/staff/funnel.ts, conversations.ts): each rule on both of its sides.
 */
import { describe, expect, it } from 'vitest';
import { startConversation } from '../../functions/core/channels/channels';
import {
  type ConversationSummary,
  isAbandoned,
  summaryOf,
} from '../../functions/core/staff/conversations';
import {
  countFunnel,
  type FunnelLead,
  funnelQuerySchema,
  MAX_FUNNEL_DAYS,
} from '../../functions/core/staff/funnel';
import { content } from '../helpers/content';

const TZ = 'America/Los_Angeles';
/** Noon in Los Angeles on December 7th. */
const NOW = new Date('2026-12-07T20:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

let n = 0;
function conv(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  n += 1;
  return {
    conversationId: `C${n}`,
    startedAt: hoursAgo(2),
    lastMessageAt: hoursAgo(1),
    channel: 'web',
    language: 'en',
    step: 'detained',
    status: 'active',
    consented: true,
    waiting: false,
    ...overrides,
  };
}

function lead(overrides: Partial<FunnelLead> = {}): FunnelLead {
  return {
    leadId: `L${++n}`,
    conversationId: 'none',
    createdAt: hoursAgo(1),
    channel: 'web',
    language: 'en',
    status: 'new',
    ...overrides,
  };
}

const count = (conversations: ConversationSummary[], leads: FunnelLead[] = []) =>
  countFunnel({
    from: '2026-12-01',
    to: '2026-12-07',
    now: NOW,
    timeZone: TZ,
    conversations,
    leads,
  });

describe('the funnel', () => {
  it('counts an ended conversation by how it ended, never as abandoned however long it is quiet', () => {
    const f = count([
      conv({ status: 'qualified', lastMessageAt: hoursAgo(72), startedAt: hoursAgo(73) }),
      conv({ status: 'referred', lastMessageAt: hoursAgo(72), startedAt: hoursAgo(73) }),
      conv({ status: 'declined', lastMessageAt: hoursAgo(72), startedAt: hoursAgo(73) }),
    ]);
    expect(f.totals).toMatchObject({
      started: 3,
      consented: 3,
      qualified: 1,
      referred: 1,
      declined: 1,
      abandoned: 0,
      inProgress: 0,
      abandonedAt: {},
    });
  });

  it('counts a conversation quiet for 23 hours as in progress, and one quiet for 24 or 25 as abandoned at its step', () => {
    const f = count([
      conv({ lastMessageAt: hoursAgo(23), startedAt: hoursAgo(23.5), step: 'detained' }),
      conv({ lastMessageAt: hoursAgo(24), startedAt: hoursAgo(24.5), step: 'matter' }),
      conv({ lastMessageAt: hoursAgo(25), startedAt: hoursAgo(26), step: 'detained' }),
    ]);
    expect(f.totals.inProgress).toBe(1);
    expect(f.totals.abandoned).toBe(2);
    expect(f.totals.abandonedAt).toEqual({ matter: 1, detained: 1 });
  });

  it('counts consent only when it was given', () => {
    const f = count([
      conv({ consented: false, step: 'consent' }),
      conv({ consented: true }),
      conv({ consented: false, status: 'declined' }),
    ]);
    expect(f.totals.started).toBe(3);
    expect(f.totals.consented).toBe(1);
  });

  it('splits by channel and language, one row each, with the sums by channel and by language', () => {
    const f = count([
      conv({ channel: 'web', language: 'en' }),
      conv({ channel: 'web', language: 'es' }),
      conv({ channel: 'sms', language: 'en' }),
      conv({ channel: 'sms', language: 'es', status: 'qualified' }),
    ]);
    expect(f.days.map((r) => [r.day, r.channel, r.language, r.started])).toEqual([
      ['2026-12-07', 'sms', 'en', 1],
      ['2026-12-07', 'sms', 'es', 1],
      ['2026-12-07', 'web', 'en', 1],
      ['2026-12-07', 'web', 'es', 1],
    ]);
    expect(f.byChannel.web?.started).toBe(2);
    expect(f.byChannel.sms).toMatchObject({ started: 2, qualified: 1 });
    expect(f.byLanguage.en?.started).toBe(2);
    expect(f.byLanguage.es).toMatchObject({ started: 2, qualified: 1 });
  });

  it('gives every channel and language its sums, and every day of the range its counts, at zero too', () => {
    const f = count([]);
    expect(Object.keys(f.byChannel)).toEqual(['web', 'sms', 'whatsapp']);
    expect(Object.keys(f.byLanguage)).toEqual(['en', 'es']);
    expect(f.byDay.map((d) => d.day)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
    expect(f.byDay.every((d) => d.started === 0)).toBe(true);
    expect(f.days).toEqual([]);
  });

  it("takes the day in the firm's time zone: 23:30 on the 1st in Los Angeles is the 1st, the 30th is out", () => {
    const f = count([
      // 2026-12-02T07:30Z is 23:30 on December 1st in Los Angeles.
      conv({ startedAt: '2026-12-02T07:30:00.000Z', lastMessageAt: hoursAgo(1) }),
      // 2026-12-01T07:30Z is November 30th there: before the range.
      conv({ startedAt: '2026-12-01T07:30:00.000Z', lastMessageAt: hoursAgo(1) }),
    ]);
    expect(f.totals.started).toBe(1);
    expect(f.byDay[0]).toMatchObject({ day: '2026-12-01', started: 1 });
    expect(f.byDay[1]).toMatchObject({ day: '2026-12-02', started: 0 });
  });

  it('counts leads accepted and retained on the day they were made, others not at all', () => {
    const f = count(
      [],
      [
        lead({ status: 'accepted' }),
        lead({ status: 'accepted', stage: 'retained' }),
        lead({ status: 'new', stage: 'contacted' }),
        lead({ status: 'declined' }),
        lead({ status: 'accepted', createdAt: '2026-11-20T18:00:00.000Z' }),
      ],
    );
    expect(f.totals.accepted).toBe(2);
    expect(f.totals.retained).toBe(1);
    expect(f.days).toHaveLength(1);
  });

  it('counts hearing reminders: leads with them on, sent, failed and stopped by a STOP', () => {
    const item = (
      status: 'sent' | 'failed' | 'cancelled' | 'scheduled',
      reason?: 'opted-out' | 'staff',
    ) => ({
      kind: 'week' as const,
      via: 'sms' as const,
      hearingDate: '2027-01-14',
      at: '2027-01-07T18:00:00.000Z',
      status,
      tries: 1,
      ...(reason ? { reason } : {}),
    });
    const reminders = (given: boolean, items: ReturnType<typeof item>[]) => ({
      consent: {
        given,
        version: '1',
        language: 'es' as const,
        channel: 'sms' as const,
        at: hoursAgo(1),
      },
      language: 'es' as const,
      hearing: { date: '2027-01-14' },
      items,
    });
    const f = count(
      [],
      [
        lead({
          reminders: reminders(true, [
            item('sent'),
            item('failed'),
            item('cancelled', 'opted-out'),
          ]),
        }),
        lead({ reminders: reminders(true, [item('cancelled', 'staff'), item('scheduled')]) }),
        lead({ reminders: reminders(false, [item('sent')]) }),
        lead(),
      ],
    );
    expect(f.totals).toMatchObject({
      remindersOn: 2,
      remindersSent: 1,
      remindersFailed: 1,
      remindersOptedOut: 1,
      accepted: 0,
    });
  });

  it("counts a lead under its conversation's channel and language when that is known, else its own", () => {
    const spanish = conv({ channel: 'sms', language: 'es', status: 'qualified' });
    const f = count(
      [spanish],
      [
        // The consultation in another language: the conversation was in Spanish, by text.
        lead({ status: 'accepted', conversationId: spanish.conversationId, language: 'Mixteco' }),
        lead({ status: 'accepted', channel: 'web', language: 'en' }),
      ],
    );
    expect(f.byChannel.sms?.accepted).toBe(1);
    expect(f.byLanguage.es?.accepted).toBe(1);
    expect(f.byChannel.web?.accepted).toBe(1);
    expect(f.byLanguage.en?.accepted).toBe(1);
    expect(f.byLanguage.Mixteco).toBeUndefined();
  });

  it('says when it was counted, and from which day unfinished conversations are all still kept', () => {
    const f = count([]);
    expect(f.asOf).toBe(NOW.toISOString());
    expect(f.abandonedAfterHours).toBe(24);
    expect(f.completeFrom).toBe('2026-11-08');
  });
});

describe('the range asked for', () => {
  const schema = funnelQuerySchema('2026-12-07');
  const issue = (query: Record<string, string>) => {
    const parsed = schema.safeParse(query);
    return parsed.success ? undefined : parsed.error.issues[0];
  };

  it('is the last 30 days without one, and ends today at the latest', () => {
    expect(schema.parse({})).toEqual({ from: '2026-11-08', to: '2026-12-07' });
    expect(schema.parse({ from: '2026-12-01', to: '2027-01-01' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-07',
    });
    expect(schema.parse({ to: '2026-11-30' })).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it(`is at most ${MAX_FUNNEL_DAYS} days, in order, of real dates`, () => {
    expect(schema.parse({ from: '2026-09-07', to: '2026-12-07' })).toEqual({
      from: '2026-09-07',
      to: '2026-12-07',
    });
    expect(issue({ from: '2026-09-06', to: '2026-12-07' })).toMatchObject({
      path: ['to'],
      message: 'the range is at most 92 days',
    });
    expect(issue({ from: '2026-12-05', to: '2026-12-04' })).toMatchObject({
      path: ['from'],
      message: 'must not be after to',
    });
    expect(issue({ from: '2026-12-08' })?.path).toEqual(['from']);
    expect(issue({ from: '2026-02-30' })?.path).toEqual(['from']);
    expect(issue({ to: '7/12/2026' })?.path).toEqual(['to']);
    expect(issue({ since: '2026-12-01' })?.code).toBe('unrecognized_keys');
  });
});

describe('a conversation summary', () => {
  it('is waiting only while the client who asked for a person is in the intake and nobody joined', async () => {
    const store = { create: async () => {}, get: async () => undefined, save: async () => {} };
    const { conversation } = await startConversation(
      {
        store: { ...store, delete: async () => {} },
        content: content(),
        now: () => NOW,
        newId: () => 'C-sum',
      },
      { language: 'es', channel: 'sms', tokenHash: 'f'.repeat(64) },
    );
    const summary = summaryOf(conversation);
    expect(summary).toMatchObject({
      conversationId: 'C-sum',
      startedAt: NOW.toISOString(),
      lastMessageAt: NOW.toISOString(),
      channel: 'sms',
      language: 'es',
      status: 'active',
      consented: false,
      waiting: false,
    });
    const asked = { ...conversation, intake: { ...conversation.intake, handoff: true } };
    expect(summaryOf(asked).waiting).toBe(true);
    const ended = { ...asked, intake: { ...asked.intake, status: 'qualified' as const } };
    expect(summaryOf(ended).waiting).toBe(false);
    // Once a person of the firm has joined, nobody is waiting any more.
    const at = NOW.toISOString();
    const taken = { ...asked, takeover: { by: 'ana@firm.example', name: 'Ana', at } };
    expect(summaryOf(taken).waiting).toBe(false);
    const answered = {
      ...asked,
      transcript: [...asked.transcript, { role: 'staff' as const, text: 'Hola', name: 'Ana', at }],
    };
    expect(summaryOf(answered).waiting).toBe(false);
    // Nothing a client wrote is in it.
    expect(Object.keys(summary).sort()).toEqual(
      [
        'channel',
        'consented',
        'conversationId',
        'expiresAt',
        'language',
        'lastMessageAt',
        'startedAt',
        'status',
        'step',
        'waiting',
      ].sort(),
    );
  });

  it('is abandoned after 24 hours without a message only while not ended', () => {
    const quiet = conv({ lastMessageAt: hoursAgo(24) });
    expect(isAbandoned(quiet, NOW)).toBe(true);
    expect(isAbandoned({ ...quiet, lastMessageAt: hoursAgo(23.9) }, NOW)).toBe(false);
    expect(isAbandoned({ ...quiet, status: 'referred' }, NOW)).toBe(false);
  });
});
