/**
 * The console's funnel and conversations in progress over real HTTP against DynamoDB Local
 * (API.md "Staff"): scripted web intakes (two that qualify, one of them accepted and retained;
 * one that stops early in Spanish; one that asks for a person; one that never consents), a day
 * later, give exactly the expected counts and list; 401 without a session, 400 on a bad range;
 * the conversations index holds only the summary; an ordinary turn is still two requests.
 */
import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../functions/adapters/dynamo-store';
import {
  CONVERSATIONS_INDEX,
  CONVERSATIONS_INDEX_ATTRIBUTES,
  conversationsOfDayKey,
} from '../../functions/adapters/keys';
import { addDays, todayIn } from '../../functions/core/calendar';
import { leadLinks } from '../../functions/core/leads/links';
import { type ApiState, answerIntake, type Started, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import {
  startTestServer,
  TEST_LINK_SECRET,
  TEST_PUBLIC_BASE_URL,
  type TestServer,
} from '../helpers/server';

const ORIGIN = new URL(TEST_PUBLIC_BASE_URL).origin;
const ANA = 'ana.robles@example.com';
const MINUTE = 60_000;

let server: TestServer;
/** The server's clock: noon in the firm's time zone today, moved on by the test. */
let clock = 0;
let day0 = '';
let day1 = '';
const at = (ms: number) => new Date(ms).toISOString();
let T0 = 0;

/** The conversations of the script, with their state after their last message. */
const scripted: Record<
  string,
  { started: Pick<Started, 'conversationId' | 'token'>; state: ApiState; lastAt: number }
> = {};
let leadId = '';
let cookie = '';

async function run(name: string, language: 'en' | 'es', answers: string[]) {
  const started = await start(server.url, { language });
  let state = started.state;
  for (const text of answers) {
    state = (await say(server.url, started.conversationId, started.token, text)).state;
  }
  scripted[name] = { started, state, lastAt: clock };
}

/** A whole intake with RESIDENT's answers (and `overrides`), to its end. */
async function complete(name: string, overrides: Record<string, string> = {}) {
  const answers = { ...RESIDENT, ...overrides };
  const { state, ...started } = await answerIntake(server.url, answers);
  scripted[name] = { started, state, lastAt: clock };
}

async function signIn(email: string): Promise<string> {
  await fetch(`${server.url}/api/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const mail = [...server.emails].reverse().find((m) => m.to.includes(email));
  const link = /https?:\/\/\S+\/console\/sign-in\?token=\S+/.exec(mail?.text ?? '')?.[0] ?? '';
  const res = await fetch(`${server.url}${new URL(link).pathname}${new URL(link).search}`, {
    redirect: 'manual',
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const api = (path: string, session = cookie, init: RequestInit = {}) =>
  fetch(`${server.url}/api/staff${path}`, {
    ...init,
    headers: { cookie: session, ...init.headers },
  });

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(clock) });
  const tz = server.deps.content.firm.timeZone;
  day0 = todayIn(new Date(), tz);
  // Noon or 1 p.m. in Los Angeles: the whole script stays on one of the firm's days.
  T0 = Date.parse(`${day0}T20:00:00.000Z`);
  clock = T0;
  expect(todayIn(new Date(T0), tz)).toBe(day0);

  // D: opens the chat and never answers (not even the consent).
  await run('D', 'en', []);
  clock += MINUTE;
  // B: in Spanish, consents, says what it is about, and stops.
  await run('B', 'es', ['sí', '2']);
  clock += MINUTE;
  // C: consents, then asks for a person.
  await run('C', 'en', ['yes', 'person']);
  clock += MINUTE;
  // A and E: whole intakes to a lead each.
  await complete('A');
  clock += MINUTE;
  await complete('E', { phone: '(213) 373-4999', name: 'Rosa Diaz' });

  // A day and an hour later, C answers the person's question it was left at: still going.
  clock = T0 + 25 * 60 * MINUTE;
  day1 = todayIn(new Date(clock), tz);
  expect(day1).toBe(addDays(day0, 1));
  const c = scripted.C;
  if (!c) throw new Error('no C');
  const answer = RESIDENT[c.state.step];
  if (answer === undefined) throw new Error(`no answer for ${c.state.step}`);
  c.state = (await say(server.url, c.started.conversationId, c.started.token, answer)).state;
  c.lastAt = clock;

  // A's lead: accepted by its attorney, then marked retained in the console.
  const leads = (await server.deps.delivery?.leads.listDay(day0)) ?? [];
  const lead = leads.find((l) => l.conversationId === scripted.A?.started.conversationId);
  leadId = lead?.leadId ?? '';
  expect(leadId).not.toBe('');
  const links = leadLinks(
    '',
    TEST_LINK_SECRET,
    leadId,
    lead?.routing.attorneyId ?? 'intake',
    new Date(clock),
  );
  expect((await fetch(`${server.url}${links.accept}`, { method: 'POST' })).status).toBe(200);
  cookie = await signIn(ANA);
  const retained = await api(`/leads/${leadId}`, cookie, {
    method: 'POST',
    body: JSON.stringify({ status: 'retained' }),
    headers: { 'content-type': 'application/json', origin: ORIGIN },
  });
  expect(retained.status).toBe(200);
}, 120_000);
afterAll(() => server.close());

const zero = {
  started: 0,
  consented: 0,
  inProgress: 0,
  qualified: 0,
  referred: 0,
  declined: 0,
  abandoned: 0,
  abandonedAt: {},
  accepted: 0,
  retained: 0,
  remindersOn: 0,
  remindersSent: 0,
  remindersFailed: 0,
  remindersOptedOut: 0,
};

describe('the script', () => {
  it('left each conversation where the funnel expects it', () => {
    expect(scripted.D?.state).toMatchObject({ step: 'consent', done: false });
    expect(scripted.B?.state.done).toBe(false);
    expect(scripted.B?.state.step).not.toBe('consent');
    expect(scripted.C?.state.done).toBe(false);
    expect(scripted.A?.state.done).toBe(true);
    expect(scripted.E?.state.done).toBe(true);
  });
});

describe('GET /api/staff/funnel', () => {
  it('gives exactly the counts of the script, per day, channel and language', async () => {
    const res = await api(`/funnel?from=${day0}&to=${day1}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const f = await res.json();
    const stepB = scripted.B?.state.step ?? '';
    expect(f).toMatchObject({
      from: day0,
      to: day1,
      timeZone: 'America/Los_Angeles',
      asOf: at(clock),
      abandonedAfterHours: 24,
    });
    expect(f.days).toEqual([
      {
        ...zero,
        day: day0,
        channel: 'web',
        language: 'en',
        started: 4,
        consented: 3,
        inProgress: 1,
        qualified: 2,
        abandoned: 1,
        abandonedAt: { consent: 1 },
        accepted: 1,
        retained: 1,
      },
      {
        ...zero,
        day: day0,
        channel: 'web',
        language: 'es',
        started: 1,
        consented: 1,
        abandoned: 1,
        abandonedAt: { [stepB]: 1 },
      },
    ]);
    expect(f.totals).toEqual({
      ...zero,
      started: 5,
      consented: 4,
      inProgress: 1,
      qualified: 2,
      abandoned: 2,
      abandonedAt: { consent: 1, [stepB]: 1 },
      accepted: 1,
      retained: 1,
    });
    expect(f.byDay).toEqual([
      { day: day0, ...f.totals },
      { day: day1, ...zero },
    ]);
    expect(f.byChannel.sms).toEqual(zero);
    expect(f.byLanguage.es).toMatchObject({ started: 1, abandoned: 1 });
    expect(f.stepLabels[stepB]).toEqual(expect.any(String));
    expect(f.stepLabels).toHaveProperty('consent');
  });

  it('is the last 30 days without a range', async () => {
    const f = await (await api('/funnel')).json();
    expect(f.to).toBe(day1);
    expect(f.from).toBe(addDays(day1, -29));
    expect(f.totals.started).toBe(5);
  });

  it('answers a bad or reversed range with a 400 in the error shape', async () => {
    for (const [query, field] of [
      [`from=${day1}&to=${day0}`, 'from'],
      [`from=${addDays(day1, -92)}&to=${day1}`, 'to'],
      ['from=2026-02-30', 'from'],
      ['from=yesterday', 'from'],
      ['days=7', 'query'],
    ] as const) {
      const res = await api(`/funnel?${query}`);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message.startsWith(`${field}:`), body.error.message).toBe(true);
    }
  });
});

describe('GET /api/staff/conversations', () => {
  const id = (name: string) => scripted[name]?.started.conversationId;

  it('lists the one waiting for a person with waiting=true', async () => {
    const res = await api('/conversations?waiting=true');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.conversations).toEqual([
      {
        conversationId: id('C'),
        channel: 'web',
        language: 'en',
        startedAt: at(T0 + 2 * MINUTE),
        lastMessageAt: at(T0 + 25 * 60 * MINUTE),
        step: scripted.C?.state.step,
        stepLabel: expect.any(String),
        waiting: true,
        idle: false,
      },
    ]);
    expect(body.more).toBe(false);
  });

  it('lists every conversation not ended, waiting first, then the latest active', async () => {
    const body = await (await api('/conversations')).json();
    expect(body.conversations.map((c: { conversationId: string }) => c.conversationId)).toEqual([
      id('C'),
      id('B'),
      id('D'),
    ]);
    expect(body.conversations[2]).toMatchObject({ step: 'consent', waiting: false, idle: true });
  });

  it('refuses a waiting that is not true or false', async () => {
    const res = await api('/conversations?waiting=yes');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^waiting:/);
  });
});

describe('without a live session', () => {
  it('both are a 401', async () => {
    for (const path of ['/funnel', `/funnel?from=${day0}`, '/conversations?waiting=true']) {
      for (const session of ['', 'amparo_staff=not-a-session']) {
        const res = await api(path, session);
        expect(res.status, path).toBe(401);
        expect((await res.json()).error.code).toBe('unauthorized');
      }
    }
  });
});

describe('the conversations index', () => {
  it('holds the summary of each conversation and nothing a client wrote', async () => {
    const out = await server.client.send(
      new QueryCommand({
        TableName: server.tableName,
        IndexName: CONVERSATIONS_INDEX,
        KeyConditionExpression: 'gsi3pk = :day',
        ExpressionAttributeValues: marshall({ ':day': conversationsOfDayKey(day0) }),
      }),
    );
    expect(out.Items).toHaveLength(5);
    const allowed = ['pk', 'sk', 'gsi3pk', 'gsi3sk', ...CONVERSATIONS_INDEX_ATTRIBUTES];
    for (const item of out.Items ?? []) {
      expect(Object.keys(item).filter((k) => !allowed.includes(k))).toEqual([]);
      const text = JSON.stringify(item);
      expect(text).not.toContain('Maria Lopez');
      expect(text).not.toContain('transcript');
    }
  });
});

describe('a table made before the conversations index', () => {
  // DynamoDB Local builds the index in the background: slow on a busy two-core machine.
  it('gets it when the server starts (ensureTable), as the stack adds it to its own', {
    timeout: 120_000,
  }, async () => {
    const tableName = `old-${randomUUID()}`;
    const key = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });
    await server.client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [key('pk'), key('sk')],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    try {
      // Not waiting for the build (up to 30 s by default, twice): what is asserted is that it
      // was asked for, and that asking again changes nothing.
      await ensureTable(server.client, tableName, { indexWaitMs: 0 });
      const { Table } = await server.client.send(
        new DescribeTableCommand({ TableName: tableName }),
      );
      const index = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === CONVERSATIONS_INDEX);
      // Built in the background: at once on an idle machine, slower under the whole suite.
      expect(['CREATING', 'ACTIVE']).toContain(index?.IndexStatus);
      expect(index?.Projection?.NonKeyAttributes).toEqual(CONVERSATIONS_INDEX_ATTRIBUTES);
      // And again: nothing to do.
      await ensureTable(server.client, tableName, { indexWaitMs: 0 });
    } finally {
      await server.client.send(new DeleteTableCommand({ TableName: tableName }));
    }
  });
});

describe('DynamoDB requests', () => {
  /** The commands `action` sends on the server's client, by name, sorted. */
  async function counted(action: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    server.client.middlewareStack.add(
      (next, context) => async (args) => {
        seen.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
    try {
      await action();
    } finally {
      server.client.middlewareStack.remove('countRequests');
    }
    return seen.sort();
  }

  it('an ordinary turn is still one GetItem and one PutItem', async () => {
    const started = await start(server.url);
    for (const text of ['yes', '2']) {
      const sent = await counted(() =>
        say(server.url, started.conversationId, started.token, text),
      );
      expect(sent, text).toEqual(['GetItemCommand', 'PutItemCommand']);
    }
  });

  it('the funnel reads the session once and one Query a day for conversations and for leads', async () => {
    const sent = await counted(() => api(`/funnel?from=${day0}&to=${day1}`));
    expect(sent).toEqual(['GetItemCommand', ...Array(4).fill('QueryCommand')]);
  });
});
