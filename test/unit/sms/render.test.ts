import { describe, expect, it } from 'vitest';
import {
  MAX_SEGMENTS,
  renderSms,
  segments,
  toGsm,
} from '../../../functions/core/channels/sms/render';
import { begin } from '../../../functions/core/engine/engine';
import { content } from '../../helpers/content';
import { intake, NOW, RESIDENT } from '../../helpers/intake';

describe('SMS rendering', () => {
  it('lists a few choices on one line as "Reply 1 for …"', () => {
    const [body] = renderSms(
      [
        {
          role: 'bot',
          text: 'Are you detained?',
          choices: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ],
        },
      ],
      'en',
    );
    expect(body).toBe('Are you detained?\nReply 1 for Yes, 2 for No.');
  });

  it('numbers long choices one per line and offers skip as a word, never a number', () => {
    const [body] = renderSms(
      [
        {
          role: 'bot',
          text: 'How did you enter?',
          choices: [
            { value: 'inspected', label: 'With a visa, or checked at a port of entry' },
            { value: 'without-inspection', label: 'Crossed without being checked' },
            { value: 'parole', label: 'With parole' },
            { value: 'other', label: 'Another way' },
            { value: 'skip', label: 'Skip' },
          ],
        },
      ],
      'en',
    );
    expect(body).toContain('\n1. With a visa');
    expect(body).toContain('\n4. Another way');
    expect(body).not.toContain('5.');
    expect(body).toContain('(Reply "skip")');
  });

  it('folds á í ó ú to GSM-7 but keeps ñ, é, ü, ¿ and ¡', () => {
    expect(toGsm('¿Está aquí? Sí, año, José, pingüino, ¡ó!')).toBe(
      '¿Esta aqui? Si, año, José, pingüino, ¡o!',
    );
    expect(segments(toGsm('¿Está usted detenido? Sí o no. Año.')).encoding).toBe('GSM-7');
  });

  it('drops "https://" from links', () => {
    const [body] = renderSms(
      [{ role: 'bot', text: 'See https://www.justice.gov/eoir/list' }],
      'en',
    );
    expect(body).toBe('See justice.gov/eoir/list');
  });

  it('keeps every SMS of every reply within 3 segments, in both languages, splitting long ones', () => {
    for (const language of ['en', 'es'] as const) {
      const opening = begin({ content: content(), now: NOW }, language, 'sms').replies;
      const bodies = renderSms(opening, language);
      expect(bodies.length).toBeGreaterThan(1);
      for (const body of bodies) expect(segments(body).count).toBeLessThanOrEqual(MAX_SEGMENTS);
      const chat = intake({ language, channel: 'sms' });
      chat.answer(RESIDENT, 'confirm');
      for (const body of renderSms(chat.all, language)) {
        expect(segments(body).count, body).toBeLessThanOrEqual(MAX_SEGMENTS);
      }
    }
  });
});
