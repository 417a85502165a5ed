/**
 * Dates as people type them: "03/14/2027", "March 14", "14 de marzo", "next Tuesday",
 * "hace 3 días", "2015", "marzo de 2015".
 *
 * Numeric dates are read in US order (month/day) whenever both numbers could be a month: the
 * firm's clients fill in US immigration paperwork, which uses that order, and a guess that
 * changed with the language of the message would make "03/04/2027" mean two different days.
 * Day/month is only read when the first number cannot be a month ("14/03/2027").
 */

import { daysFromCivil, daysInMonth, formatDate, isRealDate, readIsoDate } from '../calendar';
import { own } from '../own';
import {
  type DateContext,
  type DateDirection,
  type PartialDate,
  readRelative,
} from './date-relative';
import { MONTHS, WEEKDAYS } from './date-words';
import { NOT_PARSED, type ParseResult, parsed } from './normalize';
import { reading, type Said } from './reading';

export type { DateDirection } from './date-relative';

/** What the question expects of the date. */
export interface DateOptions {
  /** The conversation's own today, 'YYYY-MM-DD'. */
  today: string;
  /** Allow 'YYYY' and 'YYYY-MM' when only the year or month is given (e.g. `entryDate`). */
  allowPartial?: boolean;
  /** 'past' rejects dates after today, 'future' dates before today. Default 'any'. */
  direction?: DateDirection;
}

// Words around a date that do not change it: "it was", "fue el", "como", "a principios de".
// Hedges ("about", "early") are dropped too: the value keeps only what was said for certain.
const LEADING_WORDS = [
  'it was',
  'it is',
  'it will be',
  'its',
  'was',
  'is',
  'will be',
  'the',
  'el',
  'la',
  'fue',
  'es',
  'era',
  'sera',
  'approximately',
  'approx',
  'about',
  'around',
  'roughly',
  'aproximadamente',
  'aprox',
  'como',
  'mas o menos',
  'alrededor de',
  'cerca de',
  'por ahi de',
  'sometime in',
  'sometime',
  'i think',
  'creo que',
  'since',
  'desde',
  'early',
  'late',
  'mid',
  'a principios de',
  'principios de',
  'a finales de',
  'finales de',
  'a fines de',
  'fines de',
  'a mediados de',
  'mediados de',
  'beginning of',
  'end of',
  'middle of',
  'the day',
  'dia',
];
const TRAILING_WORDS = [
  'i think',
  'i believe',
  'creo',
  'mas o menos',
  'more or less',
  'approximately',
  'aproximadamente',
  'aprox',
  'or so',
  'o algo asi',
  'o asi',
  'maybe',
  'tal vez',
];
const LEADING_FILLER = new RegExp(`^(?:${LEADING_WORDS.join('|')})(?:\\s+|-)`);
const TRAILING_FILLER = new RegExp(`\\s+(?:${TRAILING_WORDS.join('|')})$`);
// A hearing notice gives a time too: "March 14 at 8:30 am", "14 de marzo a las 9 de la mañana".
const TIME_OF_DAY = [
  /\s+(?:in the (?:morning|afternoon|evening)|at night|(?:en|por|de) la (?:manana|tarde|noche))$/,
  /(?:\s+(?:at|a las|a la|@))?\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a m|p m)$/,
  /(?:\s+(?:at|a las|a la|@))?\s+\d{1,2}:\d{2}(?:\s*hrs?)?$/,
  /\s+(?:at|a las|a la|@)\s+\d{1,2}$/,
];
// Only meaningful before an absolute date; "in 3 days" and "en 3 días" are read before these go.
const ABSOLUTE_LEAD =
  /^(?:in the year|en el ano|the year|el ano|year|ano|in|en|on|of|de|del|el|the)\s+/;
const NOISE_TOKENS = new Set(['de', 'del', 'of', 'the', 'el', 'en', 'in', 'on']);
const DAY_WORDS: Readonly<Record<string, number>> = { primero: 1, first: 1 };

function stripAll(text: string, patterns: RegExp[]): string {
  let current = text;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    for (const pattern of patterns) current = current.replace(pattern, '').trim();
  }
  return current;
}

function clean(normalized: string): string {
  const folded = normalized
    .replace(/[°º']/g, '')
    // "14th", "1ro", "2do", "1er": ordinal suffixes on day numbers.
    .replace(/(\d)(?:st|nd|rd|th|ro|do|to|mo|vo|no|er|o)\b/g, '$1')
    // "mar. 14", "a.m.": abbreviation dots.
    .replace(/([a-z])\./g, '$1 ')
    .replace(/[,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return stripAll(folded, [LEADING_FILLER, TRAILING_FILLER, ...TIME_OF_DAY]);
}

/** Two-digit years: the latest century that keeps the year within the allowed range. */
function expandYear(digits: string, ctx: DateContext): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  const limit = ctx.direction === 'past' ? ctx.today.y : ctx.today.y + 5;
  return 2000 + n <= limit ? 2000 + n : 1900 + n;
}

/** Month and day from two numbers: US order unless the first cannot be a month. */
function monthDay(a: number, b: number): { m: number; d: number } | undefined {
  if (a > 12 && b > 12) return undefined;
  return a > 12 ? { m: b, d: a } : { m: a, d: b };
}

/** The year for a month and day given without one, chosen by the question's direction. */
function withYear(m: number, d: number, ctx: DateContext): PartialDate | undefined {
  const today = daysFromCivil(ctx.today);
  // A wide window so February 29 still finds its leap year.
  const candidates = [];
  for (let y = ctx.today.y - 8; y <= ctx.today.y + 8; y++) {
    if (isRealDate({ y, m, d }))
      candidates.push({ date: { y, m, d }, offset: daysFromCivil({ y, m, d }) - today });
  }
  return nearest(candidates, ctx.direction)?.date;
}

/** The year for a month given alone ("en marzo"), chosen the same way. */
function monthWithYear(m: number, ctx: DateContext): PartialDate | undefined {
  if (!ctx.allowPartial) return undefined;
  const now = ctx.today.y * 12 + ctx.today.m;
  const candidates = [-1, 0, 1].map((shift) => {
    const y = ctx.today.y + shift;
    return { date: { y, m }, offset: y * 12 + m - now };
  });
  return nearest(candidates, ctx.direction)?.date;
}

function nearest<T>(candidates: { date: T; offset: number }[], direction: DateDirection) {
  if (direction === 'future') {
    return candidates.filter((c) => c.offset >= 0).sort((a, b) => a.offset - b.offset)[0];
  }
  if (direction === 'past') {
    return candidates.filter((c) => c.offset <= 0).sort((a, b) => b.offset - a.offset)[0];
  }
  // Nearest either way; a tie goes to the future, where hearings are.
  return [...candidates].sort(
    (a, b) => Math.abs(a.offset) - Math.abs(b.offset) || b.offset - a.offset,
  )[0];
}

function readNumeric(text: string, ctx: DateContext): PartialDate | undefined {
  const t = text.replace(/\s*([/.-])\s*/g, '$1');
  let match = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(t);
  if (match) return { y: Number(match[1]), m: Number(match[3]), d: Number(match[4]) };
  match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(t);
  if (match) {
    const md = monthDay(Number(match[1]), Number(match[3]));
    return md && { y: expandYear(match[4] ?? '', ctx), ...md };
  }
  match = /^(\d{1,2})[-/.](\d{4})$/.exec(t);
  if (match) return { y: Number(match[2]), m: Number(match[1]) };
  match = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (match) return { y: Number(match[1]), m: Number(match[2]) };
  match = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (match) {
    const md = monthDay(Number(match[1]), Number(match[2]));
    return md && withYear(md.m, md.d, ctx);
  }
  match = /^(\d{4})$/.exec(t);
  return match ? { y: Number(match[1]) } : undefined;
}

/** "March 14 2027", "14 de marzo de 2027", "marzo 14", "mar 2015", "14-mar-2027", "marzo". */
function readWords(text: string, ctx: DateContext): PartialDate | undefined {
  const tokens = text.split(/[\s/-]+/).filter((token) => token && !NOISE_TOKENS.has(token));
  // "Tuesday, March 14": the weekday adds nothing once the date is there.
  if (tokens.length > 1 && WEEKDAYS[tokens[0] ?? ''] !== undefined) tokens.shift();
  let m: number | undefined;
  let d: number | undefined;
  let y: number | undefined;
  let shape = '';
  for (const token of tokens) {
    if (own(MONTHS, token) !== undefined && m === undefined) {
      m = own(MONTHS, token);
      shape += 'M';
    } else if (/^\d{4}$/.test(token) && y === undefined) {
      y = Number(token);
      shape += 'Y';
    } else if ((/^\d{1,2}$/.test(token) || own(DAY_WORDS, token)) && d === undefined) {
      d = own(DAY_WORDS, token) ?? Number(token);
      shape += 'D';
    } else {
      return undefined;
    }
  }
  if (m === undefined) return undefined;
  if (shape === 'M') return monthWithYear(m, ctx);
  if ((shape === 'MY' || shape === 'YM') && y !== undefined) return { y, m };
  if ((shape === 'MD' || shape === 'DM') && d !== undefined) return withYear(m, d, ctx);
  if ((shape === 'MDY' || shape === 'DMY') && d !== undefined && y !== undefined)
    return { y, m, d };
  return undefined;
}

/** Checks the range, the calendar, the precision and the direction, then formats. */
function accept(date: PartialDate, ctx: DateContext): ParseResult<string> {
  const { y, m, d } = date;
  if (y < 1900 || y > ctx.today.y + 5) return NOT_PARSED;
  if (m !== undefined && (m < 1 || m > 12)) return NOT_PARSED;
  if (m !== undefined && d !== undefined && !isRealDate({ y, m, d })) return NOT_PARSED;
  if ((m === undefined || d === undefined) && !ctx.allowPartial) return NOT_PARSED;
  // A partial date is a period: it is in the past if it started by today, in the future if it
  // has not ended ("2027" is not a past year on 2027-03-14, but it is not over either).
  const today = daysFromCivil(ctx.today);
  const start = daysFromCivil({ y, m: m ?? 1, d: d ?? 1 });
  const end = daysFromCivil({ y, m: m ?? 12, d: d ?? daysInMonth(y, m ?? 12) });
  if (ctx.direction === 'past' && start > today) return NOT_PARSED;
  if (ctx.direction === 'future' && end < today) return NOT_PARSED;
  return parsed(formatDate(date));
}

/**
 * Reads a date. Returns 'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' when `allowPartial` is set and only
 * that much was given. A month and day without a year take the next occurrence on or after
 * today ('future'), the last on or before today ('past'), or the nearest ('any'). Impossible
 * dates, years before 1900 or more than 5 years ahead, and dates against the direction fail.
 *
 * @example
 * parseDate('14 de marzo', { today: '2027-01-10', direction: 'future' })
 * // => { ok: true, value: '2027-03-14' }
 */
export function parseDate(said: Said, opts: DateOptions): ParseResult<string> {
  const ctx: DateContext = {
    today: readIsoDate(opts.today),
    allowPartial: opts.allowPartial ?? false,
    direction: opts.direction ?? 'any',
  };
  const cleaned = clean(reading(said).folded);
  if (cleaned === '') return NOT_PARSED;
  const relative = readRelative(cleaned, ctx);
  if (relative) return accept(relative, ctx);
  const absolute = stripAll(cleaned, [ABSOLUTE_LEAD]);
  const date =
    readNumeric(absolute, ctx) ?? readWords(absolute, ctx) ?? yearInSentence(cleaned, ctx);
  return date ? accept(date, ctx) : NOT_PARSED;
}

/**
 * Where only a month or a year is wanted, a sentence around it is fine: "llegué en el 2008",
 * "i came in 2008", "summer 2008", "en marzo del 2019". Exactly one four-digit year and no other
 * number, so "2 kids since 2008" or a date with a day is never guessed at.
 */
function yearInSentence(cleaned: string, ctx: DateContext): PartialDate | undefined {
  if (!ctx.allowPartial) return undefined;
  const numbers = cleaned.match(/\d+/g) ?? [];
  if (numbers.length !== 1 || !/^\d{4}$/.test(numbers[0] ?? '')) return undefined;
  const y = Number(numbers[0]);
  // "may" inside a sentence is more often the verb ("i may have come in 2008") than the month.
  const months = cleaned.split(/\s+/).flatMap((word) => {
    const month = own(MONTHS, word);
    return word !== 'may' && month ? [month] : [];
  });
  return months.length === 1 ? { y, m: months[0] } : { y };
}
