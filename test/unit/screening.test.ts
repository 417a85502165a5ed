import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  addYears,
  ageOn,
  daysBetween,
  isValidIsoDate,
  partialDateRange,
} from '../../functions/core/calendar';
import type { Facts } from '../../functions/core/facts';
import {
  FLAG_IDS,
  FLAG_PRIORITY,
  type FlagId,
  type ScreeningContext,
  ScreeningSchema,
  screen,
} from '../../functions/core/screening/screening';

// Every date below is relative to this fixed day; the comments show the arithmetic.
const TODAY = '2026-11-25';
const CTX: ScreeningContext = {
  today: TODAY,
  tpsCountries: ['HT', 'SV'],
  tpsLastReviewed: '2026-11-25',
};

const run = (facts: Facts, ctx: Partial<ScreeningContext> = {}) =>
  screen(facts, { ...CTX, ...ctx });
const ids = (facts: Facts) => run(facts).flags.map((flag) => flag.id);
const flagOf = (facts: Facts, id: FlagId) => run(facts).flags.find((flag) => flag.id === id);
const text = (lines: string[] | undefined) => (lines ?? []).join('\n');

describe('date helpers', () => {
  it('counts whole days between dates across months and leap years', () => {
    expect(daysBetween('2026-11-25', '2027-03-02')).toBe(97);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2026-11-25', 7)).toBe('2026-12-02');
  });

  it('moves February 29 to February 28 in a year without one', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2025-11-25', 1)).toBe('2026-11-25');
  });

  it('counts age in completed years, the birthday included', () => {
    expect(ageOn('2005-11-25', TODAY)).toBe(21);
    expect(ageOn('2005-11-26', TODAY)).toBe(20);
  });

  it('turns partial dates into the range of days they stand for and rejects impossible ones', () => {
    expect(partialDateRange('2016')).toEqual({ earliest: '2016-01-01', latest: '2016-12-31' });
    expect(partialDateRange('2024-02')).toEqual({ earliest: '2024-02-01', latest: '2024-02-29' });
    expect(partialDateRange('2016-13')).toBeUndefined();
    expect(isValidIsoDate('2026-02-30')).toBe(false);
  });
});

describe('asylum and asylum-late', () => {
  it('raises asylum with the days left of the one-year deadline, naming the facts', () => {
    // Deadline 2027-03-02: 30 + 31 + 31 + 5 = 97 days from 2026-11-25, 98 counting the last day.
    const asylum = flagOf({ fearOfReturn: 'yes', entryDate: '2026-03-02' }, 'asylum');
    expect(asylum?.reasons[0]).toBe(
      'fearOfReturn = yes; arrived 2026-03-02, 98 days left of the one-year asylum filing deadline (INA 208(a)(2)(B)), counting the last day',
    );
    expect(text(asylum?.reasons)).toMatch(/possible option/i);
  });

  it('raises asylum, not asylum-late, for an arrival exactly one calendar year ago (the last day)', () => {
    // The arrival day is day zero: filing on the first anniversary is timely (Minasyan v. Mukasey).
    const facts: Facts = { fearOfReturn: 'yes', entryDate: '2025-11-25' };
    expect(ids(facts)).toContain('asylum');
    expect(ids(facts)).not.toContain('asylum-late');
    expect(flagOf(facts, 'asylum')?.reasons[0]).toContain('1 day left');
  });

  it('raises asylum-late, not asylum, for an arrival one year and a day ago', () => {
    const facts: Facts = { fearOfReturn: 'yes', entryDate: '2025-11-24' };
    expect(ids(facts)).toContain('asylum-late');
    expect(ids(facts)).not.toContain('asylum');
    const late = flagOf(facts, 'asylum-late');
    expect(late?.reasons[0]).toContain(
      'the last day of the one-year asylum filing deadline (INA 208(a)(2)(B)) was 2026-11-24',
    );
    expect(text(late?.reasons)).toMatch(/withholding of removal/);
    expect(text(late?.reasons)).toMatch(/Convention Against Torture/);
    expect(late?.missing).toEqual([]);
  });

  it('raises neither without fear of return', () => {
    const found = ids({ fearOfReturn: 'no', entryDate: '2026-03-02' });
    expect(found).not.toContain('asylum');
    expect(found).not.toContain('asylum-late');
  });

  it('raises asylum with a missing note when the arrival date is unknown', () => {
    const facts: Facts = { fearOfReturn: 'yes' };
    expect(ids(facts)).toEqual(['asylum']);
    const asylum = flagOf(facts, 'asylum');
    expect(asylum?.reasons[0]).toMatch(/cannot be computed/);
    expect(asylum?.missing).toEqual([
      'entryDate: date of last arrival not given; needed to compute the one-year asylum filing deadline',
    ]);
  });

  it('counts the days left from the first day of a partial month, to be safe', () => {
    // '2026-03' → earliest 2026-03-01 → deadline Monday 2027-03-01, 96 days away, 97 counting it.
    const asylum = flagOf({ fearOfReturn: 'yes', entryDate: '2026-03' }, 'asylum');
    expect(asylum?.reasons[0]).toContain('at least 97 days left');
    expect(asylum?.reasons[0]).toContain('earliest possible arrival date 2026-03-01');
    expect(text(asylum?.missing)).toMatch(/^entryDate: exact date of last arrival needed/);
  });

  it('raises both flags with missing notes when a partial year straddles the deadline', () => {
    // '2025': an arrival on 2025-01-01 is past the deadline, one on 2025-12-31 is not.
    const result = run({ fearOfReturn: 'yes', entryDate: '2025' });
    const both = result.flags.filter((flag) => flag.id.startsWith('asylum'));
    expect(both.map((flag) => flag.id)).toEqual(['asylum', 'asylum-late']);
    for (const flag of both) expect(text(flag.missing)).toContain('only 2025 given');
    expect(both[0]?.reasons[0]).toMatch(/may already have passed/);
    expect(result.urgency).toBe('high');
  });

  it('raises only asylum-late for a partial year wholly more than a year ago', () => {
    const result = run({ fearOfReturn: 'yes', entryDate: '2024' });
    expect(result.flags.map((flag) => flag.id)).toEqual(['asylum-late']);
    expect(result.flags[0]?.missing).toEqual([]);
  });

  it('treats an arrival date after today as unusable and asks for it', () => {
    const asylum = flagOf({ fearOfReturn: 'yes', entryDate: '2027-01' }, 'asylum');
    expect(asylum?.reasons[0]).toMatch(/could not be read/);
    expect(text(asylum?.missing)).toMatch(/given as 2027-01 is not a real date on or before today/);
  });
});

describe('cancellation-non-lpr', () => {
  const base: Facts = { isLpr: 'no', usFamily: ['spouse-usc'] };

  it('raises on an arrival exactly 10 years ago with a US-citizen relative', () => {
    const flag = flagOf({ ...base, entryDate: '2016-11-25' }, 'cancellation-non-lpr');
    expect(flag?.reasons[0]).toContain('INA 240A(b)(1)');
    expect(flag?.reasons[0]).toContain('spouse-usc');
    expect(flag?.missing).toEqual([]);
  });

  it('does not raise one day short of 10 years', () => {
    expect(ids({ ...base, entryDate: '2016-11-26' })).not.toContain('cancellation-non-lpr');
  });

  it('counts green-card-holder relatives and not "none"', () => {
    expect(ids({ ...base, usFamily: ['child-lpr'], entryDate: '2010-01-01' })).toContain(
      'cancellation-non-lpr',
    );
    expect(ids({ ...base, usFamily: ['none'], entryDate: '2010-01-01' })).not.toContain(
      'cancellation-non-lpr',
    );
  });

  it('does not raise for a green-card holder or when isLpr was not answered', () => {
    expect(ids({ ...base, isLpr: 'yes', entryDate: '2010-01-01' })).not.toContain(
      'cancellation-non-lpr',
    );
    expect(ids({ usFamily: ['spouse-usc'], entryDate: '2010-01-01' })).not.toContain(
      'cancellation-non-lpr',
    );
  });

  it('names the other requirements an attorney will check', () => {
    const reasons = text(
      flagOf({ ...base, entryDate: '2010-01-01' }, 'cancellation-non-lpr')?.reasons,
    );
    for (const requirement of [
      'continuous physical presence',
      'stop-time',
      'good moral character',
      'exceptional and extremely unusual hardship',
    ]) {
      expect(reasons).toContain(requirement);
    }
  });

  it('raises with a missing note when the arrival date is unknown', () => {
    expect(flagOf(base, 'cancellation-non-lpr')?.missing).toEqual([
      'entryDate: date of last arrival not given; needed to check the 10-year continuous physical presence requirement',
    ]);
  });

  it('raises with a missing note when a partial date straddles the 10 years, cleanly when it does not', () => {
    // '2016' runs 2016-01-01 (10 years ago) to 2016-12-31 (not yet).
    expect(text(flagOf({ ...base, entryDate: '2016' }, 'cancellation-non-lpr')?.missing)).toContain(
      'entryDate: exact date of last arrival needed to check the 10-year',
    );
    // '2016-11' runs to 2016-11-30, which is short of 10 years on 2026-11-25.
    expect(flagOf({ ...base, entryDate: '2016-11' }, 'cancellation-non-lpr')?.missing).toHaveLength(
      1,
    );
    expect(flagOf({ ...base, entryDate: '2016-10' }, 'cancellation-non-lpr')?.missing).toEqual([]);
    expect(ids({ ...base, entryDate: '2017' })).not.toContain('cancellation-non-lpr');
  });

  it('lists a removal order, criminal history and re-entry as complications', () => {
    const flag = flagOf(
      {
        ...base,
        entryDate: '2010-01-01',
        removalOrder: 'yes',
        criminalHistory: 'yes',
        reenteredAfterRemoval: 'yes',
      },
      'cancellation-non-lpr',
    );
    expect(text(flag?.complications)).toContain('removalOrder = yes');
    expect(text(flag?.complications)).toContain('criminalHistory = yes');
    expect(text(flag?.complications)).toContain('INA 241(a)(5)');
  });
});

describe('cancellation-lpr', () => {
  const base: Facts = { isLpr: 'yes', lprSince: '2021-11-25', entryDate: '2019-11-25' };

  it('raises with the green card exactly 5 years and the arrival exactly 7 years ago', () => {
    const flag = flagOf(base, 'cancellation-lpr');
    expect(flag?.reasons[0]).toContain('INA 240A(a)');
    expect(flag?.missing).toEqual([]);
  });

  it('does not raise one day short of 5 years as a resident', () => {
    expect(ids({ ...base, lprSince: '2021-11-26' })).not.toContain('cancellation-lpr');
  });

  it('does not raise one day short of 7 years since arrival', () => {
    expect(ids({ ...base, entryDate: '2019-11-26' })).not.toContain('cancellation-lpr');
  });

  it('does not raise without a green card', () => {
    expect(ids({ ...base, isLpr: 'no' })).not.toContain('cancellation-lpr');
  });

  it('raises with missing notes when the dates are not given', () => {
    const flag = flagOf({ isLpr: 'yes' }, 'cancellation-lpr');
    expect(flag?.missing.map((note) => note.split(':')[0])).toEqual(['lprSince', 'entryDate']);
  });

  it('lists a removal order as a complication', () => {
    expect(
      text(flagOf({ ...base, removalOrder: 'yes' }, 'cancellation-lpr')?.complications),
    ).toContain('removalOrder = yes');
  });
});

describe('u-visa, t-visa and vawa', () => {
  it('raises u-visa when the client was a crime victim and helped police', () => {
    const flag = flagOf({ crimeVictim: 'yes', helpedPolice: 'yes' }, 'u-visa');
    expect(flag?.reasons[0]).toContain('INA 101(a)(15)(U)');
    expect(flag?.missing).toEqual([]);
  });

  it('does not raise u-visa when the client was not a victim (not helping police is no bar)', () => {
    expect(ids({ crimeVictim: 'yes', helpedPolice: 'no' })).toContain('u-visa');
    expect(ids({ crimeVictim: 'no', helpedPolice: 'yes' })).not.toContain('u-visa');
  });

  it('raises u-visa with a missing note when helping police was not answered', () => {
    expect(text(flagOf({ crimeVictim: 'yes' }, 'u-visa')?.missing)).toMatch(/^helpedPolice: /);
  });

  it('raises t-visa on trafficking and not without it', () => {
    expect(flagOf({ trafficking: 'yes' }, 't-visa')?.reasons[0]).toContain('INA 101(a)(15)(T)');
    expect(ids({ trafficking: 'no' })).not.toContain('t-visa');
  });

  it('raises vawa on abuse by a US-citizen or LPR family member and not without it', () => {
    expect(flagOf({ abusedByFamily: 'yes' }, 'vawa')?.reasons[0]).toContain('abusedByFamily = yes');
    expect(ids({ abusedByFamily: 'no' })).not.toContain('vawa');
  });

  it('says undisclosed criminal history weakens a u-visa', () => {
    const flag = flagOf(
      { crimeVictim: 'yes', helpedPolice: 'yes', criminalHistory: 'prefer-not' },
      'u-visa',
    );
    expect(text(flag?.complications)).toContain('not disclosed');
  });
});

describe('daca', () => {
  const base: Facts = { birthDate: '1990-05-10', entryDate: '2000-01-10' };

  it('raises with the litigation over initial requests in the reasons', () => {
    const reasons = text(flagOf(base, 'daca')?.reasons);
    expect(reasons).toContain('arrived at age 9');
    expect(reasons).toContain('Texas v. United States');
    expect(reasons).toMatch(/accepts initial requests but does not decide them; renewals continue/);
  });

  it('does not raise for a birth on 1981-06-15 (31 on 2012-06-15) and raises for 1981-06-16', () => {
    expect(ids({ birthDate: '1981-06-15', entryDate: '1990-01-01' })).not.toContain('daca');
    expect(ids({ birthDate: '1981-06-16', entryDate: '1990-01-01' })).toContain('daca');
  });

  it('raises for an arrival at 15 (day before the 16th birthday) and not at 16', () => {
    expect(ids({ birthDate: '1990-03-10', entryDate: '2006-03-09' })).toContain('daca');
    expect(ids({ birthDate: '1990-03-10', entryDate: '2006-03-10' })).not.toContain('daca');
  });

  it('raises for an arrival on 2007-06-15 and not on 2007-06-16', () => {
    expect(ids({ birthDate: '1995-01-01', entryDate: '2007-06-15' })).toContain('daca');
    expect(ids({ birthDate: '1995-01-01', entryDate: '2007-06-16' })).not.toContain('daca');
  });

  it('raises with a missing note when the birth date is not given', () => {
    const flag = flagOf({ entryDate: '2000-01-10' }, 'daca');
    expect(flag?.reasons[0]).toContain('birthDate not given');
    expect(text(flag?.missing)).toMatch(/^birthDate: date of birth not given/);
  });

  it('does not raise without an arrival date', () => {
    expect(ids({ birthDate: '1995-01-01' })).not.toContain('daca');
  });

  it('raises with missing notes when a partial date straddles a cutoff', () => {
    expect(text(flagOf({ birthDate: '1981', entryDate: '1990-01-01' }, 'daca')?.missing)).toContain(
      'birthDate: exact date of birth needed',
    );
    expect(text(flagOf({ birthDate: '1995-01-01', entryDate: '2007' }, 'daca')?.missing)).toContain(
      'entryDate: exact date of last arrival needed',
    );
  });

  it('lists criminal history as a complication', () => {
    expect(text(flagOf({ ...base, criminalHistory: 'yes' }, 'daca')?.complications)).toMatch(
      /misdemeanor/,
    );
  });
});

describe('sijs', () => {
  it('raises for a client who turns 21 tomorrow and was abused by a parent', () => {
    const flag = flagOf({ abusedByParent: 'yes', birthDate: '2005-11-26' }, 'sijs');
    expect(flag?.reasons[0]).toContain('INA 101(a)(27)(J)');
    expect(flag?.reasons[0]).toContain('turns 21 on 2026-11-26, in 1 day');
  });

  it('does not raise on the 21st birthday or the day after it', () => {
    expect(ids({ abusedByParent: 'yes', birthDate: '2005-11-25' })).not.toContain('sijs');
    expect(ids({ abusedByParent: 'yes', birthDate: '2005-11-24' })).not.toContain('sijs');
  });

  it('does not raise without abuse by a parent', () => {
    expect(ids({ abusedByParent: 'no', birthDate: '2010-01-01' })).not.toContain('sijs');
  });

  it('raises with a missing note when the birth date is not given', () => {
    expect(text(flagOf({ abusedByParent: 'yes' }, 'sijs')?.missing)).toMatch(/^birthDate: /);
  });
});

describe('tps', () => {
  it('raises for a country on the list, quoting the review date and the need to re-check', () => {
    const reasons = text(flagOf({ citizenship: 'HT' }, 'tps')?.reasons);
    expect(reasons).toContain('INA 244');
    expect(reasons).toContain('last reviewed 2026-11-25');
    expect(reasons).toContain('uscis.gov/tps');
    expect(reasons).toMatch(/litigation/);
  });

  it('does not raise for a country not on the list', () => {
    expect(ids({ citizenship: 'MX' })).not.toContain('tps');
  });

  it('quotes the country note from the context', () => {
    const result = run({ citizenship: 'SV' }, { tpsCountryNotes: { SV: 'Status unconfirmed.' } });
    expect(text(result.flags[0]?.reasons)).toContain('Status unconfirmed.');
  });
});

describe('family-petition', () => {
  it('raises on a US-citizen spouse', () => {
    expect(flagOf({ usFamily: ['spouse-usc'] }, 'family-petition')?.reasons[0]).toContain(
      'spouse-usc',
    );
  });

  it('raises on a US-citizen child, saying the child must be 21 or older', () => {
    expect(text(flagOf({ usFamily: ['child-usc'] }, 'family-petition')?.reasons)).toContain(
      '21 or older',
    );
  });

  it('raises on a US-citizen parent before and after the client turns 21, in different categories', () => {
    const before = flagOf({ usFamily: ['parent-usc'], birthDate: '2005-11-26' }, 'family-petition');
    expect(text(before?.reasons)).toContain('client under 21');
    const after = flagOf({ usFamily: ['parent-usc'], birthDate: '2005-11-25' }, 'family-petition');
    expect(text(after?.reasons)).toContain('client 21 or older');
  });

  it('raises on a US-citizen parent with a missing note when the birth date is not given', () => {
    expect(text(flagOf({ usFamily: ['parent-usc'] }, 'family-petition')?.missing)).toMatch(
      /^birthDate: /,
    );
  });

  it('raises on green-card-holder spouses and parents, not on a green-card-holder child', () => {
    expect(ids({ usFamily: ['spouse-lpr', 'parent-lpr'] })).toContain('family-petition');
    expect(ids({ usFamily: ['child-lpr'] })).not.toContain('family-petition');
  });

  it('lists entry without inspection as a complication for adjustment', () => {
    const flag = flagOf(
      { usFamily: ['spouse-usc'], entryManner: 'without-inspection' },
      'family-petition',
    );
    expect(text(flag?.complications)).toContain('INA 245(a)');
  });
});

describe('bond', () => {
  it('raises when detained, saying a bond hearing may or may not be available', () => {
    expect(flagOf({ detained: 'yes' }, 'bond')?.reasons[0]).toMatch(/may or may not be available/);
    expect(ids({ detained: 'no' })).not.toContain('bond');
    expect(ids({ detained: 'unsure' })).not.toContain('bond');
  });

  it('explains the litigation over bond for people who entered without inspection', () => {
    const complications = text(
      flagOf({ detained: 'yes', entryManner: 'without-inspection' }, 'bond')?.complications,
    );
    expect(complications).toContain('Matter of Yajure Hurtado, 29 I&N Dec. 216 (BIA 2025)');
    expect(complications).toContain('Maldonado Bautista v. Santacruz');
    expect(complications).toMatch(/where the client is detained/);
  });

  it('asks how the client entered and lists criminal history as a complication', () => {
    const flag = flagOf({ detained: 'yes', criminalHistory: 'yes' }, 'bond');
    expect(text(flag?.missing)).toMatch(/^entryManner: /);
    expect(text(flag?.complications)).toContain('INA 236(c)');
  });
});

describe('motion-to-reopen and reinstatement-risk', () => {
  it('raises motion-to-reopen on a missed hearing or on a removal order', () => {
    expect(flagOf({ missedHearing: 'yes' }, 'motion-to-reopen')?.reasons[0]).toContain(
      'INA 240(b)(5)(C)',
    );
    expect(text(flagOf({ removalOrder: 'yes' }, 'motion-to-reopen')?.reasons)).toContain(
      'INA 240(c)(7)',
    );
  });

  it('does not raise motion-to-reopen without a missed hearing or a known order', () => {
    expect(ids({ missedHearing: 'no', removalOrder: 'unsure' })).not.toContain('motion-to-reopen');
  });

  it('raises reinstatement-risk on re-entry after removal and not otherwise', () => {
    expect(flagOf({ reenteredAfterRemoval: 'yes' }, 'reinstatement-risk')?.reasons[0]).toContain(
      'INA 241(a)(5)',
    );
    expect(ids({ reenteredAfterRemoval: 'no' })).not.toContain('reinstatement-risk');
  });

  it('says re-entry limits an asylum claim to withholding and CAT', () => {
    const flag = flagOf(
      { fearOfReturn: 'yes', entryDate: '2026-03-02', reenteredAfterRemoval: 'yes' },
      'asylum',
    );
    expect(text(flag?.complications)).toMatch(/withholding of removal and CAT.*INA 241\(a\)\(5\)/);
  });
});

describe('prosecutorial-discretion', () => {
  const base: Facts = { hasCourtCase: 'yes', criminalHistory: 'no', usFamily: ['none'] };

  it('raises with a court case, no record and an arrival exactly 10 years ago', () => {
    expect(
      flagOf({ ...base, entryDate: '2016-11-25' }, 'prosecutorial-discretion')?.missing,
    ).toEqual([]);
  });

  it('does not raise one day short of 10 years without US family', () => {
    expect(ids({ ...base, entryDate: '2016-11-26' })).not.toContain('prosecutorial-discretion');
  });

  it('raises on any US family even after a recent arrival', () => {
    expect(ids({ ...base, usFamily: ['spouse-lpr'], entryDate: '2024-01-01' })).toContain(
      'prosecutorial-discretion',
    );
  });

  it('does not raise with a criminal record or without a court case', () => {
    expect(ids({ ...base, criminalHistory: 'yes', entryDate: '2000-01-01' })).not.toContain(
      'prosecutorial-discretion',
    );
    expect(ids({ ...base, hasCourtCase: 'unsure', entryDate: '2000-01-01' })).not.toContain(
      'prosecutorial-discretion',
    );
  });

  it('raises with an undisclosed record as a complication', () => {
    const flag = flagOf(
      { ...base, criminalHistory: 'prefer-not', entryDate: '2000-01-01' },
      'prosecutorial-discretion',
    );
    expect(text(flag?.complications)).toContain('criminalHistory = prefer-not (not disclosed)');
  });

  it('raises with missing notes when arrival or criminal history is unknown', () => {
    expect(text(flagOf(base, 'prosecutorial-discretion')?.missing)).toMatch(/^entryDate: /);
    const noRecordAnswer = flagOf(
      { hasCourtCase: 'yes', usFamily: ['child-usc'] },
      'prosecutorial-discretion',
    );
    expect(text(noRecordAnswer?.missing)).toMatch(/^criminalHistory: /);
  });
});

describe('urgency', () => {
  it('is an emergency when detained', () => {
    const result = run({ detained: 'yes' });
    expect(result.urgency).toBe('emergency');
    expect(result.urgencyReasons[0]).toMatch(/^detained = yes/);
  });

  it('is an emergency with a hearing in 7 days and high with one in 8', () => {
    const in7 = run({ nextHearingDate: '2026-12-02' });
    expect(in7.urgency).toBe('emergency');
    expect(in7.urgencyReasons).toEqual(['nextHearingDate 2026-12-02 is in 7 days (within 7 days)']);
    expect(run({ nextHearingDate: '2026-12-03' }).urgency).toBe('high');
  });

  it('is an emergency with a hearing today', () => {
    expect(run({ nextHearingDate: TODAY }).urgency).toBe('emergency');
  });

  it('is high with a hearing in 30 days and normal with one in 31', () => {
    expect(run({ nextHearingDate: '2026-12-25' }).urgency).toBe('high');
    expect(run({ nextHearingDate: '2026-12-26' }).urgency).toBe('normal');
  });

  it('does not count a past hearing date', () => {
    expect(run({ nextHearingDate: '2026-11-24' }).urgency).toBe('normal');
  });

  it('is an emergency after re-entry unless the client is known not to be detained', () => {
    expect(run({ reenteredAfterRemoval: 'yes' }).urgency).toBe('emergency');
    expect(run({ reenteredAfterRemoval: 'yes', detained: 'unsure' }).urgency).toBe('emergency');
    expect(run({ reenteredAfterRemoval: 'yes', detained: 'no' }).urgency).toBe('normal');
  });

  it('is high with a removal order, and not when the client is unsure', () => {
    expect(run({ removalOrder: 'yes' }).urgency).toBe('high');
    expect(run({ removalOrder: 'unsure' }).urgency).toBe('normal');
  });

  it('is high after a missed hearing', () => {
    expect(run({ missedHearing: 'yes' }).urgency).toBe('high');
  });

  it('is high with 60 days left to file for asylum and normal with 61', () => {
    // On Monday 2026-11-30 the last day Thursday 2027-01-28 is 59 days away: 60 counting it.
    // (2027-01-24, 60 days after 2026-11-25, is a Sunday: its last day moves to the Monday.)
    const at60 = run({ fearOfReturn: 'yes', entryDate: '2026-01-28' }, { today: '2026-11-30' });
    expect(at60.urgency).toBe('high');
    expect(at60.urgencyReasons).toEqual([
      'asylum: 60 days left of the one-year filing deadline, counting the last day (60 or fewer)',
    ]);
    const at61 = run({ fearOfReturn: 'yes', entryDate: '2026-01-29' }, { today: '2026-11-30' });
    expect(at61.urgency).toBe('normal');
  });

  it('does not treat an unknown asylum deadline as 60 days or fewer', () => {
    expect(run({ fearOfReturn: 'yes' }).urgency).toBe('normal');
  });

  it('lists every matching rule at the level, then lower-level ones marked "Also high"', () => {
    const result = run({
      detained: 'yes',
      nextHearingDate: '2026-11-28',
      reenteredAfterRemoval: 'yes',
      removalOrder: 'yes',
    });
    expect(result.urgency).toBe('emergency');
    expect(result.urgencyReasons).toHaveLength(4);
    expect(result.urgencyReasons[1]).toContain('in 3 days');
    expect(result.urgencyReasons[2]).toMatch(/^reenteredAfterRemoval = yes and detained = yes/);
    expect(result.urgencyReasons[3]).toMatch(/^Also high: removalOrder = yes/);
  });

  it('is normal with a reason when nothing matched', () => {
    const result = run({});
    expect(result.urgency).toBe('normal');
    expect(result.urgencyReasons).toHaveLength(1);
    expect(result.flags).toEqual([]);
  });
});

describe('screen', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const everything: Facts = {
    detained: 'yes',
    removalOrder: 'yes',
    missedHearing: 'yes',
    reenteredAfterRemoval: 'yes',
    hasCourtCase: 'yes',
    criminalHistory: 'no',
    citizenship: 'HT',
    entryDate: '2000-01-10',
    birthDate: '1990-05-10',
    isLpr: 'no',
    usFamily: ['spouse-usc'],
    fearOfReturn: 'yes',
    crimeVictim: 'yes',
    helpedPolice: 'yes',
    trafficking: 'yes',
    abusedByFamily: 'yes',
  };

  it('lists flags in FLAG_PRIORITY order', () => {
    const found = ids(everything);
    expect(found).toEqual(FLAG_PRIORITY.filter((id) => found.includes(id)));
    expect(found.length).toBeGreaterThan(10);
  });

  it('has a priority for every flag id, once', () => {
    expect([...FLAG_PRIORITY].sort()).toEqual([...FLAG_IDS].sort());
  });

  it('returns a result that matches ScreeningSchema', () => {
    expect(ScreeningSchema.safeParse(run(everything)).success).toBe(true);
  });

  it('depends on ctx.today, not on the system clock', () => {
    const before = run(everything);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-01-01T12:00:00Z'));
    expect(run(everything)).toEqual(before);
  });

  it('rejects a context whose today is not a real date', () => {
    expect(() => run({}, { today: '2026-02-30' })).toThrow();
  });
});
