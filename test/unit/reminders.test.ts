/**
 * Hearing reminders' rules with a controlled clock (DOMAIN.md "Hearing reminders"): when each one
 * falls (10:00 and the morning of, the firm's zone, across daylight-saving changes), which are
 * planned (a hearing tomorrow: the morning's only; today or past: none), the quiet hours, the
 * words (within 3 SMS segments), and the worker's pass: sent once, retried with backoff, never to
 * a number that said STOP, never twice after a worker died mid-send.
 */
import { describe, expect, it } from 'vitest';
import type { SmsLine } from '../../functions/core/channels/sms/line';
import { segments } from '../../functions/core/channels/sms/segments';
import { VersionConflictError } from '../../functions/core/errors';
import type { Lead } from '../../functions/core/leads/lead';
import type { LeadStore, MailMessage } from '../../functions/core/ports';
import {
  cancelPending,
  deadlineOf,
  isQuietHour,
  moveReminders,
  nextDue,
  outsideQuietHours,
  planReminders,
  type Reminders,
  timeOfDay,
} from '../../functions/core/reminders/reminders';
import { type ReminderDeps, sendDueReminders } from '../../functions/core/reminders/send';
import { reminderText } from '../../functions/core/reminders/words';
import { content } from '../helpers/content';
import { aLead } from '../helpers/lead';

const LA = 'America/Los_Angeles';
const at = (r: { at: string }) => r.at;

describe('planning reminders', () => {
  it('puts them 7 days before and the day before at 10:00, and the morning of at 08:00', () => {
    const plan = planReminders({ date: '2027-01-14' }, ['sms'], '2026-12-07', LA);
    expect(plan.map((r) => [r.kind, r.at])).toEqual([
      ['week', '2027-01-07T18:00:00.000Z'],
      ['day', '2027-01-13T18:00:00.000Z'],
      ['morning', '2027-01-14T16:00:00.000Z'],
    ]);
    expect(plan.every((r) => r.status === 'scheduled' && r.tries === 0)).toBe(true);
  });

  it('keeps 10:00 on the wall clock across the autumn and spring daylight-saving changes', () => {
    // 1 November 2026 the clocks go back (PDT → PST); 14 March 2027 forward.
    const autumn = planReminders({ date: '2026-11-03' }, ['sms'], '2026-10-20', LA);
    expect(autumn.map(at)).toEqual([
      '2026-10-27T17:00:00.000Z', // 10:00 PDT
      '2026-11-02T18:00:00.000Z', // 10:00 PST
      '2026-11-03T16:00:00.000Z', // 08:00 PST
    ]);
    const spring = planReminders({ date: '2027-03-16' }, ['sms'], '2027-03-01', LA);
    expect(spring.map(at)).toEqual([
      '2027-03-09T18:00:00.000Z', // 10:00 PST
      '2027-03-15T17:00:00.000Z', // 10:00 PDT
      '2027-03-16T15:00:00.000Z', // 08:00 PDT
    ]);
  });

  it('sends only the morning reminder for a hearing tomorrow, and none for today or a past date', () => {
    expect(
      planReminders({ date: '2026-12-08' }, ['sms'], '2026-12-07', LA).map((r) => r.kind),
    ).toEqual(['morning']);
    expect(planReminders({ date: '2026-12-07' }, ['sms'], '2026-12-07', LA)).toEqual([]);
    expect(planReminders({ date: '2026-11-30' }, ['sms'], '2026-12-07', LA)).toEqual([]);
    // Six days away: the week's day has passed.
    expect(
      planReminders({ date: '2026-12-13' }, ['sms'], '2026-12-07', LA).map((r) => r.kind),
    ).toEqual(['day', 'morning']);
  });

  it('reminds of an afternoon hearing at 10:00 that morning', () => {
    const plan = planReminders({ date: '2027-01-14', time: '13:00' }, ['sms'], '2026-12-07', LA);
    expect(plan.find((r) => r.kind === 'morning')?.at).toBe('2027-01-14T18:00:00.000Z');
  });

  it('plans each reminder for each way given', () => {
    const plan = planReminders({ date: '2027-01-14' }, ['sms', 'email'], '2026-12-07', LA);
    expect(plan).toHaveLength(6);
    expect(plan.filter((r) => r.via === 'email').map((r) => r.kind)).toEqual([
      'week',
      'day',
      'morning',
    ]);
  });

  it('reads the time of day the client typed with the date', () => {
    expect(timeOfDay('el 14 de enero a las 8:30 de la mañana')).toBe('08:30');
    expect(timeOfDay('January 14 at 1:00 pm')).toBe('13:00');
    expect(timeOfDay('14/1 a las 2')).toBe('14:00');
    expect(timeOfDay('jan 14 9am')).toBe('09:00');
    expect(timeOfDay('el 14 de enero')).toBeUndefined();
  });
});

describe('the quiet hours', () => {
  it('are 21:00 to 08:00 on the firm clock, and a time in them moves to 08:00', () => {
    expect(isQuietHour(new Date('2026-12-08T05:30:00Z'), LA)).toBe(true); // 21:30
    expect(isQuietHour(new Date('2026-12-08T15:59:00Z'), LA)).toBe(true); // 07:59
    expect(isQuietHour(new Date('2026-12-08T16:00:00Z'), LA)).toBe(false); // 08:00
    expect(outsideQuietHours(new Date('2026-12-08T05:30:00Z'), LA).toISOString()).toBe(
      '2026-12-08T16:00:00.000Z',
    );
    expect(outsideQuietHours(new Date('2026-12-08T12:00:00Z'), LA).toISOString()).toBe(
      '2026-12-08T16:00:00.000Z',
    );
  });
});

function reminders(overrides: Partial<Reminders> = {}): Reminders {
  return {
    consent: {
      given: true,
      version: '1',
      language: 'es',
      channel: 'sms',
      at: '2026-12-07T18:00:00.000Z',
    },
    language: 'es',
    phone: '+17603341288',
    hearing: { date: '2027-01-14', time: '08:30', court: 'San Diego' },
    items: planReminders({ date: '2027-01-14', time: '08:30' }, ['sms'], '2026-12-07', LA),
    ...overrides,
  };
}

describe('the words', () => {
  it('say the date, time, court, the court line, EOIR-33 and STOP, within 3 segments', () => {
    for (const language of ['en', 'es'] as const) {
      const r = reminders({
        language,
        hearing: { date: '2027-09-29', time: '13:30', court: 'Adelanto Immigration Court Annex' },
      });
      r.items = planReminders(r.hearing, ['sms'], '2026-12-07', LA);
      for (const item of r.items) {
        const bodies = reminderText(content(), r, item);
        expect(bodies).toHaveLength(1);
        const body = bodies[0] ?? '';
        expect(segments(body).count, body).toBeLessThanOrEqual(3);
        expect(body).toContain('1-800-898-7180');
        expect(body).toContain('EOIR-33');
        expect(body).toMatch(language === 'es' ? /PARAR/ : /STOP/);
        expect(body).toMatch(/2027/);
        expect(body).toMatch(/1:30/);
        expect(body).toContain('Adelanto');
      }
    }
  });
});

describe('moving and stopping', () => {
  it('cancels what was not sent for the old date and plans the new one', () => {
    const r = reminders();
    r.items = r.items.map((item, i) =>
      i === 0 ? { ...item, status: 'sent', sentAt: item.at } : item,
    );
    const moved = moveReminders(r, { date: '2027-02-10' }, '2027-01-08', LA);
    expect(moved.items.filter((i) => i.hearingDate === '2027-01-14').map((i) => i.status)).toEqual([
      'sent',
      'cancelled',
      'cancelled',
    ]);
    expect(moved.items.filter((i) => i.hearingDate === '2027-02-10')).toHaveLength(3);
    expect(nextDue(moved)).toBe('2027-02-03T18:00:00.000Z');
  });

  it('leaves nothing due once cancelled', () => {
    expect(nextDue(cancelPending(reminders(), 'staff'))).toBeUndefined();
  });

  it('sends the morning reminder until the hearing, the day-before one until the morning', () => {
    const r = reminders();
    expect(
      deadlineOf({ kind: 'morning', hearingDate: '2027-01-14' }, r.hearing, LA).toISOString(),
    ).toBe('2027-01-14T16:30:00.000Z');
    expect(
      deadlineOf({ kind: 'day', hearingDate: '2027-01-14' }, r.hearing, LA).toISOString(),
    ).toBe('2027-01-14T16:00:00.000Z');
  });
});

/** A lead store in memory that checks versions like DynamoDB's conditioned writes. */
function memoryLeads(initial: Lead[]) {
  const rows = new Map(initial.map((l) => [l.leadId, structuredClone(l)]));
  const store: LeadStore = {
    get: async (id) => structuredClone(rows.get(id)),
    listDay: async () => [],
    openLeadOf: async () => undefined,
    save: async (lead) => {
      const current = rows.get(lead.leadId);
      if ((current?.version ?? 0) !== lead.version - 1)
        throw new VersionConflictError(lead.leadId, lead.version - 1);
      rows.set(lead.leadId, structuredClone(lead));
    },
    delete: async (lead) => void rows.delete(lead.leadId),
    listReminding: async (now) =>
      [...rows.values()]
        .filter((l) => (nextDue(l.reminders) ?? '9') <= now.toISOString())
        .map((l) => structuredClone(l)),
  };
  return { store, rows };
}

function world(options: { at: string; line?: Partial<SmsLine>; fail?: number } = { at: '' }) {
  const lead = aLead({ leadId: 'L-R', reminders: reminders() });
  const { store, rows } = memoryLeads([lead]);
  const texts: { to: string; body: string }[] = [];
  const mails: MailMessage[] = [];
  let failures = options.fail ?? 0;
  let clock = new Date(options.at);
  const deps: ReminderDeps = {
    leads: store,
    lines: {
      getLine: async (phone) =>
        options.line
          ? {
              phone,
              optedOut: false,
              language: 'es',
              version: 1,
              updatedAt: clock.toISOString(),
              recent: [],
              ...options.line,
            }
          : undefined,
    },
    sender: {
      send: async (m) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('Twilio answered 500');
        }
        texts.push(m);
        return { id: `SM${texts.length}` };
      },
    },
    mailer: {
      send: async (m) => {
        mails.push(m);
        return { messageId: 'm' };
      },
    },
    mailFrom: 'intake@example.com',
    content: content(),
    now: () => clock,
    log: { info: () => {}, error: () => {} },
  };
  return {
    deps,
    texts,
    mails,
    lead: () => rows.get('L-R') as Lead,
    setClock: (iso: string) => {
      clock = new Date(iso);
    },
  };
}

describe('the worker pass', () => {
  it('sends a reminder when due, once, however many passes run', async () => {
    const w = world({ at: '2027-01-07T18:00:30Z' });
    const [first, second] = await Promise.all([sendDueReminders(w.deps), sendDueReminders(w.deps)]);
    await sendDueReminders(w.deps);
    expect((first?.sent ?? 0) + (second?.sent ?? 0)).toBe(1);
    expect(w.texts).toHaveLength(1);
    expect(w.texts[0]?.to).toBe('+17603341288');
    expect(w.texts[0]?.body).toMatch(/en 7 dias/);
    const week = w.lead().reminders?.items.find((r) => r.kind === 'week');
    expect(week?.status).toBe('sent');
    expect(w.lead().reminders?.items.filter((r) => r.status === 'scheduled')).toHaveLength(2);
  });

  it('sends nothing before its time', async () => {
    const w = world({ at: '2027-01-07T17:59:00Z' });
    expect((await sendDueReminders(w.deps)).sent).toBe(0);
    expect(w.texts).toHaveLength(0);
  });

  it('retries a failed send with backoff, then sends it once', async () => {
    const w = world({ at: '2027-01-07T18:00:30Z', fail: 1 });
    expect(await sendDueReminders(w.deps)).toMatchObject({ sent: 0, retried: 1 });
    const week = w.lead().reminders?.items.find((r) => r.kind === 'week');
    expect(week).toMatchObject({ status: 'scheduled', tries: 1, lastError: 'Error' });
    expect(week?.nextAt).toBe('2027-01-07T18:05:30.000Z');
    await sendDueReminders(w.deps); // not yet
    expect(w.texts).toHaveLength(0);
    w.setClock('2027-01-07T18:06:00Z');
    expect((await sendDueReminders(w.deps)).sent).toBe(1);
    expect(w.texts).toHaveLength(1);
  });

  it('marks it failed after its tries, and shows why', async () => {
    const w = world({ at: '2027-01-07T18:00:30Z', fail: 99 });
    for (const t of [
      '2027-01-07T18:00:30Z',
      '2027-01-07T18:06:00Z',
      '2027-01-07T18:21:00Z',
      '2027-01-07T19:06:00Z',
    ]) {
      w.setClock(t);
      await sendDueReminders(w.deps);
    }
    const week = w.lead().reminders?.items.find((r) => r.kind === 'week');
    expect(week).toMatchObject({ status: 'failed', tries: 4, reason: 'failed' });
    expect(w.texts).toHaveLength(0);
  });

  it('sends nothing to a number that said STOP after the yes, even after START', async () => {
    const stopped = world({
      at: '2027-01-07T18:00:30Z',
      line: { optedOut: true, optedOutAt: '2026-12-20T00:00:00Z' },
    });
    expect(await sendDueReminders(stopped.deps)).toMatchObject({ sent: 0, cancelled: 1 });
    expect(stopped.lead().reminders?.items[0]).toMatchObject({
      status: 'cancelled',
      reason: 'opted-out',
    });
    const restarted = world({
      at: '2027-01-07T18:00:30Z',
      line: { optedOut: false, optedOutAt: '2026-12-20T00:00:00Z' },
    });
    await sendDueReminders(restarted.deps);
    expect(restarted.texts).toHaveLength(0);
    // A STOP from before the yes (then START) does not stop what they asked for after.
    const before = world({
      at: '2027-01-07T18:00:30Z',
      line: { optedOut: false, optedOutAt: '2026-11-01T00:00:00Z' },
    });
    await sendDueReminders(before.deps);
    expect(before.texts).toHaveLength(1);
  });

  it('does not send a reminder again when a worker died after claiming it', async () => {
    const w = world({ at: '2027-01-07T18:00:30Z' });
    const lead = w.lead();
    const planned = lead.reminders as Reminders;
    const items = planned.items.map((r) =>
      r.kind === 'week'
        ? { ...r, status: 'sending' as const, claimedUntil: '2027-01-07T18:02:30.000Z' }
        : r,
    );
    await w.deps.leads.save({
      ...lead,
      version: lead.version + 1,
      reminders: { ...planned, items },
    });
    w.setClock('2027-01-07T18:03:00Z');
    expect(await sendDueReminders(w.deps)).toMatchObject({ sent: 0, failed: 1 });
    expect(w.lead().reminders?.items.find((r) => r.kind === 'week')).toMatchObject({
      status: 'failed',
      reason: 'interrupted',
    });
    expect(w.texts).toHaveLength(0);
  });

  it('waits for 08:00 when it comes due in the quiet hours, and drops one past its use', async () => {
    const w = world({ at: '2027-01-08T06:00:00Z' }); // 22:00 the day after the week's time
    await sendDueReminders(w.deps);
    expect(w.texts).toHaveLength(0);
    expect(w.lead().reminders?.items.find((r) => r.kind === 'week')?.nextAt).toBe(
      '2027-01-08T16:00:00.000Z',
    );
    w.setClock('2027-01-08T16:00:10Z');
    await sendDueReminders(w.deps);
    expect(w.texts).toHaveLength(1);
    // The morning's, after the hearing began: not sent.
    w.setClock('2027-01-14T17:00:00Z');
    await sendDueReminders(w.deps);
    expect(w.lead().reminders?.items.find((r) => r.kind === 'morning')).toMatchObject({
      status: 'cancelled',
      reason: 'too-late',
    });
  });

  it('emails the reminders by email, in the client language', async () => {
    const w = world({ at: '2027-01-13T18:00:30Z' });
    const lead = w.lead();
    const r = lead.reminders as Reminders;
    const email = planReminders(r.hearing, ['email'], '2026-12-07', LA);
    await w.deps.leads.save({
      ...lead,
      version: lead.version + 1,
      reminders: {
        ...r,
        email: 'marvin@example.com',
        items: [
          ...r.items.filter((i) => i.kind !== 'week'),
          ...email.filter((i) => i.kind !== 'week'),
        ],
      },
    });
    await sendDueReminders(w.deps);
    expect(w.mails).toHaveLength(1);
    expect(w.mails[0]?.to).toEqual(['marvin@example.com']);
    expect(w.mails[0]?.subject).toMatch(/Recordatorio/);
    expect(w.mails[0]?.text).toMatch(/EOIR-33/);
    expect(w.texts).toHaveLength(1);
  });
});

describe('who gets them, and a new date', () => {
  it('texts only a phone the client is proven to hold, and emails an address given', async () => {
    const { reminderWays } = await import('../../functions/core/engine/reminders');
    const state = {
      channel: 'web' as const,
      answers: { phone: '+12133734253', email: 'a@example.com' },
    };
    expect(reminderWays(content(), state).via).toEqual(['email']);
    expect(reminderWays(content(), state, { provenPhone: '+12133734253' }).via).toEqual([
      'sms',
      'email',
    ]);
    expect(
      reminderWays(content(), state, { provenPhone: '+12133734253', texting: false }).via,
    ).toEqual(['email']);
    // A country the firm does not text.
    const abroad = { channel: 'sms' as const, answers: { phone: '+525512345678' } };
    expect(reminderWays(content(), abroad, { provenPhone: '+525512345678' }).via).toEqual([]);
  });

  it("keeps the earlier date's reminders when the client gives a new date, until staff confirm one", () => {
    const r = reminders();
    const client = moveReminders(r, { date: '2027-02-10' }, '2026-12-08', LA, {
      keepEarlier: true,
    });
    expect(client.items.filter((i) => i.status === 'scheduled').map((i) => i.hearingDate)).toEqual([
      '2027-01-14',
      '2027-01-14',
      '2027-01-14',
      '2027-02-10',
      '2027-02-10',
      '2027-02-10',
    ]);
    const staff = moveReminders(client, { date: '2027-02-10' }, '2026-12-08', LA);
    expect(staff.items.filter((i) => i.status === 'scheduled').map((i) => i.hearingDate)).toEqual([
      '2027-02-10',
      '2027-02-10',
      '2027-02-10',
    ]);
    // Back to the first date: planned again in place of those a move cancelled, never twice.
    const back = moveReminders(staff, { date: '2027-01-14' }, '2026-12-08', LA);
    expect(back.items.filter((i) => i.hearingDate === '2027-01-14')).toHaveLength(3);
    expect(back.items.filter((i) => i.status === 'scheduled').map((i) => i.hearingDate)).toEqual([
      '2027-01-14',
      '2027-01-14',
      '2027-01-14',
    ]);
  });
});

describe('the offer', () => {
  it('never says the address, and once answers are hidden not even the date', async () => {
    const { offerReminders } = await import('../../functions/core/engine/reminders');
    const { begin } = await import('../../functions/core/engine/engine');
    const ctx = {
      content: content(),
      now: new Date('2026-12-07T18:00:00Z'),
      provenPhone: '+12133734253',
    };
    const state = begin(ctx, 'en', 'sms').state;
    Object.assign(state, { status: 'qualified', step: 'end' });
    Object.assign(state.answers, {
      nextHearingDate: '2027-01-14',
      safeToContact: 'yes',
      phone: '+12133734253',
      email: 'someone@example.org',
    });
    const shown = offerReminders(ctx, state, '2026-12-07')
      .map((m) => m.text)
      .join('\n');
    expect(shown).toMatch(/January 14, 2027/);
    expect(shown).toMatch(/a text and an email/);
    expect(shown).not.toMatch(/someone@example\.org/);
    state.step = 'end';
    state.hideAnswers = true;
    const hidden = offerReminders(ctx, state, '2026-12-07')
      .map((m) => m.text)
      .join('\n');
    expect(hidden).toMatch(/reminders of the hearing date you gave/);
    expect(hidden).not.toMatch(/2027|January/);
  });
});
