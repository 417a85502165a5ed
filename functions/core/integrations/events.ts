/**
 * Lead events for the firm's other systems (API.md "Outbound integrations"): `lead.created`,
 * `lead.updated`, `lead.accepted`, `lead.status`. The events waiting to go out are kept on the
 * lead item (`outbound`), like its email's `delivery`, so the same version-checked claim and the
 * same due-time index carry them; each event keeps its id on every try, and each target (a
 * webhook URL, Clio Grow) its own attempts, next try and last error.
 *
 * Which events a lead owes is worked out from the lead itself against what was already announced
 * (`seen`): the turn, the accept link and the console's stage change save the lead as before, and
 * the delivery worker notices the change. No request is added to a client's turn.
 */
import * as z from 'zod';

export const EVENT_TYPES = [
  'lead.created',
  'lead.updated',
  'lead.accepted',
  'lead.status',
] as const;
export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

/** Clio Grow's Lead Inbox, as a target name; a webhook target is named by its URL. */
export const CLIO_TARGET = 'clio-grow';

export const TargetStateSchema = z.strictObject({
  /** A webhook's URL, or `clio-grow`. */
  target: z.string(),
  /** pending → sent (a 2xx); failed when given up on (MAX_TRIES) or no longer configured. */
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.string().optional(),
  sentAt: z.string().optional(),
  /** `HTTP 503`, `timeout`, `redirect 302`…: never the response's body. */
  lastError: z.string().optional(),
});
export type TargetState = z.infer<typeof TargetStateSchema>;

export const OutboundEventSchema = z.strictObject({
  /** The same on every try: receivers drop a repeat by it. */
  id: z.string(),
  type: EventTypeSchema,
  createdAt: z.string(),
  targets: z.array(TargetStateSchema),
});
export type OutboundEvent = z.infer<typeof OutboundEventSchema>;

export const OutboundSchema = z.strictObject({
  /** Events with a target still pending or given up on (for the console), oldest first. */
  events: z.array(OutboundEventSchema),
  /** What was announced already: the updates counted, whether accepted, the console's stage. */
  seen: z.strictObject({
    updates: z.number().int().nonnegative(),
    accepted: z.boolean(),
    stage: z.string(),
  }),
  /** A worker's claim (a version-checked save): others leave the lead's events until it ends. */
  claimedUntil: z.string().optional(),
});
export type Outbound = z.infer<typeof OutboundSchema>;

/** What of a lead the events are worked out from. */
export interface EventSource {
  createdAt: string;
  status: string;
  stage?: string;
  updates?: unknown[];
  outbound?: Outbound;
}

/** A target is given up on after this many failed tries (about two days: backoffMs). */
export const MAX_TRIES = 30;
/** Given-up events kept on the lead for the console, newest last. */
export const KEEP_FAILED = 10;

/**
 * Wait before the next try after `attempts` failed ones: 30 s, 1, 2, 4… minutes, at most 2 hours.
 *
 * @example backoffMs(1) // 30_000; backoffMs(3) // 120_000; backoffMs(20) // 7_200_000
 */
export const backoffMs = (attempts: number): number =>
  Math.min(2 * 3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));

const seenOf = (lead: EventSource): Outbound['seen'] => ({
  updates: lead.updates?.length ?? 0,
  accepted: lead.status === 'accepted',
  stage: lead.stage ?? 'new',
});

/**
 * The event types a lead owes now: `lead.created` the first time it is seen, then one for each
 * kind of change since the last announcement (an update sent again, an accept, a stage change).
 *
 * @example owedTypes({ createdAt, status: 'accepted', outbound: { seen: { accepted: false, … } } }) // ['lead.accepted']
 */
export function owedTypes(lead: EventSource): EventType[] {
  const seen = lead.outbound?.seen;
  if (!seen) return ['lead.created'];
  const now = seenOf(lead);
  const owed: EventType[] = [];
  if (now.updates > seen.updates) owed.push('lead.updated');
  if (now.accepted && !seen.accepted) owed.push('lead.accepted');
  if (now.stage !== seen.stage) owed.push('lead.status');
  return owed;
}

/**
 * The lead's `outbound` with the events it owes added (each to the targets that take its type:
 * Clio Grow takes only new leads) and `seen` brought up to date. Unchanged when nothing is owed;
 * with no target, only `seen` moves (undefined for a lead never seen).
 *
 * @example withOwedEvents(lead, ['https://crm.example/hook', 'clio-grow'], now, randomUUID)
 */
export function withOwedEvents(
  lead: EventSource,
  targets: string[],
  now: Date,
  newId: () => string,
): Outbound | undefined {
  const types = owedTypes(lead);
  if (types.length === 0) return lead.outbound;
  // Nowhere to send it (the targets were removed): seen all the same, so it is not owed forever.
  if (targets.length === 0) return lead.outbound && { ...lead.outbound, seen: seenOf(lead) };
  const at = now.toISOString();
  const events = types.map((type) => ({
    id: newId(),
    type,
    createdAt: at,
    targets: targets
      .filter((t) => t !== CLIO_TARGET || type === 'lead.created')
      .map((target) => ({ target, status: 'pending' as const, attempts: 0, nextAttemptAt: at })),
  }));
  return {
    ...lead.outbound,
    events: [...(lead.outbound?.events ?? []), ...events.filter((e) => e.targets.length > 0)],
    seen: seenOf(lead),
  };
}

/**
 * When the worker must next look at a lead's events, if ever: at once when it owes one, when a
 * claim runs out, or at the earliest pending target's next try. The due-time index places the
 * lead by it (functions/adapters/keys.ts pattern 10). A lead never seen (no `outbound`) is found
 * by its email's delivery, which is pending when it is new.
 *
 * @example outboundDueAt(lead) // '2026-11-25T18:01:00.000Z'
 */
export function outboundDueAt(lead: EventSource): string | undefined {
  const o = lead.outbound;
  if (!o) return undefined;
  if (owedTypes(lead).length > 0) return lead.createdAt;
  if (o.claimedUntil) return o.claimedUntil;
  let due: string | undefined;
  for (const event of o.events) {
    for (const t of event.targets) {
      if (t.status !== 'pending') continue;
      const at = t.nextAttemptAt ?? event.createdAt;
      if (!due || at < due) due = at;
    }
  }
  return due;
}

/** True when a worker pass should dispatch the lead's events now (given the configured targets). */
export function outboundIsDue(lead: EventSource, now: Date, configured: boolean): boolean {
  if (!lead.outbound) return configured;
  const at = outboundDueAt(lead);
  return at !== undefined && at <= now.toISOString();
}

/** Drops events fully sent, and keeps only the last KEEP_FAILED given up on. */
export function pruned(events: OutboundEvent[]): OutboundEvent[] {
  const open = events.filter((e) => e.targets.some((t) => t.status !== 'sent'));
  const failed = open.filter((e) => !e.targets.some((t) => t.status === 'pending'));
  const drop = new Set(failed.slice(0, Math.max(0, failed.length - KEEP_FAILED)).map((e) => e.id));
  return open.filter((e) => !drop.has(e.id));
}
