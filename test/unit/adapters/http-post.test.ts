/**
 * The lead events' HTTP sender against a real server on 127.0.0.1: https only when asked (on
 * AWS), a redirect never followed (a 3xx is a failure), a slow receiver given up on, the body
 * never read; and buildLeadEvents refusing an http URL or a missing secret at start.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSender, refusedUrl } from '../../../functions/adapters/http-post';
import { ConfigError } from '../../../functions/config';
import { buildLeadEvents } from '../../../functions/deps';

const hits: string[] = [];
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/redirect') {
      res.writeHead(307, { Location: `${base}/elsewhere` }).end();
    } else if (req.url === '/slow') {
      setTimeout(() => res.writeHead(200).end(), 2_000).unref();
    } else if (req.url === '/fail') {
      res.writeHead(500).end('x'.repeat(100_000));
    } else {
      res.writeHead(204).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

const request = (path: string) => ({ url: `${base}${path}`, headers: {}, body: '{}' });

describe('the HTTP sender', () => {
  it('posts, and a 2xx is a success', async () => {
    const sender = createHttpSender({ httpsOnly: false });
    expect(await sender.post(request('/ok'))).toEqual({ ok: true, status: 204 });
  });

  it('refuses http when https only (on AWS), without connecting', async () => {
    const before = hits.length;
    const sender = createHttpSender({ httpsOnly: true });
    expect(await sender.post(request('/ok'))).toEqual({ ok: false, error: 'https required' });
    expect(hits).toHaveLength(before);
    expect(refusedUrl('https://crm.example/hook', true)).toBeUndefined();
    expect(refusedUrl('file:///etc/passwd', false)).toBe('http or https required');
    expect(refusedUrl('not a url', false)).toBe('not a URL');
  });

  it('does not follow a redirect: a 3xx is a failure and the other URL is never asked', async () => {
    const sender = createHttpSender({ httpsOnly: false });
    expect(await sender.post(request('/redirect'))).toEqual({
      ok: false,
      error: 'redirect 307 not followed',
    });
    expect(hits).not.toContain('/elsewhere');
  });

  it('gives up on a slow receiver after its timeout', async () => {
    const sender = createHttpSender({ httpsOnly: false, timeoutMs: 200 });
    const started = Date.now();
    expect(await sender.post(request('/slow'))).toEqual({ ok: false, error: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('names a failure by its status or its code, never by a body or a message', async () => {
    const sender = createHttpSender({ httpsOnly: false });
    expect(await sender.post(request('/fail'))).toEqual({ ok: false, error: 'HTTP 500' });
    // A port nobody listens on any more.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', () => done()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const refused = await sender.post({ url: `http://127.0.0.1:${port}/`, headers: {}, body: '' });
    expect(refused).toEqual({ ok: false, error: 'ECONNREFUSED' });
  });
});

describe('buildLeadEvents', () => {
  const config = (urls: string[]) => ({
    LEAD_WEBHOOK_URLS: urls,
    CLIO_GROW_URL: 'https://grow.clio.com/inbox_leads',
  });
  it('refuses an http webhook on AWS, and URLs without a secret, naming the variable', () => {
    expect(() =>
      buildLeadEvents({
        config: config(['http://crm.example/hook']),
        webhookSecret: 's'.repeat(32),
        clioToken: undefined,
        httpsOnly: true,
      }),
    ).toThrow(/LEAD_WEBHOOK_URLS: http:\/\/crm.example\/hook: https required/);
    expect(() =>
      buildLeadEvents({
        config: config(['https://crm.example/hook']),
        webhookSecret: undefined,
        clioToken: undefined,
        httpsOnly: true,
      }),
    ).toThrow(ConfigError);
  });

  it('allows http locally (tests, a receiver on this machine)', () => {
    const events = buildLeadEvents({
      config: config([`${base}/ok`]),
      webhookSecret: 's'.repeat(32),
      clioToken: undefined,
      httpsOnly: false,
    });
    expect(typeof events.dispatch).toBe('function');
  });
});
