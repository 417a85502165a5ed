/**
 * Relief and risk rules corrected by the second legal review (issue 13): U-visa helpfulness and
 * family abuse, VAWA's limits, family petitions by green-card holders and adult children's
 * citizen parents, a claim to citizenship, bond jurisdiction, expedited removal, prosecutorial
 * discretion, and TPS designations that have ended.
 */
import { describe, expect, it } from 'vitest';
import type { Facts } from '../../functions/core/facts';
import {
  type FlagId,
  type ScreeningContext,
  screen,
} from '../../functions/core/screening/screening';
import { TpsDataSchema, tpsScreeningContext } from '../../functions/core/screening/tps';

const TODAY = '2026-11-25';
const run = (facts: Facts, ctx: Partial<ScreeningContext> = {}) =>
  screen(facts, { today: TODAY, tpsCountries: [], ...ctx });
const ids = (facts: Facts) => run(facts).flags.map((flag) => flag.id);
const flagOf = (facts: Facts, id: FlagId) => run(facts).flags.find((flag) => flag.id === id);
const text = (lines: string[] | undefined) => (lines ?? []).join('\n');

describe('u-visa', () => {
  it('is raised when the victim did not help police, with helpfulness as a complication', () => {
    const flag = flagOf({ crimeVictim: 'yes', helpedPolice: 'no' }, 'u-visa');
    expect(flag).toBeDefined();
    expect(text(flag?.complications)).toContain('likely to be helpful');
    expect(text(flag?.complications)).toContain('8 CFR 214.14(b)(3)');
    expect(text(flag?.complications)).toContain('INA 101(a)(15)(U)(i)(III)');
    expect(flag?.missing).toEqual([]);
  });

  it('has no helpfulness complication when the victim helped', () => {
    const flag = flagOf({ crimeVictim: 'yes', helpedPolice: 'yes' }, 'u-visa');
    expect(text(flag?.complications)).not.toContain('likely to be helpful');
  });

  it('is raised on family abuse (domestic violence is a qualifying crime), with the complication', () => {
    const flag = flagOf({ abusedByFamily: 'yes', crimeVictim: 'no' }, 'u-visa');
    expect(text(flag?.reasons)).toContain('abusedByFamily = yes');
    expect(text(flag?.reasons)).toContain('domestic violence');
    expect(text(flag?.reasons)).toContain('INA 101(a)(15)(U)(iii)');
    expect(text(flag?.complications)).toContain('likely to be helpful');
    expect(ids({ abusedByFamily: 'no', crimeVictim: 'no' })).not.toContain('u-visa');
  });
});

describe('vawa', () => {
  it('says a parent needs a US-citizen son or daughter 21 or older, and cancellation covers a spouse or parent', () => {
    const reasons = text(flagOf({ abusedByFamily: 'yes' }, 'vawa')?.reasons);
    expect(reasons).toContain('son or daughter 21 or older');
    expect(reasons).toContain('INA 204(a)(1)(A)(vii)');
    expect(reasons).toMatch(/VAWA cancellation.*spouse or parent.*INA 240A\(b\)\(2\)/);
    expect(reasons).not.toContain('adult child');
  });
});

describe('family-petition', () => {
  it('is raised on a green-card-holder spouse or parent (F2A/F2B)', () => {
    expect(text(flagOf({ usFamily: ['spouse-lpr'] }, 'family-petition')?.reasons)).toContain(
      'INA 203(a)(2)',
    );
    expect(text(flagOf({ usFamily: ['parent-lpr'] }, 'family-petition')?.reasons)).toContain(
      'unmarried',
    );
    expect(ids({ usFamily: ['child-lpr'] })).not.toContain('family-petition');
  });

  it('is raised on a US-citizen parent on and after the 21st birthday, as a preference category', () => {
    const reasons = text(
      flagOf({ usFamily: ['parent-usc'], birthDate: '2005-11-25' }, 'family-petition')?.reasons,
    );
    expect(reasons).toContain('INA 203(a)(1)');
    expect(reasons).toContain('INA 203(a)(3)');
    const younger = text(
      flagOf({ usFamily: ['parent-usc'], birthDate: '2005-11-26' }, 'family-petition')?.reasons,
    );
    expect(younger).toContain('immediate relative');
  });

  it('lists a removal order as a complication', () => {
    const flag = flagOf({ usFamily: ['spouse-usc'], removalOrder: 'yes' }, 'family-petition');
    expect(text(flag?.complications)).toMatch(/^removalOrder = yes/m);
  });
});

describe('citizenship-claim', () => {
  it('is raised when a parent was a citizen at birth or before 18, or the client is unsure', () => {
    for (const parentCitizen of ['yes', 'unsure'] as const) {
      const flag = flagOf({ usFamily: ['parent-usc'], parentCitizen }, 'citizenship-claim');
      expect(flag, parentCitizen).toBeDefined();
      const reasons = text(flag?.reasons);
      for (const cite of ['INA 301', 'INA 309', 'INA 320', 'INA 321']) {
        expect(reasons).toContain(cite);
      }
      expect(reasons).toMatch(/complete defense to removal/);
    }
    expect(ids({ usFamily: ['parent-usc'], parentCitizen: 'no' })).not.toContain(
      'citizenship-claim',
    );
  });
});

describe('bond', () => {
  it('says a parolee generally cannot get bond from a judge', () => {
    const flag = flagOf({ detained: 'yes', entryManner: 'parole' }, 'bond');
    const notes = text(flag?.complications);
    expect(notes).toContain('8 CFR 1003.19(h)(2)(i)(B)');
    expect(notes).toContain('Matter of Q. Li, 29 I&N Dec. 66 (BIA 2025)');
    expect(notes).not.toContain('Yajure Hurtado');
  });

  it('has no entry complication for someone admitted with a visa', () => {
    const flag = flagOf({ detained: 'yes', entryManner: 'inspected' }, 'bond');
    expect(flag?.complications).toEqual([]);
    expect(flag?.missing).toEqual([]);
  });

  it('says criminal history can mean mandatory detention', () => {
    const flag = flagOf(
      { detained: 'yes', entryManner: 'inspected', criminalHistory: 'yes' },
      'bond',
    );
    expect(text(flag?.complications)).toMatch(/mandatory detention.*INA 236\(c\)/);
  });
});

describe('expedited-removal-risk', () => {
  // Two years before 2026-11-25 is 2024-11-25.
  it('is raised without a court case after an entry without inspection or parole under 2 years ago', () => {
    for (const entryManner of ['without-inspection', 'parole'] as const) {
      const flag = flagOf(
        { hasCourtCase: 'no', entryManner, entryDate: '2024-11-26' },
        'expedited-removal-risk',
      );
      expect(flag, entryManner).toBeDefined();
      const reasons = text(flag?.reasons);
      expect(reasons).toContain('INA 235(b)(1)');
      expect(reasons).toMatch(/litigation/);
      expect(reasons).toContain('Make the Road New York v. Noem');
    }
  });

  it('is not raised two years after entry, after an admission, with a court case or a green card', () => {
    expect(
      ids({ hasCourtCase: 'no', entryManner: 'without-inspection', entryDate: '2024-11-25' }),
    ).not.toContain('expedited-removal-risk');
    expect(
      ids({ hasCourtCase: 'no', entryManner: 'inspected', entryDate: '2026-01-01' }),
    ).not.toContain('expedited-removal-risk');
    expect(
      ids({ hasCourtCase: 'yes', entryManner: 'without-inspection', entryDate: '2026-01-01' }),
    ).not.toContain('expedited-removal-risk');
    expect(
      ids({ isLpr: 'yes', hasCourtCase: 'no', entryManner: 'parole', entryDate: '2026-01-01' }),
    ).not.toContain('expedited-removal-risk');
  });

  it('is raised with a missing note when the arrival date is not known', () => {
    const flag = flagOf(
      { hasCourtCase: 'unsure', entryManner: 'without-inspection' },
      'expedited-removal-risk',
    );
    expect(text(flag?.missing)).toMatch(/^entryDate: /);
  });
});

describe('prosecutorial-discretion', () => {
  const facts: Facts = { hasCourtCase: 'yes', criminalHistory: 'no', usFamily: ['child-usc'] };

  it('warns that a DHS motion to dismiss can lead to arrest and expedited removal', () => {
    const reasons = text(flagOf(facts, 'prosecutorial-discretion')?.reasons);
    expect(reasons).toMatch(/dismiss/);
    expect(reasons).toContain('expedited removal');
    expect(reasons).toContain('NIPNLG');
    expect(reasons).toMatch(/oppose/);
  });

  it('says administrative closure is the judge’s decision, not DHS’s', () => {
    const reasons = text(flagOf(facts, 'prosecutorial-discretion')?.reasons);
    expect(reasons).not.toMatch(/entirely DHS/);
    expect(reasons).toContain('8 CFR 1003.18(c)');
    expect(reasons).toContain('Matter of Cruz-Valdez');
    expect(reasons).toMatch(/over DHS.s objection/);
  });

  it('names the dismissal risk as a complication for a recent entry without inspection', () => {
    const flag = flagOf(
      { ...facts, entryManner: 'without-inspection', entryDate: '2025-06-01' },
      'prosecutorial-discretion',
    );
    expect(text(flag?.complications)).toContain('INA 235(b)(1)');
  });
});

describe('tps end dates', () => {
  // Parsed when a test runs, so a schema that refuses `endsOn` fails these tests, not the file.
  const data = () =>
    TpsDataSchema.parse({
      lastReviewed: '2026-11-25',
      sources: ['INA 244 (8 U.S.C. 1254a)'],
      note: 'A fixture.',
      countries: [
        {
          code: 'SV',
          name: 'El Salvador',
          status: 'Designated through 2026-09-09.',
          asOf: '2025-01',
          endsOn: '2026-09-09',
        },
        { code: 'HT', name: 'Haiti', status: 'Termination stayed.', asOf: '2026-02-02' },
      ],
    });
  const tps = (citizenship: string, today: string) =>
    screen({ citizenship }, { today, ...tpsScreeningContext(data()) }).flags.find(
      (flag) => flag.id === 'tps',
    );

  it('raises the flag through the last day of the designation, saying when it ends', () => {
    expect(text(tps('SV', '2026-09-09')?.reasons)).toContain('2026-09-09');
    expect(tps('SV', '2026-08-01')).toBeDefined();
  });

  it('raises nothing the day after it ends', () => {
    expect(tps('SV', '2026-09-10')).toBeUndefined();
    expect(tps('HT', '2026-09-10')).toBeDefined();
  });
});
