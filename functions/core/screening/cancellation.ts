/**
 * `cancellation-non-lpr` (INA 240A(b)(1)) and `cancellation-lpr` (INA 240A(a)), DOMAIN.md:
 * - non-LPR: isLpr = no, entryDate at least 10 years ago, and a US-citizen or LPR spouse, parent or
 *   child in usFamily;
 * - LPR: isLpr = yes, lprSince at least 5 years ago, and entryDate at least 7 years ago.
 * "At least N years ago" is in calendar years: an arrival on 2016-11-25 is 10 years before
 * 2026-11-25.
 *
 * Judgement calls: the triggers are isLpr and (non-LPR) a qualifying relative — both are asked of
 * everyone, so a skipped answer does not raise the flag. The dates may be missing or partial: the
 * flag is then raised with a `missing` note. The last arrival stands in for the start of presence
 * or residence; the reasons say the attorney must check the real start and any breaks.
 */
import { addYears } from '../calendar';
import type { Facts } from '../facts';
import {
  checkPastDate,
  criminalComplications,
  type DateCheck,
  describeDate,
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
  const entry = checkPastDate(
    facts,
    'entryDate',
    today,
    yearsAgo(today, 10),
    'check the 10-year continuous physical presence requirement',
  );
  if (entry.tri === 'no') return [];
  return [
    makeFlag(
      'cancellation-non-lpr',
      [
        `isLpr = no; ${datePhrase(entry, 'arrived', 10)}; usFamily includes ${relatives.join(', ')} (a US-citizen or LPR spouse, parent or child): possible non-LPR cancellation of removal (INA 240A(b)(1))`,
        'Other requirements the attorney will check: 10 years of continuous physical presence (counted here from the last arrival; earlier presence and absences matter), the stop-time rule that ends it on service of a complete Notice to Appear (INA 240A(d)(1); Pereira v. Sessions; Niz-Chavez v. Garland), good moral character, no disqualifying conviction, and exceptional and extremely unusual hardship to the qualifying relative',
      ],
      [
        ...criminalComplications(
          facts,
          'a conviction under INA 212(a)(2), 237(a)(2) or 237(a)(3) bars non-LPR cancellation, and any record bears on good moral character (INA 240A(b)(1))',
        ),
        ...orderComplications(facts),
      ],
      [entry.missing],
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
    'check the 5-year permanent-residence requirement',
  );
  const entry = checkPastDate(
    facts,
    'entryDate',
    today,
    yearsAgo(today, 7),
    'check the 7-year continuous-residence requirement',
  );
  if (lpr.tri === 'no' || entry.tri === 'no') return [];
  return [
    makeFlag(
      'cancellation-lpr',
      [
        `isLpr = yes; ${datePhrase(lpr, 'green card granted', 5)}; ${datePhrase(entry, 'arrived', 7)}: possible LPR cancellation of removal (INA 240A(a))`,
        'Other requirements the attorney will check: 7 years of continuous residence after admission in any status (which may start before the last arrival) and not stopped by service of a Notice to Appear or certain offenses (INA 240A(d)(1)), and no aggravated felony conviction',
      ],
      [
        ...criminalComplications(
          facts,
          'an aggravated felony conviction bars LPR cancellation (INA 240A(a)) and certain offenses stop the 7-year clock (INA 240A(d)(1))',
        ),
        ...orderComplications(facts),
      ],
      [lpr.missing, entry.missing],
    ),
  ];
}
