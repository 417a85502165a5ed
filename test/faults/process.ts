/**
 * The real `npm start` entry (functions/local/start.ts) as a child process, for the restart and
 * privacy suites: every byte it writes to stdout and stderr is kept, and its process tree (the
 * embedded DynamoDB Local's Java process included) can be listed and checked for leftovers.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { ConfigSchema } from '../../functions/config';
import { TEST_PUBLIC_BASE_URL, TWILIO_TEST_TOKEN } from '../helpers/server';

export interface Amparo {
  url: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The embedded DynamoDB Local's Java process. */
  javaPid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

/** Every server started here, until it exits: killAll() ends any a failed test left running. */
const started = new Set<ChildProcess>();

/**
 * Kills (SIGKILL) every server this module started that is still running, and waits until each
 * is gone with its DynamoDB Local (stopped by its watchdog).
 */
export async function killAll(): Promise<void> {
  const javas = [...started].flatMap((child) =>
    descendants(child.pid ?? 0)
      .filter((p) => p.args.includes('DynamoDBLocal'))
      .map((p) => p.pid),
  );
  for (const child of started) child.kill('SIGKILL');
  await until(() => javas.every((pid) => !alive(pid)), 15_000, 'DynamoDB Local to stop');
  started.clear();
}

/** Every process below `root`, as pid and command line, from `ps`. */
export function descendants(root: number): { pid: number; args: string }[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] ?? '' }));
  const found: { pid: number; args: string }[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const row of rows.filter((r) => r.ppid === parent)) {
      found.push({ pid: row.pid, args: row.args });
      queue.push(row.pid);
    }
  }
  return found;
}

/** True while the process runs; a zombie nobody reaped (no init in a container) counts as gone. */
export function alive(pid: number): boolean {
  try {
    const stat = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
    return stat.trim() !== '' && !stat.trim().startsWith('Z');
  } catch {
    return false;
  }
}

/** Polls until `check` holds, or fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every variable `npm start` reads (functions/config.ts). */
const CONFIG_VARIABLES = new Set(Object.keys(ConfigSchema.in.shape));

/**
 * The test runner's environment without any of Amparo's own variables: a developer's shell may
 * set them for their own `npm start` (DYNAMODB_ENDPOINT, TABLE_NAME, TWILIO_ACCOUNT_SID and
 * TWILIO_FROM_NUMBER, ROSTER_FILE, LINK_SECRET…), and a server started here must not use that
 * database, send real texts, or read another roster; it gets only what startAmparo sets.
 */
function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !CONFIG_VARIABLES.has(name)),
  );
}

/**
 * Starts `functions/local/start.ts` with PORT and DATA_DIR, as `npm start` does (`tsx` is loaded
 * with `node --import tsx`, so the pid is the server itself: a signal reaches it, not a wrapper).
 */
export async function startAmparo(options: { port: number; dataDir: string }): Promise<Amparo> {
  const env: NodeJS.ProcessEnv = {
    ...inheritedEnv(),
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
    TWILIO_AUTH_TOKEN: TWILIO_TEST_TOKEN,
    MAIL_TRANSPORT: 'file',
    // These suites answer a whole intake in a second or two: faster than any person, so past
    // the abuse limits, which are not what they test.
    RATE_LIMITS: 'off',
  };
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'functions/local/start.ts'],
    { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.add(child);
  child.once('exit', () => started.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const pid = child.pid ?? 0;
  const url = `http://127.0.0.1:${options.port}`;
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      if (!output.includes('Amparo is running')) return false;
      return (await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200;
    },
    60_000,
    'npm start',
  );
  const java = descendants(pid).find((p) => p.args.includes('DynamoDBLocal'));
  if (!java) throw new Error('no DynamoDB Local process under npm start');
  return {
    url,
    pid,
    javaPid: java.pid,
    output: () => output,
    exited,
    kill: (signal) => child.kill(signal),
  };
}
