/**
 * Leads on DynamoDB. A lead is written in the same transaction as the conversation that
 * qualified (`leadWrites`, used by both conversation stores); afterwards it changes only under its
 * version condition (delivery, accept, decline, re-routing).
 *
 * Items (functions/adapters/keys.ts, patterns 6-8): the lead, listed by its day on gsi1, and the
 * phone's pointer to its open lead. Each carries `expiresAt` (functions/core/retention.ts), set
 * again on every save, and reads treat an item past it as absent: TTL deletion runs late.
 */
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { todayIn } from '../core/calendar';
import { VersionConflictError } from '../core/errors';
import { type Lead, LeadSchema, OPEN_LEAD_DAYS } from '../core/leads/lead';
import type { LeadStore } from '../core/ports';
import { nextDue } from '../core/reminders/reminders';
import { DEFAULT_RETENTION_DAYS, isExpired, leadExpiry, pointerExpiry } from '../core/retention';
import { versioned } from './dynamo-conditions';
import { translateStoreError } from './dynamo-errors';
import { queryAll } from './dynamo-query';
import {
  CONVERSATIONS_INDEX,
  DUE_ESCALATE,
  DUE_INDEX,
  DUE_SEND,
  leadDayIndex,
  leadDueIndex,
  leadKey,
  leadReminderIndex,
  leadsOfDayKey,
  phoneLeadKey,
  REMINDING,
} from './keys';

function leadItem(lead: Lead, timeZone: string, retentionDays: number) {
  const day = todayIn(new Date(lead.createdAt), timeZone);
  return marshall(
    {
      ...leadKey(lead.leadId),
      type: 'lead',
      ...leadDayIndex(day, lead.createdAt, lead.leadId),
      // Only while the worker has something to do with it (pattern 10).
      ...leadDueIndex(lead),
      // Only while a reminder waits (pattern 17).
      ...leadReminderIndex(nextDue(lead.reminders)),
      ...lead,
      // Kept for the firm's period after its last change, so every save may move it later.
      expiresAt: leadExpiry(lead, retentionDays),
    },
    { removeUndefinedValues: true },
  );
}

/** The writes that store a lead with its conversation: the lead, and the phone's pointer to it. */
export function leadWrites(
  tableName: string,
  lead: Lead,
  timeZone: string,
  retentionDays = DEFAULT_RETENTION_DAYS,
): TransactWriteItem[] {
  const writes: TransactWriteItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: leadItem(lead, timeZone, retentionDays),
        // A new lead must not exist; an updated one must be the version that was read.
        ...versioned(lead.version),
      },
    },
  ];
  // Only a proven phone points at its lead: a number typed on the web must not take it over.
  if (lead.contact.phone && lead.phoneProven) {
    writes.push({
      Put: {
        TableName: tableName,
        Item: marshall({
          ...phoneLeadKey(lead.contact.phone),
          type: 'phone-lead',
          leadId: lead.leadId,
          createdAt: lead.createdAt,
          expiresAt: pointerExpiry(lead, retentionDays),
        }),
      },
    });
  }
  return writes;
}

export function createDynamoLeadStore(options: {
  client: DynamoDBClient;
  tableName: string;
  timeZone: string;
  /** The firm's retentionDays. */
  retentionDays: number;
  /** The clock, so leads past their retention read as absent in tests as in production. */
  now: () => Date;
  /**
   * The table has the due-time index (the stack's table does; ensureTable's local one does not):
   * the store then offers `listDue`, and the escalation timer reads only the leads due.
   */
  dueIndex?: boolean;
}): LeadStore {
  const { client, tableName, timeZone, retentionDays, now } = options;
  const read = (item: Record<string, unknown>) => {
    const {
      pk: _pk,
      sk: _sk,
      type: _type,
      gsi1pk: _g1,
      gsi1sk: _g2,
      duepk: _d1,
      dueAt: _d2,
      gsi3pk: _r1,
      gsi3sk: _r2,
      expiresAt: _e,
      ...rest
    } = item;
    return LeadSchema.parse(rest);
  };
  const live = (item: Record<string, unknown>) =>
    !isExpired(item.expiresAt as number | undefined, now());
  const store: LeadStore = {
    async get(leadId, options) {
      try {
        const out = await client.send(
          new GetItemCommand({
            TableName: tableName,
            Key: marshall(leadKey(leadId)),
            ConsistentRead: true,
          }),
        );
        const item = out.Item ? unmarshall(out.Item) : undefined;
        return item && (options?.expired || live(item)) ? read(item) : undefined;
      } catch (error) {
        throw translateStoreError(error);
      }
    },
    async listDay(day) {
      try {
        const items = await queryAll(client, {
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :day',
          ExpressionAttributeValues: marshall({ ':day': leadsOfDayKey(day) }),
        });
        return items.filter(live).map(read);
      } catch (error) {
        throw translateStoreError(error);
      }
    },
    ...(options.dueIndex
      ? {
          async listDue(at: Date, routedBefore: Date) {
            const query = (partition: string, until: string) =>
              queryAll(client, {
                TableName: tableName,
                IndexName: DUE_INDEX,
                KeyConditionExpression: 'duepk = :p AND dueAt <= :until',
                ExpressionAttributeValues: marshall({ ':p': partition, ':until': until }),
              });
            try {
              const items = [
                ...(await query(DUE_SEND, at.toISOString())),
                ...(await query(DUE_ESCALATE, routedBefore.toISOString())),
              ];
              return items.filter(live).map(read);
            } catch (error) {
              throw translateStoreError(error);
            }
          },
        }
      : {}),
    async listReminding(at) {
      let items: Record<string, unknown>[];
      try {
        items = await queryAll(client, {
          TableName: tableName,
          IndexName: CONVERSATIONS_INDEX,
          KeyConditionExpression: 'gsi3pk = :p AND gsi3sk <= :until',
          ExpressionAttributeValues: marshall({ ':p': REMINDING, ':until': at.toISOString() }),
        });
      } catch (error) {
        throw translateStoreError(error);
      }
      // The table's own keys are always projected: the lead's id is in its pk.
      const keys = items
        .map((item) => item.pk)
        .filter((pk): pk is string => typeof pk === 'string' && pk.startsWith('LEAD#'))
        .map((pk) => pk.slice(5));
      // The index holds keys only; the leads are read as they are now, one by one.
      const leads = await Promise.all(keys.map((id) => store.get(id)));
      return leads.filter((lead): lead is Lead => lead !== undefined);
    },
    async openLeadOf(phone, now) {
      let pointer: Record<string, unknown> | undefined;
      try {
        const out = await client.send(
          new GetItemCommand({
            TableName: tableName,
            Key: marshall(phoneLeadKey(phone)),
            ConsistentRead: true,
          }),
        );
        pointer = out.Item ? unmarshall(out.Item) : undefined;
      } catch (error) {
        throw translateStoreError(error);
      }
      if (!pointer || typeof pointer.leadId !== 'string') return undefined;
      if (isExpired(pointer.expiresAt as number | undefined, now)) return undefined;
      const lead = await store.get(pointer.leadId);
      const age = lead
        ? now.getTime() - new Date(lead.createdAt).getTime()
        : Number.POSITIVE_INFINITY;
      if (!lead || lead.status === 'declined' || age > OPEN_LEAD_DAYS * 86_400_000)
        return undefined;
      return lead;
    },
    async save(lead) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: leadItem(lead, timeZone, retentionDays),
            // Delivery, accept, decline and re-routing each read the lead and save the next one.
            ...versioned(lead.version),
          }),
        );
      } catch (error) {
        throw translateStoreError(
          error,
          () => new VersionConflictError(`lead ${lead.leadId}`, lead.version - 1),
        );
      }
    },
    async delete(lead) {
      const phone = lead.contact.phone;
      try {
        if (phone) {
          await client.send(
            new DeleteItemCommand({
              TableName: tableName,
              Key: marshall(phoneLeadKey(phone)),
              // The phone may have opened a newer lead since: its pointer is that lead's.
              ConditionExpression: 'leadId = :leadId',
              ExpressionAttributeValues: marshall({ ':leadId': lead.leadId }),
            }),
          );
        }
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw translateStoreError(error);
      }
      try {
        await client.send(
          new DeleteItemCommand({
            TableName: tableName,
            Key: marshall(leadKey(lead.leadId)),
            // Only the version that was read: a lead merged into meanwhile may point at one more
            // conversation, which the caller must erase too; a lead gone already is not erased twice.
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: marshall({ ':version': lead.version }),
          }),
        );
      } catch (error) {
        throw translateStoreError(
          error,
          () => new VersionConflictError(`lead ${lead.leadId}`, lead.version),
        );
      }
    },
  };
  return store;
}
