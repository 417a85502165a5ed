/**
 * The conversation store on DynamoDB (or DynamoDB Local): translation only, no business rules.
 * Conditions make concurrent writers safe; failed conditions and throttling become domain
 * errors here so nothing above this file sees an SDK exception.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ResourceInUseException,
  TransactWriteItemsCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { type Conversation, ConversationSchema } from '../core/conversation';
import { VersionConflictError } from '../core/errors';
import type { ConversationStore } from '../core/ports';
import { DEFAULT_RETENTION_DAYS, isExpired } from '../core/retention';
import { versioned } from './dynamo-conditions';
import { translateStoreError } from './dynamo-errors';
import { leadWrites } from './dynamo-leads';
import { conversationKey, TTL_ATTRIBUTE } from './keys';

/**
 * True when a failed condition found exactly the item this call was writing. The SDK retries a
 * write whose answer was lost (a timeout, a reset connection); when the lost attempt had in fact
 * committed, the retry fails its own condition against it. That is our write, not a rival's: read
 * as a conflict, the turn would be applied a second time on top of itself.
 */
function alreadyWritten(error: unknown, written: Record<string, AttributeValue>): boolean {
  if (!(error instanceof ConditionalCheckFailedException) || !error.Item) return false;
  return isDeepStrictEqual(unmarshall(error.Item), unmarshall(written));
}

/** Maps what the SDK throws to a domain error (functions/adapters/dynamo-errors.ts). */
function translate(error: unknown, id: string, expected: number): never {
  throw translateStoreError(error, () => new VersionConflictError(id, expected));
}

export interface DynamoStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** The clock, so expired items read as absent in tests as they do in production. */
  now: () => Date;
  /** The firm's time zone: leads are listed by the firm's day. */
  timeZone?: string;
  /** The firm's retentionDays, for the lead a qualifying turn writes. */
  retentionDays?: number;
}

export function createDynamoStore({
  timeZone = 'America/Los_Angeles',
  retentionDays = DEFAULT_RETENTION_DAYS,
  client,
  tableName,
  now,
}: DynamoStoreOptions): ConversationStore {
  const toItem = (c: Conversation) =>
    marshall(
      { ...conversationKey(c.id), type: 'conversation', ...c },
      { removeUndefinedValues: true },
    );

  return {
    async create(conversation) {
      const item = toItem(conversation);
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: item,
            // A new id must not overwrite anything: ids are random, a clash is a bug, unless what
            // is there is this very item (a retried attempt that had committed).
            ...versioned(1),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
      } catch (error) {
        if (alreadyWritten(error, item)) return;
        translate(error, conversation.id, 0);
      }
    },

    async get(id) {
      let item: Record<string, unknown> | undefined;
      try {
        const out = await client.send(
          new GetItemCommand({
            TableName: tableName,
            Key: marshall(conversationKey(id)),
            ConsistentRead: true,
          }),
        );
        item = out.Item ? unmarshall(out.Item) : undefined;
      } catch (error) {
        translate(error, id, 0);
      }
      if (!item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...rest } = item;
      const conversation = ConversationSchema.parse(rest);
      // TTL deletion runs late; an expired conversation is gone as far as anyone can tell.
      if (isExpired(conversation.expiresAt, now())) return undefined;
      return conversation;
    },

    async save(conversation, lead) {
      const expected = conversation.version - 1;
      if (lead) {
        // The conversation's final state and its lead: both or neither. A retry after a lost
        // answer is safe here without a check of our own: the SDK gives the call one
        // ClientRequestToken, reused by its retries, and DynamoDB does not apply it twice.
        try {
          await client.send(
            new TransactWriteItemsCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: toItem(conversation),
                    ...versioned(conversation.version),
                  },
                },
                ...leadWrites(tableName, lead, timeZone, retentionDays),
              ],
            }),
          );
        } catch (error) {
          throw translateStoreError(
            error,
            () => new VersionConflictError(conversation.id, expected),
          );
        }
        return;
      }
      const item = toItem(conversation);
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: item,
            // Optimistic locking: only the writer that read version N may write N+1. A second
            // message processed at the same time fails here and is re-applied on fresh state.
            ...versioned(conversation.version),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
      } catch (error) {
        if (alreadyWritten(error, item)) return;
        translate(error, conversation.id, expected);
      }
    },

    async delete(id) {
      try {
        await client.send(
          new DeleteItemCommand({ TableName: tableName, Key: marshall(conversationKey(id)) }),
        );
      } catch (error) {
        translate(error, id, 0);
      }
    },
  };
}

/** Creates the table if it is missing (local runs and tests; on AWS the CDK stack owns it). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    return;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
}
