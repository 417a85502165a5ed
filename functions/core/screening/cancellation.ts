/**
 * `cancellation-non-lpr` (INA 240A(b)(1)) and `cancellation-lpr` (INA 240A(a)), DOMAIN.md:
 * - non-LPR: isLpr = no, the earliest of firstEntryDate and entryDate at least 10 years ago, and a
 *   US-citizen or LPR spouse, parent or child in usFamily. Presence is not broken by trips of 90
 *   days or less, 180 in all (INA 240A(d)(2)), so a recent last arrival does not restart it;
 * - LPR: isLpr = yes, lprSince at least 5 years ago, and the earliest of firstEntryDate, entryDate
 *   and lprSince at least 7 years ago: 7 years of residence after admission in any status, which
 *   trips abroad do not restart (INA 240A(a)(2)). A green-card holder's recent last arrival must
 *   not keep the flag down.
 * "At least N years ago" is in calendar years: an arrival on 2016-11-25 is 10 years before
 * 2026-11-25.
 *
 * Judgement calls: the triggers are isLpr and (non-LPR) a qualifying relative — both are asked of
 * everyone, so a skipped answer does not raise the flag. The dates may be missing or partial: the
 * flag is then raised with a `missing` note. firstEntryDate is asked only when it could matter and
 * "no" (no earlier time in the US) leaves it out, so a missing one counts as no earlier arrival.
 * For a green-card holder whose green-card date is unknown, the 7 years cannot be ruled out (the
 * green card itself is an admission), so the flag is raised with that date as missing.
 */
import { addYears } from '../calendar';
import type { Facts } from '../facts';
import {
  checkEarliestDate,
  checkPastDate,
  criminalComplications,
  type DateCheck,
  describeDate,
  type EarliestDateCheck,
  makeFlag,
  qualifyingRelatives,
  reentryComplications,
} from './common';
import type { Flag } from './schema';

function yearsAgo(today: string, years: number): (date: string) => boolean {
  return (date) => addYears(date, years) <= today;
}

/** "arrived 2014-03-01, at least 10 years ago" or what is known instead. */
function datePhrase(check: DateCheck, verb: string, years: number): string {
  if (check.value === undefined) return `${verb} date not given`;
  if (!check.range) return `${verb} date given as ${check.value} (not usable)`;
  const when = check.tri === 'yes' ? `at least ${years} years ago` : `possibly ${years} years ago`;
  return `${verb} ${describeDate(check.value)}, ${when}`;
}

const START_VERB = {
  firstEntryDate: 'first came to live in the US',
  entryDate: 'arrived',
  lprSince: 'green card granted',
} as const;

/** "first came to live in the US 2012 (partial date), at least 10 years ago (last arrival 2023-04)". */
function startPhrase(check: EarliestDateCheck, facts: Facts, years: number): string {
  const from = check.from ?? 'entryDate';
  const verb = from in START_VERB ? START_VERB[from as keyof typeof START_VERB] : 'arrived';
  const phrase = datePhrase(check, verb, years);
  return from !== 'entryDate' && facts.entryDate !== undefined
    ? `${phrase} (last arrival ${describeDate(facts.entryDate)})`
    : phrase;
}

/** An earlier first arrival counts only if no absence broke the presence (INA 240A(d)(2)). */
function absenceComplications(check: EarliestDateCheck, facts: Facts): string[] {
  if (check.from !== 'firstEntryDate') return [];
  const notes = [
    `firstEntryDate ${describeDate(check.value ?? '')} is before the last arrival: the 10 years count from it only if no trip abroad lasted more than 90 days, or 180 days in all (INA 240A(d)(2)); the attorney must ask about every absence`,
  ];
  if (facts.removalOrder === 'yes') {
    notes.push(
      'removalOrder = yes: a departure under a removal order (or voluntary departure) breaks continuous physical presence however short it was (Matter of Romalez-Alcaide, 23 I&N Dec. 423 (BIA 2002))',
    );
  }
  return notes;
}

/** Complications shared by both kinds of cancellation. */
function orderComplications(facts: Facts): string[] {
  const notes: string[] = [];
  if (facts.removalOrder === 'yes') {
    notes.push(
      'removalOrder = yes: with a prior removal order, cancellation generally needs the case reopened first, and motions to reopen are time-limited (INA 240(c)(7))',
    );
  } else if (facts.removalOrder === 'unsure') {
    notes.push(
      'removalOrder = unsure: check EOIR records for a prior removal order, which would complicate cancellation',
    );
  }
  if (facts.missedHearing === 'yes') {
    notes.push(
      'missedHearing = yes: an in absentia order can make a person ineligible for cancellation for 10 years (INA 240(b)(7))',
    );
  }
  return [...notes, ...reentryComplications(facts)];
}

/** Non-LPR cancellation of removal. */
export function screenCancellationNonLpr(facts: Facts, today: string): Flag[] {
  const relatives = qualifyingRelatives(facts.usFamily);
  if (facts.isLpr !== 'no' || relatives.length === 0) return [];
  const presence = checkEarliestDate(
    facts,
    ['entryDate', 'firstEntryDate'],
    today,
    yearsAgo(today, 10),
    'check the 10-year continuous physical presence requirement',
  );
  if (presence.tri === 'no') return [];
  return [
    makeFlag(
      'cancellation-non-lpr',
      [
        `isLpr = no; ${startPhrase(presence, facts, 10)}; usFamily includes ${relatives.join(', ')} (a US-citizen or LPR spouse, parent or child): possible non-LPR cancellation of removal (INA 240A(b)(1))`,
        'Other requirements the attorney will check: 10 years of continuous physical presence (counted here from the first arrival given; a trip of more than 90 days, or 180 in all, breaks it: INA 240A(d)(2)), the stop-time rule that ends it on service of a complete Notice to Appear (INA 240A(d)(1); Pereira v. Sessions; Niz-Chavez v. Garland), good moral character, no disqualifying conviction, and exceptional and extremely unusual hardship to the qualifying relative',
      ],
      [
        ...absenceComplications(presence, facts),
        ...criminalComplications(
          facts,
          'a conviction under INA 212(a)(2), 237(a)(2) or 237(a)(3) bars non-LPR cancellation, and any record bears on good moral character (INA 240A(b)(1))',
        ),
        ...orderComplications(facts),
      ],
      [presence.missing],
    ),
  ];
}

/** LPR cancellation of removal. */
export function screenCancellationLpr(facts: Facts, today: string): Flag[] {
  if (facts.isLpr !== 'yes') return [];
  const lpr = checkPastDate(
    facts,
    'lprSince',
    today,
    yearsAgo(today, 5),
    'check the 5-year permanent-residence requirement (the green card also starts the 7 years of residence)',
  );
  const residence = checkEarliestDate(
    facts,
    ['entryDate', 'firstEntryDate', 'lprSince'],
    today,
    yearsAgo(today, 7),
    'check the 7-year continuous-residence requirement',
  );
  // Without a usable green-card date the 7 years may run from it: not known to fail.
  const residenceTri = residence.tri === 'no' && !lpr.range ? 'unknown' : residence.tri;
  if (lpr.tri === 'no' || residenceTri === 'no') return [];
  const notAdmitted =
    facts.entryManner === 'without-inspection' && residence.from !== 'lprSince'
      ? [
          'entryManner = without-inspection: an entry without inspection is not an admission, so the 7 years may have to be counted from a later admission or from the green card (INA 240A(a)(2))',
        ]
      : [];
  return [
    makeFlag(
      'cancellation-lpr',
      [
        `isLpr = yes; ${datePhrase(lpr, 'green card granted', 5)}; ${startPhrase(residence, facts, 7)}: possible LPR cancellation of removal (INA 240A(a))`,
        'Other requirements the attorney will check: 7 years of continuous residence after admission in any status, counted from the first admission (a visa, parole or the green card), which trips abroad do not restart (INA 240A(a)(2)), and not stopped by service of a Notice to Appear or certain offenses (INA 240A(d)(1)); and no aggravated felony conviction',
      ],
      [
        ...notAdmitted,
        ...criminalComplications(
          facts,
          'an aggravated felony conviction bars LPR cancellation (INA 240A(a)) and certain offenses stop the 7-year clock (INA 240A(d)(1))',
        ),
        ...orderComplications(facts),
      ],
      [lpr.missing, residence.missing],
    ),
  ];
}
