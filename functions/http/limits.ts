/**
 * The per-address limit: requests to /api from one client address, as a token bucket held in
 * this process (the most recent 10,000 addresses). On AWS each Lambda instance keeps its own
 * and the HTTP API's throttling bounds the total; the conversation and phone limits are stored
 * on their items and hold everywhere (functions/core/rate-limit.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { RateLimitedError } from '../core/errors';
import { ADDRESS_RULE, type Bucket, type RateRule, take } from '../core/rate-limit';

const REMEMBERED_ADDRESSES = 10_000;

export interface AddressLimitOptions {
  /** The client's address as the server saw it (never a header a client can set). */
  address: (c: Context) => string | undefined;
  rule?: RateRule;
  now?: () => Date;
}

/**
 * A middleware answering 429 with Retry-After once an address has spent its allowance.
 *
 * @example app.use('/api/*', addressLimit({ address: (c) => getConnInfo(c).remote.address }))
 */
export function addressLimit(options: AddressLimitOptions): MiddlewareHandler {
  const { address, rule = ADDRESS_RULE, now = () => new Date() } = options;
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const who = c.req.method === 'OPTIONS' ? undefined : address(c);
    if (who) {
      const taken = take(buckets.get(who), rule, now());
      if (!taken.ok) throw new RateLimitedError(taken.retryAfterSeconds);
      buckets.delete(who);
      buckets.set(who, taken.bucket);
      if (buckets.size > REMEMBERED_ADDRESSES) {
        buckets.delete(buckets.keys().next().value as string);
      }
    }
    await next();
  };
}
