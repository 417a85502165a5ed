/**
 * Shared pieces of the screening rules: three-valued checks of date thresholds on partial or
 * missing dates, and the complication wording several flags reuse.
 *
 * The convention every flag follows (see the flag modules): a flag needs its *trigger* facts given
 * (fearOfReturn = yes for asylum, isLpr = yes for LPR cancellation…). Its other conditions may be
 * unknown — missing, unreadable, or a partial date that straddles the threshold — and then the flag
 * is still raised with a `missing` note, because an attorney would rather see a possible option than
 * lose it. A condition that is known to fail keeps the flag down.
 */
import { addYears, type DateRange, earlierDate, isExactDate, partialDateRange } from '../calendar';
import type { Facts, UsFamily } from '../facts';
import type { Flag, FlagId } from './schema';

/** Whether a condition holds on the facts given: yes, no, or cannot tell yet. */
export type Tri = 'yes' | 'no' | 'unknown';

export type DateFactId = 'entryDate' | 'firstEntryDate' | 'birthDate' | 'lprSince' | 'orderDate';

const DATE_NOUN: Record<DateFactId, string> = {
  entryDate: 'date of last arrival',
  firstEntryDate: 'date the client first came to live in the US',
  birthDate: 'date of birth',
  lprSince: 'date the green card was granted',
  orderDate: 'date of the removal order',
};

export interface DateCheck {
  tri: Tri;
  /** The value as stored, when one was given. */
  value?: string;
  /** The days the value can stand for, capped at today; absent when missing or unusable. */
  range?: DateRange;
  /** The `missing` note, present exactly when `tri` is 'unknown'. */
  missing?: string;
}

/**
 * The days a past-event date (arrival, birth, green card) can stand for. The end of the range is
 * capped at today — an arrival in '2026' cannot be later than today — and a date wholly after today,
 * or one that is not a real date, is unusable (undefined) and treated like a missing one.
 */
export function pastDateRange(value: string, today: string): DateRange | undefined {
  const range = partialDateRange(value);
  if (!range || range.earliest > today) return undefined;
  return { earliest: range.earliest, latest: earlierDate(range.latest, today) };
}

/**
 * Checks a threshold on a date fact that may be partial. `holds` must be monotone over time (true
 * up to some day and false after, or the reverse) — every threshold in the tables is "on or before"
 * or "at least N years ago" — so checking the two ends of the range is enough: both → 'yes',
 * neither → 'no', one → 'unknown' with a note that the exact date is needed.
 *
 * `purpose` completes "needed to …", e.g. 'check the 10-year requirement'.
 */
export function checkPastDate(
  facts: Facts,
  id: DateFactId,
  today: string,
  holds: (date: string) => boolean,
  purpose: string,
): DateCheck {
  const value = facts[id];
  const noun = DATE_NOUN[id];
  if (value === undefined) {
    return { tri: 'unknown', missing: `${id}: ${noun} not given; needed to ${purpose}` };
  }
  const range = pastDateRange(value, today);
  if (!range) {
    return {
      tri: 'unknown',
      value,
      missing: `${id}: ${noun} given as ${value} is not a real date on or before today; needed to ${purpose}`,
    };
  }
  const atEarliest = holds(range.earliest);
  const atLatest = holds(range.latest);
  if (atEarliest && atLatest) return { tri: 'yes', value, range };
  if (!atEarliest && !atLatest) return { tri: 'no', value, range };
  return {
    tri: 'unknown',
    value,
    range,
    missing: `${id}: exact ${noun} needed to ${purpose} (only ${value} given)`,
  };
}

/** Whether the client is under 21 today (birthDate), for the rules with that line. */
export const checkUnder21 = (facts: Facts, today: string, purpose: string): DateCheck =>
  checkPastDate(facts, 'birthDate', today, (birth) => today < addYears(birth, 21), purpose);

/** The result of `checkEarliestDate`: which of the facts the earliest possible day came from. */
export interface EarliestDateCheck extends DateCheck {
  from?: DateFactId;
}

/**
 * Checks a threshold on the earliest of several date facts (a clock that starts at the first of
 * them, such as presence counted from the first arrival rather than the last). Facts not given or
 * unusable are left out; the earliest day is the smallest of their earliest days, the latest the
 * smallest of their latest days, so a partial date is read as in `checkPastDate`. With none usable,
 * it is `checkPastDate` on the first id (its missing note names that fact).
 *
 * @example checkEarliestDate({ entryDate: '2024-01-01', firstEntryDate: '2012' }, ['entryDate',
 *   'firstEntryDate'], '2026-11-25', tenYears, 'check…') // { tri: 'yes', from: 'firstEntryDate', … }
 */
export function checkEarliestDate(
  facts: Facts,
  ids: [DateFactId, ...DateFactId[]],
  today: string,
  holds: (date: string) => boolean,
  purpose: string,
): EarliestDateCheck {
  const usable = ids.flatMap((id) => {
    const value = facts[id];
    const range = value === undefined ? undefined : pastDateRange(value, today);
    return range && value !== undefined ? [{ id, value, range }] : [];
  });
  const first = usable.reduce<(typeof usable)[number] | undefined>(
    (best, item) => (!best || item.range.earliest < best.range.earliest ? item : best),
    undefined,
  );
  if (!first) return checkPastDate(facts, ids[0], today, holds, purpose);
  const latest = usable.map((item) => item.range.latest).reduce(earlierDate);
  const range = { earliest: first.range.earliest, latest };
  const atEarliest = holds(range.earliest);
  const atLatest = holds(range.latest);
  const found = { value: first.value, range, from: first.id };
  if (atEarliest && atLatest) return { tri: 'yes', ...found };
  if (!atEarliest && !atLatest) return { tri: 'no', ...found };
  return {
    tri: 'unknown',
    ...found,
    missing: `${first.id}: exact ${DATE_NOUN[first.id]} needed to ${purpose} (only ${first.value} given)`,
  };
}

/** A date as it reads in a reason: '2016-03-01', or '2016 (partial date)'. */
export function describeDate(value: string): string {
  return isExactDate(value) ? value : `${value} (partial date)`;
}

/** A day count with its unit: '1 day', '97 days'. */
export function dayCount(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** The US-citizen or green-card-holder relatives in `usFamily` ('none' left out). */
export function qualifyingRelatives(usFamily: readonly UsFamily[] | undefined): UsFamily[] {
  return (usFamily ?? []).filter((relative) => relative !== 'none');
}

/**
 * criminalHistory as a complication: 'yes' weakens or bars many options; 'prefer-not' is reported
 * as not disclosed, because a record the attorney has not seen can matter just as much.
 * `effect` says what a record does to this option.
 */
export function criminalComplications(facts: Facts, effect: string): string[] {
  if (facts.criminalHistory === 'yes') return [`criminalHistory = yes: ${effect}`];
  if (facts.criminalHistory === 'prefer-not') {
    return [`criminalHistory = prefer-not (not disclosed): ask; if there is a record, ${effect}`];
  }
  return [];
}

/** The usual wording when a record's effect on an option is not spelled out in our sources. */
export const RECORD_MAY_WEAKEN =
  'an arrest, charge or conviction may bar or weaken this option; the attorney needs the full record';

/**
 * reenteredAfterRemoval = yes complicates almost everything: the old order can be reinstated, which
 * generally bars relief other than withholding of removal and CAT (INA 241(a)(5)). `effect`
 * replaces the general wording where a flag needs a more specific one.
 */
export function reentryComplications(facts: Facts, effect?: string): string[] {
  if (facts.reenteredAfterRemoval !== 'yes') return [];
  return [
    `reenteredAfterRemoval = yes: ${
      effect ??
      'the prior removal order may be reinstated, which generally bars relief other than withholding of removal and CAT (INA 241(a)(5))'
    }`,
  ];
}

/** Builds a flag, dropping empty notes so callers can pass optional ones inline. */
export function makeFlag(
  id: FlagId,
  reasons: string[],
  complications: string[] = [],
  missing: Array<string | undefined> = [],
): Flag {
  return {
    id,
    reasons,
    complications,
    missing: missing.filter((note): note is string => note !== undefined),
  };
}
