/**
 * Hostile input for everything else: `/healthz`, unknown paths, known paths with the wrong
 * method, traversal and encoded paths, odd methods. Ten thousand generated requests answered
 * 404 in API.md's error shape (or 200 `{"ok":true}` for /healthz, 204 for a CORS preflight).
 * The app has no 405: a known path with a method it does not take is a 404, like any other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badIdSegment, encodePath, hostileText, QUERYISH } from './arbitraries';
import {
  BULK_RUNS,
  checked,
  codeOf,
  expectUntouched,
  params,
  SOCKET_RUNS,
  useBench,
} from './harness';
import { framing, type HostileRequest, inProcess, overSocket, unparseable } from './transport';

const b = useBench();

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO'];
const PREFIXES = [
  '/',
  '/healthz',
  '/healthz/',
  '/api',
  '/api/',
  '/api/conversations/',
  '/api/knowledge/',
  '/api/knowledge/search/',
  '/webhooks/',
  '/webhooks/twilio/',
  '/webhooks/twilio/sms/',
  '/webhooks/twilio/whatsapp/',
  '/widget.js/',
  '/.env',
  '/.git/config',
  '/admin',
  '/api/../healthz',
  '/%2e%2e/%2e%2e/etc/passwd',
  '//evil.example/',
  '/static/',
  '/index.html',
];

/** Paths some route answers (with the method it takes): not what this suite sends. */
function served(method: string, path: string): boolean {
  const read = method === 'GET' || method === 'HEAD';
  if (read && (path === '/' || path === '/widget.js' || path === '/healthz')) return true;
  if (path.startsWith('/leads/')) return true;
  if (/^\/api\/(conversations|knowledge)(\/|$)/.test(path) && (read || method === 'POST'))
    return true;
  return method === 'POST' && /^\/webhooks\/twilio\/(sms|whatsapp)\/?$/.test(path);
}

const requests = fc
  .record({
    method: fc.constantFrom(...METHODS),
    prefix: fc.constantFrom(...PREFIXES),
    rest: fc.oneof(
      fc.constant(''),
      badIdSegment,
      hostileText.map(encodePath),
      fc.constantFrom(...QUERYISH).map(encodePath),
    ),
    query: fc.option(
      hostileText.map((t) => `?${encodePath(t)}=${encodePath(t)}`),
      {
        nil: undefined,
      },
    ),
    body: fc.option(hostileText, { nil: undefined }),
  })
  .map(({ method, prefix, rest, query, body }) => {
    const req: HostileRequest = {
      method,
      path: `${prefix}${rest}${query ?? ''}`,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
      payloads: [rest, query ?? '', body ?? ''],
    };
    return { req, path: new URL(req.path, 'http://x').pathname };
  })
  .filter(({ req, path }) => path === '/healthz' || !served(req.method, path));

/** /healthz to a GET, a CORS preflight under /api/, and otherwise nothing here. */
function expectedStatus(method: string, path: string): number {
  if (path === '/healthz' && (method === 'GET' || method === 'HEAD')) return 200;
  if (method === 'OPTIONS' && (path === '/api' || path.startsWith('/api/'))) return 204;
  return 404;
}

describe('/healthz, unknown paths and wrong methods', () => {
  it(`answer ${BULK_RUNS} requests with 404 not_found (200 for /healthz)`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(requests, async ({ req, path }) => {
        sent++;
        const res = await inProcess(b.app, req);
        const status = expectedStatus(req.method, path);
        if (req.method === 'HEAD' || status === 204) {
          expect(res.status).toBe(status);
          expect(await res.text()).toBe('');
          return;
        }
        const answer = await checked(res, [status], req.payloads);
        if (status === 404) expect(codeOf(answer)).toBe('not_found');
        if (status === 200) expect(answer.json).toEqual({ ok: true });
      }),
      params(BULK_RUNS),
    );
    expect(sent).toBe(BULK_RUNS);
    await expectUntouched(b);
  });

  it(`answer ${SOCKET_RUNS} of them over a real socket the same way`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(requests, framing, async ({ req, path }, frame) => {
        sent++;
        // A lying Content-Length on a path that reads no body would leave the server waiting.
        const res = await overSocket(
          b.server.url,
          req,
          frame.kind === 'chunked' ? frame : { kind: 'exact' },
        );
        const status = expectedStatus(req.method, path);
        if (req.method === 'HEAD' || status === 204) {
          expect([status, 429]).toContain(res.status);
          return;
        }
        // Node's parser knows no method FOO: a bare 400 before the app.
        await checked(res, [status], req.payloads, {
          bareParserError: unparseable(req) || req.method === 'FOO',
        });
      }),
      params(SOCKET_RUNS),
    );
    expect(sent).toBe(SOCKET_RUNS);
    await expectUntouched(b);
  });
});
