/**
 * `npm run leads`: recent leads in the terminal, newest first: when, urgency, flags, who it was
 * routed to, its status and its delivery (attempts and the last error when it keeps failing).
 * Reads the same DynamoDB as `npm start` (DYNAMODB_ENDPOINT, or the embedded one's data).
 *
 *   npm run leads              the last 7 days
 *   npm run leads -- --days 30
 *   npm run leads -- erase <leadId> [--by <your name or id>]
 *                              erases the lead and everything it points to (functions/core/leads/erase.ts);
 *                              the log line it writes says who and when, with ids only
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { loadContent } from '../functions/adapters/content-files';
import { dynamoClient } from '../functions/adapters/dynamo-client';
import { createDynamoLeadStore } from '../functions/adapters/dynamo-leads';
import { createDynamoSmsStore } from '../functions/adapters/dynamo-sms-store';
import { createDynamoStore, ensureTable } from '../functions/adapters/dynamo-store';
import { jsonLogger } from '../functions/adapters/log';
import { loadConfig } from '../functions/config';
import type { Firm } from '../functions/core/content';
import { recentLeads } from '../functions/core/leads/delivery';
import { eraseLead } from '../functions/core/leads/erase';
import type { Lead } from '../functions/core/leads/lead';
import type { LeadStore } from '../functions/core/ports';
import { type RunningDynamo, startDynamoLocal } from '../functions/local/dynamodb-local';

const config = loadConfig();
const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const days = Number(flag('--days')) || 7;
const erasing = args[0] === 'erase' ? { leadId: args[1], by: flag('--by') } : undefined;

function row(lead: Lead): string {
  const d = lead.delivery;
  const delivery =
    d.status === 'sent'
      ? `sent (${d.attempts} ${d.attempts === 1 ? 'try' : 'tries'})`
      : `${d.status}${d.attempts ? `, ${d.attempts} tries, last error ${d.lastError ?? '-'}` : ''}`;
  return [
    lead.createdAt.slice(0, 16).replace('T', ' '),
    lead.urgency.toUpperCase().padEnd(9),
    (lead.flags.map((f) => f.id).join(',') || '-').padEnd(40).slice(0, 40),
    (lead.routing.attorneyId ?? 'intake team').padEnd(18),
    lead.status.padEnd(8),
    delivery,
    lead.leadId,
  ].join('  ');
}

/** The database `npm start` is running, if it is (it writes its endpoint to .data/). */
async function runningEndpoint(): Promise<string | undefined> {
  const file = join(config.DATA_DIR, 'dynamodb-endpoint');
  if (!existsSync(file)) return undefined;
  const endpoint = readFileSync(file, 'utf8').trim();
  const client = dynamoClient(endpoint, config.AWS_REGION);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return endpoint;
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

/** `erase <leadId>`: the lead, its conversations and its phone's pointer; the line keeps STOP. */
async function erase(
  client: DynamoDBClient,
  firm: Firm,
  leads: LeadStore,
  { leadId, by }: { leadId?: string; by?: string },
) {
  if (!leadId || leadId.startsWith('--')) throw new Error('usage: npm run leads -- erase <leadId>');
  const tableName = config.TABLE_NAME;
  const { timeZone, retentionDays } = firm;
  const now = () => new Date();
  const result = await eraseLead(
    {
      leads,
      store: createDynamoStore({ client, tableName, timeZone, retentionDays, now }),
      sms: createDynamoSmsStore({ client, tableName, timeZone, retentionDays }),
      now,
      // The record of who erased it: to stderr, so it can be kept apart from the output.
      log: jsonLogger((line) => process.stderr.write(`${line}\n`)),
    },
    leadId,
    by ?? process.env.USER ?? 'unknown',
  );
  console.log(
    result === 'erased'
      ? `Lead ${leadId} erased, with its conversations and its phone's pointer.`
      : `No lead ${leadId}: it does not exist or was erased already.`,
  );
}

async function main() {
  let dynamo: RunningDynamo | undefined;
  let endpoint = config.DYNAMODB_ENDPOINT ?? (await runningEndpoint());
  if (!endpoint) {
    // npm start is not running: open the embedded DynamoDB Local's data in .data/dynamodb.
    dynamo = await startDynamoLocal({ dataDir: join(config.DATA_DIR, 'dynamodb') });
    endpoint = dynamo.endpoint;
  }
  const client = dynamoClient(endpoint, config.AWS_REGION);
  try {
    await ensureTable(client, config.TABLE_NAME);
    const firm = loadContent({ root: process.cwd(), firmFile: config.FIRM_FILE }).firm;
    const { timeZone, retentionDays } = firm;
    const now = () => new Date();
    const tableName = config.TABLE_NAME;
    const leads = createDynamoLeadStore({ client, tableName, timeZone, retentionDays, now });
    if (erasing) {
      await erase(client, firm, leads, erasing);
      return;
    }
    const all = (await recentLeads({ leads, now: () => new Date(), timeZone }, days)).sort((a, b) =>
      b.createdAt.localeCompare(a.createdAt),
    );
    console.log(`${all.length} lead${all.length === 1 ? '' : 's'} in the last ${days} days\n`);
    console.log(
      [
        'created (UTC)   ',
        'URGENCY  ',
        'flags'.padEnd(40),
        'routed to'.padEnd(18),
        'status  ',
        'delivery',
        'lead id',
      ].join('  '),
    );
    for (const lead of all) console.log(row(lead));
    const stuck = all.filter((l) => l.delivery.status === 'failed' || l.delivery.attempts >= 5);
    if (stuck.length)
      console.log(
        `\n${stuck.length} lead(s) whose email keeps failing: they are copied to the intake team.`,
      );
  } finally {
    client.destroy();
    await dynamo?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
