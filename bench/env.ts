/**
 * Everything the benchmark runs against, started by itself: DynamoDB Local in memory, a fresh
 * table, and the real app on a real HTTP port, whose DynamoDB client counts every command it
 * sends (by command name) with a middleware. Plus the two clients: the web chat API and signed
 * Twilio webhooks.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import { dynamoClient } from '../functions/adapters/dynamo-client';
import { ensureTable } from '../functions/adapters/dynamo-store';
import { conversationKey, lineKey } from '../functions/adapters/keys';
import { jsonLogger } from '../functions/adapters/log';
import { expectedSignature } from '../functions/adapters/twilio-signature';
import { UNLIMITED } from '../functions/core/rate-limit';
import { type AppDeps, createApp } from '../functions/http/app';
import { parseTwiml } from '../functions/http/twilio';
import { localDeps } from '../functions/local/deps';
import { freePort, type RunningDynamo, startDynamoLocal } from '../functions/local/dynamodb-local';
import { itemSize } from './stats';

export const AUTH_TOKEN = 'bench-twilio-auth-token-0123456789';
const LINK_SECRET = 'bench-link-secret-0123456789abcdefghijklmnop';

/** Commands sent by the app's DynamoDB client, by name, since the last reset. */
export class CommandCounter {
  commands = new Map<string, number>();
  /** HTTP attempts (a retried command counts once per attempt). */
  attempts = 0;
  reset() {
    this.commands.clear();
    this.attempts = 0;
  }
  total() {
    let n = 0;
    for (const v of this.commands.values()) n += v;
    return n;
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.commands].sort(([a], [b]) => a.localeCompare(b)));
  }
}

export function countCommands(client: DynamoDBClient, counter: CommandCounter) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counter.commands.set(name, (counter.commands.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchCountCommands' },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      counter.attempts++;
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'benchCountAttempts' },
  );
}

export interface BenchEnv {
  root: string;
  dynamo: RunningDynamo;
  tableName: string;
  /** The app's client, counted. */
  client: DynamoDBClient;
  /** A second client for the benchmark itself (the floor, item sizes): not counted. */
  raw: DynamoDBClient;
  counter: CommandCounter;
  deps: AppDeps;
  url: string;
  port: number;
  /** Error log lines the app wrote (the rest of its JSON log lines are built and dropped). */
  errors: string[];
  stop(): Promise<void>;
}

export async function startEnv(root: string): Promise<BenchEnv> {
  const dynamo = await startDynamoLocal();
  const client = dynamoClient(dynamo.endpoint, 'us-east-1');
  const raw = dynamoClient(dynamo.endpoint, 'us-east-1');
  const counter = new CommandCounter();
  countCommands(client, counter);
  const tableName = `bench-${randomUUID()}`;
  await ensureTable(client, tableName);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const errors: string[] = [];
  let sent = 0;
  const deps = localDeps({
    client,
    tableName,
    root,
    // The app's real JSON logger, whose lines are built as in production but not printed.
    log: jsonLogger((line) => {
      if (line.includes('"level":"error"') && errors.length < 100) errors.push(line);
    }),
    twilio: { authToken: AUTH_TOKEN, publicBaseUrl: url },
    sender: { send: async () => ({ id: String(++sent) }) },
    mailer: { send: async () => ({ messageId: randomUUID() }) },
    linkSecret: LINK_SECRET,
  });
  // Load is the point here: the limits still run and store their buckets, but never refuse.
  deps.messageRule = UNLIMITED;
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((done) => {
    if (server.listening) done();
    else server.once('listening', () => done());
  });
  counter.reset();
  return {
    root,
    dynamo,
    tableName,
    client,
    raw,
    counter,
    deps,
    url,
    port,
    errors,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      client.destroy();
      raw.destroy();
      await dynamo.stop();
    },
  };
}

/** The raw item of a conversation or a texter's line, and its size (uncounted client). */
export async function rawItem(env: BenchEnv, key: { pk: string; sk: string }) {
  const out = await env.raw.send(
    new GetItemCommand({
      TableName: env.tableName,
      Key: { pk: { S: key.pk }, sk: { S: key.sk } },
      ConsistentRead: true,
    }),
  );
  if (!out.Item) throw new Error(`bench: no item ${key.pk}`);
  return { item: out.Item, size: itemSize(out.Item) };
}

export const conversationItem = (env: BenchEnv, id: string) => rawItem(env, conversationKey(id));
export const lineItem = (env: BenchEnv, phone: string) => rawItem(env, lineKey(phone));

// --- the web chat API -------------------------------------------------------------------------

export interface WebConversation {
  id: string;
  token: string;
}

const TIMEOUT_MS = 15_000;

export async function startWeb(env: BenchEnv): Promise<WebConversation> {
  const res = await fetch(`${env.url}/api/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ language: 'en' }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (res.status !== 201) throw new Error(`bench: start ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { conversationId: string; token: string };
  return { id: body.conversationId, token: body.token };
}

export function webRequest(conversation: WebConversation, text: string) {
  return {
    method: 'POST' as const,
    path: `/api/conversations/${conversation.id}/messages`,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${conversation.token}`,
    },
    body: JSON.stringify({ text }),
  };
}

export interface WebReply {
  state: { step: string; done: boolean };
}

export async function sayWeb(
  env: BenchEnv,
  conversation: WebConversation,
  text: string,
): Promise<WebReply> {
  const req = webRequest(conversation, text);
  const res = await fetch(`${env.url}${req.path}`, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (res.status !== 200) throw new Error(`bench: say ${text}: ${res.status} ${await res.text()}`);
  return (await res.json()) as WebReply;
}

// --- Twilio's SMS webhook ---------------------------------------------------------------------

export const newSid = () => `SM${randomBytes(16).toString('hex')}`;

/** A distinct, well-formed US number per index (fictional 555 exchange). */
export const phoneNumber = (index: number) => `+1213555${String(1000 + index).padStart(4, '0')}`;

/** A webhook request as Twilio sends it: a fresh MessageSid, signed with the auth token. */
export function smsRequest(env: BenchEnv, from: string, body: string) {
  // A `whatsapp:` address writes to the WhatsApp webhook.
  const whatsapp = from.startsWith('whatsapp:');
  const params: Record<string, string> = {
    MessageSid: newSid(),
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: whatsapp ? 'whatsapp:+12135550142' : '+12135550142',
    Body: body,
    NumMedia: '0',
  };
  const path = whatsapp ? '/webhooks/twilio/whatsapp' : '/webhooks/twilio/sms';
  return {
    method: 'POST' as const,
    path,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': expectedSignature(AUTH_TOKEN, `${env.url}${path}`, params),
    },
    body: new URLSearchParams(params).toString(),
  };
}

export async function textSms(env: BenchEnv, from: string, body: string): Promise<string[]> {
  const req = smsRequest(env, from, body);
  const res = await fetch(`${env.url}${req.path}`, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const xml = await res.text();
  if (res.status !== 200) throw new Error(`bench: sms ${body}: ${res.status} ${xml}`);
  const bodies = parseTwiml(xml);
  if (bodies.length === 0) throw new Error(`bench: sms ${body}: no reply`);
  return bodies;
}
