/**
 * The escalation timer reads only the leads due (issue 15, item 9): on a table with the stack's
 * due-time index (created here as infra/amparo-stack.ts creates it, on DynamoDB Local), a pass
 * queries that index instead of a week of leads by day, finds the send that is due and the
 * emergency nobody accepted, leaves out the rest, and once an hour sweeps the week for a lead
 * saved before the index existed.
 */
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  type DynamoDBClient,
  type QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../functions/adapters/content-files';
import { dynamoClient } from '../../functions/adapters/dynamo-client';
import { createDynamoLeadStore, leadWrites } from '../../functions/adapters/dynamo-leads';
import { DUE_INDEX, leadKey } from '../../functions/adapters/keys';
import { loadRoster } from '../../functions/adapters/roster-file';
import type { LeadEmail } from '../../functions/core/leads/email';
import type { Lead } from '../../functions/core/leads/lead';
import { buildDeliveryDeps } from '../../functions/deps';
import { timerHandler } from '../../functions/lambda/delivery-handlers';
import { aLead, type LeadOverrides } from '../helpers/lead';
import { memoryLogger } from '../helpers/log';

const ROOT = resolve(import.meta.dirname, '../..');
const content = loadContent({ root: ROOT });
const roster = loadRoster(resolve(ROOT, 'prompts/roster.example.yaml'));
const { timeZone, retentionDays } = content.firm;
/** The top of the hour: the timer's sweep minute; NOW + 1 minute is an ordinary pass. */
const HOUR = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const NOW = new Date(HOUR.getTime() + 60_000);
const ago = (minutes: number, from = NOW) =>
  new Date(from.getTime() - minutes * 60_000).toISOString();

let client: DynamoDBClient;
const tableName = `due-${Date.now()}`;
/** Each Query the store sends: which index, which partition. */
const queries: Array<{ index?: string; key?: string }> = [];

beforeAll(async () => {
  client = dynamoClient(inject('dynamoEndpoint'), 'us-east-1');
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'QueryCommand') {
        const input = (args as { input: QueryCommand['input'] }).input;
        const values = input.ExpressionAttributeValues ?? {};
        queries.push({
          index: input.IndexName,
          key: values[':p']?.S ?? values[':day']?.S,
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'countQueries' },
  );
  const string = (AttributeName: string) => ({ AttributeName, AttributeType: 'S' as const });
  const index = (IndexName: string, hash: string, range: string) => ({
    IndexName,
    KeySchema: [
      { AttributeName: hash, KeyType: 'HASH' as const },
      { AttributeName: range, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'duepk', 'dueAt'].map(string),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        index('gsi1', 'gsi1pk', 'gsi1sk'),
        index(DUE_INDEX, 'duepk', 'dueAt'),
      ],
    }),
  );
});
afterAll(() => client.destroy());

const store = (now: () => Date) =>
  createDynamoLeadStore({ client, tableName, timeZone, retentionDays, now, dueIndex: true });

async function put(leadId: string, overrides: LeadOverrides): Promise<Lead> {
  const lead = aLead({ leadId, ...overrides });
  await client.send(
    new TransactWriteItemsCommand({
      TransactItems: leadWrites(tableName, lead, timeZone, retentionDays),
    }),
  );
  return lead;
}

const sent = (at: string) => ({
  status: 'sent' as const,
  attempts: 1,
  sentAt: at,
  sentTo: ['intake@firm.example'],
});

function timer(now: Date, emails: LeadEmail[]) {
  const deps = buildDeliveryDeps({
    config: {
      TABLE_NAME: tableName,
      PUBLIC_BASE_URL: 'https://d111111abcdef8.cloudfront.net',
      MAIL_FROM: 'intake@firm.example',
    },
    client,
    roster,
    firm: content.firm,
    strings: content.strings,
    linkSecret: 'due-index-link-secret-0123456789abcdefghij',
    mailer: {
      send: async (email) => {
        emails.push(email as LeadEmail);
        return { messageId: `m-${emails.length}` };
      },
    },
    now: () => now,
    log: memoryLogger([]),
  });
  return timerHandler({ ...deps, leads: store(() => now) });
}

describe('the due-time index', () => {
  it('lists the send that is due and the emergency nobody accepted, nothing else', async () => {
    await put('L-due', { createdAt: ago(2) });
    await put('L-later', {
      createdAt: ago(2),
      delivery: { status: 'pending', attempts: 1, nextAttemptAt: ago(-5) },
    });
    await put('L-done', { createdAt: ago(50), urgency: 'high', delivery: sent(ago(49)) });
    await put('L-overdue', { createdAt: ago(40), delivery: sent(ago(39)) });
    await put('L-recent', { createdAt: ago(5), delivery: sent(ago(4)) });
    await put('L-accepted', {
      createdAt: ago(60),
      status: 'accepted',
      delivery: sent(ago(59)),
    });
    await put('L-failed', {
      createdAt: ago(300),
      delivery: { status: 'failed', attempts: 30, lastError: 'MessageRejected' },
    });
    const due = await store(() => NOW).listDue?.(NOW, new Date(ago(roster.escalationMinutes)));
    expect(due?.map((l) => l.leadId).sort()).toEqual(['L-due', 'L-overdue']);
  });

  it('a pass queries the index, not a week of days, and sends and escalates what is due', async () => {
    queries.length = 0;
    const emails: LeadEmail[] = [];
    const result = await timer(NOW, emails)();
    expect(result).toMatchObject({ sent: 2, escalated: 1 });
    const byDay = queries.filter((q) => q.index === 'gsi1');
    // The re-routing of the overdue emergency counts today's leads (one day); nothing else.
    expect(byDay.length).toBeLessThanOrEqual(1);
    expect(queries.filter((q) => q.index === DUE_INDEX).length).toBe(2);
    // Delivered and re-routed leads left the index (nothing due until L-later's retry).
    expect(await store(() => NOW).listDue?.(NOW, new Date(ago(30)))).toEqual([]);
  });

  it('a lead saved before the index existed is found by the hourly sweep, not by a pass', async () => {
    await put('L-old-item', { createdAt: ago(90, HOUR) });
    // As stored by a version without the index: no due attributes.
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: marshall(leadKey('L-old-item')),
        UpdateExpression: 'REMOVE duepk, dueAt',
      }),
    );
    const passEmails: LeadEmail[] = [];
    await timer(new Date(NOW.getTime() + 60_000), passEmails)();
    expect(passEmails.filter((e) => JSON.stringify(e).includes('L-old-item'))).toEqual([]);

    queries.length = 0;
    const sweepEmails: LeadEmail[] = [];
    await timer(new Date(HOUR.getTime() + 3_600_000), sweepEmails)();
    expect(queries.filter((q) => q.index === 'gsi1').length).toBeGreaterThanOrEqual(7);
    expect(sweepEmails.some((e) => JSON.stringify(e).includes('L-old-item'))).toBe(true);
  });
});
