import { describe, expect, it } from 'vitest';
import {
  addMonths,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatDate,
  isRealDate,
  readIsoDate,
  weekday,
} from '../../functions/core/calendar';

describe('calendar arithmetic', () => {
  it.each([
    [{ y: 1970, m: 1, d: 1 }, 0],
    [{ y: 2000, m: 3, d: 1 }, 11017],
    [{ y: 1900, m: 1, d: 1 }, -25567],
    [{ y: 2027, m: 3, d: 14 }, 20891],
  ])('counts the days from 1970-01-01 to %j as %i, and back', (date, days) => {
    expect(daysFromCivil(date)).toBe(days);
    expect(civilFromDays(days)).toEqual(date);
  });

  it('round-trips every day from 1900 to 2040', () => {
    const start = daysFromCivil({ y: 1900, m: 1, d: 1 });
    const end = daysFromCivil({ y: 2040, m: 12, d: 31 });
    const mismatches = [];
    for (let day = start; day <= end; day++) {
      if (daysFromCivil(civilFromDays(day)) !== day) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    [2028, 2, 29],
    [2027, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2027, 4, 30],
    [2027, 12, 31],
  ])('knows %i-%i has %i days', (y, m, days) => {
    expect(daysInMonth(y, m)).toBe(days);
  });

  it('rejects impossible dates', () => {
    expect(isRealDate({ y: 2027, m: 2, d: 30 })).toBe(false);
    expect(isRealDate({ y: 2027, m: 13, d: 1 })).toBe(false);
    expect(isRealDate({ y: 2027, m: 4, d: 0 })).toBe(false);
    expect(isRealDate({ y: 2028, m: 2, d: 29 })).toBe(true);
  });

  it('clamps the day when adding months', () => {
    expect(addMonths({ y: 2027, m: 1, d: 31 }, 1)).toEqual({ y: 2027, m: 2, d: 28 });
    expect(addMonths({ y: 2027, m: 3, d: 10 }, -3)).toEqual({ y: 2026, m: 12, d: 10 });
    expect(addMonths({ y: 2028, m: 2, d: 29 }, -12)).toEqual({ y: 2027, m: 2, d: 28 });
  });

  it.each([
    [{ y: 1970, m: 1, d: 1 }, 4],
    [{ y: 2027, m: 3, d: 10 }, 3],
    [{ y: 2027, m: 3, d: 14 }, 0],
    [{ y: 1969, m: 12, d: 31 }, 3],
  ])('knows %j falls on weekday %i', (date, day) => {
    expect(weekday(date)).toBe(day);
  });

  it('formats full and partial dates', () => {
    expect(formatDate({ y: 2027, m: 3, d: 4 })).toBe('2027-03-04');
    expect(formatDate({ y: 2015, m: 3 })).toBe('2015-03');
    expect(formatDate({ y: 2015 })).toBe('2015');
  });

  it('reads a strict ISO date and throws on anything else', () => {
    expect(readIsoDate('2027-03-14')).toEqual({ y: 2027, m: 3, d: 14 });
    expect(() => readIsoDate('2027-02-30')).toThrow(TypeError);
    expect(() => readIsoDate('2027-3-14')).toThrow(TypeError);
  });
});
