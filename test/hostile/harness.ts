/**
 * The hostile-input suite's bench: a real test server on a fresh table, the same app in-process
 * for the bulk of the requests, conversations (web and SMS) and optionally a lead with known
 * state, byte-for-byte snapshots of their items, and the checks every answer must pass.
 */
import { GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type fc from 'fast-check';
import { afterAll, beforeAll, expect } from 'vitest';
import { conversationKey, leadKey, lineKey } from '../../functions/adapters/keys';
import { type App, createApp } from '../../functions/http/app';
import { leadLinkPart } from '../../functions/http/leads';
import { type ApiState, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms } from '../helpers/sms';
import { MARKUP } from './arbitraries';

/** Generated requests per endpoint in-process, and over the real socket. */
export const BULK_RUNS = 10_000;
export const SOCKET_RUNS = 500;

/**
 * fast-check parameters. A failure prints its seed and path; HOSTILE_SEED=<seed> replays that
 * run exactly. No shrinking (endOnFailure): the request is reported as generated, at once,
 * rather than after thousands more requests against the database.
 */
/**
 * The runs of one property. `npm test` uses a fixed seed, so CI is repeatable;
 * `HOSTILE_SEED=random` explores new inputs (a failure prints its seed), `HOSTILE_SEED=<n>` replays.
 */
export function params(numRuns: number): fc.Parameters<unknown> {
  const given = process.env.HOSTILE_SEED;
  const seed = given === 'random' ? undefined : given ? Number(given) : DEFAULT_SEED;
  return { numRuns, ...(seed === undefined ? {} : { seed }), endOnFailure: true };
}

const DEFAULT_SEED = 20_261_125;

export interface WebConversation {
  id: string;
  token: string;
}

export interface Bench {
  server: TestServer;
  /** The same app in-process, its stores' repeated reads served from memory (readThrough). */
  app: App;
  /** Writes the in-process app attempted (creates, saves, deletes, commits, texts, mails). */
  writes(): number;
  /** Errors the in-process app logged (`unhandled_error` with every 500). */
  errors: string[];
  /** Web conversations: one in English a few steps in, one in Spanish holding markup as text. */
  web: WebConversation[];
  /** A texter's phone, their conversation, and the one-time "web" code they were sent. */
  sms: { phone: string; id: string; code: string };
  /** A qualified lead (only when asked for) and the attorney it is routed to. */
  lead?: { leadId: string; conversationId: string; attorneyId: string };
  /** The raw DynamoDB items of everything above, as JSON, to compare byte for byte. */
  snapshot(): Promise<string[]>;
  /** The snapshot taken once everything was seeded: what every later snapshot must equal. */
  before: string[];
  /** How many items the table held once seeded; a test that adds one on purpose counts it here. */
  items: number;
  /** Texts and emails the server had sent once seeded. */
  sent: { texts: number; emails: number };
  /** How many items the table holds. */
  count(): Promise<number>;
  close(): Promise<void>;
}

/** A message holding markup, sent as a legitimate answer: it is text and must stay text. */
export const STORED_MARKUP = `${MARKUP[0]} ${MARKUP[2]}`;

/**
 * Wraps a store so that reads of the same key after the first come from memory (a copy), and
 * counts every other call as a write. Bad requests write nothing, so for them the cache answers
 * exactly what DynamoDB Local would, about a hundred times faster (a GetItem there takes ~4 ms);
 * the count proves nothing was written, and the seeded items are still read back from the table.
 */
function readThrough<T extends object>(store: T, writes: { count: number }): T {
  const cache = new Map<string, Promise<unknown>>();
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      if (/^(get|lastKnown|list|open)/.test(name)) {
        return (...args: unknown[]) => {
          const key = `${name}:${JSON.stringify(args)}`;
          const read: Promise<unknown> = cache.get(key) ?? value.apply(target, args);
          if (!cache.has(key)) {
            cache.set(key, read);
            read.catch(() => cache.delete(key));
          }
          return read.then((result) => structuredClone(result));
        };
      }
      return (...args: unknown[]) => {
        writes.count++;
        cache.clear();
        return value.apply(target, args);
      };
    },
  });
}

export async function bench(options: { lead?: boolean } = {}): Promise<Bench> {
  const server = await startTestServer();
  const writes = { count: 0 };
  const { deps } = server;
  // The in-process app logs only to this list, and only errors: every 5xx logs one.
  const errors: string[] = [];
  const app = createApp(
    {
      ...deps,
      log: { info: () => {}, error: (event) => errors.push(event) },
      store: readThrough(deps.store, writes),
      sms: readThrough(deps.sms, writes),
      sender: readThrough(deps.sender, writes),
      leads: deps.leads && { ...deps.leads, leads: readThrough(deps.leads.leads, writes) },
      delivery: deps.delivery && {
        ...deps.delivery,
        leads: readThrough(deps.delivery.leads, writes),
        mailer: readThrough(deps.delivery.mailer, writes),
      },
    },
    [leadLinkPart],
  );
  const a = await start(server.url, { language: 'en' });
  await say(server.url, a.conversationId, a.token, 'yes');
  await say(server.url, a.conversationId, a.token, '2');
  const b = await start(server.url, { language: 'es' });
  await say(server.url, b.conversationId, b.token, 'sí');
  await say(server.url, b.conversationId, b.token, STORED_MARKUP);

  const phone = '+12135550101';
  await sendSms(server, { from: phone, body: 'hello' });
  await sendSms(server, { from: phone, body: 'yes' });
  const linked = await sendSms(server, { from: phone, body: 'web' });
  const code = /\?continue=(\S+)/.exec(linked.bodies.join('\n'))?.[1] ?? '';
  expect(code).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
  const smsId = code.split('.')[0] ?? '';

  let lead: Bench['lead'];
  if (options.lead) lead = await qualifiedLead(server);

  const keys = [
    conversationKey(a.conversationId),
    conversationKey(b.conversationId),
    conversationKey(smsId),
    lineKey(phone),
    ...(lead ? [conversationKey(lead.conversationId), leadKey(lead.leadId)] : []),
  ];
  const snapshot = async () => {
    const items: string[] = [];
    for (const key of keys) {
      const out = await server.client.send(
        new GetItemCommand({
          TableName: server.tableName,
          Key: marshall(key),
          ConsistentRead: true,
        }),
      );
      items.push(JSON.stringify(out.Item ?? null));
    }
    return items;
  };
  const count = async () => {
    let total = 0;
    let from: Record<string, never> | undefined;
    do {
      const out = await server.client.send(
        new ScanCommand({
          TableName: server.tableName,
          Select: 'COUNT',
          ConsistentRead: true,
          ExclusiveStartKey: from,
        }),
      );
      total += out.Count ?? 0;
      from = out.LastEvaluatedKey as Record<string, never> | undefined;
    } while (from);
    return total;
  };
  const first = await snapshot();
  // Every seeded item exists, so "unchanged" cannot mean "absent both times".
  expect(first.filter((item) => item === 'null')).toEqual([]);
  return {
    server,
    app,
    writes: () => writes.count,
    errors,
    sent: { texts: server.outbox.length, emails: server.emails.length },
    web: [
      { id: a.conversationId, token: a.token },
      { id: b.conversationId, token: b.token },
    ],
    sms: { phone, id: smsId, code },
    lead,
    snapshot,
    before: first,
    items: await count(),
    count,
    close: () => server.close(),
  };
}

async function qualifiedLead(server: TestServer) {
  const { conversationId, token } = await start(server.url);
  // Markup in the transcript, which the attorney's transcript page must show as text.
  await say(server.url, conversationId, token, 'yes');
  let state: ApiState = (await say(server.url, conversationId, token, STORED_MARKUP)).state;
  while (!state.done) {
    const answer = RESIDENT[state.step];
    if (answer === undefined) throw new Error(`no answer for ${state.step}`);
    state = (await say(server.url, conversationId, token, answer)).state;
  }
  // Today in the firm's time zone is today or yesterday in UTC.
  const days = [0, 1].map((back) => new Date(Date.now() - back * 86_400_000).toISOString());
  const leads = [];
  for (const day of days)
    leads.push(...((await server.deps.delivery?.leads.listDay(day.slice(0, 10))) ?? []));
  const lead = leads.find((l) => l.conversationId === conversationId);
  if (!lead?.routing.attorneyId) throw new Error('the seeded intake made no routed lead');
  return { leadId: lead.leadId, conversationId, attorneyId: lead.routing.attorneyId };
}

/** What an answer looked like, for the property's own assertions. */
export interface Answer {
  status: number;
  type: string;
  text: string;
  json?: unknown;
}

// A stack frame, a source location, or the name of something inside: none may reach a client.
const INTERNALS =
  /\n\s+at |\bat [\w.<>]+ \(|\.ts:\d|\.js:\d|node_modules|DynamoDB|ValidationException|ConditionalCheck|ResourceNotFound|ZodError|TypeError|ReferenceError|RangeError|Unexpected (token|end)|at position \d|Cannot read prop|undefined is not/;

/**
 * Every answer to a hostile request: one of `allowed` (429 always allowed, with Retry-After),
 * never a 5xx; errors in API.md's shape as real JSON; no internals; and in HTML or XML no markup
 * that came in (nor any of MARKUP) appears unescaped.
 */
export async function checked(
  res: Response,
  allowed: readonly number[],
  payloads: readonly string[] = [],
  options: { bareParserError?: boolean } = {},
): Promise<Answer> {
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const status = res.status;
  // Plain checks, not expect(): this runs a hundred thousand times and must stay cheap.
  const fail = (why: string) => {
    throw new Error(`${why}: ${status} ${type} ${text.slice(0, 300)}`);
  };
  // Node's HTTP parser refuses bytes that are not HTTP (raw non-URL bytes in the request line,
  // control characters in a header, what follows a body shorter than its Content-Length) with a
  // bare 400 and closes the connection, before or beside the app; nothing of the request is echoed.
  if (options.bareParserError && status === 400 && !type && !text) return { status, type, text };
  if (status >= 500) fail('a server error');
  if (status !== 429 && !allowed.includes(status)) fail(`not one of ${allowed.join(', ')}, 429`);
  if (status === 429 && !/^\d+$/.test(res.headers.get('retry-after') ?? '')) fail('no Retry-After');
  if (INTERNALS.test(text)) fail('internals in the body');
  if (res.headers.get('x-content-type-options') !== 'nosniff') fail('no nosniff');
  const answer: Answer = { status, type, text };
  if (status >= 400 || /json/i.test(type)) {
    if (!/^application\/json(;|$)/.test(type)) fail('not application/json');
    try {
      answer.json = JSON.parse(text);
    } catch {
      fail('not valid JSON');
    }
  }
  if (status >= 400) {
    const error = (answer.json as { error?: Record<string, unknown> } | null)?.error;
    const shaped =
      Object.keys(answer.json as object).join() === 'error' &&
      error !== undefined &&
      Object.keys(error).join() === 'code,message' &&
      typeof error.code === 'string' &&
      typeof error.message === 'string';
    if (!shaped) fail('not the error shape of API.md');
  }
  if (/html|xml/i.test(type)) {
    for (const m of MARKUP) if (text.includes(m)) fail(`${m} reflected`);
    for (const p of payloads)
      if (p.length >= 3 && /[<>]/.test(p) && text.includes(p)) fail(`${p} reflected`);
  }
  return answer;
}

/** The code of an error answer (after `checked`). */
export const codeOf = (answer: Answer) =>
  (answer.json as { error?: { code?: string } } | undefined)?.error?.code;

/**
 * Fails when any seeded item changed, the table holds items it should not, the in-process app
 * tried to write, or the server texted or mailed anyone.
 */
export async function expectUntouched(b: Bench) {
  expect(await b.snapshot()).toEqual(b.before);
  expect(await b.count()).toBe(b.items);
  expect(b.writes()).toBe(0);
  expect(b.errors).toEqual([]);
  expect(b.server.logs.filter((line) => /"level":"error"|unhandled/.test(line))).toEqual([]);
  expect(b.server.outbox).toHaveLength(b.sent.texts);
  expect(b.server.emails).toHaveLength(b.sent.emails);
}

/**
 * The file's bench: started (seeded, snapshotted, counted) before the file's tests and closed after
 * them. The object returned is filled in by that beforeAll, so read it inside tests (and the
 * arbitraries they run), never at the top of the file.
 */
export function useBench(options: { lead?: boolean } = {}): Bench {
  const file = {} as Bench;
  beforeAll(async () => {
    Object.assign(file, await bench(options));
  }, 60_000);
  afterAll(() => file.close?.());
  return file;
}
