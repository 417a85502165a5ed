/**
 * Getting each lead's summary to the right inboxes exactly once, whatever the mail server does.
 * The lead is stored before any email is tried. A worker claims a pending lead (a version-checked
 * save that only one worker can win), sends one email to each recipient with links signed for
 * that recipient, and marks it sent (a retry sends only to those it did not reach); a failure is retried with backoff,
 * after 5 failures the intake team is added, after MAX_ATTEMPTS it is marked failed and logged.
 * Emergency leads nobody accepted within the roster's escalation time are re-routed to the next
 * match and the on-call address. On AWS a DynamoDB Streams consumer calls the same functions.
 */

import { todayIn } from '../calendar';
import type { ConflictChecker } from '../conflicts/source';
import type { Catalog } from '../content';
import { VersionConflictError } from '../errors';
import type { LeadEvents } from '../integrations/dispatch';
import type { LeadStore, LimitStore, Logger, Mailer } from '../ports';
import type { Roster } from '../routing/roster';
import { escalationDueAt, route } from '../routing/routing';
import { buildLeadEmail } from './email';
import type { Lead } from './lead';
import { dayCounts } from './leads';
import { leadLinks } from './links';

export interface DeliveryDeps {
  leads: LeadStore;
  /** Where on-call pages are held (at most one an hour per conversation and per address). */
  limits: LimitStore;
  roster: Roster;
  mailer: Mailer;
  linkSecret: string;
  publicBaseUrl: string;
  firmName: string;
  /** The strings catalog: the lead email's words and the intake summary's labels. */
  strings: Catalog;
  mailFrom: string;
  timeZone: string;
  now: () => Date;
  log: Logger;
  /** The conflict check: run again when a lead's email is sent, so it says the list as it is. */
  conflicts?: ConflictChecker;
  /**
   * The lead events' webhooks and Clio Grow (functions/core/integrations/): sent by the runtimes
   * that deliver leads, after the email. Absent: none (the clients' API function).
   */
  events?: LeadEvents;
}

export const MAX_ATTEMPTS = 30;
/** After this many failed sends the intake team is copied, in case the attorney's inbox is the problem. */
export const COPY_INTAKE_AFTER = 5;
/** A claim lasts this long: a worker that died mid-send lets another retry after it. */
const CLAIM_MS = 2 * 60_000;
/** How many days back the worker looks for undelivered leads. */
export const LOOKBACK_DAYS = 7;

const backoffMs = (attempts: number) => Math.min(10 * 60_000, 2 ** attempts * 2_000);
const iso = (ms: number) => new Date(ms).toISOString();

/** True when the lead is waiting for a send now (pending and due, or a stale claim). */
export function isDue(lead: Lead, now: Date): boolean {
  const d = lead.delivery;
  if (d.status === 'pending') return !d.nextAttemptAt || d.nextAttemptAt <= now.toISOString();
  if (d.status === 'sending') return (d.claimedUntil ?? '') <= now.toISOString();
  return false;
}

/** How long a page to the on-call address holds off the next from the same source. */
export const ON_CALL_PAGE_SECONDS = 3_600;

/**
 * Who each address of the routing is, for the links signed for it (DOMAIN.md "Safety rules"):
 * the first is the attorney's (or the intake team's, when no attorney matched); then the on-call
 * and intake addresses, each with links of its own.
 */
export function recipientsOf(
  lead: Pick<Lead, 'routing'>,
  roster: Pick<Roster, 'onCallEmail' | 'intakeEmail'>,
): Array<{ address: string; who: string }> {
  return lead.routing.to.map((address, i) => ({
    address,
    who:
      i === 0
        ? (lead.routing.attorneyId ?? 'intake')
        : address === roster.onCallEmail
          ? 'on-call'
          : 'intake',
  }));
}

/**
 * Whether this routing of an emergency may page the on-call address: not when it was paged in
 * the last hour for the same conversation or for one started from the same address (a script's
 * flood of fake emergencies, or one nobody accepts, re-offered every 30 minutes). A retried send
 * of the same routing holds what it held.
 */
async function mayPageOnCall(deps: DeliveryDeps, lead: Lead, now: Date): Promise<boolean> {
  const holder = `${lead.leadId}@${lead.routing.at}`;
  const sources = [`on-call:conversation:${lead.conversationId}`];
  if (lead.origin) sources.push(`on-call:origin:${lead.origin}`);
  for (const source of sources) {
    if (!(await deps.limits.hold(source, holder, ON_CALL_PAGE_SECONDS, now))) return false;
  }
  return true;
}

/**
 * The routing as it goes out now: without the on-call address when it may not be paged (it is
 * then no recipient of this lead, and its links would not work either).
 */
async function pagedRouting(deps: DeliveryDeps, lead: Lead, now: Date) {
  const { routing } = lead;
  const onCall = deps.roster.onCallEmail;
  const pending = routing.to.includes(onCall) && !lead.delivery.sentTo?.includes(onCall);
  if (!pending || (await mayPageOnCall(deps, lead, now))) return routing;
  return {
    ...routing,
    to: routing.to.filter((a) => a !== onCall),
    reasons: [
      ...routing.reasons,
      `Not paged to the on-call address ${onCall}: it was paged for an emergency from the same ` +
        'conversation or address less than an hour ago.',
    ],
  };
}

/**
 * A lead's possible conflicts against the list as it is now, with those it had kept (a merge
 * never drops one).
 */
async function conflictsOf(checker: ConflictChecker, lead: Lead): Promise<Lead['conflicts']> {
  const now = await checker.check({
    client: lead.contact.name ?? lead.facts.name,
    adverseParties: lead.facts.adverseParties,
  });
  const kept = (lead.conflicts ?? []).filter(
    (c) => !now.some((n) => n.name === c.name && n.against === c.against),
  );
  return [...now, ...kept];
}

/**
 * Tries to deliver one lead's summary: one email to each address of its routing, each with links
 * signed for that recipient; then the lead's events owed to the firm's webhooks and Clio Grow.
 * Returns what happened to the email; never throws for a mail or webhook failure.
 *
 * @example await deliverLead(deps, leadId) // 'sent'
 */
export async function deliverLead(
  deps: DeliveryDeps,
  leadId: string,
): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const result = await deliverEmail(deps, leadId);
  if (deps.events) await deps.events.dispatch(deps, leadId);
  return result;
}

/** True when the lead's events for the webhooks and Clio Grow are due now. */
const eventsDue = (deps: DeliveryDeps, lead: Lead, now: Date) =>
  deps.events?.isDue(lead, now) === true;

async function deliverEmail(
  deps: DeliveryDeps,
  leadId: string,
): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const now = deps.now();
  const lead = await deps.leads.get(leadId);
  if (!lead || !isDue(lead, now)) return 'skipped';
  let claimed: Lead = {
    ...lead,
    version: lead.version + 1,
    delivery: { ...lead.delivery, status: 'sending', claimedUntil: iso(now.getTime() + CLAIM_MS) },
    // Saved with the claim (no request of its own): the email and lead.json say them first.
    ...(deps.conflicts ? { conflicts: await conflictsOf(deps.conflicts, lead) } : {}),
  };
  try {
    await deps.leads.save(claimed);
  } catch (error) {
    // Another worker claimed it first: it is theirs to send.
    if (error instanceof VersionConflictError) return 'skipped';
    throw error;
  }
  claimed = { ...claimed, routing: await pagedRouting(deps, claimed, now) };
  const options = {
    firmName: deps.firmName,
    from: deps.mailFrom,
    timeZone: deps.timeZone,
    strings: deps.strings,
    escalation: escalationOf(deps, claimed),
  };
  const sentTo = [...(claimed.delivery.sentTo ?? [])];
  const attempts = claimed.delivery.attempts + 1;
  for (const { address, who } of recipientsOf(claimed, deps.roster)) {
    if (sentTo.includes(address)) continue;
    const links = leadLinks(deps.publicBaseUrl, deps.linkSecret, claimed.leadId, who, now);
    try {
      await deps.mailer.send({ ...buildLeadEmail(claimed, links, options), to: [address] });
      sentTo.push(address);
    } catch (error) {
      return failed(deps, { ...claimed, delivery: { ...claimed.delivery, sentTo } }, error);
    }
  }
  await deps.leads.save({
    ...claimed,
    version: claimed.version + 1,
    delivery: { status: 'sent', attempts, sentAt: deps.now().toISOString(), sentTo },
  });
  deps.log.info('lead_delivered', { leadId: claimed.leadId, attempts });
  return 'sent';
}

/**
 * For an emergency not accepted yet: when it is offered on, and to whom it would go if that
 * were now (the next match, today's counts aside: the email says where it is going, not a promise).
 */
function escalationOf(deps: DeliveryDeps, lead: Lead) {
  if (lead.urgency !== 'emergency' || lead.status !== 'new') return undefined;
  const offered = [
    ...(lead.offeredTo ?? []),
    ...(lead.routing.attorneyId ? [lead.routing.attorneyId] : []),
  ];
  const next = route(
    { facts: lead.facts, urgency: lead.urgency, flags: lead.flags, language: lead.language },
    deps.roster,
    {
      now: lead.routing.at,
      countsToday: {},
      lastAssigned: lead.routing.attorneyId,
      exclude: offered,
    },
  );
  const name = deps.roster.attorneys.find((a) => a.id === next.attorneyId)?.name;
  return { at: escalationDueAt(lead.routing.at, deps.roster), next: name };
}

/** A send failed: retried with backoff, the intake team copied after a few, failed after many. */
async function failed(deps: DeliveryDeps, claimed: Lead, error: unknown) {
  const now = deps.now();
  const name = error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'Error';
  const attempts = claimed.delivery.attempts + 1;
  const gaveUp = attempts >= MAX_ATTEMPTS;
  const to =
    attempts >= COPY_INTAKE_AFTER && !claimed.routing.to.includes(deps.roster.intakeEmail)
      ? [...claimed.routing.to, deps.roster.intakeEmail]
      : claimed.routing.to;
  // Ids and the error's name only: logs never hold client data.
  deps.log.error(gaveUp ? 'lead_delivery_failed' : 'lead_delivery_retry', {
    leadId: claimed.leadId,
    attempts,
    error: name,
  });
  await deps.leads.save({
    ...claimed,
    version: claimed.version + 1,
    routing: { ...claimed.routing, to },
    delivery: {
      status: gaveUp ? 'failed' : 'pending',
      attempts,
      lastError: name,
      nextAttemptAt: gaveUp ? undefined : iso(now.getTime() + backoffMs(attempts)),
      sentTo: claimed.delivery.sentTo,
    },
  });
  return gaveUp ? 'failed' : 'retry';
}

/** Leads of the last LOOKBACK_DAYS days, newest day first. */
export async function recentLeads(
  deps: Pick<DeliveryDeps, 'leads' | 'now' | 'timeZone'>,
  days = LOOKBACK_DAYS,
): Promise<Lead[]> {
  const now = deps.now().getTime();
  const all: Lead[] = [];
  for (let d = 0; d < days; d++) {
    all.push(...(await deps.leads.listDay(todayIn(new Date(now - d * 86_400_000), deps.timeZone))));
  }
  return all;
}

/**
 * One pass of the worker: every due lead delivered, every overdue emergency re-routed. With a
 * store that indexes the due time (`listDue`), only the leads due are read, unless `sweep` asks
 * for the whole LOOKBACK_DAYS (leads saved before the index existed).
 */
export async function deliverDue(
  deps: DeliveryDeps,
  options: { sweep?: boolean } = {},
): Promise<{ sent: number; retried: number; escalated: number }> {
  let sent = 0;
  let retried = 0;
  let escalated = 0;
  const now = deps.now();
  const routedBefore = new Date(now.getTime() - deps.roster.escalationMinutes * 60_000);
  const leads =
    deps.leads.listDue && !options.sweep
      ? await deps.leads.listDue(now, routedBefore)
      : await recentLeads(deps);
  for (const lead of leads) {
    const rerouted = await escalateIfOverdue(deps, lead, now);
    if (rerouted) escalated++;
    if (!rerouted && !isDue(lead, now) && !eventsDue(deps, lead, now)) continue;
    const result = await deliverLead(deps, lead.leadId);
    if (result === 'sent') sent++;
    if (result === 'retry') retried++;
  }
  return { sent, retried, escalated };
}

/**
 * Re-routes a lead away from the attorney it is with: to the next match (excluding everyone it
 * was already offered to) and, for an emergency, the on-call address; its summary goes out again.
 */
export async function reroute(deps: DeliveryDeps, lead: Lead, reason: string): Promise<Lead> {
  const offered = [
    ...new Set([
      ...(lead.offeredTo ?? []),
      ...(lead.routing.attorneyId ? [lead.routing.attorneyId] : []),
    ]),
  ];
  const now = deps.now();
  // Today's counts, so the daily cap and "fewest today" hold for a re-offer too.
  const { countsToday } = await dayCounts(deps, todayIn(now, deps.timeZone));
  const routing = route(
    { facts: lead.facts, urgency: lead.urgency, flags: lead.flags, language: lead.language },
    deps.roster,
    {
      now: now.toISOString(),
      countsToday,
      lastAssigned: lead.routing.attorneyId,
      exclude: offered,
    },
  );
  const next: Lead = {
    ...lead,
    version: lead.version + 1,
    offeredTo: offered,
    routing: { ...routing, reasons: [reason, ...routing.reasons] },
    delivery: { status: 'pending', attempts: 0, nextAttemptAt: now.toISOString() },
  };
  await deps.leads.save(next);
  return next;
}

/** An emergency lead still not accepted after the roster's escalation time is offered on. */
async function escalateIfOverdue(deps: DeliveryDeps, lead: Lead, now: Date): Promise<boolean> {
  if (lead.urgency !== 'emergency' || lead.status !== 'new' || lead.delivery.status !== 'sent')
    return false;
  if (escalationDueAt(lead.routing.at, deps.roster) > now.toISOString()) return false;
  try {
    await reroute(deps, lead, `not accepted within ${deps.roster.escalationMinutes} minutes`);
    deps.log.info('lead_escalated', { leadId: lead.leadId });
    return true;
  } catch (error) {
    if (error instanceof VersionConflictError) return false;
    throw error;
  }
}
