/**
 * `npm run reminders`: the hearing reminders waiting to go out, soonest first, in the firm's time
 * zone: when, which one (7 days before, the day before, the morning of), by text or email, its
 * status, the hearing date and the lead. Reads the same DynamoDB as `npm start` (or, with --aws,
 * the deployed table, read-only: scripts/table.ts). The console shows the same per lead, and
 * stops them.
 *
 *   npm run reminders -- --list            reminders not sent yet (scheduled, or retrying)
 *   npm run reminders -- --list --all      and those sent, failed or stopped, of the same leads
 *   npm run reminders -- --aws --table <TableName output> --firm firm/firm.yaml --list
 */
import { pathToFileURL } from 'node:url';
import { createDynamoLeadStore } from '../functions/adapters/dynamo-leads';
import { wallClock } from '../functions/core/calendar';
import type { Lead } from '../functions/core/leads/lead';
import { dueAt } from '../functions/core/reminders/reminders';
import { openTable } from './table';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

/** One line per reminder of `leads`, soonest first: what `--list` prints. */
export function reminderLines(leads: Lead[], timeZone: string, all = false): string[] {
  const rows = leads.flatMap((lead) =>
    (lead.reminders?.items ?? [])
      .filter((r) => all || dueAt(r) !== undefined)
      .map((r) => ({ lead, r, at: dueAt(r) ?? r.sentAt ?? r.at })),
  );
  rows.sort((a, b) => a.at.localeCompare(b.at));
  return rows.map(({ lead, r, at }) => {
    const clock = wallClock(new Date(at), timeZone);
    const time = `${clock.date} ${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
    const status = r.reason
      ? `${r.status} (${r.reason})`
      : r.tries
        ? `${r.status} (${r.tries} tries)`
        : r.status;
    return [
      time,
      r.kind.padEnd(7),
      r.via.padEnd(5),
      status.padEnd(26),
      r.hearingDate,
      lead.leadId,
    ].join('  ');
  });
}

async function main() {
  if (!args.includes('--list')) {
    console.log('usage: npm run reminders -- --list [--all] [--aws --table <name> --firm <file>]');
    process.exitCode = 1;
    return;
  }
  const table = await openTable({
    aws: args.includes('--aws'),
    table: flag('--table'),
    firmFile: flag('--firm'),
    scriptName: 'npm run reminders',
  });
  try {
    const { timeZone, retentionDays } = table.firm;
    const leads = createDynamoLeadStore({
      client: table.client,
      tableName: table.tableName,
      timeZone,
      retentionDays,
      now: () => new Date(),
    });
    // Every lead with a reminder waiting, however far off: the index holds only those.
    const waiting = (await leads.listReminding?.(new Date('9999-12-31T00:00:00Z'))) ?? [];
    const lines = reminderLines(waiting, timeZone, args.includes('--all'));
    console.log(
      `${lines.length} reminder${lines.length === 1 ? '' : 's'} (times in ${timeZone})\n`,
    );
    console.log(
      ['when            ', 'which  ', 'by   ', 'status'.padEnd(26), 'hearing   ', 'lead id'].join(
        '  ',
      ),
    );
    for (const line of lines) console.log(line);
  } finally {
    await table.close();
  }
}

// Run as a script (npm run reminders), not when a test imports it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
