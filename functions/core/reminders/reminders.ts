/**
 * Hearing reminders (DOMAIN.md "Hearing reminders"): what a lead's reminders are, when each goes
 * out, and what moves or stops them. Kept on the lead itself, so one version-checked write of the
 * lead claims a reminder (two workers never both send it), staff changing the hearing date move
 * them in the same write, and erasing the lead erases them. The worker's pass is ./send.ts.
 *
 * When: 7 days before and the day before at 10:00, and the morning of the hearing at 08:00 (10:00
 * for an afternoon hearing), all in the firm's time zone; nothing between 21:00 and 08:00. A
 * reminder is only planned for a day after today: a hearing tomorrow gets only the morning's, a
 * hearing today or past none (the closing message already said what to do).
 */
import * as z from 'zod';
import { addDays, wallClock, zonedInstant } from '../calendar';
import { ConsentSchema } from '../engine/state';
import { LanguageSchema } from '../flow';

export const REMINDER_KINDS = ['week', 'day', 'morning'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Why a reminder did not go out: shown in the console, never a message's text. */
export const REMINDER_REASONS = [
  'opted-out',
  'staff',
  'too-late',
  'interrupted',
  'hearing-changed',
  'failed',
] as const;

export const ReminderSchema = z.strictObject({
  kind: z.enum(REMINDER_KINDS),
  via: z.enum(['sms', 'email']),
  /** The hearing date it reminds of (a new date makes new reminders). */
  hearingDate: z.string(),
  /** When it is due (UTC ISO). */
  at: z.string(),
  /**
   * scheduled → sending (claimed by one worker until claimedUntil) → sent; failed after its tries
   * or when a claim ran out (it may have gone out: never sent twice); cancelled by a STOP, staff,
   * a new date, or because its time passed.
   */
  status: z.enum(['scheduled', 'sending', 'sent', 'failed', 'cancelled']),
  tries: z.number().int().nonnegative(),
  /** A retry's time, after a failed send. */
  nextAt: z.string().optional(),
  claimedUntil: z.string().optional(),
  sentAt: z.string().optional(),
  reason: z.enum(REMINDER_REASONS).optional(),
  /** The error's name only. */
  lastError: z.string().optional(),
});
export type Reminder = z.infer<typeof ReminderSchema>;

/** The client's yes to reminders, with the version of the words they said yes to. */
export const ReminderConsentSchema = ConsentSchema;
export type ReminderConsent = z.infer<typeof ReminderConsentSchema>;

export const RemindersSchema = z.strictObject({
  consent: ReminderConsentSchema,
  language: LanguageSchema,
  /** Where they go: the client's phone (texts) and email, as given in the intake. */
  phone: z.string().optional(),
  /**
   * The yes came by WhatsApp: text reminders go there (as the `reminder` template), or by SMS
   * when no template is set up (functions/core/channels/whatsapp/outbound.ts).
   */
  whatsapp: z.literal(true).optional(),
  email: z.string().optional(),
  hearing: z.strictObject({
    date: z.string(),
    /** 'HH:MM' (24 h) when the client said it. */
    time: z.string().optional(),
    court: z.string().optional(),
  }),
  items: z.array(ReminderSchema),
  /** Staff ended them: who and when. */
  cancelled: z.strictObject({ by: z.string(), at: z.string() }).optional(),
});
export type Reminders = z.infer<typeof RemindersSchema>;

/** No text before 08:00 or from 21:00 on (the firm's time zone). */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;
const SEND_HOUR = 10;
/** A hearing at this hour or later is an afternoon one: its morning reminder goes at SEND_HOUR. */
const AFTERNOON_HOUR = 12;

/** Where a reminder of each kind falls: days before the hearing, and the hour. */
function slot(kind: ReminderKind, hearing: Reminders['hearing']): { days: number; hour: number } {
  if (kind === 'week') return { days: 7, hour: SEND_HOUR };
  if (kind === 'day') return { days: 1, hour: SEND_HOUR };
  const hour = hearing.time ? Number(hearing.time.slice(0, 2)) : 0;
  return { days: 0, hour: hour >= AFTERNOON_HOUR ? SEND_HOUR : QUIET_UNTIL_HOUR };
}

/**
 * The reminders for a hearing, by each way given, planned on `today` (the firm's date).
 *
 * @example planReminders({ date: '2026-12-14' }, ['sms'], '2026-12-06', 'America/Los_Angeles').map((r) => r.kind) // ['week', 'day', 'morning']
 */
export function planReminders(
  hearing: Reminders['hearing'],
  via: Reminder['via'][],
  today: string,
  timeZone: string,
): Reminder[] {
  const out: Reminder[] = [];
  for (const kind of REMINDER_KINDS) {
    const { days, hour } = slot(kind, hearing);
    const day = addDays(hearing.date, -days);
    // Only on a day after today: "the day before" an hour after the intake says nothing new.
    if (day <= today) continue;
    const at = zonedInstant(day, hour, 0, timeZone).toISOString();
    for (const way of via) {
      out.push({ kind, via: way, hearingDate: hearing.date, at, status: 'scheduled', tries: 0 });
    }
  }
  return out;
}

/**
 * The latest a reminder is still worth sending: the week's until the day's is due, the day's until
 * the morning's, the morning's until the hearing (noon when its time is not known).
 */
export function deadlineOf(
  reminder: Pick<Reminder, 'kind' | 'hearingDate'>,
  hearing: Reminders['hearing'],
  timeZone: string,
): Date {
  if (reminder.kind === 'morning') {
    const [h, m] = (hearing.time ?? `${AFTERNOON_HOUR}:00`).split(':').map(Number);
    return zonedInstant(reminder.hearingDate, h ?? AFTERNOON_HOUR, m ?? 0, timeZone);
  }
  const next = reminder.kind === 'week' ? 'day' : 'morning';
  const { days, hour } = slot(next, hearing);
  return zonedInstant(addDays(reminder.hearingDate, -days), hour, 0, timeZone);
}

/** True between 21:00 and 08:00 on the firm's clock. */
export function isQuietHour(instant: Date, timeZone: string): boolean {
  const { hour } = wallClock(instant, timeZone);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** `instant`, or 08:00 after it when it falls in the quiet hours. */
export function outsideQuietHours(instant: Date, timeZone: string): Date {
  if (!isQuietHour(instant, timeZone)) return instant;
  const clock = wallClock(instant, timeZone);
  const day = clock.hour >= QUIET_FROM_HOUR ? addDays(clock.date, 1) : clock.date;
  return zonedInstant(day, QUIET_UNTIL_HOUR, 0, timeZone);
}

/** When a reminder waits now: its retry, else its time; a claim until it runs out. */
export function dueAt(reminder: Reminder): string | undefined {
  if (reminder.status === 'scheduled') return reminder.nextAt ?? reminder.at;
  if (reminder.status === 'sending') return reminder.claimedUntil ?? reminder.at;
  return undefined;
}

/** The earliest time any of the lead's reminders waits for, if any: the due-time index's key. */
export function nextDue(reminders: Reminders | undefined): string | undefined {
  const times = (reminders?.items ?? []).map(dueAt).filter((t): t is string => t !== undefined);
  return times.length ? times.sort()[0] : undefined;
}

/**
 * Every reminder not gone yet is cancelled, with the reason; those sent stay as they were.
 *
 * @example cancelPending(reminders, 'staff').items.every((r) => r.status !== 'scheduled') // true
 */
export function cancelPending(
  reminders: Reminders,
  reason: NonNullable<Reminder['reason']>,
): Reminders {
  return {
    ...reminders,
    items: reminders.items.map((r) =>
      r.status === 'scheduled' ? { ...r, status: 'cancelled', reason, nextAt: undefined } : r,
    ),
  };
}

/**
 * The reminders for a new hearing date: new ones planned for it. Staff's date (checked) cancels
 * those not gone yet for any other date; the client's own (`keepEarlier`: whoever holds their
 * phone could have typed it) leaves them, so a false "new date" cannot silence the real one's
 * until staff confirm it. Stopped reminders stay stopped.
 */
export function moveReminders(
  reminders: Reminders,
  hearing: Reminders['hearing'],
  today: string,
  timeZone: string,
  options: { keepEarlier?: boolean } = {},
): Reminders {
  // Staff's date: the others' not gone yet are cancelled (the new date's, if planned, stay).
  const items = options.keepEarlier
    ? reminders.items
    : reminders.items.map((r) =>
        r.status === 'scheduled' && r.hearingDate !== hearing.date
          ? {
              ...r,
              status: 'cancelled' as const,
              reason: 'hearing-changed' as const,
              nextAt: undefined,
            }
          : r,
      );
  const sameSlot = (a: Reminder, b: Reminder) =>
    a.hearingDate === b.hearingDate && a.kind === b.kind && a.via === b.via;
  const fresh = planReminders(
    hearing,
    [...new Set(reminders.items.map((r) => r.via))],
    today,
    timeZone,
  );
  // Back to a date whose reminders a move cancelled: planned again in their place.
  const kept = items.filter(
    (k) =>
      !(
        k.status === 'cancelled' &&
        k.reason === 'hearing-changed' &&
        fresh.some((f) => sameSlot(f, k))
      ),
  );
  if (reminders.cancelled || !reminders.consent.given) return { ...reminders, hearing, items };
  // A date already planned (the client said it again) is not planned twice.
  const planned = fresh.filter((f) => !kept.some((k) => sameSlot(f, k)));
  return { ...reminders, hearing, items: [...kept, ...planned] };
}

/**
 * 'HH:MM' when the words say a time of day ("8:30 am", "a las 9", "1:00 p. m.", "13:30"), else
 * undefined: the hearing's time if the client typed it with the date.
 *
 * @example timeOfDay('el 14 de diciembre a las 8:30 de la mañana') // '08:30'
 */
export function timeOfDay(words: string): string | undefined {
  const text = words.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const clock =
    /\b(\d{1,2})(?::(\d{2}))\s*(a\.?\s?m\.?|p\.?\s?m\.?|de la manana|de la tarde)?/.exec(text);
  const spoken =
    /\b(?:a las|at)\s+(\d{1,2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|de la manana|de la tarde)?/.exec(
      text,
    );
  const bare = /\b(\d{1,2})\s*(a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])/.exec(text);
  const match = clock ?? spoken ?? bare;
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = match[2] && match[0].includes(':') ? Number(match[2]) : 0;
  const half = (bare === match ? match[2] : match[3]) ?? '';
  if (/^p|tarde/.test(half) && hour < 12) hour += 12;
  if (/^a|manana/.test(half) && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  // A bare "a las 2" with no half of the day: courts sit 8 to 5, so 1 to 5 is the afternoon.
  if (!half && hour >= 1 && hour <= 5) hour += 12;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
