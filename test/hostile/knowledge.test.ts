/**
 * Hostile input for the knowledge search (API.md "Knowledge"): ten thousand generated bad
 * queries answered 400 naming the parameter, hostile but well-formed questions answered 200 with
 * JSON that never echoes them, and the same over a real socket.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePath, hostileText, PROTO_KEYS, PROTO_TEXT, QUERYISH } from './arbitraries';
import {
  BULK_RUNS,
  checked,
  codeOf,
  expectUntouched,
  params,
  SOCKET_RUNS,
  useBench,
} from './harness';
import { framing, type HostileRequest, inProcess, overSocket } from './transport';

const b = useBench();

/** Decodes like Hono's c.req.query(): `+` is a space, bad escapes stay as they are. */
const decode = (raw: string) => {
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
};

/** What `c.req.query()` sees: the first value of each non-empty name. */
function queryOf(search: string): Map<string, string> {
  const seen = new Map<string, string>();
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const name = decode(at < 0 ? pair : pair.slice(0, at));
    if (name && !seen.has(name)) seen.set(name, decode(at < 0 ? '' : pair.slice(at + 1)));
  }
  return seen;
}

/** API.md's rules for the search query, restated: 400 unless every one holds. */
function valid(search: string): boolean {
  const query = queryOf(search);
  const q = query.get('q')?.trim();
  const lang = query.get('lang');
  const limit = query.has('limit') ? Number(query.get('limit')) : 3;
  return (
    [...query.keys()].every((k) => k === 'q' || k === 'lang' || k === 'limit') &&
    q !== undefined &&
    q.length >= 1 &&
    q.length <= 500 &&
    (lang === undefined || lang === 'en' || lang === 'es') &&
    Number.isInteger(limit) &&
    limit >= 1 &&
    limit <= 10
  );
}

const word = fc.oneof(
  hostileText,
  fc.constantFrom('what is an A number', 'asilo', 'bond', ...QUERYISH, ...PROTO_TEXT),
  fc.nat({ max: 600 }).map((n) => 'a'.repeat(n)),
);
const value = fc.oneof(
  word.map(encodePath),
  fc.constantFrom('', '%', '%FF', '%E0%A4%A', '%00', '+', '%2B', 'en', 'es', 'EN', 'fr'),
  fc.constantFrom(
    '0',
    '1',
    '10',
    '11',
    '-1',
    '1.5',
    '1e1',
    '0x5',
    '%203',
    'NaN',
    'Infinity',
    '3abc',
  ),
);
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('q', 'lang', 'limit') },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS, 'Q', 'q[]', 'q[$gt]', '%71', 'limit%20') },
  { weight: 1, arbitrary: hostileText.map(encodePath) },
);
const search = fc
  .array(
    fc
      .tuple(name, fc.option(value, { nil: undefined }))
      .map(([n, v]) => (v === undefined ? n : `${n}=${v}`)),
    { maxLength: 5 },
  )
  .map((pairs) => pairs.join('&'));

const request = (query: string): HostileRequest => ({
  method: 'GET',
  path: `/api/knowledge/search?${query}`,
  headers: {},
  payloads: [...queryOf(query).values()],
});

describe('GET /api/knowledge/search', () => {
  it(`answers ${BULK_RUNS} bad queries with 400 invalid_request`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        search.filter((s) => !valid(s)),
        async (query) => {
          sent++;
          const req = request(query);
          const answer = await checked(await inProcess(b.app, req), [400], req.payloads);
          if (answer.status === 400) expect(codeOf(answer)).toBe('invalid_request');
        },
      ),
      params(BULK_RUNS),
    );
    expect(sent).toBe(BULK_RUNS);
    await expectUntouched(b);
  });

  it('answers hostile but well-formed questions with results that never echo them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .record({
            q: word,
            lang: fc.constantFrom('en', 'es'),
            limit: fc.integer({ min: 1, max: 10 }),
          })
          .map(({ q, lang, limit }) => `q=${encodePath(q)}&lang=${lang}&limit=${limit}`)
          .filter(valid),
        async (query) => {
          const req = request(query);
          const answer = await checked(await inProcess(b.app, req), [200], req.payloads);
          const results = (answer.json as { results: { answer: string }[] }).results;
          expect(results.length).toBeLessThanOrEqual(Number(queryOf(query).get('limit')));
          const q = queryOf(query).get('q') ?? '';
          // An article is content, not an echo: a marked-up question is never in the answer.
          if (/[<>]/.test(q)) expect(answer.text).not.toContain(q);
        },
      ),
      params(1_000),
    );
    await expectUntouched(b);
  });

  it(`answers ${SOCKET_RUNS} bad queries over a real socket with 400`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        search.filter((s) => !valid(s)),
        framing,
        async (query, frame) => {
          sent++;
          const req = request(query);
          const res = await overSocket(b.server.url, req, frame);
          await checked(res, [400], req.payloads, { bareParserError: frame.kind === 'short' });
        },
      ),
      params(SOCKET_RUNS),
    );
    expect(sent).toBe(SOCKET_RUNS);
    await expectUntouched(b);
  });
});
