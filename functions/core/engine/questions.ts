/**
 * Questions in the middle of an intake: "what is an A number?" while being asked for one. The
 * best article's answer is given (short by SMS, the web answer on the web) with "general
 * information, not legal advice", or "I don't know that one" below the confidence threshold,
 * and the pending question is asked again.
 */
import type { Content } from '../content';
import type { Step } from '../flow';
import { normalize } from '../parse/normalize';
import { t } from './render';
import type { BotMessage, IntakeState } from './state';

// How questions start, in English and Spanish, once case and accents are folded.
const OPENERS =
  /^(what|whats|how|can|could|do|does|did|is|are|will|would|when|where|why|who|should|which|am i|que|como|cuando|donde|por que|porque|puedo|puede|pueden|se puede|tengo que|hay|cual|cuales|quien|es verdad|es cierto|sabe|me pueden|me puede|necesito saber)\b/;

/** True when the message reads as a question rather than an answer. */
export function looksLikeQuestion(text: string): boolean {
  if (/[?¿]/.test(text)) return true;
  const folded = normalize(text);
  return folded.split(/\s+/).length >= 3 && OPENERS.test(folded);
}

/** Steps whose answer is free text: a question there would otherwise be stored as the answer. */
export function takesFreeText(step: Step | undefined): boolean {
  return step !== undefined && ['text', 'name', 'location', 'language'].includes(step.type);
}

/**
 * The reply to a question asked mid-intake, recorded on the state.
 *
 * @example answerQuestion(content, state, 'what is an a number?', now).replies[0]?.text
 */
export function answerQuestion(
  content: Content,
  state: IntakeState,
  text: string,
  at: string,
): BotMessage[] {
  const [hit] = content.knowledge.search(text, state.language, 1);
  state.questions.push({ text, at, step: state.step, articleId: hit?.article.id ?? null });
  if (!hit) return [{ role: 'bot', text: t(content, state, 'knowledge.unknown') }];
  const answer = state.channel === 'sms' ? hit.article.short : hit.article.body;
  const disclaimer = t(content, state, 'knowledge.disclaimer');
  // Web answers end with the disclaimer already; short answers do not.
  const text2 = answer.includes(disclaimer) ? answer : `${answer}\n\n${disclaimer}`;
  return [{ role: 'bot', text: text2 }];
}
