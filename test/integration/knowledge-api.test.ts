/**
 * The knowledge search endpoint over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const search = (query: string) => fetch(`${server.url}/api/knowledge/search?${query}`);

describe('GET /api/knowledge/search', () => {
  it('finds the article for a question typed the way people type it, in Spanish', async () => {
    const res = await search(`q=${encodeURIComponent('que es el numero A')}&lang=es&limit=3`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results[0]).toMatchObject({ id: 'a-number', topic: expect.any(String) });
    expect(body.results[0].title).toMatch(/número A/i);
    expect(body.results[0].answer).toMatch(/información general/);
    expect(typeof body.results[0].score).toBe('number');
    expect(body.results.length).toBeLessThanOrEqual(3);
  });

  it('keeps to the limit, best first', async () => {
    const body = await (await search('q=bond%20hearing%20for%20my%20husband&limit=1')).json();
    expect(body.results).toHaveLength(1);
    expect(body.results[0].id).toBe('bond-hearings');
  });

  it('answers an empty list when nothing fits', async () => {
    const body = await (await search('q=zzzz%20qqqq')).json();
    expect(body).toEqual({ results: [] });
  });

  it.each([
    ['lang=en', /^q:/],
    ['q=&lang=en', /^q:/],
    ['q=bond&lang=fr', /^lang:/],
    ['q=bond&limit=11', /^limit:/],
    ['q=bond&limit=0', /^limit:/],
    [`q=${'x'.repeat(501)}`, /^q:/],
  ])('400 naming the parameter for %s', async (query, message) => {
    const res = await search(query);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(message);
  });
});
