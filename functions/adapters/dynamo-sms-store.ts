/**
 * The SMS line store on DynamoDB. A text that changes the line (a new conversation, STOP/START,
 * a switch of channels, erasing) writes the line and its conversation in one TransactWriteItems,
 * each under a condition: a new item must not exist, an existing one must still be at the version
 * that was read. Two deliveries of one MessageSid, or two messages from one phone at once, cannot
 * both commit: the loser re-reads and finds the winner's reply. An ordinary text does not come
 * here: it saves only its conversation, through the conversation store.
 *
 * The store remembers the lines this process last saved or read (a small LRU), so a texter's
 * next message need not read the line: an ordinary text then costs the conversation's read and
 * its write (functions/core/channels/sms/inbound.ts says why a remembered line is safe to use).
 */
import {
  type DynamoDBClient,
  GetItemCommand,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { lineExpiry, type SmsLine, SmsLineSchema } from '../core/channels/sms/line';
import { VersionConflictError } from '../core/errors';
import type { SmsStore } from '../core/ports';
import { DEFAULT_RETENTION_DAYS } from '../core/retention';
import { versioned } from './dynamo-conditions';
import { translateStoreError } from './dynamo-errors';
import { leadWrites } from './dynamo-leads';
import { conversationItem } from './dynamo-store';
import { conversationKey, lineKey } from './keys';

/** Lines remembered per process; a line is a few KB (its recent replies). */
const REMEMBERED_LINES = 500;

export function createDynamoSmsStore(options: {
  client: DynamoDBClient;
  tableName: string;
  /** The firm's time zone: leads are listed by the firm's day. */
  timeZone?: string;
  /** The firm's retentionDays, for the lead a qualifying text writes. */
  retentionDays?: number;
}): SmsStore {
  const {
    client,
    tableName,
    timeZone = 'America/Los_Angeles',
    retentionDays = DEFAULT_RETENTION_DAYS,
  } = options;
  const known = new Map<string, SmsLine>();
  const remember = (line: SmsLine) => {
    known.delete(line.phone);
    known.set(line.phone, line);
    if (known.size > REMEMBERED_LINES) known.delete(known.keys().next().value as string);
  };
  const store: SmsStore = {
    async lastKnownLine(phone) {
      return known.get(phone) ?? store.getLine(phone);
    },

    async getLine(phone) {
      try {
        const out = await client.send(
          new GetItemCommand({
            TableName: tableName,
            Key: marshall(lineKey(phone)),
            ConsistentRead: true,
          }),
        );
        if (!out.Item) {
          known.delete(phone);
          return undefined;
        }
        const { pk: _pk, sk: _sk, type: _type, ...rest } = unmarshall(out.Item);
        const line = SmsLineSchema.parse(rest);
        remember(line);
        return line;
      } catch (error) {
        throw translate(error, phone);
      }
    },

    async commit({ line, conversation, lead, deleteConversationId }) {
      const items: TransactWriteItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: marshall(
              { ...lineKey(line.phone), type: 'sms-line', ...line, expiresAt: lineExpiry(line) },
              { removeUndefinedValues: true },
            ),
            ...versioned(line.version),
          },
        },
      ];
      if (conversation) {
        items.push({
          Put: {
            TableName: tableName,
            // The same item as the conversation store writes, its index summary included
            // (keys.ts pattern 14), so a conversation texted once is on the console too.
            Item: conversationItem(conversation, timeZone),
            ...versioned(conversation.version),
          },
        });
      }
      if (lead) items.push(...leadWrites(tableName, lead, timeZone, retentionDays));
      if (deleteConversationId) {
        items.push({
          Delete: { TableName: tableName, Key: marshall(conversationKey(deleteConversationId)) },
        });
      }
      try {
        await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      } catch (error) {
        // Whatever went wrong, the remembered line may be stale now.
        known.delete(line.phone);
        throw translate(error, line.phone);
      }
      remember(line);
    },
  };
  return store;
}

function translate(error: unknown, _phone: string): Error {
  // A lost race reads as a conflict on the line; the caller re-reads and finds the winner's reply.
  return translateStoreError(error, () => new VersionConflictError('sms line', 0));
}

export type { SmsLine };
