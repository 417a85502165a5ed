/**
 * Calendar arithmetic and the words for months, weekdays and small numbers, for the date parser.
 *
 * Dates are plain { y, m, d } numbers and day counts since 1970-01-01, never `Date` objects:
 * the parser must not depend on the host's clock or time zone ("today" is passed in).
 */

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

/** Month names and abbreviations in English and Spanish, accent-free ("sept" and "set" too). */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  enero: 1,
  ene: 1,
  february: 2,
  feb: 2,
  febrero: 2,
  march: 3,
  mar: 3,
  marzo: 3,
  april: 4,
  apr: 4,
  abril: 4,
  abr: 4,
  may: 5,
  mayo: 5,
  june: 6,
  jun: 6,
  junio: 6,
  july: 7,
  jul: 7,
  julio: 7,
  august: 8,
  aug: 8,
  agosto: 8,
  ago: 8,
  september: 9,
  sep: 9,
  sept: 9,
  septiembre: 9,
  setiembre: 9,
  set: 9,
  october: 10,
  oct: 10,
  octubre: 10,
  november: 11,
  nov: 11,
  noviembre: 11,
  december: 12,
  dec: 12,
  diciembre: 12,
  dic: 12,
};

/** Weekday names, 0 = Sunday. No Spanish abbreviations: "mar" is March, "mie" is rarely typed. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  sun: 0,
  domingo: 0,
  monday: 1,
  mon: 1,
  lunes: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  martes: 2,
  wednesday: 3,
  wed: 3,
  miercoles: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  jueves: 4,
  friday: 5,
  fri: 5,
  viernes: 5,
  saturday: 6,
  sat: 6,
  sabado: 6,
};

/** Counts written as words in relative dates ("in two weeks", "hace tres días", "en quince días"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  un: 1,
  uno: 1,
  una: 1,
  two: 2,
  dos: 2,
  'a couple of': 2,
  'a couple': 2,
  'couple of': 2,
  'un par de': 2,
  three: 3,
  tres: 3,
  four: 4,
  cuatro: 4,
  five: 5,
  cinco: 5,
  six: 6,
  seis: 6,
  seven: 7,
  siete: 7,
  eight: 8,
  ocho: 8,
  nine: 9,
  nueve: 9,
  ten: 10,
  diez: 10,
  eleven: 11,
  once: 11,
  twelve: 12,
  doce: 12,
  fifteen: 15,
  quince: 15,
  twenty: 20,
  veinte: 20,
  thirty: 30,
  treinta: 30,
};
