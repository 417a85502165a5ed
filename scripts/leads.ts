/**
 * `npm run leads`: recent leads in the terminal, newest first: when, urgency, flags, who it was
 * routed to, its status and its delivery (attempts and the last error when it keeps failing).
 * Reads the same DynamoDB as `npm start` (DYNAMODB_ENDPOINT, or the embedded one's data).
 *
 *   npm run leads              the last 7 days
 *   npm run leads -- --days 30
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { loadContent } from '../functions/adapters/content-files';
import { dynamoClient } from '../functions/adapters/dynamo-client';
import { createDynamoLeadStore } from '../functions/adapters/dynamo-leads';
import { ensureTable } from '../functions/adapters/dynamo-store';
import { loadConfig } from '../functions/config';
import { recentLeads } from '../functions/core/leads/delivery';
import type { Lead } from '../functions/core/leads/lead';
import { type RunningDynamo, startDynamoLocal } from '../functions/local/dynamodb-local';

const config = loadConfig();
const daysFlag = process.argv.indexOf('--days');
const days = daysFlag > 0 ? Number(process.argv[daysFlag + 1]) || 7 : 7;

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
    const timeZone = loadContent({ root: process.cwd(), firmFile: config.FIRM_FILE }).firm.timeZone;
    const leads = createDynamoLeadStore({ client, tableName: config.TABLE_NAME, timeZone });
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
