/**
 * The answers to the closing summary: "yes, it is right" ends the intake with its outcome;
 * "change" (or "cambiar la 11") goes back to the answer named, which is asked again.
 */

import { parseChoice } from '../parse';
import type { Reading } from '../parse/reading';
import { ask, bot, type EngineContext, reask, type Turn, yesNo } from './ask';
import { decideOutcome } from './outcome';
import { offerReminders } from './reminders';
import { t } from './render';
import type { IntakeState } from './state';
import { closingMessages, summaryLines } from './summary';

export function answerConfirm(
  ctx: EngineContext,
  state: IntakeState,
  text: Reading,
  today: string,
): Turn {
  const labels = (value: string) =>
    (['en', 'es'] as const).map((lang) => {
      const label = ctx.content.strings[lang][`confirm.options.${value}`];
      return typeof label === 'string' ? label : value;
    });
  const wantsChange = CHANGE_WORDS.test(text.folded);
  // "cambiar la 11", "change 3": the client already says which answer.
  if (wantsChange && lineNumber(text) !== undefined) return answerEdit(ctx, state, text, today);
  const picked = parseChoice(text, [
    { value: 'yes', labels: labels('yes') },
    { value: 'change', labels: [...labels('change'), 'cambiar', 'corregir', 'edit', 'change'] },
  ]);
  const byWord: Record<string, string> = { yes: 'yes', no: 'change' };
  const answer = picked.ok ? picked.value : byWord[yesNo(text) ?? ''];
  if (answer === 'change' || wantsChange) {
    if (state.hideAnswers) return cannotShow(ctx, state, today);
    state.step = 'confirmEdit';
    state.attempts = 0;
    return { state, replies: ask(ctx, state, today) };
  }
  if (answer !== 'yes') return reask(ctx, state, today, ask(ctx, state, today), 'confirm.example');
  const outcome = decideOutcome(ctx.content, state, today, ctx.now.toISOString());
  state.outcome = outcome;
  state.status = outcome.status;
  state.step = 'end';
  const closing = closingMessages(ctx.content, state, today);
  return { state, replies: [...closing, ...offerReminders(ctx, state, today)] };
}

/**
 * Changing an answer shows the summary, which is every answer; once answers are hidden
 * (IntakeState.hideAnswers) the client may send them as they are or start over, and is told why.
 * Naming a line ("change 3") would re-ask that question, which tells what was asked: not either.
 */
function cannotShow(ctx: EngineContext, state: IntakeState, today: string): Turn {
  state.step = 'confirm';
  state.attempts = 0;
  return {
    state,
    replies: [bot(t(ctx.content, state, 'confirm.hiddenChange')), ...ask(ctx, state, today)],
  };
}

/** Words that ask to change an answer at the summary ("está mal la fecha", "fix 3"). */
export const CHANGE_WORDS =
  /\b(change|fix|edit|correct|wrong|cambiar|cambia|cambie|corregir|corrige|esta mal|mal)\b/;

/** The summary line a message names: "11", "#11", "la 11", "número 11", "cambiar la 11". */
export function lineNumber(text: Reading): number | undefined {
  const numbers = text.raw.match(/\d{1,2}/g) ?? [];
  return numbers.length === 1 ? Number(numbers[0]) : undefined;
}

export function answerEdit(
  ctx: EngineContext,
  state: IntakeState,
  text: Reading,
  today: string,
): Turn {
  if (state.hideAnswers) return cannotShow(ctx, state, today);
  const lines = summaryLines(ctx.content, state, today);
  const n = lineNumber(text);
  const line = n === undefined ? undefined : lines[n - 1];
  if (!line) {
    state.step = 'confirmEdit';
    return reask(ctx, state, today, ask(ctx, state, today), 'confirm.pickEditExample');
  }
  delete state.answers[line.step.id];
  delete state.said[line.step.id];
  state.skipped = state.skipped.filter((id) => id !== line.step.id);
  state.step = line.step.id;
  state.attempts = 0;
  return { state, replies: ask(ctx, state, today) };
}
