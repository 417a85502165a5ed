import { describe, expect, it } from 'vitest';
import { parseANumber } from '../../../functions/core/parse/anumber';

describe('parseANumber', () => {
  it.each([
    ['A123456789', 'A123456789'],
    ['a123456789', 'A123456789'],
    ['123456789', 'A123456789'],
    ['a-123-456-789', 'A123456789'],
    ['A-123-456-789', 'A123456789'],
    ['A 123 456 789', 'A123456789'],
    ['123 456 789', 'A123456789'],
    ['A123-456-789', 'A123456789'],
    ['A# 123-456-789', 'A123456789'],
    ['A#123456789', 'A123456789'],
    ['A: 123456789', 'A123456789'],
    ['A.123.456.789', 'A123456789'],
    ['mi número A es 123456789', 'A123456789'],
    ['Mi numero de A es A-123-456-789.', 'A123456789'],
    ['my A number is A 123 456 789', 'A123456789'],
    ['It’s A123456789', 'A123456789'],
    ['A012345678', 'A012345678'],
  ])('reads %j as %s', (text, value) => {
    expect(parseANumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['A12345678', 'A012345678'],
    ['12345678', 'A012345678'],
    ['A-12-345-678', 'A012345678'],
    ['a 12 345 678', 'A012345678'],
  ])('pads the older 8-digit number %j with a leading zero (%s)', (text, value) => {
    expect(parseANumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['A1234567', 'seven digits'],
    ['1234567', 'seven digits'],
    ['A1234567890', 'ten digits'],
    ['12345678901', 'eleven digits'],
    ['(213) 373-4253', 'a phone number'],
    ['213-373-4253', 'a phone number'],
    ['03/14/2027', 'a date'],
    ['03-14-2027', 'a date'],
    ['123-45-6789', 'the shape of a Social Security number'],
    ['my social security is 123456789', 'a Social Security number'],
    ['SSN 123456789', 'a Social Security number'],
    ['B123456789', 'another letter'],
    ['123456789X', 'a trailing letter'],
    ['123456789 or 987654321', 'two numbers'],
    ['000000000', 'only zeros'],
    ['what is an A number?', 'a question'],
    ['¿Qué es el número A?', 'a question'],
    ['where do I find it', 'no number'],
    ['no sé', 'no number'],
    ['no tengo', 'no number'],
    ['A', 'no number'],
    ['', 'nothing'],
  ])('refuses %j (%s)', (text) => {
    expect(parseANumber(text)).toEqual({ ok: false });
  });
});
