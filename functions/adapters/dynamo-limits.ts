/**
 * The limits that must hold across every process and Lambda (functions/core/ports.ts LimitStore)
 * on the one table: one small item per limited thing (keys.ts, pattern 9), expiring with its
 * window. The thing limited (a phone number, a conversation, an address) is stored only as a
 * keyed hash, so the table does not say who asked for a code or where a page came from.
 */
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { LimitStore } from '../core/ports';
import { retryOnConflict } from '../core/retry';
import { keyedHash } from '../core/secrets';
import { versioned } from './dynamo-conditions';
import { translateStoreError } from './dynamo-errors';
import { limitKey } from './keys';

const seconds = (ms: number) => Math.ceil(ms / 1000);

export function createDynamoLimitStore(options: {
  client: DynamoDBClient;
  tableName: string;
  /** The key the hashes are made with (the link secret): without it a hash cannot be tested. */
  secret: string;
}): LimitStore {
  const { client, tableName, secret } = options;
  const key = (name: string) => marshall(limitKey(keyedHash(secret, name)));
  return {
    async take(name, max, windowSeconds, now) {
      const since = now.getTime() - windowSeconds * 1000;
      // A sliding window: the times of the uses in the last window, saved under the version read.
      return retryOnConflict(async () => {
        let item: Record<string, unknown> | undefined;
        try {
          const out = await client.send(
            new GetItemCommand({ TableName: tableName, Key: key(name), ConsistentRead: true }),
          );
          item = out.Item ? unmarshall(out.Item) : undefined;
        } catch (error) {
          throw translateStoreError(error);
        }
        const uses = ((item?.uses as number[] | undefined) ?? []).filter((t) => t > since);
        if (uses.length >= max) return false;
        const version = ((item?.version as number | undefined) ?? 0) + 1;
        try {
          await client.send(
            new PutItemCommand({
              TableName: tableName,
              Item: {
                ...key(name),
                ...marshall({
                  type: 'limit',
                  uses: [...uses, now.getTime()],
                  version,
                  expiresAt: seconds(now.getTime()) + windowSeconds,
                }),
              },
              ...versioned(version),
            }),
          );
        } catch (error) {
          throw translateStoreError(error);
        }
        return true;
      });
    },

    async hold(name, holder, forSeconds, now) {
      const until = now.getTime() + forSeconds * 1000;
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: {
              ...key(name),
              ...marshall({ type: 'hold', holder, until, expiresAt: seconds(until) }),
            },
            ConditionExpression: 'attribute_not_exists(pk) OR #until <= :now OR holder = :holder',
            ExpressionAttributeNames: { '#until': 'until' },
            ExpressionAttributeValues: marshall({ ':now': now.getTime(), ':holder': holder }),
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw translateStoreError(error);
      }
    },
  };
}
