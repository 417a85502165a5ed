/**
 * The load: the DynamoDB floor (a bare GetItem + conditional PutItem pair), web and SMS turns at
 * a given concurrency (autocannon, one conversation per connection, message after message), and
 * single turns in sequence (for the growth figure and the request counts).
 */
import {
  type AttributeValue,
  GetItemCommand,
  PutItemCommand,
  type PutItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import autocannon from 'autocannon';
import {
  type BenchEnv,
  conversationItem,
  lineItem,
  phoneNumber,
  sayWeb,
  smsRequest,
  startWeb,
  textSms,
  type WebConversation,
  webRequest,
} from './env';
import type { ScriptTurn } from './scripts';
import { type Latency, latency, pool, round } from './stats';

/** WhatsApp is measured by its DynamoDB requests only (figure 4): its turn is an SMS turn. */
export type Channel = 'web' | 'sms' | 'whatsapp';

/** One client's conversation: a web conversation or a texter's phone, and its next turn. */
export interface Subject {
  channel: Channel;
  web?: WebConversation;
  phone?: string;
  /** The number of the next turn to send (1 = the first message after it exists). */
  next: number;
}

let phones = 0;
/** A fresh, never-used phone number. */
export const freshPhone = () => phoneNumber(phones++);

/** Opens a conversation: POST /api/conversations, or a first text ("Hi"). */
export async function open(env: BenchEnv, channel: Channel): Promise<Subject> {
  if (channel === 'web') return { channel, web: await startWeb(env), next: 1 };
  const phone = channel === 'whatsapp' ? `whatsapp:${freshPhone()}` : freshPhone();
  await textSms(env, phone, 'Hi');
  return { channel, phone, next: 1 };
}

/** Sends one message as the subject and waits for the reply; returns its latency (ms). */
export async function send(env: BenchEnv, subject: Subject, text: string) {
  const started = performance.now();
  if (subject.web) await sayWeb(env, subject.web, text);
  else await textSms(env, subject.phone as string, text);
  return performance.now() - started;
}

/** Sends the subject's next scripted turn; returns its latency (ms). */
export async function step(env: BenchEnv, subject: Subject, script: ScriptTurn[]) {
  const turn = script[subject.next - 1];
  if (!turn) throw new Error(`bench: the script has no turn ${subject.next}`);
  subject.next++;
  return send(env, subject, turn.text);
}

/** Opens `count` conversations and plays `turns` scripted turns on each (untimed preparation). */
export async function prepare(
  env: BenchEnv,
  channel: Channel,
  script: ScriptTurn[],
  count: number,
  turns: number,
): Promise<Subject[]> {
  const subjects: Subject[] = [];
  await pool(
    Array.from({ length: count }, (_, i) => i),
    8,
    async () => {
      const subject = await open(env, channel);
      for (let t = 0; t < turns; t++) await step(env, subject, script);
      subjects.push(subject);
    },
  );
  return subjects;
}

/** The conversation item of a subject (for SMS, the one its line points at) and the line's. */
export async function itemsOf(env: BenchEnv, subject: Subject) {
  if (subject.web) return { conversation: await conversationItem(env, subject.web.id) };
  const line = await lineItem(env, subject.phone as string);
  const id = line.item.conversationId?.S;
  if (!id) throw new Error('bench: the line points at no conversation');
  return { conversation: await conversationItem(env, id), line };
}

// --- the floor --------------------------------------------------------------------------------

export interface FloorResult {
  concurrency: number;
  pairs: Latency;
  pairsPerSecond: number;
}

/**
 * The floor: `concurrency` clients, each on its own copy of `template` (a real conversation's raw
 * item), each doing `pairsPerClient` times GetItem (consistent) then PutItem conditioned on the
 * version it read, as the store does, without anything else.
 */
export async function floor(
  env: BenchEnv,
  template: Record<string, AttributeValue>,
  concurrency: number,
  pairsPerClient: number,
  label: string,
): Promise<FloorResult> {
  const keys = Array.from({ length: concurrency }, (_, i) => ({
    pk: { S: `BENCH#${label}-${concurrency}-${i}` },
    sk: { S: 'CONV' },
  }));
  await Promise.all(
    keys.map((key) =>
      env.raw.send(
        new PutItemCommand({
          TableName: env.tableName,
          Item: { ...template, ...key, version: { N: '1' } },
        }),
      ),
    ),
  );
  return timedClients(keys, pairsPerClient, concurrency, async (key) => {
    const got = await env.raw.send(
      new GetItemCommand({ TableName: env.tableName, Key: key, ConsistentRead: true }),
    );
    const version = Number(got.Item?.version?.N ?? Number.NaN);
    const put: PutItemCommandInput = {
      TableName: env.tableName,
      Item: { ...got.Item, version: { N: String(version + 1) } },
      ConditionExpression: 'attribute_exists(pk) AND version = :expected',
      ExpressionAttributeValues: { ':expected': { N: String(version) } },
    };
    await env.raw.send(new PutItemCommand(put));
  });
}

/**
 * Runs `op` `perClient` times in a row for each client, all clients at once, timing each call:
 * the floors' shared loop.
 */
async function timedClients<T>(
  clients: T[],
  perClient: number,
  concurrency: number,
  op: (client: T) => Promise<unknown>,
): Promise<FloorResult> {
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let n = 0; n < perClient; n++) {
        const t0 = performance.now();
        await op(client);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    concurrency,
    pairs: latency(samples),
    pairsPerSecond: round(samples.length / seconds, 1),
  };
}

// --- turns under load (autocannon) ---------------------------------------------------------------

export interface LoadResult {
  channel: Channel;
  concurrency: number;
  turns: Latency;
  turnsPerSecond: number;
  /** Non-200 answers, replies that were not what a turn returns, socket errors, timeouts. */
  failures: number;
  /** Conversations afterwards holding exactly the turns sent, still active (read back). */
  verified: string;
  /** DynamoDB commands the app sent per turn during the run. */
  dynamoPerTurn: number;
  /** CPU time of this Node process (app server and load generator together) per turn. */
  nodeCpuPerTurnMs: number;
  window: { from: number; to: number };
}

/**
 * `groups.length` connections; connection i plays its own conversations `groups[i]` one after
 * the other, each from its `next` turn to `lastTurn`, one message after the reply to the last.
 * Autocannon builds every request in a per-connection closure (setupClient + setupRequest),
 * stops each connection after exactly its turns, and the latencies are the exact per-response
 * times it reports (not its whole-millisecond histogram).
 */
export async function loadTurns(
  env: BenchEnv,
  channel: Channel,
  script: ScriptTurn[],
  groups: Subject[][],
  lastTurn: number,
): Promise<LoadResult> {
  const firstTurn = groups[0]?.[0]?.next ?? 1;
  const turnsPerConnection = (groups[0]?.length ?? 0) * (lastTurn - firstTurn + 1);
  const samples: number[] = [];
  let failures = 0;
  let slot = 0;
  let lastResponse = 0;
  const commandsBefore = env.counter.total();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: env.url,
        connections: groups.length,
        pipelining: 1,
        maxConnectionRequests: turnsPerConnection,
        // A safety bound only: every connection stops after its own turns long before this.
        duration: 120,
        timeout: 15,
        setupClient(client) {
          const mine = groups[slot++] ?? [];
          let index = 0;
          client.setRequests([
            {
              setupRequest(request) {
                let subject = mine[index];
                if (subject && subject.next > lastTurn) subject = mine[++index];
                if (!subject) throw new Error('bench: a connection ran out of conversations');
                const turn = script[subject.next - 1] as ScriptTurn;
                subject.next++;
                // Keep autocannon's own fields (host, port); replace the method, path, headers, body.
                return {
                  ...request,
                  ...(subject.web
                    ? webRequest(subject.web, turn.text)
                    : smsRequest(env, subject.phone as string, turn.text)),
                };
              },
              onResponse(status, body) {
                const ok =
                  status === 200 &&
                  (channel === 'web' ? body.includes('"done":false') : body.includes('<Message>'));
                if (!ok) failures++;
              },
            },
          ]);
        },
      },
      (error, result) => {
        if (error) reject(error);
        else {
          failures += result.errors + result.timeouts;
          resolve();
        }
      },
    );
    instance.on('response', (_client, status, _bytes, time) => {
      if (status === 200) samples.push(time);
      lastResponse = performance.now();
    });
  });
  const seconds = (lastResponse - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const commands = env.counter.total() - commandsBefore;
  const subjects = groups.flat();
  let good = 0;
  for (const subject of subjects) if (await holdsTurns(env, subject, lastTurn)) good++;
  return {
    channel,
    concurrency: groups.length,
    turns: latency(samples),
    turnsPerSecond: round(samples.length / seconds, 1),
    failures: failures + subjects.length - good,
    verified: `${good} of ${subjects.length}`,
    dynamoPerTurn: round(commands / Math.max(1, samples.length)),
    nodeCpuPerTurnMs: round((cpu.user + cpu.system) / 1000 / Math.max(1, samples.length)),
    window: { from: firstTurn, to: lastTurn },
  };
}

/**
 * Whether the subject's conversation, read back (uncounted), is active and holds exactly the
 * client messages sent: its turns, and for SMS the first text that opened it.
 */
export async function holdsTurns(env: BenchEnv, subject: Subject, lastTurn: number) {
  const { conversation } = await itemsOf(env, subject);
  const status = conversation.item.intake?.M?.status?.S;
  const said = (conversation.item.transcript?.L ?? []).filter((e) => e.M?.role?.S === 'user');
  return status === 'active' && said.length === lastTurn + (subject.web ? 0 : 1);
}
