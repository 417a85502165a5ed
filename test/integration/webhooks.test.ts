/**
 * Lead events end to end on DynamoDB Local, to real HTTP receivers on 127.0.0.1: a web intake's
 * lead.created signed so that README.md's own verification snippet (read from the README and run
 * as written) accepts it; a receiver failing three times then recovering gets the event once more
 * with the same id; a Clio Grow-shaped receiver gets the new lead in its documented shape; an
 * accept through the email's link is lead.accepted, a stage change in the console lead.status;
 * an ordinary turn still makes two DynamoDB requests.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs } from '../../functions/core/integrations/events';
import { deliverDue } from '../../functions/core/leads/delivery';
import { LeadJsonSchema } from '../../functions/core/leads/json';
import type { Lead } from '../../functions/core/leads/lead';
import { leadLinks } from '../../functions/core/leads/links';
import { buildLeadEvents } from '../../functions/deps';
import { answerIntake, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, TEST_LINK_SECRET, type TestServer } from '../helpers/server';
import { signInAs, staffApi } from '../helpers/staff';

const SECRET = 'whsec-test-0123456789abcdefghijklmn';
const CLIO_TOKEN = 'clio-inbox-token-test-0123';

interface Received {
  raw: string;
  headers: IncomingMessage['headers'];
}

/** A receiver on 127.0.0.1 that keeps what it got and fails the next `failing` requests. */
function receiver() {
  const got: Received[] = [];
  const state = { failing: 0 };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      got.push({ raw, headers: req.headers });
      if (state.failing > 0) {
        state.failing--;
        res.writeHead(503).end('down for maintenance');
      } else res.writeHead(204).end();
    });
  });
  return {
    got,
    state,
    async listen() {
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** README.md's verification snippet, exactly as written there, as a module of its own. */
type Verify = (rawBody: string, header: unknown, secret: string, nowMs?: number) => boolean;
async function readmeSnippet(dir: string): Promise<Verify> {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Signed webhooks'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error('no js snippet under "Signed webhooks" in README.md');
  const file = join(dir, 'verify.mjs');
  writeFileSync(file, match[1]);
  const module = await import(pathToFileURL(file).href);
  return module.verifyAmparoSignature as Verify;
}

const hook = receiver();
const clio = receiver();
let server: TestServer;
let verify: Verify;
let dir: string;
let clock = new Date('2026-11-25T18:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amparo-webhooks-'));
  verify = await readmeSnippet(dir);
  const hookUrl = `${await hook.listen()}/hooks/amparo`;
  const clioUrl = `${await clio.listen()}/inbox_leads`;
  server = await startTestServer({ now: () => clock });
  delivery().events = buildLeadEvents({
    config: { LEAD_WEBHOOK_URLS: [hookUrl], CLIO_GROW_URL: clioUrl },
    webhookSecret: SECRET,
    clioToken: CLIO_TOKEN,
    httpsOnly: false,
  });
});
afterAll(async () => {
  await server.close();
  await hook.close();
  await clio.close();
  rmSync(dir, { recursive: true, force: true });
});

const delivery = () => {
  if (!server.deps.delivery) throw new Error('no delivery');
  return server.deps.delivery;
};

async function intake(answers: Record<string, string>): Promise<Lead> {
  const { conversationId: id } = await answerIntake(server.url, answers);
  const leads = await delivery().leads.listDay('2026-11-25');
  const lead = leads.find((l) => l.conversationId === id);
  if (!lead) throw new Error('no lead');
  return lead;
}

const bodyOf = (r: Received | undefined) => JSON.parse(r?.raw ?? '{}');
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

describe('a new lead', () => {
  it("is POSTed as lead.created, signed so that the README's snippet verifies it", async () => {
    const lead = await intake({ ...RESIDENT, phone: '(213) 373-4101' });
    await deliverDue(delivery());
    expect(hook.got).toHaveLength(1);
    const [request] = hook.got;
    const body = bodyOf(request);
    expect(Object.keys(body)).toEqual(['id', 'type', 'createdAt', 'lead']);
    expect(body.type).toBe('lead.created');
    expect(body.lead.leadId).toBe(lead.leadId);
    expect(LeadJsonSchema.parse(body.lead).stage).toBe('new');
    expect(request?.headers['content-type']).toBe('application/json');
    const header = request?.headers['x-amparo-signature'];
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verify(request?.raw ?? '', header, SECRET, clock.getTime())).toBe(true);
    // The snippet refuses a changed body, another secret, and a request over 5 minutes old.
    expect(verify(`${request?.raw} `, header, SECRET, clock.getTime())).toBe(false);
    expect(verify(request?.raw ?? '', header, `${SECRET}x`, clock.getTime())).toBe(false);
    expect(verify(request?.raw ?? '', header, SECRET, clock.getTime() + 301_000)).toBe(false);
    expect(verify(request?.raw ?? '', undefined, SECRET, clock.getTime())).toBe(false);
    // The email went out as before, and nothing is left waiting.
    const stored = await delivery().leads.get(lead.leadId);
    expect(stored?.delivery.status).toBe('sent');
    expect(stored?.outbound?.events).toEqual([]);
  });

  it("reaches a Clio Grow-shaped receiver in Clio's documented inbox_lead shape", async () => {
    const got = clio.got.at(-1);
    expect(got?.headers['content-type']).toBe('application/json');
    expect(got?.headers.accept).toBe('application/json');
    const body = bodyOf(got);
    expect(Object.keys(body).sort()).toEqual(['inbox_lead', 'inbox_lead_token']);
    expect(body.inbox_lead_token).toBe(CLIO_TOKEN);
    const lead = body.inbox_lead;
    const allowed = [
      'from_first',
      'from_last',
      'from_email',
      'from_phone',
      'from_message',
      'referring_url',
      'from_source',
    ];
    expect(Object.keys(lead).filter((k) => !allowed.includes(k))).toEqual([]);
    for (const required of ['from_first', 'from_last', 'from_message', 'referring_url']) {
      expect(typeof lead[required]).toBe('string');
      expect(lead[required].length).toBeGreaterThan(0);
    }
    expect(lead.from_source).toBe('Amparo');
    expect(lead.from_first).toBe('Maria');
    expect(lead.from_last).toBe('Lopez');
    expect(lead.from_phone).toBe('+12133734101');
    expect(lead.from_message).toMatch(/^NORMAL · NEW LEAD: /);
    expect(lead.from_message).toMatch(/View the full transcript: http:\/\/amparo\.test\/leads\//);
    expect(clio.got).toHaveLength(1);
  });
});

describe('a receiver failing three times', () => {
  it('gets the event once more, with the same id, when it recovers, and nothing after', async () => {
    hook.got.length = 0;
    hook.state.failing = 3;
    const lead = await intake({ ...RESIDENT, phone: '(213) 373-4102', name: 'Rosa Diaz' });
    await deliverDue(delivery());
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(hook.got).toHaveLength(attempt);
      const waiting = (await delivery().leads.get(lead.leadId))?.outbound?.events[0];
      expect(waiting?.targets[0]).toMatchObject({
        status: 'pending',
        attempts: attempt,
        lastError: 'HTTP 503',
      });
      // Nothing before its next try...
      await deliverDue(delivery());
      expect(hook.got).toHaveLength(attempt);
      later(backoffMs(attempt));
      await deliverDue(delivery());
    }
    expect(hook.got).toHaveLength(4);
    const ids = hook.got.map((r) => bodyOf(r).id);
    expect(new Set(ids).size).toBe(1);
    expect(bodyOf(hook.got[3]).type).toBe('lead.created');
    expect(
      verify(
        hook.got[3]?.raw ?? '',
        hook.got[3]?.headers['x-amparo-signature'],
        SECRET,
        clock.getTime(),
      ),
    ).toBe(true);
    later(3 * 3_600_000);
    await deliverDue(delivery());
    expect(hook.got).toHaveLength(4);
    expect((await delivery().leads.get(lead.leadId))?.outbound?.events).toEqual([]);
    // Clio Grow took it the first time: it was not asked again.
    expect(clio.got.filter((r) => bodyOf(r).inbox_lead.from_first === 'Rosa')).toHaveLength(1);
  });
});

describe('an accept through the email link', () => {
  it('is announced as lead.accepted, with the lead as accepted', async () => {
    const lead = await intake({ ...RESIDENT, phone: '(213) 373-4103' });
    await deliverDue(delivery());
    hook.got.length = 0;
    const fresh = await delivery().leads.get(lead.leadId);
    const links = leadLinks(
      '',
      TEST_LINK_SECRET,
      lead.leadId,
      fresh?.routing.attorneyId ?? 'intake',
      clock,
    );
    const accepted = await fetch(`${server.url}${links.accept}`, { method: 'POST' });
    expect(accepted.status).toBe(200);
    await deliverDue(delivery());
    expect(hook.got.map((r) => bodyOf(r).type)).toEqual(['lead.accepted']);
    const body = bodyOf(hook.got[0]);
    expect(body.lead.status).toBe('accepted');
    expect(body.lead.acceptedBy.attorneyId).toBe(fresh?.routing.attorneyId ?? 'intake');
  });
});

describe('a stage change in the console', () => {
  it('is announced as lead.status, with the new stage', async () => {
    const lead = await intake({ ...RESIDENT, phone: '(213) 373-4104' });
    await deliverDue(delivery());
    hook.got.length = 0;
    const cookie = await signInAs(server, 'rosa.mendez@example.com');
    const changed = await staffApi(server, cookie, `/leads/${lead.leadId}`, {
      body: { status: 'contacted' },
    });
    expect(changed.status).toBe(200);
    await deliverDue(delivery());
    expect(hook.got.map((r) => bodyOf(r).type)).toEqual(['lead.status']);
    expect(bodyOf(hook.got[0]).lead.stage).toBe('contacted');
  });
});

describe('a client’s ordinary turn, with webhooks and Clio Grow configured', () => {
  it('is still one GetItem and one PutItem: events are worked out by the delivery worker', async () => {
    const seen: string[] = [];
    const started = await start(server.url);
    server.client.middlewareStack.add(
      (next, context) => async (args) => {
        seen.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countWebhookTurn' },
    );
    try {
      await say(server.url, started.conversationId, started.token, 'yes');
    } finally {
      server.client.middlewareStack.remove('countWebhookTurn');
    }
    expect(seen.sort()).toEqual(['GetItemCommand', 'PutItemCommand']);
  });
});
