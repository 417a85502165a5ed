/**
 * The token buckets behind the abuse limits: a person typing fast is never refused, a script is,
 * and Retry-After says truthfully when the next message will go through.
 */
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_RULE,
  type Bucket,
  MESSAGE_RULE,
  type RateRule,
  take,
} from '../../functions/core/rate-limit';

const START = Date.parse('2026-11-25T18:00:00Z');

/** Sends at the given offsets (ms from START); returns the indexes that were refused. */
function run(rule: RateRule, offsets: number[]) {
  let bucket: Bucket | undefined;
  const refused: { index: number; retryAfterSeconds: number }[] = [];
  for (const [index, offset] of offsets.entries()) {
    const taken = take(bucket, rule, new Date(START + offset));
    if (taken.ok) bucket = taken.bucket;
    else refused.push({ index, retryAfterSeconds: taken.retryAfterSeconds });
  }
  return refused;
}

describe('take', () => {
  it('never refuses a fast typist: a burst of quick taps, then an answer every two seconds', () => {
    const taps = Array.from({ length: 12 }, (_, i) => i * 400);
    const typing = Array.from({ length: 200 }, (_, i) => 5_000 + i * 2_000);
    expect(run(MESSAGE_RULE, [...taps, ...typing])).toEqual([]);
  });

  it('refuses a script after the burst, and says when to come back', () => {
    const refused = run(
      MESSAGE_RULE,
      Array.from({ length: 40 }, (_, i) => i * 50),
    );
    expect(refused[0]?.index).toBe(MESSAGE_RULE.burst);
    expect(refused.length).toBeGreaterThan(20);
    for (const r of refused) {
      expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(r.retryAfterSeconds).toBeLessThanOrEqual(60 / MESSAGE_RULE.perMinute + 1);
    }
  });

  it('lets the next message through once Retry-After has passed', () => {
    let bucket: Bucket | undefined;
    let now = START;
    for (let i = 0; i < MESSAGE_RULE.burst; i++) {
      const taken = take(bucket, MESSAGE_RULE, new Date(now));
      expect(taken.ok).toBe(true);
      if (taken.ok) bucket = taken.bucket;
    }
    const refused = take(bucket, MESSAGE_RULE, new Date(now));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    now += refused.retryAfterSeconds * 1000 - 100;
    expect(take(bucket, MESSAGE_RULE, new Date(now)).ok).toBe(false);
    now += 100;
    expect(take(bucket, MESSAGE_RULE, new Date(now)).ok).toBe(true);
  });

  it('refills to the burst and no further', () => {
    const after = take(
      { tokens: 0, at: new Date(START).toISOString() },
      ADDRESS_RULE,
      new Date(START + 3_600_000),
    );
    expect(after).toEqual({
      ok: true,
      bucket: { tokens: ADDRESS_RULE.burst - 1, at: new Date(START + 3_600_000).toISOString() },
    });
  });

  it('treats a clock that went backwards as no time passed', () => {
    const taken = take(
      { tokens: 0.5, at: new Date(START).toISOString() },
      MESSAGE_RULE,
      new Date(START - 60_000),
    );
    expect(taken.ok).toBe(false);
  });
});
