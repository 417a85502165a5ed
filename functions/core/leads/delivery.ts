/**
 * Getting each lead's summary to the right inbox exactly once, whatever the mail server does.
 * The lead is stored before any email is tried. A worker claims a pending lead (a version-checked
 * save that only one worker can win), sends, and marks it sent; a failure is retried with backoff,
 * after 5 failures the intake team is added, after MAX_ATTEMPTS it is marked failed and logged.
 * Emergency leads nobody accepted within the roster's escalation time are re-routed to the next
 * match and the on-call address. On AWS a DynamoDB Streams consumer calls the same functions.
 */

import { todayIn } from '../calendar';
import type { Catalog } from '../content';
import { VersionConflictError } from '../errors';
import type { LeadStore, Logger, Mailer } from '../ports';
import type { Roster } from '../routing/roster';
import { escalationDueAt, route } from '../routing/routing';
import { buildLeadEmail } from './email';
import type { Lead } from './lead';
import { dayCounts } from './leads';
import { leadLinks } from './links';

export interface DeliveryDeps {
  leads: LeadStore;
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

/**
 * Tries to deliver one lead's summary. Returns what happened; never throws for a mail failure.
 *
 * @example await deliverLead(deps, leadId) // 'sent'
 */
export async function deliverLead(
  deps: DeliveryDeps,
  leadId: string,
): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const now = deps.now();
  const lead = await deps.leads.get(leadId);
  if (!lead || !isDue(lead, now)) return 'skipped';
  const claimed: Lead = {
    ...lead,
    version: lead.version + 1,
    delivery: { ...lead.delivery, status: 'sending', claimedUntil: iso(now.getTime() + CLAIM_MS) },
  };
  try {
    await deps.leads.save(claimed);
  } catch (error) {
    // Another worker claimed it first: it is theirs to send.
    if (error instanceof VersionConflictError) return 'skipped';
    throw error;
  }
  const who = claimed.routing.attorneyId ?? 'intake';
  const message = buildLeadEmail(
    claimed,
    leadLinks(deps.publicBaseUrl, deps.linkSecret, claimed.leadId, who, now),
    {
      firmName: deps.firmName,
      from: deps.mailFrom,
      timeZone: deps.timeZone,
      strings: deps.strings,
    },
  );
  const attempts = claimed.delivery.attempts + 1;
  try {
    await deps.mailer.send(message);
  } catch (error) {
    const name =
      error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'Error';
    const failed = attempts >= MAX_ATTEMPTS;
    const to =
      attempts >= COPY_INTAKE_AFTER && !claimed.routing.to.includes(deps.roster.intakeEmail)
        ? [...claimed.routing.to, deps.roster.intakeEmail]
        : claimed.routing.to;
    // Ids and the error's name only: logs never hold client data.
    deps.log.error(failed ? 'lead_delivery_failed' : 'lead_delivery_retry', {
      leadId: claimed.leadId,
      attempts,
      error: name,
    });
    await deps.leads.save({
      ...claimed,
      version: claimed.version + 1,
      routing: { ...claimed.routing, to },
      delivery: {
        status: failed ? 'failed' : 'pending',
        attempts,
        lastError: name,
        nextAttemptAt: failed ? undefined : iso(now.getTime() + backoffMs(attempts)),
      },
    });
    return failed ? 'failed' : 'retry';
  }
  await deps.leads.save({
    ...claimed,
    version: claimed.version + 1,
    delivery: { status: 'sent', attempts, sentAt: deps.now().toISOString() },
  });
  deps.log.info('lead_delivered', { leadId: claimed.leadId, attempts });
  return 'sent';
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

/** One pass of the worker: every due lead delivered, every overdue emergency re-routed. */
export async function deliverDue(
  deps: DeliveryDeps,
): Promise<{ sent: number; retried: number; escalated: number }> {
  let sent = 0;
  let retried = 0;
  let escalated = 0;
  const now = deps.now();
  for (const lead of await recentLeads(deps)) {
    const rerouted = await escalateIfOverdue(deps, lead, now);
    if (rerouted) escalated++;
    if (!rerouted && !isDue(lead, now)) continue;
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
