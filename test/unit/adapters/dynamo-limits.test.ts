/**
 * The limits shared by every process (functions/adapters/dynamo-limits.ts) on DynamoDB Local:
 * a sliding window that two racing takers cannot both overrun, holds that a retry keeps and
 * others wait out, and keys that never show the number or address limited.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoLimitStore } from '../../../functions/adapters/dynamo-limits';
import type { LimitStore } from '../../../functions/core/ports';
import { freshTable } from '../../helpers/server';

let limits: LimitStore;
let scan: () => Promise<string>;
const T0 = new Date('2026-11-25T18:00:00Z').getTime();
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

beforeAll(async () => {
  const { client, tableName } = await freshTable();
  limits = createDynamoLimitStore({
    client,
    tableName,
    secret: 'a-secret-of-32-characters-or-so!',
  });
  scan = async () => {
    const out = await client.send(new ScanCommand({ TableName: tableName }));
    return JSON.stringify((out.Items ?? []).map((i) => unmarshall(i)));
  };
});

describe('take', () => {
  it('allows max uses in any window, then again as the oldest leave it', async () => {
    const key = 'codes:number:+12133734901';
    const results = [];
    for (const minute of [0, 10, 20, 30]) results.push(await limits.take(key, 3, 3600, at(minute)));
    expect(results).toEqual([true, true, true, false]);
    expect(await limits.take(key, 3, 3600, at(59))).toBe(false);
    expect(await limits.take(key, 3, 3600, at(61))).toBe(true);
    expect(await limits.take(key, 3, 3600, at(62))).toBe(false);
  });

  it('lets exactly max of many racing takers through', async () => {
    const taken = await Promise.all(
      Array.from({ length: 8 }, () => limits.take('codes:firm', 5, 3600, at(0))),
    );
    expect(taken.filter(Boolean)).toHaveLength(5);
  });
});

describe('hold', () => {
  it('is held for one holder, again for it, and for another only once it lapses', async () => {
    const key = 'on-call:origin:abc';
    expect(await limits.hold(key, 'lead-1@t0', 3600, at(0))).toBe(true);
    expect(await limits.hold(key, 'lead-1@t0', 3600, at(5))).toBe(true);
    expect(await limits.hold(key, 'lead-2@t0', 3600, at(30))).toBe(false);
    expect(await limits.hold(key, 'lead-2@t0', 3600, at(66))).toBe(true);
  });
});

it('stores neither the number nor the address', async () => {
  await limits.take('codes:number:+12133734999', 3, 3600, at(0));
  await limits.hold('on-call:origin:203.0.113.7', 'x', 3600, at(0));
  const all = await scan();
  expect(all).not.toMatch(/2133734|203\.0\.113|codes:|on-call/);
  expect(all).toMatch(/"expiresAt":\d+/);
});
