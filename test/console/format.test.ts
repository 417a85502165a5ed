import { describe, expect, it } from 'vitest';
import {
  conflictText,
  flagLabel,
  formatDateTime,
  languageLabel,
  statusLabel,
  urgencyInfo,
} from '../../functions/web/console/format.js';

// Intl puts a narrow no-break space before AM/PM in recent ICU versions.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('dates', () => {
  const opts = { locale: 'en-US', timeZone: 'America/Los_Angeles', now: '2026-12-10T12:00:00Z' };

  it('shows the date and time in the given zone, without the year this year', () => {
    expect(plain(formatDateTime('2026-12-08T05:40:00Z', opts))).toBe('Dec 7, 9:40 PM');
  });

  it('adds the year for another year', () => {
    expect(plain(formatDateTime('2025-12-08T05:40:00Z', opts))).toBe('Dec 7, 2025, 9:40 PM');
  });

  it('follows the locale', () => {
    expect(plain(formatDateTime('2026-12-08T05:40:00Z', { ...opts, locale: 'en-GB' }))).toBe(
      '7 Dec, 21:40',
    );
  });

  it('shows what is not a date as written, and nothing as nothing', () => {
    expect(formatDateTime('yesterday', opts)).toBe('yesterday');
    expect(formatDateTime(null, opts)).toBe('');
    expect(formatDateTime('', opts)).toBe('');
  });
});

describe('labels', () => {
  it('names statuses, urgencies and flags for a person', () => {
    expect(statusLabel('consult-booked')).toBe('Consult booked');
    expect(statusLabel('archived')).toBe('archived');
    expect(urgencyInfo('emergency')).toEqual({
      level: 'emergency',
      label: 'Emergency',
      icon: '!!',
    });
    expect(urgencyInfo('later')).toEqual({ level: 'unknown', label: 'later', icon: '' });
    expect(flagLabel('u-visa')).toBe('U visa');
    expect(flagLabel('constructor')).toBe('constructor');
  });

  it('names languages by code, and keeps a language named in words', () => {
    expect(languageLabel('es')).toBe('Spanish');
    expect(languageLabel('pt')).toBe('Portuguese');
    expect(languageLabel('Mixteco')).toBe('Mixteco');
    expect(languageLabel(null)).toBe('');
  });

  it('writes a conflict given as text or as a record', () => {
    expect(conflictText('Ramírez, adverse')).toBe('Ramírez, adverse');
    expect(
      conflictText({ name: 'Luis Ramírez', role: 'former-client', matter: 'A-2019-114' }),
    ).toBe('Luis Ramírez, former-client: A-2019-114');
  });
});
