/**
 * `npm run leads -- --aws` reads the deployed table and nothing else: its client refuses
 * CreateTable, scans and writes before they are sent. `--redeliver <leadId>` puts a failed lead,
 * or one older than the worker's 7 days, back to pending with one version-checked write, and the
 * delivery function then emails it from the stream record that write makes. On DynamoDB Local.
 */
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  GetItemCommand,
  ScanCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../../functions/adapters/content-files';
import { dynamoClient } from '../../functions/adapters/dynamo-client';
import { createDynamoLeadStore, leadWrites } from '../../functions/adapters/dynamo-leads';
import { leadKey } from '../../functions/adapters/keys';
import { loadRoster } from '../../functions/adapters/roster-file';
import type { LeadEmail } from '../../functions/core/leads/email';
import { buildDeliveryDeps } from '../../functions/deps';
import { streamHandler } from '../../functions/lambda/delivery-handlers';
import { readOnly, redeliver } from '../../scripts/leads';
import { aLead } from '../helpers/lead';
import { memoryLogger } from '../helpers/log';
import { freshTable } from '../helpers/server';
import { streamEvent, streamRecord } from './events';

const ROOT = resolve(import.meta.dirname, '../..');
const content = loadContent({ root: ROOT });
const { timeZone, retentionDays } = content.firm;
let table: Awaited<ReturnType<typeof freshTable>>;

beforeAll(async () => {
  table = await freshTable();
});
afterAll(() => table.client.destroy());

async function store(leadId: string, delivery: Record<string, unknown>, daysAgo = 0) {
  const createdAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const lead = aLead({ leadId, createdAt, delivery: delivery as never });
  await table.client.send(
    new TransactWriteItemsCommand({
      TransactItems: leadWrites(table.tableName, lead, timeZone, retentionDays),
    }),
  );
}

const leadsOn = (client = table.client) =>
  createDynamoLeadStore({
    client,
    tableName: table.tableName,
    timeZone,
    retentionDays,
    now: () => new Date(),
  });

describe('npm run leads -- --aws', () => {
  it('reads, and refuses CreateTable, Scan and writes before sending them', async () => {
    const client = readOnly(dynamoClient(inject('dynamoEndpoint'), 'us-east-1'));
    try {
      await store('L-aws-read', { status: 'sent', attempts: 1, sentTo: ['intake@example.com'] });
      expect((await leadsOn(client).get('L-aws-read'))?.leadId).toBe('L-aws-read');
      const today = new Date().toISOString().slice(0, 10);
      await expect(leadsOn(client).listDay(today)).resolves.toBeInstanceOf(Array);
      await expect(
        client.send(
          new CreateTableCommand({
            TableName: 'never',
            KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
          }),
        ),
      ).rejects.toThrow(/refused CreateTableCommand/);
      await expect(client.send(new ScanCommand({ TableName: table.tableName }))).rejects.toThrow(
        /refused ScanCommand/,
      );
      const lead = await leadsOn(client).get('L-aws-read');
      if (!lead) throw new Error('the lead was stored above');
      await expect(leadsOn(client).save({ ...lead, version: lead.version + 1 })).rejects.toThrow(
        /refused PutItemCommand/,
      );
    } finally {
      client.destroy();
    }
  });
});

describe('npm run leads -- --redeliver <leadId>', () => {
  it('puts a failed lead from weeks ago back to pending, and the stream then emails it', async () => {
    await store(
      'L-redeliver-1',
      { status: 'failed', attempts: 30, lastError: 'MessageRejected' },
      20,
    );
    const client = readOnly(dynamoClient(inject('dynamoEndpoint'), 'us-east-1'), true);
    try {
      expect(await redeliver(leadsOn(client), 'L-redeliver-1', new Date())).toBe('queued');
    } finally {
      client.destroy();
    }
    const out = await table.client.send(
      new GetItemCommand({ TableName: table.tableName, Key: marshallKey('L-redeliver-1') }),
    );
    const item = unmarshall(out.Item ?? {});
    expect(item.delivery).toMatchObject({ status: 'pending', attempts: 0 });
    expect(item.version).toBe(2);

    // The write's stream record, as the stack's filter passes it (a pending lead item).
    const emails: LeadEmail[] = [];
    const deps = buildDeliveryDeps({
      config: {
        TABLE_NAME: table.tableName,
        PUBLIC_BASE_URL: 'https://d111111abcdef8.cloudfront.net',
        MAIL_FROM: 'intake@firm.example',
      },
      client: table.client,
      roster: loadRoster(resolve(ROOT, 'prompts/roster.example.yaml')),
      firm: content.firm,
      strings: content.strings,
      linkSecret: 'leads-aws-link-secret-0123456789abcdefghij',
      mailer: {
        send: async (email) => {
          emails.push(email as LeadEmail);
          return { messageId: `m-${emails.length}` };
        },
      },
      log: memoryLogger([]),
    });
    const result = await streamHandler(deps)(streamEvent(streamRecord(item, 'MODIFY')));
    expect(result.batchItemFailures).toEqual([]);
    expect(emails.length).toBeGreaterThanOrEqual(1);
    expect((await leadsOn().get('L-redeliver-1'))?.delivery.status).toBe('sent');
  });

  it('does not send a lead already sent again unless forced, and says when there is none', async () => {
    await store('L-redeliver-2', { status: 'sent', attempts: 1, sentTo: ['intake@example.com'] });
    expect(await redeliver(leadsOn(), 'L-redeliver-2', new Date())).toBe('already-sent');
    expect((await leadsOn().get('L-redeliver-2'))?.version).toBe(1);
    expect(await redeliver(leadsOn(), 'L-redeliver-2', new Date(), true)).toBe('queued');
    expect((await leadsOn().get('L-redeliver-2'))?.delivery.status).toBe('pending');
    expect(await redeliver(leadsOn(), 'L-nobody', new Date())).toBe('not-found');
  });
});

function marshallKey(leadId: string) {
  const key = leadKey(leadId);
  return { pk: { S: key.pk }, sk: { S: key.sk } };
}
