/**
 * Abuse limits as token buckets: a bucket holds up to `burst` messages and refills at
 * `perMinute`. The buckets of a conversation and of a texter's line are stored on those items,
 * which every turn reads and writes anyway, so the limits hold across Lambda instances at no
 * extra request; a client address's bucket lives in the process (functions/http/limits.ts).
 *
 * Sized so a person never meets them: a fast typist tapping quick answers sends ten in a few
 * seconds, then one every few seconds; a script sending hundreds is stopped.
 */
import * as z from 'zod';

export const BucketSchema = z.strictObject({ tokens: z.number(), at: z.string() });
export type Bucket = z.infer<typeof BucketSchema>;

export interface RateRule {
  burst: number;
  perMinute: number;
}

/** Messages to one conversation, and texts from one phone number. */
export const MESSAGE_RULE: RateRule = { burst: 12, perMinute: 30 };
/** Requests to /api from one client address (a shelter or a family may share one). */
export const ADDRESS_RULE: RateRule = { burst: 60, perMinute: 120 };

/** For load tests and scripted runs only (RATE_LIMITS=off): an allowance nobody spends. */
export const UNLIMITED: RateRule = { burst: 1_000_000, perMinute: 1_000_000 };

export type Taken = { ok: true; bucket: Bucket } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one token from `bucket` (a full one when absent) at `now`.
 *
 * @example take(undefined, MESSAGE_RULE, new Date()) // { ok: true, bucket: { tokens: 11, … } }
 */
export function take(bucket: Bucket | undefined, rule: RateRule, now: Date): Taken {
  const elapsedMinutes = bucket
    ? Math.max(0, now.getTime() - Date.parse(bucket.at)) / 60_000
    : Number.POSITIVE_INFINITY;
  const tokens = Math.min(
    rule.burst,
    (bucket?.tokens ?? rule.burst) + elapsedMinutes * rule.perMinute,
  );
  if (tokens >= 1) return { ok: true, bucket: { tokens: tokens - 1, at: now.toISOString() } };
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) / rule.perMinute) * 60)),
  };
}
