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
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  type GlobalSecondaryIndex,
  PutItemCommand,
  ResourceInUseException,
  TransactWriteItemsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { todayIn } from '../core/calendar';
import { type Conversation, ConversationSchema } from '../core/conversation';
import { VersionConflictError } from '../core/errors';
import type { ConversationStore } from '../core/ports';
import { DEFAULT_RETENTION_DAYS, isExpired } from '../core/retention';
import {
  type ConversationSummary,
  ConversationSummarySchema,
  summaryOf,
} from '../core/staff/conversations';
import { versioned } from './dynamo-conditions';
import { translateStoreError } from './dynamo-errors';
import { leadWrites } from './dynamo-leads';
import { queryAll } from './dynamo-query';
import {
  CONVERSATIONS_INDEX,
  CONVERSATIONS_INDEX_ATTRIBUTES,
  conversationDayIndex,
  conversationKey,
  conversationsOfDayKey,
  SUMMARY_ATTRIBUTES,
  TTL_ATTRIBUTE,
} from './keys';

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

/** The summary's fields under their attribute names on the item (keys.ts pattern 14). */
function summaryAttributes(summary: ConversationSummary): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, attribute] of Object.entries(SUMMARY_ATTRIBUTES)) {
    out[attribute] = summary[field as keyof typeof SUMMARY_ATTRIBUTES];
  }
  return out;
}

/** Everything on a conversation item that is not the conversation: keys, type, the index's. */
const NOT_CONVERSATION = new Set<string>([
  'pk',
  'sk',
  'type',
  'gsi3pk',
  'gsi3sk',
  ...Object.values(SUMMARY_ATTRIBUTES),
]);

/**
 * The item of a conversation: its key, the conversation, and at the top level its place in the
 * conversations index (by the firm's day it started) and the summary the index projects. All of
 * it goes in the one PutItem a turn makes; the index is written only when a projected attribute
 * changes, and never holds the transcript or the answers.
 */
export function conversationItem(c: Conversation, timeZone: string) {
  const summary = summaryOf(c);
  return marshall(
    {
      ...conversationKey(c.id),
      type: 'conversation',
      ...c,
      ...conversationDayIndex(todayIn(new Date(c.createdAt), timeZone), c.createdAt, c.id),
      ...summaryAttributes(summary),
    },
    { removeUndefinedValues: true },
  );
}

/** A row of the conversations index back into a summary. */
function summaryFromIndex(item: Record<string, unknown>): ConversationSummary {
  const field = (name: keyof typeof SUMMARY_ATTRIBUTES) => item[SUMMARY_ATTRIBUTES[name]];
  return ConversationSummarySchema.parse({
    conversationId: item.id,
    startedAt: item.createdAt,
    lastMessageAt: field('lastMessageAt'),
    channel: field('channel'),
    language: field('language'),
    step: field('step'),
    status: field('status'),
    consented: field('consented'),
    waiting: field('waiting'),
    ...(item[TTL_ATTRIBUTE] === undefined ? {} : { expiresAt: item[TTL_ATTRIBUTE] }),
  });
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
  const toItem = (c: Conversation) => conversationItem(c, timeZone);

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
      // The conversation alone: its key, type and the index's summary are the item's, not its.
      const rest = Object.fromEntries(
        Object.entries(item).filter(([name]) => !NOT_CONVERSATION.has(name)),
      );
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

    async listStarted(day) {
      let rows: ConversationSummary[];
      try {
        const items = await queryAll(client, {
          TableName: tableName,
          IndexName: CONVERSATIONS_INDEX,
          KeyConditionExpression: 'gsi3pk = :day',
          ExpressionAttributeValues: marshall({ ':day': conversationsOfDayKey(day) }),
        });
        rows = items.map(summaryFromIndex);
      } catch (error) {
        throw translateStoreError(error);
      }
      return rows;
    },
  };
}

/**
 * The conversations index (keys.ts pattern 14), the same here and in the stack
 * (infra/amparo-stack.ts ownTable): INCLUDE, so only the summary is copied.
 */
export const CONVERSATIONS_INDEX_DEFINITION: GlobalSecondaryIndex = {
  IndexName: CONVERSATIONS_INDEX,
  KeySchema: [
    { AttributeName: 'gsi3pk', KeyType: 'HASH' },
    { AttributeName: 'gsi3sk', KeyType: 'RANGE' },
  ],
  Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: CONVERSATIONS_INDEX_ATTRIBUTES },
};

const CONVERSATIONS_INDEX_KEYS = [
  { AttributeName: 'gsi3pk', AttributeType: 'S' as const },
  { AttributeName: 'gsi3sk', AttributeType: 'S' as const },
];

/**
 * A table made before the conversations index gets it (a developer's .data/dynamodb): DynamoDB
 * fills it from the items that carry its keys, which every conversation does once it is saved
 * again.
 */
async function addConversationsIndex(
  client: DynamoDBClient,
  tableName: string,
  waitMs: number,
): Promise<void> {
  const hasIndex = async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const index = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === CONVERSATIONS_INDEX);
    return index ? index.IndexStatus : undefined;
  };
  if ((await hasIndex()) === undefined) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: CONVERSATIONS_INDEX_KEYS,
        GlobalSecondaryIndexUpdates: [{ Create: CONVERSATIONS_INDEX_DEFINITION }],
      }),
    );
  }
  // Bounded (30 s by default): DynamoDB Local builds it in a second on an idle machine, minutes on
  // a busy one; until then the console's lists answer 500 once (a table on AWS is the stack's).
  for (let i = 0; i < waitMs / 500 && (await hasIndex()) !== 'ACTIVE'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Creates the table if it is missing (local runs and tests; on AWS the CDK stack owns it), and
 * adds the conversations index to a table made before it, waiting up to `indexWaitMs` for it.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  options: { indexWaitMs?: number } = {},
): Promise<void> {
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
          ...CONVERSATIONS_INDEX_KEYS,
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
          CONVERSATIONS_INDEX_DEFINITION,
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await addConversationsIndex(client, tableName, options.indexWaitMs ?? 30_000);
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
