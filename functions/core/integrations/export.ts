/**
 * The console's CSV download and a lead's events, as the staff API answers them (README
 * "Exporting leads", "Signed webhooks"): the leads created in a range of the firm's days, and
 * each event still waiting or given up on, per target.
 */
import * as z from 'zod';
import { addDays, daysBetween, isValidIsoDate, todayIn } from '../calendar';
import type { Lead } from '../leads/lead';
import type { LeadStore, StaffStore } from '../ports';
import type { Roster } from '../routing/roster';
import { leadsCsv } from './csv';
import { CLIO_TARGET } from './events';

/** The longest range one download reads (a day is one Query). */
export const MAX_EXPORT_DAYS = 366;
export const DEFAULT_EXPORT_DAYS = 30;

const IsoDay = z.string().refine(isValidIsoDate, 'must be a date YYYY-MM-DD').optional();

/**
 * `?from=&to=` in the firm's days: default the last DEFAULT_EXPORT_DAYS up to today; a `to`
 * after today is today; `from` after `to`, or over MAX_EXPORT_DAYS, fails naming the field.
 *
 * @example exportQuerySchema('2026-12-07').parse({}) // { from: '2026-11-08', to: '2026-12-07' }
 */
export function exportQuerySchema(today: string) {
  const resolve = (q: { from?: string; to?: string }) => {
    const to = q.to && q.to < today ? q.to : today;
    return { from: q.from ?? addDays(to, -(DEFAULT_EXPORT_DAYS - 1)), to };
  };
  return z
    .strictObject({ from: IsoDay, to: IsoDay })
    .superRefine((q, ctx) => {
      if (![q.from, q.to].every((d) => d === undefined || isValidIsoDate(d))) return;
      const { from, to } = resolve(q);
      if (from > to)
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
      else if (daysBetween(from, to) + 1 > MAX_EXPORT_DAYS)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `the range is at most ${MAX_EXPORT_DAYS} days`,
        });
    })
    .transform(resolve);
}

/**
 * The CSV of the leads created from `from` to `to` (the firm's days), newest first; recorded in
 * the console's history as who exported which days (never the leads' data).
 *
 * @example await exportLeads({ leads, roster, staff, now, timeZone }, { from: '2026-12-01', to: '2026-12-07' }, 'ana@firm.example')
 */
export async function exportLeads(
  deps: { leads: LeadStore; roster: Roster; staff: StaffStore; now: () => Date; timeZone: string },
  range: { from: string; to: string },
  by: string,
): Promise<{ csv: string; count: number }> {
  await deps.staff.audit({
    at: deps.now().toISOString(),
    by,
    action: 'export-csv',
    detail: `${range.from}..${range.to}`,
  });
  const all: Lead[] = [];
  for (let day = range.to; day >= range.from; day = addDays(day, -1)) {
    all.push(...(await deps.leads.listDay(day)).reverse());
  }
  const name = (id: string) => deps.roster.attorneys.find((a) => a.id === id)?.name;
  return { csv: leadsCsv(all, name), count: all.length };
}

/** Today in the firm's time zone, for the range's default. */
export const exportToday = (now: Date, timeZone: string) => todayIn(now, timeZone);

/**
 * A lead's events that are not done, per target, for its page in the console: a webhook's URL
 * (the firm's own, shown to its staff), or "Clio Grow".
 *
 * @example leadEventStatus(lead) // [{ type: 'lead.created', target: 'https://crm…', status: 'pending', attempts: 3, lastError: 'HTTP 503', … }]
 */
export function leadEventStatus(lead: Lead) {
  return (lead.outbound?.events ?? []).flatMap((event) =>
    event.targets
      .filter((t) => t.status !== 'sent')
      .map((t) => ({
        eventId: event.id,
        type: event.type,
        createdAt: event.createdAt,
        target: t.target === CLIO_TARGET ? 'Clio Grow' : t.target,
        status: t.status,
        attempts: t.attempts,
        lastError: t.lastError ?? null,
        nextAttemptAt: t.status === 'pending' ? (t.nextAttemptAt ?? null) : null,
      })),
  );
}
