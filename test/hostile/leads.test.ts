/**
 * Hostile input for the signed lead links (API.md "Leads"): ten thousand generated requests on each
 * `/leads/{id}`, `/accept` and `/decline` (GET and POST) with forged, moved, expired or missing
 * signatures and unknown ids, answered 403 or 404 in API.md's error shape, the lead unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LeadAction, signLeadLink, verifyLeadLink } from '../../functions/core/leads/links';
import { TEST_LINK_SECRET } from '../helpers/server';
import {
  BASE64URL,
  badIdSegment,
  encodePath,
  flipOne,
  hostileText,
  randomToken,
  unknownUuid,
} from './arbitraries';
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

const b = useBench({ lead: true });

const DAY = 86_400_000;
const leadOf = () => {
  if (!b.lead) throw new Error('no seeded lead');
  return b.lead;
};
const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};
const actionOf = (sub: string): LeadAction =>
  sub === '/accept' ? 'accept' : sub === '/decline' ? 'decline' : 'view';

/** The lead a request names: the seeded one, a well-formed unknown one, or garbage. */
const leadId = fc.oneof(
  { weight: 4, arbitrary: fc.constant('').map(() => leadOf().leadId) },
  { weight: 2, arbitrary: unknownUuid },
  { weight: 1, arbitrary: badIdSegment },
);

/** `sig` values for (id, action): every kind of wrong, and (for unknown ids only) right ones. */
function sigs(id: string, action: LeadAction) {
  const now = new Date();
  const who = leadOf().attorneyId;
  const right = signLeadLink(TEST_LINK_SECRET, id, action, who, now);
  const [expires = '', , mac = ''] = right.split('.');
  const other: LeadAction = action === 'accept' ? 'decline' : 'accept';
  const known = id === leadOf().leadId;
  return fc.oneof(
    fc.constant(undefined),
    fc.constant(''),
    randomToken,
    hostileText,
    flipOne(right, `${BASE64URL}.`),
    fc.constant(signLeadLink(TEST_LINK_SECRET, id, other, who, now)),
    fc.constant(signLeadLink(TEST_LINK_SECRET, `${id}x`, action, who, now)),
    fc.constant(
      signLeadLink(TEST_LINK_SECRET, id, action, who, new Date(now.getTime() - 15 * DAY)),
    ),
    fc.constant(signLeadLink('another-secret-0123456789abcdefghijklmnop', id, action, who, now)),
    fc.constant(`${expires}.intake.${mac}`),
    fc.constant(`${Number(expires) + 86_400}.${who}.${mac}`),
    fc.constant(`99999999999.${who}.${mac}`),
    fc.constant(`${right}.${right}`),
    fc.constant(right.toUpperCase()),
    // A right signature for an id that names no lead: only the firm can make one; 404.
    ...(known ? [] : [fc.constant(right)]),
  );
}

/** Any of them, for the socket run. */
const anyRoute = fc.constantFrom('' as const, '/accept' as const, '/decline' as const);

/** Bad requests to one of the three link routes: the transcript, accept or decline. */
const requestsTo = (route: '' | '/accept' | '/decline') =>
  fc
    .record({
      method: fc.constantFrom('GET', 'POST'),
      sub: fc.constant(route),
      id: leadId,
    })
    .chain(({ method, sub, id }) =>
      fc
        .record({
          sig: sigs(decoded(id), actionOf(sub)),
          extra: fc.option(
            fc.constantFrom('&sig=x', '&sig[]=1', '&who=admin', `&q=${encodePath('<b>')}`),
            {
              nil: undefined,
            },
          ),
          body: fc.option(hostileText, { nil: undefined }),
        })
        .map(({ sig, extra, body }) => {
          const query = sig === undefined ? '' : `?sig=${encodePath(sig)}${extra ?? ''}`;
          const req: HostileRequest = {
            method,
            path: `/leads/${id}${sub}${query}`,
            headers: body === undefined ? {} : { 'content-type': 'text/plain' },
            body,
            payloads: [sig ?? '', body ?? ''],
          };
          // The URL parser resolves dot segments ("%2e%2e" too) before any route sees the path.
          const path = new URL(req.path, 'http://x').pathname;
          const route = /^\/leads\/([^/]+)(\/accept|\/decline)?$/.exec(path);
          // "/leads/.." is the demo page, which a GET may read like anyone.
          const page = path === '/' && method === 'GET';
          const expected = route
            ? expectedFor(method, route[2] ?? '', decoded(route[1] ?? ''), sig)
            : page
              ? { status: 200, code: '' }
              : { status: 404, code: 'not_found' };
          return { req, expected };
        }),
    );

/** API.md's answer, in the order the routes check: route, signature, lead. */
function expectedFor(method: string, sub: string, id: string, sig: string | undefined) {
  if (method === 'POST' && sub === '') return { status: 404, code: 'not_found' };
  if (!verifyLeadLink(TEST_LINK_SECRET, id, actionOf(sub), sig, new Date()))
    return { status: 403, code: 'forbidden' };
  if (id === leadOf().leadId) throw new Error('a bad-request generator produced a valid request');
  return { status: 404, code: 'not_found' };
}

describe('the signed lead links', () => {
  it.each([
    ['/leads/{id}', ''],
    ['/leads/{id}/accept', '/accept'],
    ['/leads/{id}/decline', '/decline'],
  ] as const)(
    `answer ${BULK_RUNS} forged, moved and expired signatures and unknown ids at %s with 403 or 404`,
    async (_name, route) => {
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(requestsTo(route), async ({ req, expected }) => {
          sent++;
          const answer = await checked(await inProcess(b.app, req), [200, 403, 404], req.payloads);
          if (answer.status !== 429) {
            expect(answer.status).toBe(expected.status);
            if (expected.status !== 200) expect(codeOf(answer)).toBe(expected.code);
          }
          if (sent % 2500 === 0) expect(await b.snapshot()).toEqual(b.before);
        }),
        params(BULK_RUNS),
      );
      expect(sent).toBe(BULK_RUNS);
      await expectUntouched(b);
    },
  );

  it(`answer ${SOCKET_RUNS} of them over a real socket with 403 or 404`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(anyRoute.chain(requestsTo), framing, async ({ req, expected }, frame) => {
        sent++;
        const res = await overSocket(
          b.server.url,
          req,
          frame.kind === 'declared' ? { kind: 'exact' } : frame,
        );
        await checked(res, expected.status === 200 ? [200] : [403, 404], req.payloads, {
          bareParserError: frame.kind === 'short' || unparseable(req),
        });
      }),
      params(SOCKET_RUNS),
    );
    expect(sent).toBe(SOCKET_RUNS);
    await expectUntouched(b);
  });

  it('answer a rightly signed link naming an id too long to be a key with 404, not 500', async () => {
    const id = 'x'.repeat(3000);
    for (const [action, sub] of [
      ['view', ''],
      ['accept', '/accept'],
      ['decline', '/decline'],
    ] as const) {
      const sig = signLeadLink(TEST_LINK_SECRET, id, action, leadOf().attorneyId, new Date());
      for (const method of sub ? ['GET', 'POST'] : ['GET']) {
        const req = { method, path: `/leads/${id}${sub}?sig=${sig}`, headers: {}, payloads: [] };
        const answer = await checked(await overSocket(b.server.url, req), [404]);
        expect(codeOf(answer)).toBe('not_found');
      }
    }
  });

  it('still open for the attorney they were sent to, escaping the transcript', async () => {
    const { leadId: id, attorneyId } = leadOf();
    const sig = signLeadLink(TEST_LINK_SECRET, id, 'view', attorneyId, new Date());
    const res = await inProcess(b.app, {
      method: 'GET',
      path: `/leads/${id}?sig=${sig}`,
      headers: {},
      payloads: [],
    });
    const answer = await checked(res, [200]);
    expect(answer.type).toMatch(/^text\/html/);
    expect(answer.text).toContain('Transcript');
    // The markup the client typed is there, escaped (checked() found it nowhere raw).
    expect(answer.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(await b.snapshot()).toEqual(b.before);
  });
});
