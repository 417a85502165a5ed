/**
 * Our segment counter against Twilio's own calculator (sms-segments-calculator), which stays a
 * dev dependency for this: the same encoding and count on every generated text, around every
 * boundary (160/153 septets, 70/67 units, an extension character or surrogate pair on the edge).
 */
import fc from 'fast-check';
import { SegmentedMessage } from 'sms-segments-calculator';
import UnicodeToGsm from 'sms-segments-calculator/dist/libs/UnicodeToGSM.js';
import { describe, expect, it } from 'vitest';
import { segments } from '../../../functions/core/channels/sms/segments';

function theirs(text: string) {
  const message = new SegmentedMessage(text);
  return { count: message.segmentsCount, encoding: message.encodingName };
}

// Characters from every class that matters: GSM basic, GSM extension, accents, UCS-2, astral.
const PIECES = [
  'a',
  'Z',
  ' ',
  '\n',
  '\r\n',
  'ñ',
  'é',
  '¿',
  '€',
  '^',
  '{',
  '\\',
  'á',
  'ó',
  '’',
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  'ä',
  'Ω',
  'ç',
  '\f',
];

// Lengths around 67/70 (UCS-2), 153/160 (GSM-7) and their multiples, with a character or two over.
const BOUNDARIES = [65, 66, 67, 68, 69, 70, 71, 72, 133, 134, 135, 136, 151, 152, 153, 154, 158]
  .concat([159, 160, 161, 162, 199, 200, 201, 202, 203, 304, 305, 306, 307, 308, 457, 458, 459])
  .concat([460, 461]);

describe('SMS segments', () => {
  it('classifies every BMP character as the calculator does', () => {
    const table =
      (UnicodeToGsm as unknown as { default?: Record<number, number[]> }).default ??
      (UnicodeToGsm as unknown as Record<number, number[]>);
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      const gsm = table[code];
      const ours = segments(char).encoding;
      expect(`${code.toString(16)} ${ours}`).toBe(
        `${code.toString(16)} ${gsm ? 'GSM-7' : 'UCS-2'}`,
      );
    }
  });

  it('counts the same segments around every boundary', () => {
    for (const base of ['a', '€', 'á', '😀']) {
      for (const filler of ['a', 'ñ', '€', 'á']) {
        for (const n of BOUNDARIES) {
          const text = base + filler.repeat(n);
          expect(segments(text), `${JSON.stringify(base)}+${filler}×${n}`).toEqual(theirs(text));
        }
      }
    }
  });

  it('agrees with the calculator on generated text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), {
          maxLength: 400,
        }),
        (pieces) => {
          const text = pieces.join('');
          expect(segments(text)).toEqual(theirs(text));
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
