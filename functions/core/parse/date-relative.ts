/**
 * Dates said relative to today: "tomorrow", "hace 3 días", "in two weeks", "el martes que viene",
 * "el año pasado". The text arrives already normalised and cleaned by `parseDate`.
 */

import { addMonths, type CivilDate, civilFromDays, daysFromCivil, weekday } from '../calendar';
import { own } from '../own';
import { NUMBER_WORDS, WEEKDAYS } from './date-words';

export type DateDirection = 'past' | 'future' | 'any';

/** What the date parser knows besides the text: the conversation's own today and the rules. */
export interface DateContext {
  today: CivilDate;
  allowPartial: boolean;
  direction: DateDirection;
}

/** A date read from the text; `m` and `d` are absent when only the year or month is known. */
export interface PartialDate {
  y: number;
  m?: number;
  d?: number;
}

const FIXED: Readonly<Record<string, number>> = {
  today: 0,
  hoy: 0,
  'hoy mismo': 0,
  tomorrow: 1,
  manana: 1,
  'day after tomorrow': 2,
  'pasado manana': 2,
  yesterday: -1,
  ayer: -1,
  anoche: -1,
  // Parts of a day: the day they fall on.
  'this morning': 0,
  'this afternoon': 0,
  tonight: 0,
  'earlier today': 0,
  'esta manana': 0,
  'esta tarde': 0,
  'esta noche': 0,
  'hoy en la manana': 0,
  'hoy en la tarde': 0,
  'last night': -1,
  'yesterday morning': -1,
  'yesterday afternoon': -1,
  'ayer en la manana': -1,
  'ayer en la tarde': -1,
  'ayer en la noche': -1,
  'day before yesterday': -2,
  anteayer: -2,
  antier: -2,
  'antes de ayer': -2,
  'antes de anoche': -2,
};

const UNIT = '(days?|dias?|weeks?|semanas?|months?|mes|meses|years?|yrs?|anos?)';
// "hace como 3 años", "in about two weeks": the hedge changes nothing we can store.
const ABOUT = '(?:(?:about|around|like|almost|como|unos|unas|casi|mas o menos)\\s+)?';
const FORWARD = [
  new RegExp(`^(?:in|en|dentro de|within)\\s+${ABOUT}(.+?)\\s+${UNIT}(?:\\s+(?:from now|mas))?$`),
  new RegExp(`^${ABOUT}(.+?)\\s+${UNIT}\\s+(?:from now|from today|later|despues|a partir de hoy)$`),
];
const BACKWARD = [
  new RegExp(`^(?:hace|desde hace)\\s+${ABOUT}(.+?)\\s+${UNIT}(?:\\s+atras)?$`),
  new RegExp(`^${ABOUT}(.+?)\\s+${UNIT}\\s+(?:ago|back|atras)$`),
];

const DAY = `(${Object.keys(WEEKDAYS).join('|')})`;
const NEXT_WEEKDAY = [
  new RegExp(`^(?:next|this coming|coming|proximo|proxima)\\s+${DAY}$`),
  new RegExp(`^${DAY}\\s+(?:que viene|proximo|next)$`),
];
const LAST_WEEKDAY = [
  new RegExp(`^(?:last|past|pasado)\\s+${DAY}$`),
  new RegExp(`^${DAY}\\s+(?:pasado|past)$`),
];
const THIS_WEEKDAY = new RegExp(`^(?:(?:this|este|on)\\s+)?${DAY}$`);

// Periods that name a year or a month, never a day: only useful where partial dates are allowed.
const YEAR_OFFSET: Readonly<Record<string, number>> = {
  'last year': -1,
  'ano pasado': -1,
  'this year': 0,
  'este ano': 0,
  'next year': 1,
  'ano que viene': 1,
  'proximo ano': 1,
};
const MONTH_OFFSET: Readonly<Record<string, number>> = {
  'last month': -1,
  'mes pasado': -1,
  'this month': 0,
  'este mes': 0,
  'next month': 1,
  'mes que viene': 1,
  'proximo mes': 1,
};

function count(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return own(NUMBER_WORDS, word);
}

function shiftDays(ctx: DateContext, days: number): PartialDate {
  return civilFromDays(daysFromCivil(ctx.today) + days);
}

/**
 * Moves today by `n` units. Months and years keep only the precision they carry when partial
 * dates are allowed: "hace 2 años" is a year, not a day exactly two years ago.
 */
function shiftUnits(ctx: DateContext, n: number, unit: string): PartialDate {
  if (/^(day|dia)/.test(unit)) return shiftDays(ctx, n);
  if (/^(week|semana)/.test(unit)) return shiftDays(ctx, n * 7);
  const months = /^(month|mes)/.test(unit) ? n : n * 12;
  const date = addMonths(ctx.today, months);
  if (!ctx.allowPartial) return date;
  return months === n ? { y: date.y, m: date.m } : { y: date.y };
}

function fromPatterns(text: string, patterns: RegExp[], sign: 1 | -1, ctx: DateContext) {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    const n = match ? count(match[1] ?? '') : undefined;
    if (match && n !== undefined) return shiftUnits(ctx, sign * n, match[2] ?? '');
  }
  return undefined;
}

function weekdayFrom(text: string, patterns: RegExp[]): number | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return WEEKDAYS[match[1] ?? ''];
  }
  return undefined;
}

/**
 * The date of a named weekday. "next Tuesday" is the first Tuesday after today (never today),
 * "last Tuesday" the last one before today. A bare or "this" weekday is the coming one, today
 * included, unless the date must be in the past.
 */
function weekdayDate(target: number, mode: 'next' | 'last' | 'this', ctx: DateContext) {
  const ahead = (target - weekday(ctx.today) + 7) % 7;
  const behind = (7 - ahead) % 7;
  if (mode === 'next') return shiftDays(ctx, ahead === 0 ? 7 : ahead);
  if (mode === 'last') return shiftDays(ctx, -(behind === 0 ? 7 : behind));
  return shiftDays(ctx, ctx.direction === 'past' ? -behind : ahead);
}

/**
 * Reads a date relative to `ctx.today`, or returns undefined when the text is not one.
 * "last week" / "la semana pasada" are deliberately not read: they name no day.
 *
 * @example
 * readRelative('hace 3 dias', { today: { y: 2027, m: 3, d: 14 }, allowPartial: false, direction: 'past' })
 * // => { y: 2027, m: 3, d: 11 }
 */
export function readRelative(text: string, ctx: DateContext): PartialDate | undefined {
  const fixed = own(FIXED, text);
  if (fixed !== undefined) return shiftDays(ctx, fixed);

  const shifted = fromPatterns(text, FORWARD, 1, ctx) ?? fromPatterns(text, BACKWARD, -1, ctx);
  if (shifted) return shifted;

  const next = weekdayFrom(text, NEXT_WEEKDAY);
  if (next !== undefined) return weekdayDate(next, 'next', ctx);
  const last = weekdayFrom(text, LAST_WEEKDAY);
  if (last !== undefined) return weekdayDate(last, 'last', ctx);
  const plain = weekdayFrom(text, [THIS_WEEKDAY]);
  if (plain !== undefined) return weekdayDate(plain, 'this', ctx);

  const years = own(YEAR_OFFSET, text);
  if (years !== undefined) return { y: ctx.today.y + years };
  const months = own(MONTH_OFFSET, text);
  if (months !== undefined) {
    const { y, m } = addMonths(ctx.today, months);
    return { y, m };
  }
  return undefined;
}
