/**
 * `npm run leads`: recent leads in the terminal, newest first: when, urgency, flags, who it was
 * routed to, its status and its delivery (attempts and the last error when it keeps failing).
 * Reads the same DynamoDB as `npm start` (DYNAMODB_ENDPOINT, or the embedded one's data), or,
 * with --aws, the deployed table, read-only (infra/README.md "Runbook").
 *
 *   npm run leads              the last 7 days
 *   npm run leads -- --days 30
 *   npm run leads -- --csv [--days 30] [--roster firm/roster.yaml] > leads.csv
 *                              the same leads as CSV for a CRM's import (README "Exporting leads"),
 *                              attorneys named from the roster (ROSTER_FILE, or --roster)
 *   npm run leads -- --aws --table <TableName output> --firm firm/firm.yaml [--days 30]
 *                              the deployed table, with your AWS credentials: only reads
 *                              (GetItem, Query), never CreateTable or any write
 *   npm run leads -- [--aws --table …] --redeliver <leadId> [--force]
 *                              puts the lead back to "pending" (one version-checked write): on AWS
 *                              the table's stream hands it to the delivery function at once; locally
 *                              npm start's worker sends it. A lead already sent needs --force.
 *   npm run leads -- erase <leadId> [--by <your name or id>]
 *                              erases the lead and everything it points to (functions/core/leads/erase.ts);
 *                              the log line it writes says who and when, with ids only
 */
import { pathToFileURL } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoLeadStore } from '../functions/adapters/dynamo-leads';
import { createDynamoSmsStore } from '../functions/adapters/dynamo-sms-store';
import { createDynamoStore } from '../functions/adapters/dynamo-store';
import { jsonLogger } from '../functions/adapters/log';
import { loadRoster } from '../functions/adapters/roster-file';
import { loadConfig } from '../functions/config';
import type { Firm } from '../functions/core/content';
import { leadsCsv } from '../functions/core/integrations/csv';
import { recentLeads } from '../functions/core/leads/delivery';
import { eraseLead } from '../functions/core/leads/erase';
import type { Lead } from '../functions/core/leads/lead';
import type { LeadStore } from '../functions/core/ports';
import { openTable } from './table';

const config = loadConfig();
const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const days = Number(flag('--days')) || 7;
const erasing = args[0] === 'erase' ? { leadId: args[1], by: flag('--by') } : undefined;
const redelivering = flag('--redeliver');
const onAws = args.includes('--aws');
const csv = args.includes('--csv');

/** Attorney names by id from the roster file (--roster, ROSTER_FILE or the bundled example). */
function attorneyNames(): (id: string) => string | undefined {
  const roster = loadRoster(
    flag('--roster') ?? config.ROSTER_FILE ?? 'prompts/roster.example.yaml',
  );
  return (id) => roster.attorneys.find((a) => a.id === id)?.name;
}

export { READ_ONLY_COMMANDS, readOnly } from './table';

/**
 * `--redeliver`: the lead back to pending, due now, under its version. On AWS the stream's filter
 * (a pending lead item) hands it to the delivery function; a failed lead and one older than the
 * worker's 7 days are sent again this way. A lead already sent is sent again only with `force`.
 */
export async function redeliver(
  leads: Pick<LeadStore, 'get' | 'save'>,
  leadId: string,
  now: Date,
  force = false,
): Promise<'queued' | 'not-found' | 'already-sent'> {
  const lead = await leads.get(leadId);
  if (!lead) return 'not-found';
  if (lead.delivery.status === 'sent' && !force) return 'already-sent';
  await leads.save({
    ...lead,
    version: lead.version + 1,
    // Everyone on its routing again (sentTo cleared): one may be who never got it.
    delivery: { status: 'pending', attempts: 0, nextAttemptAt: now.toISOString() },
  });
  return 'queued';
}

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
  if (onAws && erasing)
    throw new Error('erase runs on the local table only; on AWS, see infra/README.md');
  const table = await openTable({
    aws: onAws,
    table: flag('--table'),
    firmFile: flag('--firm'),
    allowPut: Boolean(redelivering),
    scriptName: 'npm run leads',
  });
  const { client, tableName, firm } = table;
  try {
    const { timeZone, retentionDays } = firm;
    const now = () => new Date();
    const leads = createDynamoLeadStore({ client, tableName, timeZone, retentionDays, now });
    if (erasing) {
      await erase(client, firm, leads, erasing);
      return;
    }
    if (redelivering) {
      const result = await redeliver(leads, redelivering, now(), args.includes('--force'));
      console.log(
        {
          queued: onAws
            ? `Lead ${redelivering} is pending again: the delivery function emails it within seconds (watch LeadEmailsRefused).`
            : `Lead ${redelivering} is pending again: npm start's worker emails it within 5 seconds.`,
          'not-found': `No lead ${redelivering} in ${tableName}.`,
          'already-sent': `Lead ${redelivering} was sent already; --force sends it to everyone again.`,
        }[result],
      );
      if (result !== 'queued') process.exitCode = 1;
      return;
    }
    const all = (await recentLeads({ leads, now: () => new Date(), timeZone }, days)).sort((a, b) =>
      b.createdAt.localeCompare(a.createdAt),
    );
    if (csv) {
      // Only the CSV on stdout, so it can be redirected to a file as it is.
      process.stdout.write(leadsCsv(all, attorneyNames()));
      return;
    }
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
    await table.close();
  }
}

// Run as a script (npm run leads), not when a test imports it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
