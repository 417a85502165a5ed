/**
 * Our signature check agrees with Twilio's own helper library, on the cases that trip people up:
 * query strings in the URL, Unicode bodies, empty values and parameter order.
 */
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { expectedSignature, isValidSignature } from '../../../functions/adapters/twilio-signature';

const TOKEN = '12345678901234567890123456789012';

const cases: Array<[string, string, Record<string, string>]> = [
  [
    'plain',
    'https://amparo.example/webhooks/twilio/sms',
    { From: '+12133734253', Body: 'hola', MessageSid: 'SM1' },
  ],
  [
    'query string',
    'https://amparo.example/webhooks/twilio/sms?firm=1&x=a%20b',
    { Body: 'yes', From: '+1213' },
  ],
  [
    'unicode',
    'https://amparo.example/webhooks/twilio/sms',
    { Body: '¿Está detenido? Sí 👍 ñ', To: '+15550100' },
  ],
  [
    'empty value',
    'https://amparo.example/webhooks/twilio/sms',
    { Body: '', NumMedia: '0', AccountSid: 'AC1' },
  ],
  [
    'many params',
    'http://localhost:3000/webhooks/twilio/sms',
    { b: '2', a: '1', B: '3', MessageSid: 'SMx', SmsStatus: 'received' },
  ],
];

describe('the Twilio webhook signature', () => {
  it.each(cases)('matches the twilio library for %s', (_name, url, params) => {
    const ours = expectedSignature(TOKEN, url, params);
    expect(ours).toBe(twilio.getExpectedTwilioSignature(TOKEN, url, params));
    expect(twilio.validateRequest(TOKEN, ours, url, params)).toBe(true);
    expect(isValidSignature(TOKEN, url, params, ours)).toBe(true);
  });

  it('refuses a signature made with another token, another URL or changed parameters', () => {
    const [, url, params] = cases[0] ?? ['', '', {}];
    const good = expectedSignature(TOKEN, url, params);
    expect(
      isValidSignature(TOKEN, url, params, expectedSignature('x'.repeat(32), url, params)),
    ).toBe(false);
    expect(isValidSignature(TOKEN, `${url}?a=1`, params, good)).toBe(false);
    expect(isValidSignature(TOKEN, url, { ...params, Body: 'STOP' }, good)).toBe(false);
    expect(isValidSignature(TOKEN, url, params, undefined)).toBe(false);
    expect(isValidSignature(TOKEN, url, params, `${good}x`)).toBe(false);
  });
});
