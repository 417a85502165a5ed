/**
 * Reading back (DOMAIN.md "Safety rules"): whoever picks up the client's browser holds its token.
 * The token may go on with an unfinished intake for 30 days, but reads earlier answers back only
 * within 60 minutes of its last message; after that it sees only the pending question, and once
 * the intake ends only the closing message. The attacks, over real HTTP with the server's clock
 * moved on: read a finished intake back (at once and 3,650 days later), read an unfinished one
 * after a pause, read the closing summary after a pause or from a link texted for "web".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { textThenOpenOnWeb, webIntake } from './intakes';
import { e164, findPii, PERSON } from './pii';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let server: TestServer;
/** How far the server's clock is ahead of the real one. */
let ahead = 0;
beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(Date.now() + ahead) });
});
afterAll(() => server.close());

interface Read {
  status: number;
  body: {
    messages?: { role: string; text: string }[];
    state?: { step: string; done: boolean };
    hidden?: string;
    error?: { code: string; message: string };
  };
}

async function read(id: string, token: string): Promise<Read> {
  const res = await fetch(`${server.url}/api/conversations/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as Read['body'] };
}

async function post(id: string, token: string, text: string): Promise<Read> {
  const res = await fetch(`${server.url}/api/conversations/${id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ text }),
  });
  return { status: res.status, body: (await res.json()) as Read['body'] };
}

const shown = (r: Read) => (r.body.messages ?? []).map((m) => m.text).join('\n');

describe('reading a conversation back with its web token', () => {
  it('once the intake has ended, shows only the closing message, with no answer in it', async () => {
    ahead = 0;
    const { id, token, state } = await webIntake(server.url);
    expect(state.done).toBe(true);
    const now = await read(id, token);
    expect(now.status).toBe(200);
    expect(findPii(shown(now))).toEqual([]);
    expect(now.body.messages?.every((m) => m.role === 'bot')).toBe(true);
    expect(shown(now)).toMatch(/911/);
    expect(now.body.hidden).toBe('end');
    expect(now.body.state?.done).toBe(true);
  });

  it('refuses the token of a finished intake 3,650 days later, in the error shape', async () => {
    ahead = 0;
    const { id, token } = await webIntake(server.url);
    ahead = 3650 * DAY;
    const later = await read(id, token);
    // Refused (the token expired), or gone (the firm's retention period erased it).
    expect([401, 404]).toContain(later.status);
    expect(later.body.error?.code).toMatch(/^(unauthorized|not_found)$/);
    expect(later.body).not.toHaveProperty('messages');
  });

  it('refuses a token 30 days after its last message, to read or to write', async () => {
    ahead = 0;
    const { id, token } = await webIntake(server.url);
    ahead = 29 * DAY;
    expect((await read(id, token)).status).toBe(200);
    ahead = 30 * DAY + MINUTE;
    const readLate = await read(id, token);
    expect(readLate.status).toBe(401);
    expect(readLate.body.error?.code).toBe('unauthorized');
    const writeLate = await post(id, token, 'hello');
    expect(writeLate.status).toBe(401);
    expect(findPii(JSON.stringify(writeLate.body))).toEqual([]);
  });

  it('after an hour without a message shows only the pending question, and loses no work', async () => {
    ahead = 0;
    const { id, token } = await webIntake(server.url, { until: 'represented' });
    // Within the hour the client reads the whole conversation back (a reload keeps it).
    ahead = 59 * MINUTE;
    const soon = await read(id, token);
    expect(findPii(shown(soon))).toContain(PERSON.aNumber.toLowerCase());
    expect(soon.body.hidden).toBeUndefined();

    ahead = 61 * MINUTE;
    const later = await read(id, token);
    expect(later.status).toBe(200);
    expect(findPii(shown(later))).toEqual([]);
    expect(later.body.messages?.every((m) => m.role === 'bot')).toBe(true);
    expect(later.body.state?.step).toBe('represented');
    expect(shown(later)).toMatch(/lawyer|attorney/i);
    expect(later.body.hidden).toBe('pause');

    // Whoever answers goes on where the intake was, and still reads nothing from before.
    const next = await post(id, token, 'no');
    expect(next.status).toBe(200);
    expect(next.body.state?.step).toBe('name');
    const after = await read(id, token);
    expect(findPii(shown(after))).toEqual([]);
    expect(after.body.messages?.some((m) => m.role === 'user' && m.text === 'no')).toBe(true);
    expect(after.body.hidden).toBe('pause');
  });

  it('after an hour at the closing summary shows no answer, and can still send it', async () => {
    ahead = 0;
    const { id, token } = await webIntake(server.url, { until: 'confirm' });
    ahead = 61 * MINUTE;
    const later = await read(id, token);
    expect(later.body.state?.step).toBe('confirm');
    expect(findPii(shown(later))).toEqual([]);
    // Asking to change an answer, by word or by line number, shows none of them either.
    for (const text of ['change', 'change 3', '2']) {
      const reply = await post(id, token, text);
      expect(reply.status).toBe(200);
      expect(findPii(shown(reply)), text).toEqual([]);
      expect(reply.body.state?.step).toBe('confirm');
    }
    const sent = await post(id, token, 'yes');
    expect(sent.body.state?.done).toBe(true);
    expect(findPii(shown(sent))).toEqual([]);
    expect(findPii(shown(await read(id, token)))).toEqual([]);
    // No work was lost: every answer went with it to the firm.
    const stored = await server.deps.store.get(id);
    expect(stored?.intake.status).toBe('qualified');
    expect(stored?.intake.answers.adverseParties).toBeDefined();
    expect(stored?.intake.answers.aNumber).toBeDefined();
  });

  it('the link texted for "web" at the closing summary shows none of the answers', async () => {
    ahead = 0;
    const opened = await textThenOpenOnWeb(server, e164('(213) 373-4731'), 'confirm');
    expect(opened.status).toBe(200);
    const body = (await opened.json()) as Read['body'] & { conversationId: string; token: string };
    expect(body.state?.step).toBe('confirm');
    expect(findPii(shown({ status: 200, body }))).toEqual([]);
    expect(body.hidden).toBe('link');
    const sent = await post(body.conversationId, body.token, 'yes');
    expect(sent.body.state?.done).toBe(true);
    expect(findPii(shown(sent))).toEqual([]);
  });
});
