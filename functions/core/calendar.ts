/**
 * The one calendar: dates as plain { y, m, d } numbers and day counts since 1970-01-01, and the
 * ISO strings an intake stores ('YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' when the client knows only the
 * month or the year). All arithmetic is on whole days, never on `Date` objects, so no host clock,
 * time zone or daylight-saving change can move a date: "today" is decided once, in the firm's time
 * zone (`todayIn`), and passed in.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A calendar date; `m` is 1–12. */
export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

/**
 * Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
 *
 * @example daysFromCivil({ y: 1970, m: 1, d: 2 }) // => 1
 */
export function daysFromCivil({ y, m, d }: CivilDate): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100);
  return era * 146097 + dayOfEra + dayOfYear - 719468;
}

/**
 * The date `days` days after 1970-01-01 (the inverse of `daysFromCivil`).
 *
 * @example civilFromDays(31) // => { y: 1970, m: 2, d: 1 }
 */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/**
 * Number of days in a month, leap years included.
 *
 * @example daysInMonth(2028, 2) // => 29
 */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * Whether the numbers make a real date (no February 30, no month 13).
 *
 * @example isRealDate({ y: 2027, m: 2, d: 30 }) // => false
 */
export function isRealDate({ y, m, d }: CivilDate): boolean {
  return (
    Number.isInteger(y) &&
    m >= 1 &&
    m <= 12 &&
    Number.isInteger(d) &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/**
 * Reads a strict ISO 'YYYY-MM-DD'. It is for the trusted "today" passed in by the caller, so a
 * malformed value is a programming error and throws.
 *
 * @example readIsoDate('2027-03-14') // => { y: 2027, m: 3, d: 14 }
 */
export function readIsoDate(iso: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = match
    ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) }
    : undefined;
  if (!date || !isRealDate(date)) throw new TypeError(`today must be YYYY-MM-DD, got "${iso}"`);
  return date;
}

/**
 * Formats as 'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' when the day or month is unknown.
 *
 * @example formatDate({ y: 2015, m: 3 }) // => '2015-03'
 */
export function formatDate({ y, m, d }: { y: number; m?: number; d?: number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (m === undefined) return String(y).padStart(4, '0');
  if (d === undefined) return `${String(y).padStart(4, '0')}-${pad(m)}`;
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

/**
 * Adds months, keeping the day but clamping it to the month's end (Jan 31 + 1 month = Feb 28).
 *
 * @example addMonths({ y: 2027, m: 1, d: 31 }, 1) // => { y: 2027, m: 2, d: 28 }
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday.
 *
 * @example weekday({ y: 2027, m: 3, d: 14 }) // => 0
 */
export function weekday(date: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((daysFromCivil(date) + 4) % 7) + 7) % 7;
}

/** The first and last calendar day a (possibly partial) date can stand for, both 'YYYY-MM-DD'. */
export interface DateRange {
  earliest: string;
  latest: string;
}

/**
 * Whether a string is a real calendar date 'YYYY-MM-DD' (so '2026-02-30' is not).
 *
 * @example isValidIsoDate('2024-02-29') // true; isValidIsoDate('2025-02-29') // false
 */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isRealDate({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) });
}

function dayNumber(iso: string): number {
  if (!isValidIsoDate(iso)) throw new RangeError(`Not a calendar date 'YYYY-MM-DD': ${iso}`);
  return daysFromCivil({
    y: Number(iso.slice(0, 4)),
    m: Number(iso.slice(5, 7)),
    d: Number(iso.slice(8, 10)),
  });
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @example daysBetween('2026-11-25', '2027-03-02') // 97
 */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date `days` days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  return formatDate(civilFromDays(dayNumber(iso) + days));
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
  return formatDate({ y: year, m: month, d: day });
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
  if (m[2] === undefined) {
    return {
      earliest: formatDate({ y: year, m: 1, d: 1 }),
      latest: formatDate({ y: year, m: 12, d: 31 }),
    };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) {
    return {
      earliest: formatDate({ y: year, m: month, d: 1 }),
      latest: formatDate({ y: year, m: month, d: daysInMonth(year, month) }),
    };
  }
  return isValidIsoDate(partial) ? { earliest: partial, latest: partial } : undefined;
}

/** The earlier of two ISO dates (string order is date order for 'YYYY-MM-DD'). */
export function earlierDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/**
 * "Today" on the firm's clock. Every date rule (deadlines, "next Tuesday", ages) uses the
 * conversation's own clock in the firm's time zone, never the server's.
 *
 * @example todayIn(new Date('2026-11-26T03:00:00Z'), 'America/Los_Angeles') // '2026-11-25'
 */
export function todayIn(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The `n`th weekday `wd` (0 = Sunday) of a month, or its last one when `n` is -1. */
function nthWeekday(y: number, m: number, wd: number, n: number): string {
  if (n === -1) {
    const last = { y, m, d: daysInMonth(y, m) };
    return formatDate({ y, m, d: last.d - ((weekday(last) - wd + 7) % 7) });
  }
  const first = weekday({ y, m, d: 1 });
  return formatDate({ y, m, d: 1 + ((wd - first + 7) % 7) + (n - 1) * 7 });
}

/** A fixed-date holiday and, when it falls on a weekend, the weekday it is observed on. */
function observed(y: number, m: number, d: number): string[] {
  const day = formatDate({ y, m, d });
  const wd = weekday({ y, m, d });
  if (wd === 6) return [day, addDays(day, -1)];
  if (wd === 0) return [day, addDays(day, 1)];
  return [day];
}

/**
 * The federal legal holidays of a year (5 U.S.C. 6103(a)), each fixed-date one also on the day it
 * is observed when it falls on a weekend (5 U.S.C. 6103(b)): a Saturday's on the Friday before, a
 * Sunday's on the Monday after. Inauguration Day is left out: it is a holiday only in the
 * Washington area (6103(c)).
 *
 * @example federalHolidays(2026).includes('2026-11-26') // true (Thanksgiving)
 */
export function federalHolidays(y: number): string[] {
  return [
    ...observed(y, 1, 1),
    ...(y >= 1986 ? [nthWeekday(y, 1, 1, 3)] : []),
    nthWeekday(y, 2, 1, 3),
    nthWeekday(y, 5, 1, -1),
    ...(y >= 2021 ? observed(y, 6, 19) : []),
    ...observed(y, 7, 4),
    nthWeekday(y, 9, 1, 1),
    nthWeekday(y, 10, 1, 2),
    ...observed(y, 11, 11),
    nthWeekday(y, 11, 4, 4),
    ...observed(y, 12, 25),
  ];
}

/** Not a Saturday, a Sunday or a federal legal holiday (New Year's Day may be observed on Dec 31). */
export function isBusinessDay(iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  const wd = weekday({ y, m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });
  if (wd === 0 || wd === 6) return false;
  return !federalHolidays(y).includes(iso) && !federalHolidays(y + 1).includes(iso);
}

/**
 * The last day of a filing period that ends on `iso`: that day, or when it is a Saturday, Sunday
 * or legal holiday the next day that is none of those (8 CFR 1.1(h) and 1001.1(h); 8 CFR
 * 1003.38(b) for appeals to the Board).
 *
 * @example lastFilingDay('2026-11-29') // '2026-11-30' (a Sunday moves to Monday)
 */
export function lastFilingDay(iso: string): string {
  let day = iso;
  while (!isBusinessDay(day)) day = addDays(day, 1);
  return day;
}

/** A wall-clock time in a time zone: its date ('YYYY-MM-DD'), hour (0–23) and minute. */
export interface WallClock {
  date: string;
  hour: number;
  minute: number;
}

/**
 * What a clock on the wall in `timeZone` shows at `instant`.
 *
 * @example wallClock(new Date('2026-12-07T18:00:00Z'), 'America/Los_Angeles') // { date: '2026-12-07', hour: 10, minute: 0 }
 */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    hour: Number(part('hour')),
    minute: Number(part('minute')),
  };
}

/**
 * The instant a wall clock in `timeZone` shows `hour:minute` on `date`, with the zone's offset
 * of that day: "10:00 on the day before" stays 10:00 on either side of a daylight-saving change.
 * (For an hour the clocks skip, 02:00–03:00 on the spring change, the answer is an hour off; no
 * caller asks for one.)
 *
 * @example zonedInstant('2026-12-14', 10, 0, 'America/Los_Angeles').toISOString() // '2026-12-14T18:00:00.000Z'
 */
export function zonedInstant(date: string, hour: number, minute: number, timeZone: string): Date {
  const { y, m, d } = readIsoDate(date);
  const asUtc = Date.UTC(y, m - 1, d, hour, minute);
  // The zone's offset at a guess, then at the answer: two steps settle any offset.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = wallClock(new Date(guess), timeZone);
    const shownMs = Date.UTC(
      ...((shown.date.split('-').map(Number) as [number, number, number]).map((n, j) =>
        j === 1 ? n - 1 : n,
      ) as [number, number, number]),
      shown.hour,
      shown.minute,
    );
    guess += asUtc - shownMs;
  }
  return new Date(guess);
}
