/**
 * Asking: the messages that ask the current step's question, asking again after an unreadable
 * answer, and which question comes next. Shared by the engine's turn handlers.
 */
import type { Content } from '../content';
import { parseYesNo } from '../parse';
import { reading, type Said } from '../parse/reading';
import { holds } from './conditions';
import { heardQuestion } from './heard';
import { isEmergency } from './outcome';
import { choicesFor, promptText, t } from './render';
import type { BotMessage, Choice, IntakeState } from './state';
import { summaryMessage } from './summary';

export interface EngineContext {
  content: Content;
  now: Date;
  /** False when nothing can be texted: "continue by text" is not offered. Default true. */
  texting?: boolean;
  /**
   * The phone the client is proven to hold (they text from it, or typed the code texted to it):
   * only it gets hearing reminders by text. A number typed in the web chat may be anyone's, and a
   * text about an immigration hearing must not reach a stranger's phone.
   */
  provenPhone?: string;
  /** False when the firm has no WhatsApp sender: "continue on WhatsApp" is not offered. */
  whatsapp?: boolean;
}

export interface Turn {
  state: IntakeState;
  replies: BotMessage[];
}

/** After this many unreadable answers to one question, offer skip / a person. */
export const STUCK_AFTER = 3;

export const bot = (text: string, choices?: Choice[]): BotMessage =>
  choices ? { role: 'bot', text, choices } : { role: 'bot', text };

export function consentQuestion(ctx: EngineContext, state: IntakeState): BotMessage {
  const say = (key: string) => t(ctx.content, state, key);
  return bot(say('consent.prompt'), [
    { value: 'yes', label: say('consent.options.yes') },
    { value: 'no', label: say('consent.options.no') },
  ]);
}

/** Yes/no by word, number or button: 1 and the first button mean yes. */
export function yesNo(said: Said): 'yes' | 'no' | undefined {
  const folded = reading(said).raw.trim();
  if (folded === '1') return 'yes';
  if (folded === '2') return 'no';
  const parsed = parseYesNo(said);
  return parsed.ok && (parsed.value === 'yes' || parsed.value === 'no') ? parsed.value : undefined;
}

/**
 * Asks again after an answer that could not be read; after a few tries, offers a way out.
 * `explained` is for a question that already says what was missing (a clarifying question): it
 * goes without "I did not understand" and the example.
 */
export function reask(
  ctx: EngineContext,
  state: IntakeState,
  _today: string,
  question: BotMessage[],
  exampleKey: string,
  optional = false,
  explained = false,
): Turn {
  state.attempts += 1;
  const say = (key: string, vars?: Record<string, string>) => t(ctx.content, state, key, vars);
  const lead = explained
    ? []
    : [say('reask.notUnderstood'), say('reask.example', { example: say(exampleKey) })];
  if (state.attempts >= STUCK_AFTER)
    lead.push(say(optional ? 'reask.stuckOptional' : 'reask.stuck'));
  const [first, ...rest] = question;
  const merged: BotMessage[] = first
    ? [{ ...first, text: lead.length ? `${lead.join(' ')}\n\n${first.text}` : first.text }, ...rest]
    : [];
  if (state.attempts >= STUCK_AFTER && merged[0] && state.consent?.given) {
    const person = { value: 'person', label: say('answers.person') };
    merged[0] = { ...merged[0], choices: [...(merged[0].choices ?? []), person] };
  }
  return { state, replies: merged };
}

/**
 * The next question: the first step, in flow order, whose condition holds and that has not been
 * answered or skipped; while the answers make it an emergency, the flow's `emergencyFirst` steps
 * come first (DOMAIN.md "Emergencies first"). Answers to steps whose condition no longer holds
 * (after a change) are dropped, so the summary and the flags never use them.
 */
export function nextStep(ctx: EngineContext, state: IntakeState, today: string): string {
  const pending: string[] = [];
  for (const step of ctx.content.flow.steps) {
    const applies = !step.when || holds(step.when, state.answers, today);
    if (!applies) {
      delete state.answers[step.id];
      delete state.said[step.id];
      state.skipped = state.skipped.filter((id) => id !== step.id);
      continue;
    }
    if (state.handoff && !step.handoff) continue;
    const heard = state.heard[step.id];
    if (heard && !(step.id in state.answers) && !state.skipped.includes(step.id)) {
      // Said already in the client's own words: taken as the answer, never asked.
      state.answers[step.id] = heard.value;
      state.said[step.id] = heard.said;
      state.history.push(step.id);
      delete state.heard[step.id];
      continue;
    }
    if (!(step.id in state.answers) && !state.skipped.includes(step.id)) pending.push(step.id);
  }
  const fast = ctx.content.flow.emergencyFirst;
  if (fast && isEmergency(state.answers, today)) {
    const first = fast.steps.find((id) => pending.includes(id));
    if (first) return first;
  }
  return pending[0] ?? 'confirm';
}

/** The messages that ask the current step's question. */
export function ask(ctx: EngineContext, state: IntakeState, today: string): BotMessage[] {
  const say = (key: string) => t(ctx.content, state, key);
  if (state.step === 'consent') return [consentQuestion(ctx, state)];
  if (state.hideAnswers && (state.step === 'confirm' || state.step === 'confirmEdit')) {
    // The summary is every answer: whoever holds the chat now may not be the client.
    return [
      bot(say('confirm.hidden')),
      bot(say('confirm.hiddenQuestion'), [
        { value: 'yes', label: say('confirm.options.yes') },
        { value: 'change', label: say('confirm.options.change') },
      ]),
    ];
  }
  if (state.step === 'confirm') {
    return [
      summaryMessage(ctx.content, state, today),
      bot(say('confirm.question'), [
        { value: 'yes', label: say('confirm.options.yes') },
        { value: 'change', label: say('confirm.options.change') },
      ]),
    ];
  }
  if (state.step === 'confirmEdit') {
    return [summaryMessage(ctx.content, state, today), bot(say('confirm.pickEdit'))];
  }
  if (state.step === 'deleteConfirm') return [bot(say('commands.deleteConfirm'))];
  if (state.step === 'heard') return heardQuestion(ctx.content, state, today);
  if (state.step === 'linkPhone')
    return [bot(say(state.linkTo === 'whatsapp' ? 'link.askWhatsApp' : 'link.askPhone'))];
  if (state.step === 'linkCode') return [bot(say('link.enterCode'))];
  const step = ctx.content.flow.steps.find((s) => s.id === state.step);
  if (!step) return [];
  return [bot(promptText(ctx.content, state, step), choicesFor(ctx.content, state, step))];
}
