/**
 * The cancellation clocks do not start at the last arrival (issue 13): LPR cancellation's 7 years
 * run from admission in any status and trips do not restart them (INA 240A(a)(2)); non-LPR
 * presence is not broken by trips of 90 days or less, 180 in all (INA 240A(d)(2)). So the flags
 * count from the earliest of `firstEntryDate`, `entryDate` (and, for LPRs, `lprSince`).
 */
import { describe, expect, it } from 'vitest';
import type { Facts } from '../../functions/core/facts';
import { type FlagId, screen } from '../../functions/core/screening/screening';

// 10 years before 2026-11-25 is 2016-11-25; 7 years, 2019-11-25; 5 years, 2021-11-25.
const TODAY = '2026-11-25';
const run = (facts: Facts) => screen(facts, { today: TODAY, tpsCountries: [] });
const ids = (facts: Facts) => run(facts).flags.map((flag) => flag.id);
const flagOf = (facts: Facts, id: FlagId) => run(facts).flags.find((flag) => flag.id === id);
const text = (lines: string[] | undefined) => (lines ?? []).join('\n');

describe('cancellation-lpr counts 7 years from the first admission, not the last trip', () => {
  it('raises for a green-card holder of 10 years back from a trip last month', () => {
    const facts: Facts = { isLpr: 'yes', lprSince: '2016-05', entryDate: '2026-10-20' };
    const flag = flagOf(facts, 'cancellation-lpr');
    expect(flag).toBeDefined();
    expect(text(flag?.reasons)).toContain('INA 240A(a)(2)');
    expect(text(flag?.reasons)).toMatch(/trips abroad do not restart/);
    expect(flag?.missing).toEqual([]);
  });

  it('counts from a first arrival exactly 7 years ago, and not from one a day short', () => {
    const base: Facts = { isLpr: 'yes', lprSince: '2020-06-01', entryDate: '2024-03-01' };
    const flag = flagOf({ ...base, firstEntryDate: '2019-11-25' }, 'cancellation-lpr');
    expect(flag?.reasons[0]).toContain('first came to live in the US 2019-11-25');
    expect(ids({ ...base, firstEntryDate: '2019-11-26' })).not.toContain('cancellation-lpr');
    expect(ids(base)).not.toContain('cancellation-lpr');
  });

  it('still needs 5 years as a resident', () => {
    const base: Facts = { isLpr: 'yes', firstEntryDate: '2010', entryDate: '2025-01-01' };
    expect(ids({ ...base, lprSince: '2021-11-25' })).toContain('cancellation-lpr');
    expect(ids({ ...base, lprSince: '2021-11-26' })).not.toContain('cancellation-lpr');
  });

  it('raises with a missing note when the green-card date is not given, whatever the last trip', () => {
    const flag = flagOf({ isLpr: 'yes', entryDate: '2026-01-01' }, 'cancellation-lpr');
    expect(flag?.missing.map((note) => note.split(':')[0])).toEqual(['lprSince']);
  });

  it('says an entry without inspection is not an admission', () => {
    const flag = flagOf(
      {
        isLpr: 'yes',
        lprSince: '2020-01-01',
        firstEntryDate: '2012',
        entryDate: '2012',
        entryManner: 'without-inspection',
      },
      'cancellation-lpr',
    );
    expect(text(flag?.complications)).toMatch(/not an admission/);
  });
});

describe('cancellation-non-lpr counts 10 years from the first arrival, if no long absence', () => {
  const base: Facts = { isLpr: 'no', usFamily: ['child-usc'], entryDate: '2023-04-01' };

  it('raises on a first arrival exactly 10 years ago after a recent trip', () => {
    const flag = flagOf({ ...base, firstEntryDate: '2016-11-25' }, 'cancellation-non-lpr');
    expect(flag?.reasons[0]).toContain('first came to live in the US 2016-11-25');
    expect(text(flag?.complications)).toContain('INA 240A(d)(2)');
    expect(text(flag?.complications)).toMatch(/90 days.*180/);
  });

  it('does not raise on a first arrival one day short of 10 years', () => {
    expect(ids({ ...base, firstEntryDate: '2016-11-26' })).not.toContain('cancellation-non-lpr');
    expect(ids(base)).not.toContain('cancellation-non-lpr');
  });

  it('uses the last arrival when the first given is later (a mistake) and says nothing of trips', () => {
    const flag = flagOf(
      { ...base, entryDate: '2015-01-01', firstEntryDate: '2020' },
      'cancellation-non-lpr',
    );
    expect(flag?.reasons[0]).toContain('arrived 2015-01-01');
    expect(text(flag?.complications)).not.toContain('INA 240A(d)(2)');
  });

  it('raises with a missing note when a partial first arrival straddles the 10 years', () => {
    const flag = flagOf({ ...base, firstEntryDate: '2016' }, 'cancellation-non-lpr');
    expect(text(flag?.missing)).toMatch(/^firstEntryDate: exact date/);
  });
});
