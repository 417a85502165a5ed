import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../../functions/core/parse/phone';

describe('parsePhone', () => {
  it.each([
    ['(213) 373-4253', '+12133734253'],
    ['213-373-4253', '+12133734253'],
    ['213.373.4253', '+12133734253'],
    ['213 373 4253', '+12133734253'],
    ['2133734253', '+12133734253'],
    ['1-213-373-4253', '+12133734253'],
    ['+1 213 373 4253', '+12133734253'],
    ['+1 (213) 373-4253', '+12133734253'],
    ['mi número es 213 373 4253', '+12133734253'],
    ['My number is (213) 373-4253.', '+12133734253'],
    ['call me at 213-373-4253 after 5', '+12133734253'],
    ['Llámame al 213 373 4253 después de las 6', '+12133734253'],
    ['(619) 555-0123', '+16195550123'],
    ['+52 55 1234 5678', '+525512345678'],
    ['+52 1 55 1234 5678', '+525512345678'],
    ['011 52 55 1234 5678', '+525512345678'],
    ['+503 7123 4567', '+50371234567'],
    ['+502 5123 4567', '+50251234567'],
  ])('reads %j as %s', (text, value) => {
    expect(parsePhone(text)).toEqual({ ok: true, value });
  });

  it('reads a number without a country code in the given default country', () => {
    expect(parsePhone('55 1234 5678', 'MX')).toEqual({ ok: true, value: '+525512345678' });
  });

  it.each([
    ['12345', 'too short'],
    ['373-4253', 'no area code'],
    ['213 373 42533', 'too long'],
    ['(213) 373-4253 or (310) 555-0199', 'two numbers'],
    ['A123456789', 'an A-number'],
    ['what number?', 'a question'],
    ['no tengo teléfono', 'no number'],
    ['', 'nothing'],
  ])('refuses %j (%s)', (text) => {
    expect(parsePhone(text)).toEqual({ ok: false });
  });
});
