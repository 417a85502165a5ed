/**
 * Small pure helpers for calendar dates written as ISO strings ('YYYY-MM-DD'), and for the partial
 * dates an intake stores when the client knows only the month or the year ('YYYY-MM', 'YYYY').
 *
 * All arithmetic is on whole UTC days, so no time zone or daylight-saving change can move a date:
 * the caller decides which calendar day "today" is (in the firm's time zone) and passes it in.
 */

/** The first and last calendar day a (possibly partial) date can stand for, both 'YYYY-MM-DD'. */
export interface DateRange {
  earliest: string;
  latest: string;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function format(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Number of days in a month (1-12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/**
 * Whether a string is a real calendar date 'YYYY-MM-DD' (so '2026-02-30' is not).
 *
 * @example isValidIsoDate('2024-02-29') // true; isValidIsoDate('2025-02-29') // false
 */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function toUtcDayNumber(iso: string): number {
  if (!isValidIsoDate(iso)) throw new RangeError(`Not a calendar date 'YYYY-MM-DD': ${iso}`);
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round(d.getTime() / DAY_MS);
}

function fromUtcDayNumber(day: number): string {
  const d = new Date(day * DAY_MS);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @example daysBetween('2026-11-25', '2027-03-02') // 97
 */
export function daysBetween(from: string, to: string): number {
  return toUtcDayNumber(to) - toUtcDayNumber(from);
}

/** The date `days` days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  return fromUtcDayNumber(toUtcDayNumber(iso) + days);
}

/**
 * The same day and month `years` calendar years later (earlier when negative). February 29 becomes
 * February 28 in a year without one, so an anniversary never falls later than the date itself would.
 *
 * @example addYears('2025-11-25', 1) // '2026-11-25'; addYears('2024-02-29', 1) // '2025-02-28'
 */
export function addYears(iso: string, years: number): string {
  if (!isValidIsoDate(iso)) throw new RangeError(`Not a calendar date 'YYYY-MM-DD': ${iso}`);
  const year = Number(iso.slice(0, 4)) + years;
  const month = Number(iso.slice(5, 7));
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month));
  return format(year, month, day);
}

/**
 * Age in completed years on a given day; the birthday itself counts (so someone born 2005-11-25 is
 * 21 on 2026-11-25). A February 29 birthday falls on February 28 in other years, as in `addYears`.
 *
 * @example ageOn('2005-11-26', '2026-11-25') // 20
 */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return addYears(birthDate, years) <= onDate ? years : years - 1;
}

/** Whether a stored date gives the day ('YYYY-MM-DD') rather than only the month or the year. */
export function isExactDate(partial: string): boolean {
  return ISO_DATE.test(partial);
}

/**
 * The range of days a partial date can stand for: 'YYYY' is Jan 1 to Dec 31, 'YYYY-MM' the whole
 * month, and a full date just that day. Undefined when the text is not a real (partial) date.
 *
 * @example partialDateRange('2024-02') // { earliest: '2024-02-01', latest: '2024-02-29' }
 */
export function partialDateRange(partial: string): DateRange | undefined {
  const m = PARTIAL_DATE.exec(partial);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { earliest: format(year, 1, 1), latest: format(year, 12, 31) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) {
    return {
      earliest: format(year, month, 1),
      latest: format(year, month, daysInMonth(year, month)),
    };
  }
  return isValidIsoDate(partial) ? { earliest: partial, latest: partial } : undefined;
}

/** The earlier of two ISO dates (string order is date order for 'YYYY-MM-DD'). */
export function earlierDate(a: string, b: string): string {
  return a <= b ? a : b;
}
