/**
 * Conversations as the console sees them (API.md "Staff": `GET /api/staff/conversations`): a
 * summary of each (channel, language, when it started and last moved, the step it is at, whether
 * the client asked for a person), never its transcript or answers. The store keeps this summary
 * on the conversation item and lists it by the firm's day of creation
 * (functions/adapters/keys.ts pattern 14), so a turn writes it in the PutItem it makes anyway.
 */
import * as z from 'zod';
import { addDays, todayIn } from '../calendar';
import type { Catalog } from '../content';
import type { Conversation } from '../conversation';
import { ChannelSchema, IntakeStatusSchema } from '../engine/state';
import { LanguageSchema } from '../flow';
import { own } from '../own';
import type { ConversationStore } from '../ports';
import { isExpired } from '../retention';

/** A conversation with no message for this long, and not ended, is abandoned. */
export const ABANDONED_AFTER_HOURS = 24;

/**
 * Days of conversations the in-progress list reads back (one Query a day). An unfinished
 * conversation is erased 30 days after its last message, but each message moves that on, so one
 * started long ago can still be going: this reaches back as far as the funnel may.
 */
export const IN_PROGRESS_DAYS = 92;

/** Conversations listed at most, the waiting ones and the most recently active first. */
export const MAX_LISTED = 500;

/** Queries the console runs at once when it reads many days. */
const READS_AT_ONCE = 8;

export const ConversationSummarySchema = z.strictObject({
  conversationId: z.string(),
  startedAt: z.string(),
  /** The last message in the transcript, the client's or the assistant's. */
  lastMessageAt: z.string(),
  channel: ChannelSchema,
  language: LanguageSchema,
  /** The step the intake is at (the question pending, or the last one when it ended). */
  step: z.string(),
  status: IntakeStatusSchema,
  /** The client agreed to the disclaimer and consent. */
  consented: z.boolean(),
  /**
   * Not ended, the client asked for a person ("person", "persona": the engine's `handoff`), and
   * no person of the firm has joined yet (a takeover, or a staff message in the transcript).
   */
  waiting: z.boolean(),
  /** The conversation's TTL (epoch seconds), to read an expired one as absent. */
  expiresAt: z.number().int().positive().optional(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

/**
 * What the store keeps of a conversation for the console.
 *
 * @example summaryOf(conversation) // { conversationId, step: 'detained', waiting: false, … }
 */
export function summaryOf(c: Conversation): ConversationSummary {
  const active = c.intake.status === 'active';
  const joined = c.takeover !== undefined || c.transcript.some((e) => e.role === 'staff');
  return {
    conversationId: c.id,
    startedAt: c.createdAt,
    lastMessageAt: c.transcript.at(-1)?.at ?? c.createdAt,
    channel: c.intake.channel,
    language: c.intake.language,
    step: c.intake.step,
    status: c.intake.status,
    consented: c.intake.consent?.given === true,
    waiting: active && c.intake.handoff && !joined,
    ...(c.expiresAt === undefined ? {} : { expiresAt: c.expiresAt }),
  };
}

/**
 * Not ended and no message for ABANDONED_AFTER_HOURS (24 hours exactly is abandoned).
 *
 * @example isAbandoned(row, new Date('2026-12-08T18:00:00Z')) // true if idle since the 7th, 18:00
 */
export function isAbandoned(row: ConversationSummary, now: Date): boolean {
  if (row.status !== 'active') return false;
  return now.getTime() - Date.parse(row.lastMessageAt) >= ABANDONED_AFTER_HOURS * 3_600_000;
}

/** The label of a step in the attorney's words (the intake summary's), or its id. */
export function stepLabel(strings: Catalog, step: string): string {
  const label = own(strings.en, `steps.${step}.label`);
  return typeof label === 'string' ? label : step;
}

/** Runs `read` on each item, at most `atOnce` at a time; results in the items' order. */
export async function inBatches<T, R>(
  items: T[],
  read: (item: T) => Promise<R>,
  atOnce = READS_AT_ONCE,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await read(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker));
  return out;
}

/** The days from `from` to `to`, both included (YYYY-MM-DD). */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export interface ConversationListDeps {
  store: ConversationStore;
  strings: Catalog;
  timeZone: string;
  now: () => Date;
}

/** The summaries of the conversations started on those days, expired ones left out. */
export async function startedOn(
  deps: Pick<ConversationListDeps, 'store' | 'now'>,
  days: string[],
): Promise<ConversationSummary[]> {
  const listStarted = deps.store.listStarted?.bind(deps.store);
  if (!listStarted) throw new Error('This conversation store cannot list conversations.');
  const now = deps.now();
  const read = await inBatches(days, listStarted);
  // TTL deletion runs late: an expired conversation is gone as far as anyone can tell.
  return read.flat().filter((row) => !isExpired(row.expiresAt, now));
}

export const ConversationListQuerySchema = z.strictObject({
  waiting: z.enum(['true', 'false']).optional(),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuerySchema>;

/** A conversation of the list, as API.md gives it, with what the console shows beside it. */
export interface ConversationListRow {
  conversationId: string;
  channel: string;
  language: string;
  startedAt: string;
  lastMessageAt: string;
  step: string;
  /** The step in the attorney's words. */
  stepLabel: string;
  waiting: boolean;
  /** No message for ABANDONED_AFTER_HOURS: the funnel counts it as abandoned. */
  idle: boolean;
}

/**
 * The conversations in progress (not ended) started in the last IN_PROGRESS_DAYS: those waiting
 * for a person first, then the most recently active; with `waiting: 'true'` only those waiting.
 * At most MAX_LISTED (`more` says some were left out).
 *
 * @example await listConversations(deps, { waiting: 'true' }) // { conversations: [...], more: false }
 */
export async function listConversations(deps: ConversationListDeps, query: ConversationListQuery) {
  const now = deps.now();
  const today = todayIn(now, deps.timeZone);
  const rows = await startedOn(deps, daysOf(addDays(today, -(IN_PROGRESS_DAYS - 1)), today));
  const open = rows
    .filter((r) => r.status === 'active' && (query.waiting !== 'true' || r.waiting))
    .sort(
      (a, b) =>
        Number(b.waiting) - Number(a.waiting) ||
        b.lastMessageAt.localeCompare(a.lastMessageAt) ||
        a.conversationId.localeCompare(b.conversationId),
    );
  const conversations: ConversationListRow[] = open.slice(0, MAX_LISTED).map((r) => ({
    conversationId: r.conversationId,
    channel: r.channel,
    language: r.language,
    startedAt: r.startedAt,
    lastMessageAt: r.lastMessageAt,
    step: r.step,
    stepLabel: stepLabel(deps.strings, r.step),
    waiting: r.waiting,
    idle: isAbandoned(r, now),
  }));
  return { conversations, more: open.length > MAX_LISTED };
}
