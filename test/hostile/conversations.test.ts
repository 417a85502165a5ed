/**
 * Hostile input for the web chat API (API.md "Web chat" and the README's continue addition):
 * ten thousand generated bad requests per endpoint in-process, five hundred more over a real
 * socket, each answered with its documented 4xx, and the seeded conversations unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { start } from '../helpers/http';
import {
  BASE64URL,
  badIdSegment,
  flipOne,
  hostileText,
  invalidUtf8,
  MARKUP,
  PROTO_TEXT,
  QUERYISH,
  randomToken,
  unknownUuid,
} from './arbitraries';
import {
  type BodyCase,
  badJsonBodies,
  bytesOf,
  type Expected,
  expectedForBody,
  isPlainObject,
  shapedLike,
} from './bodies';
import {
  BULK_RUNS,
  checked,
  codeOf,
  expectUntouched,
  params,
  SOCKET_RUNS,
  STORED_MARKUP,
  useBench,
} from './harness';
import { framing, type HostileRequest, inProcess, overSocket, unparseable } from './transport';

const b = useBench();

const isUuid = (id: string) => z.uuid().safeParse(id).success;
const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

// The schemas of API.md, restated as the oracle.
const validStart = (v: unknown) =>
  isPlainObject(v) &&
  Object.keys(v).every((k) => k === 'language' || k === 'channel') &&
  (!('language' in v) || v.language === 'en' || v.language === 'es') &&
  (!('channel' in v) || v.channel === 'web');
const validMessage = (v: unknown) =>
  isPlainObject(v) &&
  Object.keys(v).join() === 'text' &&
  typeof v.text === 'string' &&
  v.text.trim().length >= 1 &&
  v.text.trim().length <= 2000;
const validContinue = (v: unknown) =>
  isPlainObject(v) &&
  Object.keys(v).join() === 'code' &&
  typeof v.code === 'string' &&
  /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{16,64}$/.test(v.code);

const startBodies = badJsonBodies(
  shapedLike(['language', 'channel'], fc.constantFrom('en', 'es', 'web', 'fr', 'EN', '')),
  validStart,
  { allowEmpty: true },
);
const messageBodies = badJsonBodies(
  shapedLike(['text', 'Text', 'message'], hostileText),
  validMessage,
);
/** Bodies a conversation would accept: only ever sent with a token that is not its own. */
const goodMessageBodies: fc.Arbitrary<{ body: BodyCase; expected: Expected }> = hostileText
  .filter((t) => t.trim().length >= 1 && t.trim().length <= 2000)
  .map((text) => ({
    body: { type: 'application/json', body: JSON.stringify({ text }), payloads: [text] },
    expected: 'valid',
  }));

const withBody = (path: string, headers: Record<string, string>, body: BodyCase) => ({
  method: 'POST',
  path,
  headers: { ...headers, ...(body.type === undefined ? {} : { 'content-type': body.type }) },
  body: body.body,
  payloads: body.payloads,
});

/** Stops before sending anything the oracle calls valid: these properties send only bad requests. */
function bad(expected: Expected) {
  if (expected === 'valid') throw new Error('a bad-request generator produced a valid request');
  return expected;
}

function expectAnswer(answer: { status: number; json?: unknown }, expected: Expected) {
  if (answer.status === 429) return;
  expect(answer.status).toBe(bad(expected).status);
  expect(codeOf({ ...answer, type: '', text: '' })).toBe(bad(expected).code);
}

describe('POST /api/conversations', () => {
  const requests = startBodies.map(({ body, expected }) => ({
    req: withBody('/api/conversations', {}, body),
    expected,
  }));

  it(`answers ${BULK_RUNS} bad bodies with their documented 4xx and starts nothing`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(requests, async ({ req, expected }) => {
        bad(expected);
        sent++;
        const answer = await checked(await inProcess(b.app, req), [400, 413, 415], req.payloads);
        expectAnswer(answer, expected);
      }),
      params(BULK_RUNS),
    );
    expect(sent).toBe(BULK_RUNS);
    await expectUntouched(b);
  });
});

/** Authorization headers that are not a conversation's own token. */
function forgedAuth(own: string | undefined, others: string[]): fc.Arbitrary<string | undefined> {
  const tokens = fc.oneof(
    randomToken,
    ...(own ? [flipOne(own, BASE64URL), fc.constant(`${own}x`), fc.constant(own.slice(1))] : []),
    ...others.map((t) => fc.constant(t)),
  );
  return fc.oneof(
    fc.constant(undefined),
    tokens.map((t) => `Bearer ${t}`),
    tokens.map((t) => `bearer ${t}`),
    tokens,
    tokens.map((t) => `Basic ${t}`),
    tokens.map((t) => `Bearer  ${t}`),
    hostileText,
  );
}

/** Who a request claims to be: a seeded conversation's id (or another), and a token header. */
function target(withOwnToken: boolean) {
  const known = () => b.web.map((w) => w.id).concat(b.sms.id);
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.nat({ max: 2 }).map((i) => known()[i] ?? '') },
      { weight: 1, arbitrary: badIdSegment },
    )
    .chain((id) => {
      const own = b.web.find((w) => w.id === id)?.token;
      const others = b.web.filter((w) => w.id !== id).map((w) => w.token);
      const auth = forgedAuth(own, others).map((a) => ({ auth: a, own: false }));
      return fc.record({
        id: fc.constant(id),
        authorization:
          withOwnToken && own
            ? fc.oneof(auth, fc.constant({ auth: `Bearer ${own}`, own: true }))
            : auth,
      });
    });
}

/** The answer to a request on /api/conversations/{id}…, in the order the routes check. */
function expectedFor(
  id: string,
  authorization: { auth?: string; own: boolean },
  body?: Expected,
): Expected {
  if (!isUuid(decoded(id))) return { status: 404, code: 'not_found' };
  const header = authorization.auth === undefined ? '' : authorization.auth.trim();
  if (!/^Bearer [A-Za-z0-9_-]{16,256}$/.test(header)) return { status: 401, code: 'unauthorized' };
  if (body !== undefined && body !== 'valid') return body;
  if (!b.web.some((w) => w.id === id) && id !== b.sms.id) return { status: 404, code: 'not_found' };
  return authorization.own ? 'valid' : { status: 401, code: 'unauthorized' };
}

const messageRequests = (withOwnToken: boolean) =>
  target(withOwnToken).chain(({ id, authorization }) =>
    // A conversation's own token only ever comes with a bad body.
    (authorization.own
      ? messageBodies
      : fc.oneof<fc.Arbitrary<{ body: BodyCase; expected: Expected }>[]>(
          messageBodies,
          goodMessageBodies,
        )
    ).map(({ body, expected: bodyExpected }) => {
      const headers: Record<string, string> = authorization.auth
        ? { authorization: authorization.auth }
        : {};
      const tooBig =
        bytesOf(body.body).byteLength > 16 * 1024
          ? ({ status: 413, code: 'payload_too_large' } as const)
          : undefined;
      return {
        req: withBody(`/api/conversations/${id}/messages`, headers, body),
        // The body limit reads a body before any route; without a Content-Length, in-process.
        expected: tooBig ?? expectedFor(id, authorization, bodyExpected),
      };
    }),
  );

describe('POST /api/conversations/{id}/messages', () => {
  it(`answers ${BULK_RUNS} forged tokens, unknown ids and bad bodies with their 4xx`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(messageRequests(true), async ({ req, expected }) => {
        bad(expected);
        sent++;
        const answer = await checked(
          await inProcess(b.app, req),
          [400, 401, 404, 413, 415],
          req.payloads,
        );
        expectAnswer(answer, expected);
        if (sent % 2500 === 0) expect(await b.snapshot()).toEqual(b.before);
      }),
      params(BULK_RUNS),
    );
    expect(sent).toBe(BULK_RUNS);
    await expectUntouched(b);
  });
});

const readRequests = target(false).map(({ id, authorization }) => ({
  req: {
    method: 'GET',
    path: `/api/conversations/${id}`,
    headers: (authorization.auth ? { authorization: authorization.auth } : {}) as Record<
      string,
      string
    >,
    payloads: [authorization.auth ?? ''],
  } satisfies HostileRequest,
  expected: expectedFor(id, authorization),
}));

describe('GET /api/conversations/{id}', () => {
  it(`answers ${BULK_RUNS} forged tokens and unknown ids with 401 or 404`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(readRequests, async ({ req, expected }) => {
        bad(expected);
        sent++;
        const answer = await checked(await inProcess(b.app, req), [401, 404], req.payloads);
        expectAnswer(answer, expected);
      }),
      params(BULK_RUNS),
    );
    expect(sent).toBe(BULK_RUNS);
    await expectUntouched(b);
  });

  it('gives the token holder markup they typed back as JSON text only', async () => {
    const [, spanish] = b.web;
    const res = await inProcess(b.app, {
      method: 'GET',
      path: `/api/conversations/${spanish?.id}`,
      headers: { authorization: `Bearer ${spanish?.token}` },
      payloads: [],
    });
    const answer = await checked(res, [200]);
    const texts = (answer.json as { messages: { text: string }[] }).messages.map((m) => m.text);
    expect(texts).toContain(STORED_MARKUP);
  });
});

const codeChars = `${BASE64URL}.`;
const exact = { kind: 'exact' } as const;
const continueRequests = fc
  .oneof(
    badJsonBodies(shapedLike(['code'], hostileText), validContinue).map((c) => c.body),
    fc
      .oneof(
        fc
          .constant('')
          .map(() => b.sms.code)
          .chain((code) => flipOne(code, codeChars)),
        fc.constant('').map(() => `${b.sms.code}A`),
        fc
          .tuple(unknownUuid, fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: 16 }))
          .map(([id, secret]) => `${id}.${secret}`),
        fc.constant('').map(() => `${b.web[0]?.id}.${b.sms.code.split('.')[1]}`),
        hostileText,
      )
      .map((code) => ({
        type: 'application/json',
        body: JSON.stringify({ code }),
        payloads: [code],
      })),
  )
  .map((body) => {
    const expected = expectedForBody(body, validContinue);
    return {
      req: withBody('/api/conversations/continue', {}, body),
      // A well-formed code that is not the one sent is a forged link.
      expected: expected === 'valid' ? { status: 403, code: 'forbidden' } : expected,
    };
  });

describe('POST /api/conversations/continue', () => {
  it(`answers ${BULK_RUNS} forged codes and bad bodies with their 4xx`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(continueRequests, async ({ req, expected }) => {
        bad(expected);
        sent++;
        expect(req.body).not.toBe(JSON.stringify({ code: b.sms.code }));
        const answer = await checked(
          await inProcess(b.app, req),
          [400, 403, 404, 413, 415],
          req.payloads,
        );
        expectAnswer(answer, expected);
      }),
      params(BULK_RUNS),
    );
    expect(sent).toBe(BULK_RUNS);
    await expectUntouched(b);
  });
});

describe('good requests full of markup (not bad ones: they are stored as text)', () => {
  it('takes markup and query-looking text from the token holder and gives it back only as JSON', async () => {
    const fresh = await start(b.server.url, { language: 'en' });
    const before = await b.snapshot();
    const typed: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc
          .oneof(fc.constantFrom(...MARKUP, ...QUERYISH, ...PROTO_TEXT), hostileText)
          .filter((t) => t.trim().length > 0 && !/delete|borrar/i.test(t)),
        async (text) => {
          const req = withBody(
            `/api/conversations/${fresh.conversationId}/messages`,
            { authorization: `Bearer ${fresh.token}` },
            { type: 'application/json', body: JSON.stringify({ text }), payloads: [text] },
          );
          await checked(await overSocket(b.server.url, req), [200], [text]);
          typed.push(text.trim());
        },
      ),
      params(100),
    );
    const res = await fetch(`${b.server.url}/api/conversations/${fresh.conversationId}`, {
      headers: { authorization: `Bearer ${fresh.token}` },
    });
    const answer = await checked(res, [200]);
    const users = (answer.json as { messages: { role: string; text: string }[] }).messages
      .filter((m) => m.role === 'user')
      .map((m) => m.text);
    // Stored as typed (trimmed; an erasure request would be the only way to lose them).
    for (const text of typed) expect(users).toContain(text);
    expect(await b.snapshot()).toEqual(before);
    // One conversation more, and nothing else, for the properties that follow.
    expect(await b.count()).toBe(b.items + 1);
    b.items += 1;
  });
});

describe('a continue code whose id is not a UUID', () => {
  it('is a wrong link like any other: 403 forbidden, not 404', async () => {
    const [id = '', secret = ''] = b.sms.code.split('.');
    // 36 characters of the code's alphabet, but no UUID: the route must not say "no such id".
    const notUuid = `${id.slice(0, 8)}${id.slice(9, 10)}-${id.slice(10)}`;
    expect(isUuid(notUuid)).toBe(false);
    const req = withBody(
      '/api/conversations/continue',
      {},
      {
        type: 'application/json',
        body: JSON.stringify({ code: `${notUuid}.${secret}` }),
        payloads: [],
      },
    );
    const answer = await checked(await inProcess(b.app, req), [403]);
    expect(codeOf(answer)).toBe('forbidden');
  });
});

describe('the web chat API over a real socket', () => {
  const socketRequests = fc.record({
    pick: fc.oneof(
      startBodies.map(({ body }) => withBody('/api/conversations', {}, body)),
      // Never a conversation's own token: a truncated bad body could become a good one.
      messageRequests(false).map((r) => r.req),
      readRequests.map((r) => r.req),
      continueRequests.map((r) => r.req),
    ),
    frame: framing,
    // A 1 MB body, and paths holding bytes that are not UTF-8.
    megabyte: fc.nat({ max: 9 }).map((n) => n === 0),
    rawPath: fc.option(invalidUtf8, { freq: 10, nil: undefined }),
  });

  it(`answers ${SOCKET_RUNS} of them on the wire, whatever the framing, with a 4xx`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(socketRequests, async ({ pick, frame, megabyte, rawPath }) => {
        sent++;
        const req: HostileRequest =
          megabyte && pick.method === 'POST'
            ? { ...pick, body: `{"text":"${'x'.repeat(1024 * 1024)}"}` }
            : pick;
        const path = rawPath
          ? new Uint8Array([...Buffer.from('/api/conversations/'), ...rawPath])
          : undefined;
        // A start cut short can be an empty body, which is a good start: not a bad request.
        const framed = frame.kind === 'short' && req.path === '/api/conversations' ? exact : frame;
        const res = await overSocket(b.server.url, req, framed, path);
        await checked(res, [400, 401, 403, 404, 413, 415], req.payloads, {
          bareParserError: rawPath !== undefined || unparseable(req) || framed.kind === 'short',
        });
      }),
      params(SOCKET_RUNS),
    );
    expect(sent).toBe(SOCKET_RUNS);
    await expectUntouched(b);
  });
});
