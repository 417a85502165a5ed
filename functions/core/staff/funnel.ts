/**
 * The intake funnel (API.md "Staff": `GET /api/staff/funnel`): of the conversations started on
 * each of the firm's days, how many the client consented in, how many ended qualified, referred or
 * declined, how many are still going and how many were abandoned (not ended, no message for
 * ABANDONED_AFTER_HOURS) and at which step; and of the leads made each day, how many an attorney
 * accepted and how many the firm marked retained. Per day, channel and language, with the sums a
 * chart and a table read as they are.
 *
 * Counted from what is kept: a conversation erased ("delete my data", a lead erased by staff, or
 * 30 days after the last message of one that did not qualify) is no longer counted.
 */
import * as z from 'zod';
import { addDays, daysBetween, isValidIsoDate, todayIn } from '../calendar';
import { ABANDONED_AFTER_SECONDS } from '../conversation';
import { ChannelSchema } from '../engine/state';
import type { Lead } from '../leads/lead';
import {
  ABANDONED_AFTER_HOURS,
  type ConversationListDeps,
  type ConversationSummary,
  daysOf,
  inBatches,
  isAbandoned,
  startedOn,
  stepLabel,
} from './conversations';
import type { StaffLeadDeps } from './leads';

/** The longest range one request may ask for, in days (one Query a day for each kind). */
export const MAX_FUNNEL_DAYS = 92;
/** The range without `from`: the last 30 days, today included. */
export const DEFAULT_FUNNEL_DAYS = 30;

/** Every channel and language has its entry in the sums, even at zero. */
const CHANNELS = ChannelSchema.options;
const LANGUAGES = ['en', 'es'];

export interface FunnelCounts {
  started: number;
  consented: number;
  /** Not ended, a message within ABANDONED_AFTER_HOURS. */
  inProgress: number;
  qualified: number;
  referred: number;
  declined: number;
  /** Not ended, no message for ABANDONED_AFTER_HOURS. */
  abandoned: number;
  /** The abandoned by the step they stopped at. */
  abandonedAt: Record<string, number>;
  /** Leads made that day an attorney accepted (`status` accepted). */
  accepted: number;
  /** Leads made that day the firm marked retained (`stage` retained). */
  retained: number;
  /** Leads made that day whose client said yes to hearing reminders. */
  remindersOn: number;
  /** Their reminders sent, failed (after every try, or a worker stopped mid-send), and stopped by a STOP. */
  remindersSent: number;
  remindersFailed: number;
  remindersOptedOut: number;
}
export type FunnelDay = FunnelCounts & { day: string };
export type FunnelRow = FunnelCounts & { day: string; channel: string; language: string };

export interface Funnel {
  from: string;
  to: string;
  /** The firm's time zone, in which the days are. */
  timeZone: string;
  /** When it was counted: in progress and abandoned depend on it. */
  asOf: string;
  abandonedAfterHours: number;
  /**
   * The first day whose unfinished and unqualified conversations are all still kept: before it,
   * those with no message for 30 days are erased, so earlier days count fewer of them.
   */
  completeFrom: string;
  totals: FunnelCounts;
  byChannel: Record<string, FunnelCounts>;
  byLanguage: Record<string, FunnelCounts>;
  /** Every day of the range, in order, zeros included: a chart's series. */
  byDay: FunnelDay[];
  /** One row per day, channel and language that has anything: a table's rows. */
  days: FunnelRow[];
  /** Words for the steps in `abandonedAt` (the intake summary's labels). */
  stepLabels: Record<string, string>;
}

/** What the funnel reads of a lead. */
export type FunnelLead = Pick<
  Lead,
  | 'leadId'
  | 'conversationId'
  | 'createdAt'
  | 'channel'
  | 'language'
  | 'status'
  | 'stage'
  | 'reminders'
>;

export function emptyCounts(): FunnelCounts {
  return {
    started: 0,
    consented: 0,
    inProgress: 0,
    qualified: 0,
    referred: 0,
    declined: 0,
    abandoned: 0,
    abandonedAt: {},
    accepted: 0,
    retained: 0,
    remindersOn: 0,
    remindersSent: 0,
    remindersFailed: 0,
    remindersOptedOut: 0,
  };
}

type Measure = Exclude<keyof FunnelCounts, 'abandonedAt'>;

/** Adds `from` into `into`. */
function add(into: FunnelCounts, from: FunnelCounts) {
  for (const key of Object.keys(from) as (keyof FunnelCounts)[]) {
    if (key === 'abandonedAt') {
      for (const [step, n] of Object.entries(from.abandonedAt)) {
        into.abandonedAt[step] = (into.abandonedAt[step] ?? 0) + n;
      }
    } else into[key] += from[key];
  }
}

const IsoDay = z.string().refine(isValidIsoDate, 'must be a date YYYY-MM-DD').optional();

/**
 * The query's schema on `today` (the firm's): `from` and `to` are days, both optional (the last
 * DEFAULT_FUNNEL_DAYS up to today); a `to` after today is today; `from` after `to`, or a range
 * over MAX_FUNNEL_DAYS, fails with the field it is about.
 *
 * @example funnelQuerySchema('2026-12-07').parse({}) // { from: '2026-11-08', to: '2026-12-07' }
 */
export function funnelQuerySchema(today: string) {
  const resolve = (q: { from?: string; to?: string }) => {
    const to = q.to && q.to < today ? q.to : today;
    return { from: q.from ?? addDays(to, -(DEFAULT_FUNNEL_DAYS - 1)), to };
  };
  return z
    .strictObject({ from: IsoDay, to: IsoDay })
    .superRefine((q, ctx) => {
      // A day that is not a date has its own issue already.
      if (![q.from, q.to].every((d) => d === undefined || isValidIsoDate(d))) return;
      const { from, to } = resolve(q);
      if (from > to) {
        const message = q.to ? 'must not be after to' : 'must not be after today';
        ctx.addIssue({ code: 'custom', path: ['from'], message });
      } else if (daysBetween(from, to) + 1 > MAX_FUNNEL_DAYS) {
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `the range is at most ${MAX_FUNNEL_DAYS} days`,
        });
      }
    })
    .transform(resolve);
}

export interface FunnelInput {
  from: string;
  to: string;
  now: Date;
  timeZone: string;
  /** The summaries of the conversations started in the range (others are ignored). */
  conversations: ConversationSummary[];
  /** The leads made in the range (others are ignored). */
  leads: FunnelLead[];
}

/**
 * Counts the funnel (pure). A conversation counts on the day it started, under its channel and
 * language. A lead counts on the day it was made, under its conversation's channel and language
 * when that conversation is among `conversations`, else its own.
 *
 * @example countFunnel({ from, to, now, timeZone, conversations: rows, leads }).totals.started
 */
export function countFunnel(input: FunnelInput): Omit<Funnel, 'stepLabels'> {
  const { from, to, now, timeZone } = input;
  const dayOf = (at: string) => todayIn(new Date(at), timeZone);
  const rows = new Map<string, FunnelRow>();
  const row = (day: string, channel: string, language: string): FunnelRow => {
    const key = JSON.stringify([day, channel, language]);
    let found = rows.get(key);
    if (!found) {
      found = { day, channel, language, ...emptyCounts() };
      rows.set(key, found);
    }
    return found;
  };
  const bump = (r: FunnelRow, measure: Measure) => {
    r[measure] += 1;
  };

  const byId = new Map<string, ConversationSummary>();
  for (const c of input.conversations) {
    byId.set(c.conversationId, c);
    const day = dayOf(c.startedAt);
    if (day < from || day > to) continue;
    const r = row(day, c.channel, c.language);
    bump(r, 'started');
    if (c.consented) bump(r, 'consented');
    if (c.status === 'qualified' || c.status === 'referred' || c.status === 'declined') {
      bump(r, c.status);
    } else if (c.status === 'active') {
      if (isAbandoned(c, now)) {
        bump(r, 'abandoned');
        r.abandonedAt[c.step] = (r.abandonedAt[c.step] ?? 0) + 1;
      } else bump(r, 'inProgress');
    }
  }
  for (const lead of input.leads) {
    const day = dayOf(lead.createdAt);
    if (day < from || day > to) continue;
    const accepted = lead.status === 'accepted';
    const retained = lead.stage === 'retained';
    const reminders = lead.reminders?.consent.given ? lead.reminders.items : undefined;
    if (!accepted && !retained && !reminders) continue;
    const c = byId.get(lead.conversationId);
    const r = row(day, c?.channel ?? lead.channel, c?.language ?? lead.language);
    if (accepted) bump(r, 'accepted');
    if (retained) bump(r, 'retained');
    if (reminders) bump(r, 'remindersOn');
    for (const item of reminders ?? []) {
      if (item.status === 'sent') bump(r, 'remindersSent');
      if (item.status === 'failed') bump(r, 'remindersFailed');
      if (item.reason === 'opted-out') bump(r, 'remindersOptedOut');
    }
  }

  const days = [...rows.values()].sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      a.channel.localeCompare(b.channel) ||
      a.language.localeCompare(b.language),
  );
  const totals = emptyCounts();
  const byChannel: Record<string, FunnelCounts> = Object.fromEntries(
    CHANNELS.map((c) => [c, emptyCounts()]),
  );
  const byLanguage: Record<string, FunnelCounts> = Object.fromEntries(
    LANGUAGES.map((l) => [l, emptyCounts()]),
  );
  const perDay = new Map(daysOf(from, to).map((day) => [day, { day, ...emptyCounts() }]));
  for (const r of days) {
    const { day: _d, channel, language, ...counts } = r;
    add(totals, counts);
    byChannel[channel] ??= emptyCounts();
    add(byChannel[channel], counts);
    byLanguage[language] ??= emptyCounts();
    add(byLanguage[language], counts);
    const d = perDay.get(r.day);
    if (d) add(d, counts);
  }
  const today = todayIn(now, timeZone);
  return {
    from,
    to,
    timeZone,
    asOf: now.toISOString(),
    abandonedAfterHours: ABANDONED_AFTER_HOURS,
    completeFrom: addDays(today, -(ABANDONED_AFTER_SECONDS / 86_400 - 1)),
    totals,
    byChannel,
    byLanguage,
    byDay: [...perDay.values()],
    days,
  };
}

export type FunnelDeps = ConversationListDeps & Pick<StaffLeadDeps, 'leads'>;

/**
 * Reads the range's conversations (their summaries) and leads, and counts them.
 *
 * @example await funnel(deps, { from: '2026-11-08', to: '2026-12-07' })
 */
export async function funnel(
  deps: FunnelDeps,
  range: { from: string; to: string },
): Promise<Funnel> {
  const days = daysOf(range.from, range.to);
  const [conversations, leads] = await Promise.all([
    startedOn(deps, days),
    inBatches(days, (day) => deps.leads.listDay(day)),
  ]);
  const counted = countFunnel({
    ...range,
    now: deps.now(),
    timeZone: deps.timeZone,
    conversations,
    leads: leads.flat(),
  });
  const stepLabels = Object.fromEntries(
    Object.keys(counted.totals.abandonedAt).map((step) => [step, stepLabel(deps.strings, step)]),
  );
  return { ...counted, stepLabels };
}
