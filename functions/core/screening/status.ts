/**
 * Status-based options (DOMAIN.md): `tps` (citizenship in the configured TPS list, while the
 * country's designation has not ended) and `daca` (arrived before the 16th birthday, entryDate on
 * or before 2007-06-15, born after 1981-06-15). Family petitions are in `family.ts`.
 *
 * Judgement calls:
 * - `daca` is triggered by an arrival on or before 2007-06-15 (entryDate given); a missing birthDate
 *   raises it with a `missing` note. Both dates may be partial: "arrived before the 16th birthday"
 *   holds for sure when the latest arrival is before the 16th birthday of the earliest birth date,
 *   and possibly when the earliest arrival is before that of the latest birth date.
 * - `tps` for a country whose designation ends on a known day (`endsOn` in the TPS list) is raised
 *   through that day and not after it: an entry past its end date raises nothing.
 */
import { addYears, ageOn, daysBetween } from '../calendar';
import type { Facts } from '../facts';
import {
  checkPastDate,
  criminalComplications,
  dayCount,
  describeDate,
  makeFlag,
  RECORD_MAY_WEAKEN,
  reentryComplications,
  type Tri,
} from './common';
import type { Flag, ScreeningContext } from './schema';

const DACA_ENTRY_CUTOFF = '2007-06-15';
const DACA_BIRTH_CUTOFF = '1981-06-15';

/** Temporary Protected Status for nationals of the countries in the firm's TPS list. */
export function screenTps(facts: Facts, ctx: ScreeningContext): Flag[] {
  const code = facts.citizenship?.toUpperCase();
  if (code === undefined || !ctx.tpsCountries.includes(code)) return [];
  // A designation past its last day protects no one new: nothing to raise.
  const endsOn = ctx.tpsEndDates?.[code];
  if (endsOn !== undefined && endsOn < ctx.today) return [];
  const reviewed = ctx.tpsLastReviewed
    ? `last reviewed ${ctx.tpsLastReviewed}`
    : 'its last-reviewed date was not supplied';
  const note = ctx.tpsCountryNotes?.[code];
  return [
    makeFlag(
      'tps',
      [
        `citizenship = ${code}: on the firm's list of TPS countries (${reviewed}): possible Temporary Protected Status (INA 244)`,
        ...(note ? [`The TPS list notes for ${code}: ${note}`] : []),
        ...(endsOn
          ? [
              `The designation is listed as ending on ${endsOn} (${dayCount(daysBetween(ctx.today, endsOn) + 1)} left, counting that day) unless extended`,
            ]
          : []),
        'TPS designations and terminations are changing quickly and many are in litigation: check the country’s current status on uscis.gov/tps before advising. Eligibility also depends on when the client arrived and has lived in the US',
      ],
      [...criminalComplications(facts, RECORD_MAY_WEAKEN), ...reentryComplications(facts)],
      facts.entryDate === undefined
        ? [
            'entryDate: date of last arrival not given; needed to compare with the country’s TPS dates',
          ]
        : [],
    ),
  ];
}

/** Deferred Action for Childhood Arrivals, on the 2012 age and arrival criteria. */
export function screenDaca(facts: Facts, today: string): Flag[] {
  const entry = checkPastDate(
    facts,
    'entryDate',
    today,
    (arrival) => arrival <= DACA_ENTRY_CUTOFF,
    `check arrival on or before ${DACA_ENTRY_CUTOFF}`,
  );
  if (entry.tri === 'no' || !entry.range || entry.value === undefined) return [];
  const birth = checkPastDate(
    facts,
    'birthDate',
    today,
    (born) => born > DACA_BIRTH_CUTOFF,
    `check birth after ${DACA_BIRTH_CUTOFF} and arrival before the 16th birthday`,
  );
  if (birth.tri === 'no') return [];

  let before16: Tri = 'unknown';
  const missing = [entry.missing, birth.missing];
  if (birth.range) {
    if (entry.range.latest < addYears(birth.range.earliest, 16)) before16 = 'yes';
    else if (entry.range.earliest < addYears(birth.range.latest, 16)) before16 = 'unknown';
    else before16 = 'no';
    if (before16 === 'unknown') {
      missing.push(
        `entryDate, birthDate: exact dates needed to check arrival before the 16th birthday (given ${entry.value} and ${birth.value})`,
      );
    }
  }
  if (before16 === 'no') return [];

  const exact = entry.range.earliest === entry.range.latest;
  const birthExact = birth.range && birth.range.earliest === birth.range.latest;
  let arrival = 'arrival before the 16th birthday not yet checked';
  if (before16 === 'yes') {
    arrival =
      exact && birthExact && birth.range
        ? `arrived at age ${ageOn(birth.range.earliest, entry.range.earliest)}, before the 16th birthday`
        : 'arrived before the 16th birthday';
  } else if (birth.range) {
    arrival = 'possibly arrived before the 16th birthday';
  }
  const born =
    !birth.range || birth.value === undefined
      ? `birthDate ${birth.value === undefined ? 'not given' : `${birth.value} not usable`}`
      : `born ${describeDate(birth.value)}${birth.tri === 'yes' ? '' : ', possibly'} after ${DACA_BIRTH_CUTOFF} (under 31 on 2012-06-15)`;
  const entryPhrase = `arrived ${describeDate(entry.value)}${entry.tri === 'yes' ? '' : ', possibly'} on or before ${DACA_ENTRY_CUTOFF}`;

  return [
    makeFlag(
      'daca',
      [
        `${entryPhrase}; ${born}; ${arrival}: possible DACA (8 CFR 236.21 ff.)`,
        'New (initial) DACA requests are tied up in litigation (Texas v. United States, No. 23-40653, 5th Cir. 2025): USCIS accepts initial requests but does not decide them; renewals continue. Ask whether the client has or had DACA',
        'Other 2012 criteria the attorney will check: continuous residence since 2007-06-15, presence on 2012-06-15 and at filing, no lawful status on 2012-06-15, school, graduation, GED or honorable discharge',
      ],
      [
        ...criminalComplications(
          facts,
          'a felony, a significant misdemeanor or three or more misdemeanors disqualify for DACA',
        ),
        ...reentryComplications(facts),
        ...(facts.isLpr === 'yes'
          ? ['isLpr = yes: DACA is for people without lawful status; likely not needed']
          : []),
      ],
      missing,
    ),
  ];
}
