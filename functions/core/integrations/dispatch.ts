/**
 * Sending a lead's events to the firm's webhooks and Clio Grow, at least once, by the same outbox
 * machinery as its email (functions/core/leads/delivery.ts): the events a lead owes are added and
 * the lead claimed in one version-checked save (only one worker wins), each due target is POSTed,
 * and the outcome saved; a failure is tried again after backoffMs, with the same event id, until
 * a 2xx or MAX_TRIES. A worker that dies mid-send leaves a claim that runs out, and the next pass
 * sends again: a receiver may see an event twice, never not at all.
 */
import type { Catalog } from '../content';
import { VersionConflictError } from '../errors';
import type { Lead } from '../leads/lead';
import { leadLinks } from '../leads/links';
import type { LeadStore, Logger } from '../ports';
import { retryOnConflict } from '../retry';
import {
  backoffMs,
  CLIO_TARGET,
  MAX_TRIES,
  type Outbound,
  type OutboundEvent,
  outboundIsDue,
  pruned,
  type TargetState,
  withOwedEvents,
} from './events';
import { clioRequest, type OutboundRequest, webhookRequest } from './payloads';

/** What a POST came to: a 2xx, or why not (`HTTP 500`, `timeout`, `redirect 302`…). */
export type PostResult = { ok: true; status: number } | { ok: false; error: string };

/** The HTTP side (functions/adapters/http-post.ts): never throws, never follows a redirect. */
export interface OutboundSender {
  post(request: OutboundRequest): Promise<PostResult>;
}

/** LEAD_WEBHOOK_URLS with LEAD_WEBHOOK_SECRET, and CLIO_GROW_INBOX_TOKEN with CLIO_GROW_URL. */
export interface OutboundSettings {
  webhooks: { urls: string[]; secret: string } | undefined;
  clio: { url: string; token: string } | undefined;
  sender: OutboundSender;
  newId: () => string;
}

export interface OutboundDeps {
  leads: LeadStore;
  strings: Catalog;
  publicBaseUrl: string;
  linkSecret: string;
  now: () => Date;
  log: Logger;
  outbound: OutboundSettings;
}

/**
 * A lead's events as the delivery worker sees them (functions/core/leads/delivery.ts): whether
 * they are due, and sending them. Handed in by the runtimes that deliver leads (leadEvents), so a
 * bundle that does not send them (the clients' API function) does not carry this code.
 */
export interface LeadEvents {
  isDue(lead: Lead, now: Date): boolean;
  dispatch(deps: Omit<OutboundDeps, 'outbound'>, leadId: string): Promise<DispatchResult>;
}

/**
 * @example deliveryDeps.events = leadEvents({ webhooks: { urls, secret }, clio: undefined, sender, newId })
 */
export function leadEvents(settings: OutboundSettings): LeadEvents {
  const configured = targetsOf(settings).length > 0;
  return {
    isDue: (lead, now) => outboundIsDue(lead, now, configured),
    dispatch: (deps, leadId) => dispatchOutbound({ ...deps, outbound: settings }, leadId),
  };
}

/** A claim lasts this long: every POST of a pass times out well within it. */
const CLAIM_MS = 2 * 60_000;

/** The configured targets' names: each webhook URL, then Clio Grow. */
export function targetsOf(settings: Pick<OutboundSettings, 'webhooks' | 'clio'>): string[] {
  return [...(settings.webhooks?.urls ?? []), ...(settings.clio ? [CLIO_TARGET] : [])];
}

/** Where a target is, for a log line: a webhook's host only (its path may hold a token). */
const logName = (target: string) => (target === CLIO_TARGET ? target : new URL(target).host);

function requestFor(
  deps: OutboundDeps,
  target: string,
  event: OutboundEvent,
  lead: Lead,
  now: Date,
): OutboundRequest | undefined {
  const { webhooks, clio } = deps.outbound;
  if (target === CLIO_TARGET) {
    if (!clio) return undefined;
    const who = lead.routing.attorneyId ?? 'intake';
    return clioRequest(clio.url, lead, {
      token: clio.token,
      strings: deps.strings,
      transcript: leadLinks(deps.publicBaseUrl, deps.linkSecret, lead.leadId, who, now).transcript,
      referringUrl: deps.publicBaseUrl,
    });
  }
  if (!webhooks?.urls.includes(target)) return undefined;
  return webhookRequest(target, event, lead, webhooks.secret, now);
}

/** One target's next state after a try. */
function afterTry(t: TargetState, result: PostResult | undefined, now: Date): TargetState {
  const attempts = t.attempts + 1;
  const at = now.toISOString();
  if (result?.ok) return { target: t.target, status: 'sent', attempts, sentAt: at };
  const lastError = result ? result.error : 'no longer configured';
  const gaveUp = !result || attempts >= MAX_TRIES;
  return {
    target: t.target,
    status: gaveUp ? 'failed' : 'pending',
    attempts,
    lastError,
    ...(gaveUp
      ? {}
      : { nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)).toISOString() }),
  };
}

export interface DispatchResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends what a lead owes its targets now; the counts of POSTs that went through, will be tried
 * again, and were given up on. Never throws for a receiver's failure; a lost claim sends nothing.
 *
 * @example await dispatchOutbound(deps, leadId) // { sent: 2, retried: 0, failed: 0 }
 */
export async function dispatchOutbound(
  deps: OutboundDeps,
  leadId: string,
): Promise<DispatchResult> {
  const result = { sent: 0, retried: 0, failed: 0 };
  const now = deps.now();
  const lead = await deps.leads.get(leadId);
  const targets = targetsOf(deps.outbound);
  if (!lead || !outboundIsDue(lead, now, targets.length > 0)) return result;
  const owed = withOwedEvents(lead, targets, now, deps.outbound.newId);
  if (!owed) return result;
  const claimedUntil = new Date(now.getTime() + CLAIM_MS).toISOString();
  const claimed: Lead = { ...lead, version: lead.version + 1, outbound: { ...owed, claimedUntil } };
  try {
    await deps.leads.save(claimed);
  } catch (error) {
    // Another worker claimed it (or the lead changed): the next pass looks again.
    if (error instanceof VersionConflictError) return result;
    throw error;
  }
  const due = owed.events.flatMap((event) =>
    event.targets
      .filter((t) => t.status === 'pending' && (t.nextAttemptAt ?? '') <= now.toISOString())
      .map((t) => ({ event, t })),
  );
  const tried = await Promise.all(
    due.map(async ({ event, t }) => {
      const request = requestFor(deps, t.target, event, claimed, now);
      const outcome = request ? await deps.outbound.sender.post(request) : undefined;
      const next = afterTry(t, outcome, deps.now());
      if (next.status === 'sent') result.sent++;
      else {
        if (next.status === 'failed') result.failed++;
        else result.retried++;
        // Ids, the target's host and the error's kind only: never the lead.
        deps.log.error(next.status === 'failed' ? 'lead_event_failed' : 'lead_event_retry', {
          leadId,
          eventId: event.id,
          type: event.type,
          target: logName(t.target),
          attempts: next.attempts,
          error: next.lastError ?? '',
        });
      }
      return { id: event.id, next };
    }),
  );
  await markTried(deps, leadId, claimedUntil, tried);
  return result;
}

/**
 * Saves what each try came to on the lead as it is now (a turn, an accept or a stage change may
 * have saved it meanwhile), unless the claim is no longer this worker's.
 */
async function markTried(
  deps: OutboundDeps,
  leadId: string,
  claimedUntil: string,
  tried: Array<{ id: string; next: TargetState }>,
) {
  await retryOnConflict(async () => {
    const fresh = await deps.leads.get(leadId);
    if (!fresh?.outbound || fresh.outbound.claimedUntil !== claimedUntil) return;
    const { claimedUntil: _ours, ...rest } = fresh.outbound;
    const events = fresh.outbound.events.map((event) => ({
      ...event,
      targets: event.targets.map(
        (t) => tried.find((x) => x.id === event.id && x.next.target === t.target)?.next ?? t,
      ),
    }));
    const outbound: Outbound = { ...rest, events: pruned(events) };
    await deps.leads.save({ ...fresh, version: fresh.version + 1, outbound });
  });
}
