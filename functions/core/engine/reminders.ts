/**
 * The intake's side of hearing reminders (DOMAIN.md "Hearing reminders"): the offer at the end of
 * a qualified intake with a hearing date and safeToContact = yes, the client's yes or no (kept
 * with the offer's version, like the consent), and "new date" / "cambió" afterwards, which asks
 * for the new date. The lead's reminders follow from these answers (functions/core/leads/turn.ts);
 * the engine only records them.
 */
import { isExactDate } from '../calendar';
import type { Content } from '../content';
import { parseChoice } from '../parse';
import { phoneNumber } from '../parse/phone-metadata';
import type { Reading, Said } from '../parse/reading';
import { planReminders, type Reminder } from '../reminders/reminders';
import { hearingDay } from '../reminders/words';
import { parseAnswer } from './answers';
import { bot, type EngineContext, type Turn, yesNo } from './ask';
import { t } from './render';
import type { IntakeState } from './state';

/** The steps an ended intake still waits on: the offer's answer, and a new hearing date. */
export const REMINDER_STEPS = ['reminders', 'hearingDate'] as const;

/**
 * How reminders could reach this client: texts to their phone when it is proven theirs (they text
 * from it, or typed the code sent to it) and the firm may text it, and email if they gave one.
 * A number only typed in the web chat may be anyone's: it gets no text about a court hearing.
 */
export function reminderWays(
  content: Pick<Content, 'firm'>,
  state: Pick<IntakeState, 'channel' | 'answers'>,
  options: { texting?: boolean; provenPhone?: string } = {},
): { via: Reminder['via'][]; phone?: string; email?: string } {
  const phone = typeof state.answers.phone === 'string' ? state.answers.phone : undefined;
  const email = typeof state.answers.email === 'string' ? state.answers.email : undefined;
  const country = phone ? phoneNumber(phone)?.country : undefined;
  const textable =
    phone !== undefined &&
    phone === options.provenPhone &&
    options.texting !== false &&
    country !== undefined &&
    content.firm.textCountries.includes(country);
  const via: Reminder['via'][] = [];
  if (textable) via.push('sms');
  if (email) via.push('email');
  return { via, phone: textable ? phone : undefined, email };
}

/** The hearing date the intake holds, when it is a whole date. */
function hearingDate(state: IntakeState): string | undefined {
  const date = state.answers.nextHearingDate;
  return typeof date === 'string' && isExactDate(date) ? date : undefined;
}

/**
 * The offer, after a qualified intake's closing messages, when reminders could go anywhere and
 * there is one to send; `[]` otherwise. Waits at step `reminders`.
 */
export function offerReminders(ctx: EngineContext, state: IntakeState, today: string) {
  const date = hearingDate(state);
  if (state.status !== 'qualified' || !date || state.answers.safeToContact !== 'yes') return [];
  const ways = reminderWays(ctx.content, state, ctx);
  if (!ways.via.length) return [];
  const { timeZone } = ctx.content.firm;
  if (!planReminders({ date }, ways.via, today, timeZone).length) return [];
  const key = !ways.via.includes('sms')
    ? 'reminders.waysEmailOnly'
    : ways.via.includes('email')
      ? 'reminders.waysEmail'
      : 'reminders.waysText';
  const say = (k: string, vars: Record<string, string> = {}) => t(ctx.content, state, k, vars);
  state.step = 'reminders';
  state.attempts = 0;
  return [
    bot(
      // Once earlier answers are hidden (state.hideAnswers), not even the date is said back.
      say(state.hideAnswers ? 'reminders.offerHidden' : 'reminders.offer', {
        date: hearingDay(date, state.language),
        // The way, never the address: the device may not be the client's.
        ways: say(key),
      }),
      [
        { value: 'yes', label: say('reminders.options.yes') },
        { value: 'no', label: say('reminders.options.no') },
      ],
    ),
  ];
}

/** The answer to the offer: yes, no, or unreadable. */
function offerAnswer(ctx: EngineContext, text: Said): 'yes' | 'no' | undefined {
  const labels = (value: string) =>
    (['en', 'es'] as const).map((lang) =>
      String(ctx.content.strings[lang][`reminders.options.${value}`]),
    );
  const picked = parseChoice(text, [
    { value: 'yes', labels: labels('yes') },
    { value: 'no', labels: labels('no') },
  ]);
  return picked.ok ? (picked.value as 'yes' | 'no') : yesNo(text);
}

// "new date", "nueva fecha", "cambió", "la movieron", "rescheduled": the hearing moved.
const NEW_DATE = /\b(new|another|different) (court )?date\b|\b(nueva|otra) fecha\b/;
const MOVED =
  /\b(changed?|moved|reschedul\w*|postpon\w*|cambi\w*|movier\w*|reprogram\w*|pospus\w*|pasaron)\b/;
const ABOUT_HEARING = /\b(date|fecha|hearing|audiencia|court|corte|cita)\b/;

/** True when the message says the hearing date changed. */
export function saysHearingMoved(text: Reading): boolean {
  const words = text.folded.split(/\s+/).filter(Boolean);
  if (NEW_DATE.test(text.folded)) return true;
  return MOVED.test(text.folded) && (words.length <= 3 || ABOUT_HEARING.test(text.folded));
}

/**
 * True when an ended intake takes this message about reminders (rather than, by SMS, a new
 * intake starting): the answer to the offer, the new date asked for, or "the date changed".
 */
export function takesReminderMessage(
  ctx: Pick<EngineContext, 'content'>,
  state: IntakeState,
  text: Reading,
) {
  if (state.status !== 'qualified') return false;
  if (state.step === 'hearingDate') return true;
  if (state.step === 'reminders') return offerAnswer(ctx as EngineContext, text) !== undefined;
  return saysHearingMoved(text);
}

/** A turn of an ended (qualified) intake about reminders, or undefined when it is not one. */
export function reminderTurn(
  ctx: EngineContext,
  state: IntakeState,
  text: Reading,
  today: string,
): Turn | undefined {
  if (state.status !== 'qualified') return undefined;
  const say = (k: string, vars: Record<string, string> = {}) => t(ctx.content, state, k, vars);
  if (state.step === 'reminders') {
    const answer = offerAnswer(ctx, text);
    state.step = 'end';
    if (!answer) return undefined;
    state.reminders = {
      given: answer === 'yes',
      version: ctx.content.flow.remindersVersion,
      language: state.language,
      channel: state.channel,
      at: ctx.now.toISOString(),
    };
    return { state, replies: [bot(say(answer === 'yes' ? 'reminders.on' : 'reminders.off'))] };
  }
  if (state.step === 'hearingDate') return answerNewDate(ctx, state, text, today);
  if (!saysHearingMoved(text)) return undefined;
  // "Cambió al 15 de marzo": the date may come with the news.
  const withDate = answerNewDate(ctx, state, text, today, true);
  if (withDate) return withDate;
  state.step = 'hearingDate';
  state.attempts = 0;
  return { state, replies: [bot(say('reminders.askDate'))] };
}

function answerNewDate(
  ctx: EngineContext,
  state: IntakeState,
  text: Reading,
  today: string,
  quiet = false,
): Turn | undefined {
  const say = (k: string, vars: Record<string, string> = {}) => t(ctx.content, state, k, vars);
  const step = ctx.content.flow.steps.find((s) => s.id === 'nextHearingDate');
  const parsed = step ? parseAnswer(ctx.content, step, text, today, state.language) : undefined;
  const date =
    parsed?.ok && typeof parsed.value === 'string' && isExactDate(parsed.value)
      ? parsed.value
      : undefined;
  if (!date) {
    if (quiet) return undefined;
    state.attempts += 1;
    // Not a date twice more: the intake stays ended, nothing changed.
    if (state.attempts >= 3) {
      state.step = 'end';
      state.attempts = 0;
      return { state, replies: [bot(say('commands.ended'))] };
    }
    return { state, replies: [bot(say('reminders.notDate'))] };
  }
  if (date <= today) {
    state.step = 'hearingDate';
    return { state, replies: [bot(say('reminders.pastDate'))] };
  }
  state.answers.nextHearingDate = date;
  state.said.nextHearingDate = text.raw;
  state.step = 'end';
  state.attempts = 0;
  const shown = hearingDay(date, state.language);
  const ways = reminderWays(ctx.content, state, ctx);
  const planned = planReminders({ date }, ways.via, today, ctx.content.firm.timeZone).length > 0;
  const key = !state.reminders?.given
    ? 'reminders.noted'
    : planned
      ? 'reminders.moved'
      : 'reminders.movedNone';
  return { state, replies: [bot(say(key, { date: shown }))] };
}
