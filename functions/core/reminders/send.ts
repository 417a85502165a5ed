/**
 * The reminders' worker pass: every reminder due goes out once. A worker claims it with a
 * version-checked save of its lead before sending (of two workers, one wins; the other reads the
 * claim and moves on), sends it, and marks it sent. A failed send is tried again with backoff
 * (never in the quiet hours, never past its use); a claim that ran out (a worker died mid-send)
 * is marked failed, not sent again: the text may have gone out, and a reminder is never sent twice.
 * Nothing goes to a number that opted out (STOP) since the client said yes. Locally the delivery
 * worker runs this every few seconds; on AWS the timer Lambda every minute.
 */
import { whatsAppAddress } from '../channels/address';
import { messageWhatsAppClient, type TemplateSids } from '../channels/whatsapp/outbound';
import type { Content } from '../content';
import { VersionConflictError } from '../errors';
import type { Lead } from '../leads/lead';
import type { LeadStore, Logger, Mailer, SmsSender, SmsStore } from '../ports';
import { retryOnConflict } from '../retry';
import {
  deadlineOf,
  dueAt,
  isQuietHour,
  outsideQuietHours,
  type Reminder,
  type Reminders,
} from './reminders';
import { reminderEmail, reminderTemplateVariables, reminderText } from './words';

export interface ReminderDeps {
  leads: LeadStore;
  /** The texters' lines: a number that opted out gets nothing. */
  lines?: Pick<SmsStore, 'getLine'>;
  /** Absent or unavailable: text reminders wait (and fail after their tries) rather than vanish. */
  sender?: SmsSender;
  mailer: Mailer;
  mailFrom: string;
  content: Pick<Content, 'strings' | 'firm'>;
  now: () => Date;
  log: Logger;
  /** WhatsApp template SIDs (WHATSAPP_TEMPLATES): reminders to a client who came by WhatsApp. */
  whatsAppTemplates?: TemplateSids;
}

export interface ReminderPass {
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
}

/** Tries before a reminder is marked failed. */
export const REMINDER_TRIES = 4;
/** A claim lasts this long. */
const CLAIM_MS = 2 * 60_000;
const backoffMs = (tries: number) => Math.min(60 * 60_000, 5 * 60_000 * 3 ** (tries - 1));

const same = (a: Reminder, b: Reminder) =>
  a.kind === b.kind && a.via === b.via && a.hearingDate === b.hearingDate;

/**
 * Sends every reminder due now.
 *
 * @example await sendDueReminders(deps) // { sent: 1, retried: 0, failed: 0, cancelled: 0 }
 */
export async function sendDueReminders(deps: ReminderDeps): Promise<ReminderPass> {
  const pass: ReminderPass = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
  if (!deps.leads.listReminding) return pass;
  const leads = await deps.leads.listReminding(deps.now());
  for (const lead of leads) {
    for (const reminder of lead.reminders?.items ?? []) {
      try {
        const result = await sendOne(deps, lead.leadId, reminder);
        if (result) pass[result] += 1;
      } catch (error) {
        // One lead's trouble (a throttled save) does not stop the others; the next pass retries.
        deps.log.error('reminder_failed', {
          leadId: lead.leadId,
          kind: reminder.kind,
          error: error instanceof Error ? error.name : 'Error',
        });
      }
    }
  }
  return pass;
}

type Result = keyof ReminderPass | undefined;

/** One reminder of one lead: claimed, sent, marked; or put off, cancelled or marked failed. */
async function sendOne(deps: ReminderDeps, leadId: string, seen: Reminder): Promise<Result> {
  const now = deps.now();
  const due = dueAt(seen);
  if (!due || due > now.toISOString()) return undefined;
  // Read again: the index is eventually consistent, and another worker may have it already.
  const lead = await deps.leads.get(leadId);
  const reminders = lead?.reminders;
  const reminder = reminders?.items.find((r) => same(r, seen));
  if (!lead || !reminders || !reminder) return undefined;
  const current = dueAt(reminder);
  if (!current || current > now.toISOString()) return undefined;
  const { timeZone } = deps.content.firm;

  if (reminder.status === 'sending') {
    // A worker claimed it and did not finish: it may have gone out. Not sent again.
    await mark(deps, leadId, reminder, { status: 'failed', reason: 'interrupted' });
    return 'failed';
  }
  if (now > deadlineOf(reminder, reminders.hearing, timeZone)) {
    await mark(deps, leadId, reminder, { status: 'cancelled', reason: 'too-late' });
    return 'cancelled';
  }
  if (reminder.via === 'sms' && (await optedOut(deps, reminders))) {
    await mark(deps, leadId, reminder, { status: 'cancelled', reason: 'opted-out' });
    return 'cancelled';
  }
  if (isQuietHour(now, timeZone)) {
    // Late (a worker was down): at 08:00, if still of use then.
    await mark(deps, leadId, reminder, { nextAt: outsideQuietHours(now, timeZone).toISOString() });
    return undefined;
  }

  // The claim: only the worker whose save of this version wins sends it.
  const claimed = { ...reminder, status: 'sending' as const, claimedUntil: iso(now, CLAIM_MS) };
  try {
    await deps.leads.save(withReminder(lead, claimed, now));
  } catch (error) {
    if (error instanceof VersionConflictError) return undefined;
    throw error;
  }

  try {
    await deliver(deps, reminders, reminder);
  } catch (error) {
    const tries = reminder.tries + 1;
    const name = error instanceof Error ? error.name : 'Error';
    const retryAt = outsideQuietHours(new Date(now.getTime() + backoffMs(tries)), timeZone);
    const last =
      tries >= REMINDER_TRIES || retryAt > deadlineOf(reminder, reminders.hearing, timeZone);
    deps.log.error('reminder_send_failed', {
      leadId,
      kind: reminder.kind,
      via: reminder.via,
      error: name,
      tries,
    });
    await mark(deps, leadId, claimed, {
      status: last ? 'failed' : 'scheduled',
      tries,
      lastError: name,
      nextAt: last ? undefined : retryAt.toISOString(),
      reason: last ? 'failed' : undefined,
      claimedUntil: undefined,
    });
    return last ? 'failed' : 'retried';
  }
  await mark(deps, leadId, claimed, {
    status: 'sent',
    sentAt: now.toISOString(),
    tries: reminder.tries + 1,
    claimedUntil: undefined,
    nextAt: undefined,
  });
  deps.log.info('reminder_sent', { leadId, kind: reminder.kind, via: reminder.via });
  return 'sent';
}

/** True when the number said STOP after the client said yes (even if it said START since). */
async function optedOut(deps: ReminderDeps, reminders: Reminders): Promise<boolean> {
  const { phone } = reminders;
  if (!phone || !deps.lines) return false;
  // By WhatsApp, a STOP there ends them too (and a STOP by SMS, where they may go instead).
  const addresses = reminders.whatsapp ? [whatsAppAddress(phone), phone] : [phone];
  for (const address of addresses) {
    const line = await deps.lines.getLine(address);
    if (!line) continue;
    if (line.optedOut) return true;
    if (line.optedOutAt !== undefined && line.optedOutAt > reminders.consent.at) return true;
  }
  return false;
}

async function deliver(deps: ReminderDeps, reminders: Reminders, reminder: Reminder) {
  if (reminder.via === 'sms') {
    if (!reminders.phone) throw new ReminderAddressError();
    if (!deps.sender || deps.sender.available === false) throw new ReminderSenderError();
    if (reminders.whatsapp && deps.lines) {
      const [text] = reminderText(deps.content, reminders, reminder, { fold: false });
      const reached = await messageWhatsAppClient(
        { ...deps, sender: deps.sender, sms: deps.lines, templates: deps.whatsAppTemplates },
        {
          phone: reminders.phone,
          language: reminders.language,
          text: text ?? '',
          template: 'reminder',
          variables: reminderTemplateVariables(deps.content, reminders, reminder),
          // The yes to reminders was given with the number safe to contact.
          safeToText: true,
        },
      );
      if (reached.by === 'none') throw new ReminderSenderError();
      return;
    }
    for (const body of reminderText(deps.content, reminders, reminder)) {
      await deps.sender.send({ to: reminders.phone, body });
    }
    return;
  }
  if (!reminders.email) throw new ReminderAddressError();
  await deps.mailer.send({
    from: deps.mailFrom,
    to: [reminders.email],
    ...reminderEmail(deps.content, reminders, reminder),
  });
}

/** The reminder changed on the lead as it is now (re-read after a lost race), and saved. */
async function mark(
  deps: ReminderDeps,
  leadId: string,
  reminder: Reminder,
  change: Partial<Reminder>,
) {
  await retryOnConflict(async () => {
    const lead = await deps.leads.get(leadId);
    const current = lead?.reminders?.items.find((r) => same(r, reminder));
    // Erased, or moved on (staff cancelled it, a new date): nothing left to mark.
    if (!lead || !current || current.status !== reminder.status) return;
    await deps.leads.save(withReminder(lead, { ...current, ...change }, deps.now()));
  });
}

function withReminder(lead: Lead, reminder: Reminder, now: Date): Lead {
  const reminders = lead.reminders as Reminders;
  return {
    ...lead,
    version: lead.version + 1,
    updatedAt: now.toISOString(),
    reminders: {
      ...reminders,
      items: reminders.items.map((r) => (same(r, reminder) ? reminder : r)),
    },
  };
}

const iso = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** A reminder with nowhere to go (the lead lost its phone or email). */
export class ReminderAddressError extends Error {
  override name = 'ReminderAddressError';
}

/** No way to text from here (no Twilio account configured). */
export class ReminderSenderError extends Error {
  override name = 'ReminderSenderError';
}
