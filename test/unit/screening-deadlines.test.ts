/**
 * Deadlines counted the way the regulations count them (issue 13): the asylum year ends on the
 * first anniversary of arrival, the arrival day being day zero (Minasyan v. Mukasey, 553 F.3d 1224
 * (9th Cir. 2009)); a last day on a weekend or federal holiday moves to the next business day
 * (8 CFR 1.1(h), 1001.1(h), 1003.38(b)); and a removal order inside the 30-day window to appeal
 * to the Board is an emergency.
 */
import { describe, expect, it } from 'vitest';
import { federalHolidays, isBusinessDay, lastFilingDay } from '../../functions/core/calendar';
import type { Facts } from '../../functions/core/facts';
import {
  type FlagId,
  type ScreeningContext,
  screen,
} from '../../functions/core/screening/screening';

// 2026-11-25 is a Wednesday; 2026-11-26 is Thanksgiving; 2026-11-29 a Sunday.
const TODAY = '2026-11-25';
const run = (facts: Facts, today = TODAY) =>
  screen(facts, { today, tpsCountries: [] } satisfies ScreeningContext);
const ids = (facts: Facts, today = TODAY) => run(facts, today).flags.map((flag) => flag.id);
const flagOf = (facts: Facts, id: FlagId, today = TODAY) =>
  run(facts, today).flags.find((flag) => flag.id === id);
const text = (lines: string[] | undefined) => (lines ?? []).join('\n');

describe('business days (8 CFR 1.1(h))', () => {
  it('knows the federal holidays, observed on the Friday or Monday when they fall on a weekend', () => {
    const y2026 = federalHolidays(2026);
    for (const day of ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19']) {
      expect(y2026).toContain(day);
    }
    // July 4, 2026 is a Saturday: observed Friday July 3.
    expect(y2026).toContain('2026-07-03');
    for (const day of ['2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25']) {
      expect(y2026).toContain(day);
    }
    // Christmas 2027 is a Saturday (observed Friday Dec 24); New Year's Day 2028 too (Dec 31).
    expect(isBusinessDay('2027-12-24')).toBe(false);
    expect(isBusinessDay('2027-12-31')).toBe(false);
    expect(isBusinessDay('2027-12-30')).toBe(true);
  });

  it('moves a last day on a Sunday to Monday and on Thanksgiving to Friday', () => {
    expect(lastFilingDay('2026-11-25')).toBe('2026-11-25');
    expect(lastFilingDay('2026-11-29')).toBe('2026-11-30');
    expect(lastFilingDay('2026-11-26')).toBe('2026-11-27');
    // Saturday July 3, 2027 → Sunday July 4 → Monday July 5, observed → Tuesday July 6.
    expect(lastFilingDay('2027-07-03')).toBe('2027-07-06');
  });
});

describe('the asylum one-year deadline', () => {
  it('is still open on the first anniversary of arrival: the last day, 1 day left', () => {
    const facts: Facts = { fearOfReturn: 'yes', entryDate: '2025-11-25' };
    expect(ids(facts)).toContain('asylum');
    expect(ids(facts)).not.toContain('asylum-late');
    const reasons = text(flagOf(facts, 'asylum')?.reasons);
    expect(reasons).toContain('1 day left');
    expect(reasons).toContain('Minasyan v. Mukasey');
    expect(run(facts).urgency).toBe('high');
  });

  it('has passed the day after the anniversary', () => {
    const facts: Facts = { fearOfReturn: 'yes', entryDate: '2025-11-24' };
    expect(ids(facts)).toEqual(['asylum-late']);
    expect(flagOf(facts, 'asylum-late')?.reasons[0]).toContain('2026-11-24');
  });

  it('counts the last day in the days left', () => {
    // Anniversary 2027-03-02, a Tuesday: 97 days after today, 98 counting that day.
    const asylum = flagOf({ fearOfReturn: 'yes', entryDate: '2026-03-02' }, 'asylum');
    expect(asylum?.reasons[0]).toContain('98 days left');
  });

  it('moves an anniversary on a Sunday to Monday, and not further', () => {
    // Anniversary Sunday 2026-11-29: the last day is Monday 2026-11-30.
    const facts: Facts = { fearOfReturn: 'yes', entryDate: '2025-11-29' };
    expect(ids(facts, '2026-11-30')).toContain('asylum');
    expect(text(flagOf(facts, 'asylum', '2026-11-30')?.reasons)).toMatch(
      /2026-11-30.*8 CFR 1\.1\(h\)|8 CFR 1\.1\(h\).*2026-11-30/s,
    );
    expect(ids(facts, '2026-12-01')).toEqual(['asylum-late']);
  });

  it('moves an anniversary on a federal holiday to the next business day', () => {
    // Anniversary Thanksgiving 2026-11-26: the last day is Friday 2026-11-27.
    const facts: Facts = { fearOfReturn: 'yes', entryDate: '2025-11-26' };
    expect(ids(facts, '2026-11-27')).toContain('asylum');
    expect(ids(facts, '2026-11-28')).toEqual(['asylum-late']);
  });

  it('is high with 60 days left counting the last day, and not with 61', () => {
    // On Monday 2026-11-30: anniversary Thursday 2027-01-28 is 59 days away, 60 counting it;
    // Friday 2027-01-29 is 60 days away, 61 counting it.
    const high = run({ fearOfReturn: 'yes', entryDate: '2026-01-28' }, '2026-11-30');
    expect(high.urgency).toBe('high');
    expect(high.urgencyReasons.join('\n')).toContain('60 days left');
    expect(run({ fearOfReturn: 'yes', entryDate: '2026-01-29' }, '2026-11-30').urgency).toBe(
      'normal',
    );
  });
});

describe('a recent removal order (the 30-day appeal window, 8 CFR 1003.38(b))', () => {
  const order = (orderDate: string): Facts => ({ removalOrder: 'yes', orderDate });

  it('is an emergency 29 and 30 days after the order', () => {
    for (const date of ['2026-10-27', '2026-10-26']) {
      const result = run(order(date));
      expect(result.urgency, date).toBe('emergency');
      expect(result.urgencyReasons[0]).toMatch(/^orderDate /);
      expect(result.urgencyReasons[0]).toContain('8 CFR 1003.38(b)');
    }
    expect(run(order('2026-10-26')).urgencyReasons[0]).toContain('last day today');
  });

  it('is not an emergency 31 days after the order, but still high (the 90-day motion window)', () => {
    const result = run(order('2026-10-25'));
    expect(result.urgency).toBe('high');
    expect(result.urgencyReasons.join('\n')).toContain('90 days');
  });

  it('keeps the appeal window open to Monday when its 30th day is a Sunday', () => {
    // 2026-10-30 + 30 days = Sunday 2026-11-29: the last day is Monday 2026-11-30 (day 31).
    expect(run(order('2026-10-30'), '2026-11-30').urgency).toBe('emergency');
    expect(run(order('2026-10-30'), '2026-12-01').urgency).toBe('high');
  });

  it('is an emergency when a partial date may fall inside the window, saying the day is needed', () => {
    // '2026-10' runs to 2026-10-31, whose window runs to 2026-11-30.
    const result = run(order('2026-10'));
    expect(result.urgency).toBe('emergency');
    expect(result.urgencyReasons[0]).toMatch(/may be/);
    // '2026-09' ends 2026-09-30, whose window closed 2026-10-30.
    expect(run(order('2026-09')).urgency).toBe('high');
  });

  it('is high within the 90-day motion-to-reopen window and normal after it', () => {
    // 2026-08-27 + 90 days = 2026-11-25 (a Wednesday): the last day is today.
    expect(run(order('2026-08-27')).urgency).toBe('high');
    expect(run(order('2026-08-26')).urgency).toBe('normal');
    expect(run(order('2015')).urgency).toBe('normal');
  });

  it('is high when the order date is not known', () => {
    const result = run({ removalOrder: 'yes' });
    expect(result.urgency).toBe('high');
    expect(result.urgencyReasons[0]).toMatch(/orderDate not given/);
  });

  it('says the dates in the motion-to-reopen flag', () => {
    const reasons = text(flagOf(order('2026-10-27'), 'motion-to-reopen')?.reasons);
    expect(reasons).toContain('2026-10-27');
    expect(reasons).toContain('8 CFR 1003.38(b)');
  });
});
