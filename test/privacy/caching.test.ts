/**
 * A transcript (A-number, criminal history, the names to check for conflicts) must never be kept
 * by a browser's or a proxy's cache, where whoever next uses the device could find it: every
 * answer of the web chat API says `Cache-Control: no-store`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, type start } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('the web chat API and caches', () => {
  it('tells every cache not to keep a conversation, whichever way it is read', async () => {
    const created = await fetch(`${server.url}/api/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en' }),
    });
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { conversationId: id, token } = (await created.json()) as Awaited<
      ReturnType<typeof start>
    >;
    const sent = await send(server.url, id, token, 'yes');
    expect(sent.headers.get('cache-control')).toBe('no-store');
    const read = await fetch(`${server.url}/api/conversations/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    // An error about a conversation is not cached either.
    const refused = await fetch(`${server.url}/api/conversations/${id}`, {
      headers: { authorization: 'Bearer wrong-token-0123456789' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});
