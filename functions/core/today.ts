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
