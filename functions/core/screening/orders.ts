/**
 * The windows that run from a removal order (orderDate), for the urgency rules and the
 * `motion-to-reopen` flag: 30 days to appeal a judge's order to the Board of Immigration Appeals
 * (8 CFR 1003.38(b); the appeal must be received, not mailed, by then: 1003.38(c)), and 90 days to
 * move to reopen (INA 240(c)(7)(C)(i); 8 CFR 1003.23(b)(1)). A last day on a weekend or federal
 * holiday moves to the next business day (8 CFR 1003.38(b), 1001.1(h)).
 *
 * A partial date ('2026-10') may put the order inside a window or outside it: the window is then
 * 'unknown', which the urgency rules treat as open (an attorney checks the exact date).
 */
import { addDays, daysBetween, lastFilingDay } from '../calendar';
import type { Facts } from '../facts';
import { describeDate, pastDateRange, type Tri } from './common';

export interface OrderWindow {
  /** Whether the window is still open today: yes, no, or cannot tell from a partial date. */
  open: Tri;
  /** The order date as given. */
  date: string;
  /** The last day to file, counted from the latest day the order date can stand for. */
  lastDay: string;
  /** Days since the order, for an exact date. */
  daysAgo?: number;
}

export const APPEAL_DAYS = 30;
export const REOPEN_DAYS = 90;

/**
 * Whether the `days`-day window after the order is still open today, or undefined when no usable
 * order date was given.
 *
 * @example orderWindow({ orderDate: '2026-10-26' }, '2026-11-25', 30) // { open: 'yes', lastDay: '2026-11-25', … }
 */
export function orderWindow(facts: Facts, today: string, days: number): OrderWindow | undefined {
  const date = facts.orderDate;
  const range = date === undefined ? undefined : pastDateRange(date, today);
  if (!range || date === undefined) return undefined;
  const last = (from: string) => lastFilingDay(addDays(from, days));
  const atEarliest = last(range.earliest) >= today;
  const atLatest = last(range.latest) >= today;
  const open: Tri = atEarliest && atLatest ? 'yes' : atLatest ? 'unknown' : 'no';
  const exact = range.earliest === range.latest;
  return {
    open,
    date,
    lastDay: last(range.latest),
    ...(exact ? { daysAgo: daysBetween(range.earliest, today) } : {}),
  };
}

/** "2026-10-27, 29 days ago" or "2026-10 (partial date)". */
export function orderPhrase(window: OrderWindow): string {
  return window.daysAgo === undefined
    ? describeDate(window.date)
    : `${window.date}, ${window.daysAgo === 1 ? '1 day' : `${window.daysAgo} days`} ago`;
}
