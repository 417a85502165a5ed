/**
 * The facts issue 14 added, on both sides of each rule they feed (DOMAIN.md "Urgency", "Relief
 * flags"): a county jail holding someone for ICE, the next ICE check-in, the age of the oldest
 * US-citizen child, an arrest at the border, a bond ICE set, papers signed in detention.
 */
import { describe, expect, it } from 'vitest';
import type { Facts } from '../../functions/core/facts';
import { type FlagId, screen } from '../../functions/core/screening/screening';

const TODAY = '2026-11-25';
const run = (facts: Facts) => screen(facts, { today: TODAY, tpsCountries: [] });
const flagOf = (facts: Facts, id: FlagId) => run(facts).flags.find((flag) => flag.id === id);
const text = (lines: string[] | undefined) => (lines ?? []).join('\n');

describe('arrestSetting = county jail', () => {
  it('is an emergency when the writer is not sure it is immigration detention', () => {
    const result = run({ detained: 'unsure', arrestSetting: 'county-jail' });
    expect(result.urgency).toBe('emergency');
    expect(text(result.urgencyReasons)).toContain('8 CFR 287.7(d)');
  });

  it('is an emergency when detention was not answered', () => {
    expect(run({ arrestSetting: 'county-jail' }).urgency).toBe('emergency');
  });

  it('is not, by itself, when the person is not detained (released)', () => {
    expect(run({ detained: 'no', arrestSetting: 'county-jail' }).urgency).toBe('normal');
  });

  it('adds nothing to a detention that is an emergency already', () => {
    const reasons = run({ detained: 'yes', arrestSetting: 'county-jail' }).urgencyReasons;
    expect(reasons.filter((r) => r.includes('arrestSetting'))).toEqual([]);
  });

  it('is no emergency at home (where "not sure" stays normal)', () => {
    expect(run({ detained: 'unsure', arrestSetting: 'home' }).urgency).toBe('normal');
  });
});

describe('nextCheckInDate', () => {
  it('is high urgency 7 days ahead, the last day of the window', () => {
    const result = run({ detained: 'no', nextCheckInDate: '2026-12-02' });
    expect(result.urgency).toBe('high');
    expect(text(result.urgencyReasons)).toContain('nextCheckInDate 2026-12-02 is in 7 days');
  });

  it('is high urgency today', () => {
    expect(run({ nextCheckInDate: TODAY }).urgency).toBe('high');
  });

  it('is normal 8 days ahead', () => {
    expect(run({ nextCheckInDate: '2026-12-03' }).urgency).toBe('normal');
  });

  it('is normal for a date already past', () => {
    expect(run({ nextCheckInDate: '2026-11-24' }).urgency).toBe('normal');
  });
});

describe('family-petition from a US-citizen child', () => {
  it('is raised when the oldest US-citizen child is 21', () => {
    const flag = flagOf({ usFamily: ['child-usc'], oldestUscChildAge: 21 }, 'family-petition');
    expect(text(flag?.reasons)).toContain('the oldest 21');
  });

  it('is not raised when the oldest is 20', () => {
    expect(flagOf({ usFamily: ['child-usc'], oldestUscChildAge: 20 }, 'family-petition')).toBe(
      undefined,
    );
  });

  it('is raised, saying the age was not given, when it was not', () => {
    const flag = flagOf({ usFamily: ['child-usc'] }, 'family-petition');
    expect(text(flag?.reasons)).toContain('age was not given');
  });

  it('still comes from a citizen spouse when the child is young', () => {
    const flag = flagOf(
      { usFamily: ['spouse-usc', 'child-usc'], oldestUscChildAge: 4 },
      'family-petition',
    );
    expect(text(flag?.reasons)).toContain('spouse-usc');
    expect(text(flag?.reasons)).not.toContain('child-usc');
  });
});

describe('bond complications from the detention facts', () => {
  it('names the arriving-alien bar for an arrest at the border or an airport', () => {
    const flag = flagOf({ detained: 'yes', arrestSetting: 'border' }, 'bond');
    expect(text(flag?.complications)).toContain('8 CFR 1003.19(h)(2)(i)(B)');
  });

  it('does not for an arrest at home', () => {
    const flag = flagOf({ detained: 'yes', arrestSetting: 'home' }, 'bond');
    expect(text(flag?.complications)).not.toContain('arriving alien');
  });

  it('says a bond was set, and papers were signed, only when they were', () => {
    const yes = flagOf({ detained: 'yes', bondSet: 'yes', signedPapers: 'yes' }, 'bond');
    expect(text(yes?.complications)).toContain('bondSet = yes');
    expect(text(yes?.complications)).toContain('signedPapers = yes');
    const no = flagOf({ detained: 'yes', bondSet: 'no', signedPapers: 'unsure' }, 'bond');
    expect(text(no?.complications)).not.toContain('bondSet');
    expect(text(no?.complications)).not.toContain('signedPapers');
  });
});

describe('family harm, asked in two questions', () => {
  it('raises the U visa for harm by family whatever the abuser’s status, without VAWA', () => {
    const result = run({ familyHarm: 'yes', abusedByFamily: 'no' });
    const uVisa = result.flags.find((f) => f.id === 'u-visa');
    expect(text(uVisa?.reasons)).toContain(
      'familyHarm = yes: domestic violence is a qualifying crime',
    );
    expect(result.flags.map((f) => f.id)).not.toContain('vawa');
  });

  it('raises VAWA too when the abuser is a citizen or has a green card', () => {
    const ids = run({ familyHarm: 'yes', abusedByFamily: 'yes' }).flags.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['u-visa', 'vawa']));
  });

  it('raises neither without harm', () => {
    const ids = run({ familyHarm: 'no' }).flags.map((f) => f.id);
    expect(ids).not.toContain('u-visa');
    expect(ids).not.toContain('vawa');
  });
});
