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
      new Set(['VE', 'HT', 'HN', 'NI', 'NP', 'ET', 'SS', 'SY', 'MM', 'YE']),
    );
    expect(codes).not.toContain('AF');
    expect(codes).not.toContain('CM');
    expect(codes).not.toContain('SO');
  });

  it('stops raising the flag for a designation whose end date passed with no extension confirmed', () => {
    const data = TpsDataSchema.parse(raw);
    const codes = tpsCountryCodes(data);
    // El Salvador (2026-09-09), Ukraine and Sudan (2026-10-19), Lebanon (2026-05-27): each date
    // is before the review, and no extension was found.
    for (const code of ['SV', 'UA', 'SD', 'LB']) {
      expect(codes, code).not.toContain(code);
      const country = data.countries.find((c) => c.code === code);
      expect(country?.status).toMatch(/has passed/);
      const ends = /expire (\d{4}-\d{2}-\d{2})/.exec(country?.status ?? '')?.[1] ?? '';
      expect(ends < data.lastReviewed, code).toBe(true);
    }
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
