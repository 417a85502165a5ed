import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { screen } from '../../functions/core/screening/screening';
import {
  TpsDataSchema,
  tpsCountryCodes,
  tpsScreeningContext,
} from '../../functions/core/screening/tps';

const file = new URL('../../knowledge/tps-countries.yaml', import.meta.url);
const raw: unknown = YAML.parse(readFileSync(file, 'utf8'));
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

describe('knowledge/tps-countries.yaml', () => {
  it('validates against TpsDataSchema', () => {
    const result = TpsDataSchema.safeParse(raw);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('carries its review date and names INA 244 and the USCIS TPS page as sources', () => {
    const data = TpsDataSchema.parse(raw);
    expect(data.lastReviewed).toBe('2026-12-07');
    expect(data.sources.join('\n')).toContain('INA 244');
    expect(data.sources).toContain('USCIS, Temporary Protected Status (uscis.gov/tps)');
    expect(data.note).toMatch(/uscis\.gov\/tps/);
    expect(data.note).toMatch(/litigation/);
  });

  it('uses country codes that are real ISO 3166-1 regions', () => {
    const data = TpsDataSchema.parse(raw);
    for (const country of data.countries) {
      expect(regionNames.of(country.code), country.code).toBeTruthy();
    }
  });

  it('raises the flag for the designated or litigated countries and not for terminated ones', () => {
    const codes = tpsCountryCodes(TpsDataSchema.parse(raw));
    expect(new Set(codes)).toEqual(
      new Set(['VE', 'HT', 'HN', 'NI', 'NP', 'ET', 'SS', 'SY', 'MM', 'SV', 'UA', 'SD', 'LB', 'YE']),
    );
    expect(codes).not.toContain('AF');
    expect(codes).not.toContain('CM');
    expect(codes).not.toContain('SO');
  });

  it('stops raising the flag after a designation ended with no extension confirmed', () => {
    const data = TpsDataSchema.parse(raw);
    const flagged = (citizenship: string, today: string) =>
      screen({ citizenship }, { today, ...tpsScreeningContext(data) }).flags.some(
        (flag) => flag.id === 'tps',
      );
    // El Salvador to 2026-09-09, Ukraine and Sudan to 2026-10-19, Lebanon to 2026-11-27 (after an
    // automatic six-month extension): each ended before the review, and no extension was found.
    for (const [code, endsOn] of [
      ['SV', '2026-09-09'],
      ['UA', '2026-10-19'],
      ['SD', '2026-10-19'],
      ['LB', '2026-11-27'],
    ] as const) {
      const country = data.countries.find((c) => c.code === code);
      expect(country?.endsOn, code).toBe(endsOn);
      expect(country?.status).toMatch(/has passed/);
      expect(endsOn < data.lastReviewed, code).toBe(true);
      expect(flagged(code, endsOn), code).toBe(true);
      expect(flagged(code, data.lastReviewed), code).toBe(false);
    }
    // Somalia was terminated (include: false); Haiti's termination is stayed, with no end date.
    expect(flagged('SO', '2026-01-01')).toBe(false);
    expect(flagged('HT', data.lastReviewed)).toBe(true);
  });

  it('says so in the note where the source was secondary or the status unconfirmed', () => {
    const data = TpsDataSchema.parse(raw);
    const status = (code: string) => data.countries.find((c) => c.code === code)?.status ?? '';
    for (const code of ['SS', 'SY', 'MM', 'AF', 'CM', 'SO'])
      expect(status(code)).toMatch(/secondary/);
    for (const code of ['YE', 'SV', 'UA', 'SD', 'LB', 'SO'])
      expect(status(code)).toMatch(/unconfirmed/);
  });

  it('rejects a file without sources or with a duplicated country', () => {
    const data = TpsDataSchema.parse(raw);
    expect(TpsDataSchema.safeParse({ ...data, sources: [] }).success).toBe(false);
    const first = data.countries[0];
    expect(
      TpsDataSchema.safeParse({ ...data, countries: [...data.countries, first] }).success,
    ).toBe(false);
    expect(TpsDataSchema.safeParse({ ...data, lastReviewed: '2026-02-30' }).success).toBe(false);
  });

  it('feeds the screening context so the tps flag quotes the review date and the country note', () => {
    const data = TpsDataSchema.parse(raw);
    const result = screen(
      { citizenship: 'HT' },
      { today: '2026-12-07', ...tpsScreeningContext(data) },
    );
    const tps = result.flags.find((flag) => flag.id === 'tps');
    expect(tps?.reasons.join('\n')).toContain('last reviewed 2026-12-07');
    expect(tps?.reasons.join('\n')).toContain('Miot v. Trump');
  });
});
