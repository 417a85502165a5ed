/**
 * How long what a client told the firm is kept (DOMAIN.md "Safety rules", "Privacy"): a lead, its
 * phone's pointer and the qualified conversation it came from are kept for the firm's
 * `retentionDays` after they last changed, then DynamoDB's TTL deletes them. "Last changed", not
 * "made": a firm that accepted a lead on day 300 expects to still have it on day 366. Unfinished
 * and unqualified conversations keep their own 30 days (ABANDONED_AFTER_SECONDS), and a texter's
 * line its own (functions/core/channels/sms/line.ts; an opted-out one for good).
 *
 * Times are epoch seconds, the TTL attribute's unit (functions/adapters/keys.ts).
 */
import type { Lead } from './leads/lead';
import { OPEN_LEAD_DAYS } from './leads/lead';

/** The firm setting's default, and its bounds (functions/core/content.ts FirmSchema). */
export const DEFAULT_RETENTION_DAYS = 365;
/** At least the 30 days in which a second intake merges into the lead (OPEN_LEAD_DAYS). */
export const MIN_RETENTION_DAYS = 30;
/** Ten years: more is a typo (36500), not a policy. */
export const MAX_RETENTION_DAYS = 3650;

const DAY_SECONDS = 86_400;
const seconds = (at: Date | string) => Math.floor(new Date(at).getTime() / 1000);

/**
 * When something that last changed `at` may be deleted.
 *
 * @example keptUntil(new Date('2026-01-01T00:00:00Z'), 365) // 1798761600 (2027-01-01)
 */
export function keptUntil(at: Date | string, retentionDays: number): number {
  return seconds(at) + retentionDays * DAY_SECONDS;
}

/**
 * When a lead may be deleted: the period after the latest thing that happened to it, whether its
 * intake (made, or merged into: `updatedAt`), its routing (re-routed, declined), its acceptance
 * or its delivery.
 *
 * @example leadExpiry(lead, 365) // epoch seconds, 365 days after its last change
 */
export function leadExpiry(lead: Lead, retentionDays: number): number {
  const times = [lead.updatedAt, lead.routing.at, lead.acceptedBy?.at, lead.delivery.sentAt];
  const last = Math.max(...times.filter((t) => t !== undefined).map((t) => Date.parse(t)));
  return keptUntil(new Date(last), retentionDays);
}

/**
 * When a phone's pointer to its lead may be deleted: it is read only while a second intake may
 * merge (OPEN_LEAD_DAYS after the lead was made), and kept no longer than it is needed, which is
 * never past the lead. It is written with the lead at each intake, so a merge does not extend it.
 *
 * @example pointerExpiry(lead, 365) // 30 days after lead.createdAt
 */
export function pointerExpiry(lead: Lead, retentionDays: number): number {
  return Math.min(keptUntil(lead.createdAt, OPEN_LEAD_DAYS), leadExpiry(lead, retentionDays));
}

/**
 * Whether an item whose TTL attribute is `expiresAt` is gone: TTL deletion runs late (up to days),
 * so every reader asks this instead of trusting that the item would not be there.
 *
 * @example isExpired(item.expiresAt, now()) // then read it as absent
 */
export function isExpired(expiresAt: number | undefined, now: Date): boolean {
  return expiresAt !== undefined && expiresAt * 1000 <= now.getTime();
}
