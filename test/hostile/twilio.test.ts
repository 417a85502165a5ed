/**
 * Hostile input for the Twilio webhooks (API.md "SMS", "WhatsApp"): for each, generated requests with
 * forged, moved or missing signatures, wrong content types, huge bodies and signed but malformed
 * parameters, answered 403/415/413/400 with nothing stored; then good texts full of markup,
 * answered with TwiML that escapes it.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedSignature } from '../../functions/adapters/twilio-signature';
import { parseTwiml, twiml } from '../../functions/http/twilio';
import { TEST_PUBLIC_BASE_URL, TWILIO_TEST_TOKEN } from '../helpers/server';
import {
  BASE64,
  flipOne,
  hostileText,
  hugeString,
  invalidUtf8,
  MARKUP,
  PROTO_TEXT,
  randomToken,
  wrongContentType,
} from './arbitraries';
import { bytesOf } from './bodies';
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

// biome-ignore lint/suspicious/noControlCharactersInRegex: what XML 1.0 cannot carry
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const FORM = 'application/x-www-form-urlencoded';
const sid = fc
  .uint8Array({ minLength: 16, maxLength: 16 })
  .map((bytes) => `SM${Buffer.from(bytes).toString('hex')}`);

/**
 * Each webhook: its path, how a number is written in `From`, and its runs (WhatsApp's route
 * shares every line of the handler but the form's schema, so it takes a quarter of the runs).
 */
const WEBHOOKS = [
  { path: '/webhooks/twilio/sms', address: (n: string) => n, share: 1 },
  { path: '/webhooks/twilio/whatsapp', address: (n: string) => `whatsapp:${n}`, share: 4 },
];

describe.each(WEBHOOKS)('POST $path', ({ path: PATH, address, share }) => {
  // Each webhook its own server and table: the good texts of one are not the other's writes.
  const b = useBench();

  /** Twilio's parameters: mostly from the seeded texter, with hostile bodies and extras. */
  const form = fc.record({
    MessageSid: fc.oneof({ weight: 4, arbitrary: sid }, { weight: 1, arbitrary: hostileText }),
    AccountSid: fc.constant(`AC${'0'.repeat(32)}`),
    From: fc.oneof(
      { weight: 4, arbitrary: fc.constant(address('+12135550101')) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          address('+12135550199'),
          '12135550101',
          '+0',
          'anonymous',
          // The other channel's address: refused by this webhook's schema.
          address('+1') === '+1' ? 'whatsapp:+12135550101' : '+12135550101',
        ),
      },
      { weight: 1, arbitrary: hostileText },
    ),
    To: fc.constant(address('+12135550142')),
    Body: fc.oneof(hostileText, fc.constantFrom('STOP', 'web', 'yes', 'delete my data', 'HELP')),
    NumMedia: fc.constantFrom('0', '1', '-1', 'x'),
  });

  const valid = (p: Record<string, string>) =>
    /^[A-Z]{2}[0-9a-fA-F]{32}$/.test(p.MessageSid ?? '') &&
    new RegExp(`^${address('+').replace('+', '\\+')}[1-9]\\d{6,14}$`).test(p.From ?? '') &&
    (p.Body ?? '').length <= 1600;

  const sign = (p: Record<string, string>, url = `${TEST_PUBLIC_BASE_URL}${PATH}`) =>
    expectedSignature(TWILIO_TEST_TOKEN, url, p);

  /** Signatures that are not the right one for these parameters. */
  const forged = (p: Record<string, string>) => {
    const right = sign(p);
    return fc.oneof(
      fc.constant(undefined),
      fc.constant(''),
      randomToken,
      flipOne(right, BASE64),
      fc.constant(right.toLowerCase()),
      fc.constant(expectedSignature('wrong-token', `${TEST_PUBLIC_BASE_URL}${PATH}`, p)),
      fc.constant(sign(p, `http://localhost${PATH}`)),
      fc.constant(sign(p, `${TEST_PUBLIC_BASE_URL}${PATH}?x=1`)),
      fc.constant(sign({ ...p, Body: `${p.Body ?? ''}.` })),
      fc.constant(
        sign({
          ...p,
          From:
            p.From === address('+12135550199') ? address('+12135550198') : address('+12135550199'),
        }),
      ),
    );
  };

  const otherTypes = wrongContentType.filter((t) => !/^application\/x-www-form/.test(t ?? ''));

  /** A request and what API.md says to it (never a good one: those are below). */
  const requests = fc.oneof(
    // Forged signatures on otherwise good forms.
    {
      weight: 5,
      arbitrary: form.chain((p) =>
        forged(p).map((signature) => ({
          type: FORM,
          body: new URLSearchParams(p).toString(),
          signature,
          expected: { status: 403, code: 'forbidden' },
        })),
      ),
    },
    // Correctly signed but malformed: only Twilio could send these, and they still store nothing.
    {
      weight: 2,
      arbitrary: form
        .chain((p) =>
          fc.oneof(
            fc.constant(p),
            fc.constant({ ...p, Body: 'x'.repeat(1601) }),
            hostileText.map((From) => ({ ...p, From })),
          ),
        )
        .filter((p) => !valid(p))
        .map((p) => ({
          type: FORM,
          body: new URLSearchParams(p).toString(),
          signature: sign(p),
          expected: { status: 400, code: 'invalid_request' },
        })),
    },
    // Another content type, signed or not: refused before anything is read.
    {
      weight: 1,
      arbitrary: fc.record({ type: otherTypes, p: form }).map(({ type, p }) => ({
        type,
        body: JSON.stringify(p),
        signature: sign(p),
        expected: { status: 415, code: 'unsupported_media_type' },
      })),
    },
    // Over 16 KiB: refused before it is read.
    {
      weight: 1,
      arbitrary: fc.record({ p: form, pad: hugeString }).map(({ p, pad }) => {
        const padded = { ...p, Body: pad };
        return {
          type: FORM,
          body: new URLSearchParams(padded).toString(),
          signature: sign(padded),
          expected: { status: 413, code: 'payload_too_large' },
        };
      }),
    },
    // Bytes that are not UTF-8, form-encoded or raw, with a signature over something else.
    {
      weight: 1,
      arbitrary: fc.record({ p: form, bad: invalidUtf8 }).map(({ p, bad }) => ({
        type: FORM,
        body: new Uint8Array([...bytesOf(new URLSearchParams(p).toString()), ...bad]),
        signature: sign(p),
        expected: { status: 403, code: 'forbidden' },
      })),
    },
  );

  const toRequest = (r: {
    type?: string;
    body: string | Uint8Array;
    signature?: string;
  }): HostileRequest => ({
    method: 'POST',
    path: PATH,
    headers: {
      ...(r.type === undefined ? {} : { 'content-type': r.type }),
      ...(r.signature === undefined ? {} : { 'x-twilio-signature': r.signature }),
    },
    body: r.body,
    payloads: typeof r.body === 'string' ? [...new URLSearchParams(r.body).values()] : [],
  });

  it(`answers ${BULK_RUNS / share} forged, malformed and oversized webhooks with their 4xx`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(requests, async (r) => {
        sent++;
        const req = toRequest(r);
        const answer = await checked(
          await inProcess(b.app, req),
          [400, 403, 413, 415],
          req.payloads,
        );
        if (answer.status !== 429) {
          expect(answer.status).toBe(r.expected.status);
          expect(codeOf(answer)).toBe(r.expected.code);
        }
        if (sent % 2500 === 0) expect(await b.snapshot()).toEqual(b.before);
      }),
      params(BULK_RUNS / share),
    );
    expect(sent).toBe(BULK_RUNS / share);
    await expectUntouched(b);
  });

  it(`answers ${SOCKET_RUNS / share} of them over a real socket, whatever the framing`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(requests, framing, fc.nat({ max: 19 }), async (r, frame, one) => {
        sent++;
        // One in twenty is a 1 MB form: refused by its length, never read.
        const req: HostileRequest =
          one === 0
            ? { ...toRequest(r), body: `Body=${'x'.repeat(1024 * 1024)}&${r.body}` }
            : toRequest(r);
        // Cutting the junk off a signed form with a short Content-Length would make it good.
        const cuttable = frame.kind === 'short' && r.body instanceof Uint8Array;
        const res = await overSocket(b.server.url, req, cuttable ? { kind: 'exact' } : frame);
        const answer = await checked(res, [400, 403, 413, 415], req.payloads, {
          bareParserError: frame.kind === 'short' || unparseable(req),
        });
        // (Unless its headers already failed Node's parser, which answers a bare 400 first.)
        if (one === 0 && r.type === FORM && frame.kind !== 'short' && !unparseable(req))
          expect([413, 429]).toContain(answer.status);
      }),
      params(SOCKET_RUNS / share),
    );
    expect(sent).toBe(SOCKET_RUNS / share);
    await expectUntouched(b);
  });

  it('escapes every reply it could ever send: no markup survives, the text reads back', () => {
    // The replies above never quote the client; this is the escaping itself, on hostile text.
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...MARKUP), hostileText), { maxLength: 3 }),
        (bodies) => {
          const xml = twiml(bodies);
          for (const m of MARKUP) expect(xml).not.toContain(m);
          expect(
            xml.replace(/<\/?(Response|Message)>|<Response\/>|^<\?xml[^>]*\?>/g, ''),
          ).not.toMatch(/[<>]/);
          // What reads back is the text minus the control characters XML 1.0 cannot carry.
          expect(parseTwiml(xml)).toEqual(bodies.map((t) => t.replace(NOT_XML, '')));
        },
      ),
      params(BULK_RUNS / share),
    );
  });

  it('answers good texts full of markup from new numbers with 200 TwiML', async () => {
    const before = await b.snapshot();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...MARKUP, ...PROTO_TEXT), hostileText),
        async (text) => {
          // A new texter each time, never the seeded one.
          const from = `+1213555${String(2000 + n++).padStart(4, '0')}`;
          const p = {
            MessageSid: `SM${randomBytes(16).toString('hex')}`,
            AccountSid: `AC${'0'.repeat(32)}`,
            From: address(from),
            To: address('+12135550142'),
            Body: `${text} what is an A number?`,
            NumMedia: '0',
          };
          const req = toRequest({
            type: FORM,
            body: new URLSearchParams(p).toString(),
            signature: sign(p),
          });
          const answer = await checked(await overSocket(b.server.url, req), [200], [p.Body]);
          expect(answer.type).toMatch(/^text\/xml/);
          expect(answer.text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><Response/);
        },
      ),
      params(100),
    );
    expect(await b.snapshot()).toEqual(before);
  });
});
