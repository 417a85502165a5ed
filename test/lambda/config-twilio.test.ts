/**
 * Outbound texts are configured with the account and the number together, or not at all: one
 * alone used to be dropped in silence, and the chat then said "I texted you a code" while the
 * code went to a file (on Lambda, to /tmp).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/config';

const ACCOUNT = `AC${'a'.repeat(32)}`;
const KEY = `SK${'b'.repeat(32)}`;

describe('TWILIO_ACCOUNT_SID and TWILIO_FROM_NUMBER', () => {
  it('an account without a number stops the start, naming the number', () => {
    const start = () => loadConfig({ TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_API_KEY_SID: KEY });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/TWILIO_FROM_NUMBER: is required with TWILIO_ACCOUNT_SID/);
  });

  it('a number without an account stops the start, naming the account', () => {
    expect(() => loadConfig({ TWILIO_FROM_NUMBER: '+12135550142' })).toThrow(
      /TWILIO_ACCOUNT_SID: is required with TWILIO_FROM_NUMBER/,
    );
  });

  it('both (with the API key) or neither start', () => {
    const both = loadConfig({
      TWILIO_ACCOUNT_SID: ACCOUNT,
      TWILIO_FROM_NUMBER: '+12135550142',
      TWILIO_API_KEY_SID: KEY,
    });
    expect(both.TWILIO_FROM_NUMBER).toBe('+12135550142');
    expect(loadConfig({}).TWILIO_ACCOUNT_SID).toBeUndefined();
  });
});

describe('WHATSAPP_TEMPLATES', () => {
  const sid = (c: string) => `HX${c.repeat(32)}`;

  it('is read as content SIDs by template and language', () => {
    const config = loadConfig({
      WHATSAPP_TEMPLATES: ` accepted.en=${sid('1')} , reminder.es=${sid('2')}`,
    });
    expect(config.WHATSAPP_TEMPLATES).toEqual({ 'accepted.en': sid('1'), 'reminder.es': sid('2') });
    expect(loadConfig({}).WHATSAPP_TEMPLATES).toEqual({});
  });

  it('stops the start on a template it does not know, a language, or a SID not HX…', () => {
    for (const list of [
      `greeting.en=${sid('1')}`,
      `accepted.fr=${sid('1')}`,
      'accepted.en=HX123',
      `accepted.en=${sid('1')},`,
    ]) {
      expect(() => loadConfig({ WHATSAPP_TEMPLATES: list }), list).toThrow(
        /WHATSAPP_TEMPLATES: is not a list of <template>\.<en\|es>=HX… \(templates: accepted, reminder, staffMessage\)/,
      );
    }
  });
});
