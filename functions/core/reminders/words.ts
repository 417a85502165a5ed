/**
 * A reminder's words, by text and by email, from the strings in prompts/ (`reminders.*`): the
 * date, the time if known and the court, how to check the date (1-800-898-7180), form EOIR-33
 * within 5 days after a move, and how to stop them. Nothing else of the intake: a shared phone
 * may show it to anyone.
 */

import { renderSms } from '../channels/sms/render';
import type { Content } from '../content';
import { t } from '../engine/render';
import type { Language } from '../flow';
import type { Reminder, Reminders } from './reminders';

type Words = Pick<Content, 'strings' | 'firm'>;

/** "Monday, December 14, 2026" / "lunes, 14 de diciembre de 2026". */
export function hearingDay(date: string, language: Language): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'es' ? 'es-US' : 'en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** "8:30 AM" / "8:30 a. m." from 'HH:MM'. */
function clock(time: string, language: Language): string {
  const [h, m] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(language === 'es' ? 'es-US' : 'en-US', {
    timeZone: 'UTC',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0)));
}

/** "san diego" as typed → "San Diego"; a name typed with capitals stays as typed. */
function titled(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(
    /(^|[\s-])(\p{L})/gu,
    (_, space: string, letter: string) => space + letter.toUpperCase(),
  );
}

function vars(content: Words, reminders: Reminders, reminder: Reminder): Record<string, string> {
  const language = reminders.language;
  const state = { language, answers: {} };
  const { time, court } = reminders.hearing;
  return {
    when: t(content, state, `reminders.when.${reminder.kind}`),
    date: hearingDay(reminder.hearingDate, language),
    time: time ? t(content, state, 'reminders.at', { time: clock(time, language) }) : '',
    court: court ? t(content, state, 'reminders.court', { court: titled(court) }) : '',
  };
}

/**
 * The SMS bodies of a reminder (one, within 3 segments: a test holds it); with `fold: false` its
 * text as written, for WhatsApp (which keeps accents and renders its own).
 */
export function reminderText(
  content: Words,
  reminders: Reminders,
  reminder: Reminder,
  options: { fold?: boolean } = {},
): string[] {
  const language = reminders.language;
  const text = t(
    content,
    { language, answers: {} },
    'reminders.text',
    vars(content, reminders, reminder),
  );
  return options.fold === false ? [text] : renderSms([{ role: 'bot', text }], language);
}

/**
 * The `reminder` WhatsApp template's variables: {{1}} the firm, {{2}} when and where ("tomorrow,
 * Monday, January 14, 2027, 8:30 AM, San Francisco immigration court").
 */
export function reminderTemplateVariables(
  content: Words,
  reminders: Reminders,
  reminder: Reminder,
): string[] {
  const v = vars(content, reminders, reminder);
  return [content.firm.name, `${v.when}, ${v.date}${v.time}${v.court}`];
}

/** A reminder's email: its subject and plain text. */
export function reminderEmail(content: Words, reminders: Reminders, reminder: Reminder) {
  const state = { language: reminders.language, answers: {} };
  const v = vars(content, reminders, reminder);
  return {
    subject: t(content, state, 'reminders.emailSubject', v),
    text: t(content, state, 'reminders.emailText', v),
  };
}
