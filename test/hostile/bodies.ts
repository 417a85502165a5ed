/**
 * JSON request bodies for the hostile suite, and the oracle that says which documented answer
 * each deserves (API.md "Errors", the order of functions/http/body.ts): 413 over 16 KiB, 415 for
 * another content type, 400 `invalid_json` for bytes that are not UTF-8 JSON, 400
 * `invalid_request` for a value that fails the endpoint's schema.
 */
import fc from 'fast-check';
import {
  deepJson,
  hostileJson,
  hostileText,
  hugeString,
  invalidUtf8,
  malformedJson,
  PROTO_KEYS,
  QUERYISH,
  wrongContentType,
} from './arbitraries';
import { headerSafe } from './transport';

export interface BodyCase {
  type?: string;
  body?: string | Uint8Array;
  payloads: string[];
}

export type Expected = { status: number; code: string } | 'valid';

const LIMIT = 16 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const jsonType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;charset=UTF-8',
);

export const bytesOf = (body: string | Uint8Array | undefined) =>
  body === undefined
    ? new Uint8Array()
    : typeof body === 'string'
      ? new TextEncoder().encode(body)
      : body;

/**
 * Bad JSON bodies: malformed, not UTF-8, too deep, too big, of the wrong content type, and well
 * formed values of the wrong shape (`shaped` builds objects near the schema, with hostile
 * values); only bodies `expectedForBody` does not call valid (a bad-request property must never
 * change a conversation), each with its expected answer.
 */
export function badJsonBodies(
  shaped: fc.Arbitrary<unknown>,
  valid: (value: unknown) => boolean,
  options: { allowEmpty?: boolean } = {},
): fc.Arbitrary<BadBody> {
  const json = (value: unknown) => JSON.stringify(value) ?? 'null';
  const invalid = (value: unknown) => !valid(value);
  const cases: fc.Arbitrary<BodyCase> = fc.oneof(
    fc.record({ type: jsonType, body: malformedJson }).map((c) => ({ ...c, payloads: [c.body] })),
    fc.record({ type: jsonType, body: invalidUtf8 }).map((c) => ({ ...c, payloads: [] })),
    fc.record({ type: jsonType, body: deepJson }).map((c) => ({ ...c, payloads: [] })),
    fc
      .record({ type: jsonType, value: fc.oneof(hostileJson, shaped).filter(invalid) })
      .map(({ type, value }) => ({ type, body: json(value), payloads: strings(value) })),
    fc.record({ type: jsonType, pad: hugeString, value: shaped }).map(({ type, pad, value }) => ({
      type,
      body: json({ value, pad }),
      payloads: strings(value),
    })),
    fc
      .record({
        type: wrongContentType,
        value: shaped,
        body: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }),
      })
      .map(({ type, value, body }) => ({
        type,
        body: body ?? json(value),
        payloads: strings(value),
      })),
  );
  return cases
    .map((body) => ({ body, expected: expectedForBody(body, valid, options) }))
    .filter((c): c is BadBody => c.expected !== 'valid');
}

/** A bad body and the error API.md gives it. */
export interface BadBody {
  body: BodyCase;
  expected: { status: number; code: string };
}

/** Objects with one of the endpoint's fields holding a hostile or wrongly typed value. */
export function shapedLike(fields: string[], good: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc
    .record({
      field: fc.constantFrom(...fields),
      value: fc.oneof(good, hostileText, hostileJson, fc.constantFrom(...QUERYISH)),
      extra: fc.option(
        fc.tuple(
          fc.constantFrom(...PROTO_KEYS, '$where', 'pk', 'tokenHash', 'version'),
          hostileJson,
        ),
        { nil: undefined },
      ),
    })
    .map(({ field, value, extra }) => {
      const object: Record<string, unknown> = {};
      Object.defineProperty(object, field, { value, enumerable: true });
      if (extra) Object.defineProperty(object, extra[0], { value: extra[1], enumerable: true });
      return object;
    });
}

/** Every string in a JSON value, keys included. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The answer API.md gives this body, `valid` when it passes (`allowEmpty`: no body = {}). */
export function expectedForBody(
  body: BodyCase,
  valid: (value: unknown) => boolean,
  options: { allowEmpty?: boolean } = {},
): Expected {
  const bytes = bytesOf(body.body);
  if (bytes.byteLength > LIMIT) return { status: 413, code: 'payload_too_large' };
  if (bytes.byteLength === 0 && options.allowEmpty) return valid({}) ? 'valid' : schemaError;
  const type = body.type === undefined ? '' : headerSafe(body.type);
  // A string body with no type is sent by fetch as text/plain.
  const effective = body.type === undefined && typeof body.body === 'string' ? 'text/plain' : type;
  if (!/^application\/json\s*(;|$)/i.test(effective))
    return { status: 415, code: 'unsupported_media_type' };
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    return { status: 400, code: 'invalid_json' };
  }
  return valid(value) ? 'valid' : schemaError;
}

const schemaError = { status: 400, code: 'invalid_request' } as const;
