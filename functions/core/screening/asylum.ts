/**
 * `asylum` and `asylum-late` (DOMAIN.md): fearOfReturn = yes, split on whether today is on or
 * before the last day to file. The one-year deadline (INA 208(a)(2)(B)) counts the arrival day as
 * day zero, so filing on the first anniversary is timely (Minasyan v. Mukasey, 553 F.3d 1224 (9th
 * Cir. 2009)), and a last day on a Saturday, Sunday or federal holiday moves to the next business
 * day (8 CFR 1.1(h), 1001.1(h)). An arrival on 2025-11-25 can file through 2026-11-25; an arrival
 * on 2025-11-29 through Monday 2026-11-30, the anniversary being a Sunday. The days left count the
 * last day: on the last day, 1 day is left.
 *
 * Judgement calls:
 * - entryDate missing or unusable: raise `asylum` (not `asylum-late`) with a `missing` note and a
 *   reason that the deadline cannot be computed — the option may still be open and an attorney would
 *   rather see it than lose it. No day count, so the urgency rule "60 days or fewer left" does not
 *   match on it.
 * - partial entryDate: days left are counted from the earliest day the date can stand for (the
 *   fewest days left, to be safe), and the reason says so. If the deadline falls inside the range —
 *   passed for an early arrival, open for a late one — both flags are raised, each with a `missing`
 *   note, and `asylum` carries the conservative count (zero or below), which makes urgency high.
 */
import { addYears, daysBetween, lastFilingDay } from '../calendar';
import type { Facts } from '../facts';
import {
  checkPastDate,
  criminalComplications,
  dayCount,
  describeDate,
  makeFlag,
  pastDateRange,
  RECORD_MAY_WEAKEN,
  reentryComplications,
} from './common';
import type { Flag } from './schema';

export interface AsylumScreening {
  flags: Flag[];
  /**
   * Days left to file, counting the last day, from the earliest possible arrival when `asylum` is
   * raised with a known arrival; zero or negative when the deadline may already have passed. Used
   * by the urgency rules.
   */
  daysLeft?: number;
}

const DEADLINE = 'the one-year asylum filing deadline (INA 208(a)(2)(B))';

/**
 * The last day to file after an arrival: the first anniversary (the arrival is day zero: Minasyan
 * v. Mukasey), moved past a weekend or federal holiday (8 CFR 1.1(h), 1001.1(h)).
 */
export function asylumLastDay(arrival: string): string {
  return lastFilingDay(addYears(arrival, 1));
}

/** "2026-11-30 (the anniversary, 2026-11-29, is a weekend day or federal holiday: 8 CFR 1.1(h))" */
function lastDayPhrase(arrival: string): string {
  const anniversary = addYears(arrival, 1);
  const last = asylumLastDay(arrival);
  return last === anniversary
    ? `${last}, the first anniversary of arrival (the arrival day is day zero: Minasyan v. Mukasey, 553 F.3d 1224 (9th Cir. 2009))`
    : `${last}: the first anniversary, ${anniversary}, falls on a weekend or federal holiday, so the last day moves to the next business day (8 CFR 1.1(h), 1001.1(h))`;
}

/**
 * Entries the recent limits on asylum may reach: the Circumvention of Lawful Pathways presumption
 * (8 CFR 208.33, 1208.33) for entries from 2023-05-11 to 2025-05-11, and Proclamation 10888 for
 * entries at the southern border after 2025-01-20.
 */
function recentEntryComplications(facts: Facts, today: string): string[] {
  const entry = facts.entryDate;
  const range = entry === undefined ? undefined : pastDateRange(entry, today);
  if (!range) return [];
  const notes: string[] = [];
  if (range.latest >= '2023-05-11' && range.earliest <= '2025-05-11') {
    notes.push(
      `entryDate ${describeDate(entry ?? '')}${range.earliest >= '2023-05-11' && range.latest <= '2025-05-11' ? '' : ' (possibly)'} between 2023-05-11 and 2025-05-11: the Circumvention of Lawful Pathways rule presumes asylum ineligibility for many who entered at the southwest border without a CBP One appointment or another lawful pathway (8 CFR 208.33, 1208.33); exceptions and rebuttal apply`,
    );
  }
  if (range.latest > '2025-01-20' && facts.entryManner !== 'inspected') {
    notes.push(
      `entryDate ${describeDate(entry ?? '')} after 2025-01-20: an entry at the southern border may fall under Proclamation 10888 (2025-01-20), which suspends entry and asylum access there; it is in litigation (RAICES v. Noem, D.D.C. and D.C. Cir.): check its current state`,
    );
  }
  return notes;
}

const ALTERNATIVES =
  'Possible options despite the deadline, for attorney review: an exception for changed or extraordinary circumstances (INA 208(a)(2)(D)), and withholding of removal (INA 241(b)(3)) and protection under the Convention Against Torture (8 CFR 1208.16-1208.17), which have no one-year bar';

function complications(facts: Facts, today: string): string[] {
  return [
    ...recentEntryComplications(facts, today),
    ...criminalComplications(facts, RECORD_MAY_WEAKEN),
    ...reentryComplications(
      facts,
      'a reinstated order generally limits protection to withholding of removal and CAT after a reasonable-fear interview (INA 241(a)(5); 8 CFR 208.31)',
    ),
  ];
}

/** Screens fear of return against the one-year deadline. */
export function screenAsylum(facts: Facts, today: string): AsylumScreening {
  if (facts.fearOfReturn !== 'yes') return { flags: [] };
  const notes = complications(facts, today);
  const timely = checkPastDate(
    facts,
    'entryDate',
    today,
    (arrival) => asylumLastDay(arrival) >= today,
    'compute the one-year asylum filing deadline',
  );

  if (!timely.range) {
    const why = timely.value === undefined ? 'is not known' : 'could not be read';
    return {
      flags: [
        makeFlag(
          'asylum',
          [
            `fearOfReturn = yes; ${DEADLINE} cannot be computed because the date of last arrival ${why}: it may be close or already past`,
            'A possible option for attorney review, not a finding of eligibility',
          ],
          notes,
          [timely.missing],
        ),
      ],
    };
  }

  const entry = timely.value ?? timely.range.earliest;
  const exact = timely.range.earliest === timely.range.latest;
  const earliestDeadline = asylumLastDay(timely.range.earliest);
  const latestDeadline = asylumLastDay(timely.range.latest);
  // Counting the last day: on the last day itself, 1 day is left.
  const daysLeft = daysBetween(today, earliestDeadline) + 1;
  const flags: Flag[] = [];
  let asylumDaysLeft: number | undefined;

  if (timely.tri === 'yes') {
    asylumDaysLeft = daysLeft;
    const first = exact
      ? `fearOfReturn = yes; arrived ${entry}, ${dayCount(daysLeft)} left of ${DEADLINE}, counting the last day`
      : `fearOfReturn = yes; arrived ${describeDate(entry)}, at least ${dayCount(daysLeft)} left of ${DEADLINE}, counting the last day and counted from the earliest possible arrival date ${timely.range.earliest} to be safe`;
    flags.push(
      makeFlag(
        'asylum',
        [
          first,
          `The last day to file is ${exact ? lastDayPhrase(entry) : `${earliestDeadline} at the earliest (counted from ${timely.range.earliest})`}. A possible option for attorney review, not a finding of eligibility`,
        ],
        notes,
        exact
          ? []
          : [
              `entryDate: exact date of last arrival needed to compute the filing deadline (only ${entry} given)`,
            ],
      ),
    );
  } else if (timely.tri === 'unknown') {
    asylumDaysLeft = daysLeft;
    flags.push(
      makeFlag(
        'asylum',
        [
          `fearOfReturn = yes; arrived ${describeDate(entry)}: ${DEADLINE} may already have passed. Counted from the earliest possible arrival date ${timely.range.earliest}, to be safe, its last day was ${earliestDeadline}; for a later arrival it is as late as ${latestDeadline} (${dayCount(daysBetween(today, latestDeadline) + 1)} left, counting that day)`,
          'A possible option for attorney review, not a finding of eligibility',
        ],
        notes,
        [timely.missing],
      ),
    );
  }

  if (timely.tri !== 'yes') {
    const first =
      timely.tri === 'no'
        ? `fearOfReturn = yes; arrived ${describeDate(entry)}, more than a year ago: the last day of ${DEADLINE} was ${exact ? earliestDeadline : `${latestDeadline} at the latest`}`
        : `fearOfReturn = yes; arrived ${describeDate(entry)}: ${DEADLINE} may have passed, depending on the exact date of arrival`;
    flags.push(makeFlag('asylum-late', [first, ALTERNATIVES], notes, [timely.missing]));
  }

  return asylumDaysLeft === undefined ? { flags } : { flags, daysLeft: asylumDaysLeft };
}
