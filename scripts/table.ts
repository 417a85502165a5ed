/**
 * The table a terminal command reads (`npm run leads`, `npm run reminders`): the DynamoDB that
 * `npm start` is running (its endpoint is in .data/), DYNAMODB_ENDPOINT, or the embedded DynamoDB
 * Local's data opened for the command; with `--aws`, the deployed table, read-only (GetItem and
 * Query only, and one version-checked PutItem where a command says so), with your AWS credentials.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { loadContent } from '../functions/adapters/content-files';
import { dynamoClient } from '../functions/adapters/dynamo-client';
import { ensureTable } from '../functions/adapters/dynamo-store';
import { loadConfig } from '../functions/config';
import type { Firm } from '../functions/core/content';
import { type RunningDynamo, startDynamoLocal } from '../functions/local/dynamodb-local';

const config = loadConfig();

/** The only DynamoDB commands a read-only run may send: anything else is refused before it goes. */
export const READ_ONLY_COMMANDS = new Set(['GetItemCommand', 'QueryCommand']);

/**
 * Makes `client` refuse every command but reads (and the lead's one version-checked PutItem when
 * `allowPut`): the deployed table is never created, changed or scanned by mistake.
 */
export function readOnly(
  client: DynamoDBClient,
  allowPut = false,
  scriptName = 'npm run leads',
): DynamoDBClient {
  client.middlewareStack.add(
    (next, context) => async (input) => {
      const name = context.commandName ?? '';
      if (!READ_ONLY_COMMANDS.has(name) && !(allowPut && name === 'PutItemCommand')) {
        throw new Error(`refused ${name}: ${scriptName} -- --aws only reads the deployed table`);
      }
      return next(input);
    },
    { step: 'initialize', name: 'amparoReadOnly' },
  );
  return client;
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

export interface OpenTable {
  client: DynamoDBClient;
  tableName: string;
  /** The firm's settings (FIRM_FILE, or `--firm`): its time zone and retention. */
  firm: Firm;
  close(): Promise<void>;
}

/**
 * Opens the table for a command.
 *
 * @example const { client, tableName, firm, close } = await openTable({ aws: false })
 */
export async function openTable(options: {
  aws: boolean;
  table?: string;
  firmFile?: string;
  allowPut?: boolean;
  scriptName?: string;
}): Promise<OpenTable> {
  let dynamo: RunningDynamo | undefined;
  let client: DynamoDBClient;
  let tableName = config.TABLE_NAME;
  if (options.aws) {
    tableName = options.table ?? process.env.TABLE_NAME ?? '';
    if (!tableName) throw new Error('--aws needs --table <TableName output> (or TABLE_NAME)');
    // AWS itself, with your credentials and region (AWS_PROFILE, AWS_REGION); never an endpoint.
    client = readOnly(
      dynamoClient(undefined, config.AWS_REGION),
      Boolean(options.allowPut),
      options.scriptName,
    );
  } else {
    let endpoint = config.DYNAMODB_ENDPOINT ?? (await runningEndpoint());
    if (!endpoint) {
      // npm start is not running: open the embedded DynamoDB Local's data in .data/dynamodb.
      dynamo = await startDynamoLocal({ dataDir: join(config.DATA_DIR, 'dynamodb') });
      endpoint = dynamo.endpoint;
    }
    client = dynamoClient(endpoint, config.AWS_REGION);
  }
  const close = async () => {
    client.destroy();
    await dynamo?.stop();
  };
  try {
    // Locally the table is made if missing; the deployed one is the stack's, never touched.
    if (!options.aws) await ensureTable(client, config.TABLE_NAME);
    const firmFile = options.firmFile ?? config.FIRM_FILE;
    const firm = loadContent({
      root: process.cwd(),
      firmFile: firmFile ? resolve(firmFile) : undefined,
    }).firm;
    return { client, tableName, firm, close };
  } catch (error) {
    await close();
    throw error;
  }
}
