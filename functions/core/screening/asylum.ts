/**
 * `asylum` and `asylum-late` (DOMAIN.md): fearOfReturn = yes, split on whether the last arrival
 * (entryDate) is less than one calendar year before today. The one-year filing deadline is the first
 * anniversary of arrival (INA 208(a)(2)(B)): an arrival on 2025-11-25 is exactly one year before
 * 2026-11-25, so on that day the deadline has passed and the flag is `asylum-late`.
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
import { addYears, daysBetween } from '../calendar';
import type { Facts } from '../facts';
import {
  checkPastDate,
  criminalComplications,
  dayCount,
  describeDate,
  makeFlag,
  RECORD_MAY_WEAKEN,
  reentryComplications,
} from './common';
import type { Flag } from './schema';

export interface AsylumScreening {
  flags: Flag[];
  /**
   * Days from today to the earliest possible deadline when `asylum` is raised with a known arrival;
   * zero or negative when the deadline may already have passed. Used by the urgency rules.
   */
  daysLeft?: number;
}

const DEADLINE = 'the one-year asylum filing deadline (INA 208(a)(2)(B))';

const ALTERNATIVES =
  'Possible options despite the deadline, for attorney review: an exception for changed or extraordinary circumstances (INA 208(a)(2)(D)), and withholding of removal (INA 241(b)(3)) and protection under the Convention Against Torture (8 CFR 1208.16-1208.17), which have no one-year bar';

function complications(facts: Facts): string[] {
  return [
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
  const notes = complications(facts);
  const timely = checkPastDate(
    facts,
    'entryDate',
    today,
    (arrival) => addYears(arrival, 1) > today,
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
  const earliestDeadline = addYears(timely.range.earliest, 1);
  const latestDeadline = addYears(timely.range.latest, 1);
  const daysLeft = daysBetween(today, earliestDeadline);
  const flags: Flag[] = [];
  let asylumDaysLeft: number | undefined;

  if (timely.tri === 'yes') {
    asylumDaysLeft = daysLeft;
    const first = exact
      ? `fearOfReturn = yes; arrived ${entry}, ${dayCount(daysLeft)} left of ${DEADLINE}`
      : `fearOfReturn = yes; arrived ${describeDate(entry)}, at least ${dayCount(daysLeft)} left of ${DEADLINE}, counted from the earliest possible arrival date ${timely.range.earliest} to be safe`;
    flags.push(
      makeFlag(
        'asylum',
        [
          first,
          `The deadline is the first anniversary of arrival: ${exact ? earliestDeadline : `${earliestDeadline} at the earliest`}. A possible option for attorney review, not a finding of eligibility`,
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
          `fearOfReturn = yes; arrived ${describeDate(entry)}: ${DEADLINE} may already have passed. Counted from the earliest possible arrival date ${timely.range.earliest}, to be safe, it fell on ${earliestDeadline}; for a later arrival it falls as late as ${latestDeadline} (${dayCount(daysBetween(today, latestDeadline))} left)`,
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
        ? `fearOfReturn = yes; arrived ${describeDate(entry)}, one year or more ago: ${DEADLINE} passed on ${exact ? earliestDeadline : `${latestDeadline} at the latest`}`
        : `fearOfReturn = yes; arrived ${describeDate(entry)}: ${DEADLINE} may have passed, depending on the exact date of arrival`;
    flags.push(makeFlag('asylum-late', [first, ALTERNATIVES], notes, [timely.missing]));
  }

  return asylumDaysLeft === undefined ? { flags } : { flags, daysLeft: asylumDaysLeft };
}
