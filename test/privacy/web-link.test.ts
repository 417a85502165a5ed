/**
 * "web" by text hands a one-time link to whoever holds the phone (DOMAIN.md "Safety rules",
 * "Reading back"): that person may not be the client. The attack: a texter's intake with an
 * A-number, an arrest story and the names to check for conflicts, then "web" from the phone and
 * the link opened in a browser. The chat opens at the pending question, with none of the earlier
 * answers, and goes on from there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { textThenOpenOnWeb } from './intakes';
import { e164, findPii, PERSON } from './pii';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the one-time web link texted for "web"', () => {
  it('opens at the pending question, with none of the answers given by text', async () => {
    const opened = await textThenOpenOnWeb(server, e164(PERSON.textPhone), 'represented');
    expect(opened.status).toBe(200);
    const body = (await opened.json()) as {
      conversationId: string;
      token: string;
      messages: { role: string; text: string }[];
      state: { step: string };
    };
    const shown = body.messages.map((m) => m.text).join('\n');
    expect(findPii(shown)).toEqual([]);
    expect(body.messages.every((m) => m.role === 'bot')).toBe(true);
    expect(body.state.step).toBe('represented');
    // The pending question is there, and the intake goes on from it.
    expect(shown).toMatch(/lawyer|attorney/i);
    const next = await say(server.url, body.conversationId, body.token, 'no');
    expect(next.state.step).toBe('name');
    // Reading it back with the new token shows no earlier answer either.
    const read = await fetch(`${server.url}/api/conversations/${body.conversationId}`, {
      headers: { authorization: `Bearer ${body.token}` },
    });
    const again = (await read.json()) as { messages: { text: string }[] };
    expect(findPii(again.messages.map((m) => m.text).join('\n'))).toEqual([]);
  });
});
