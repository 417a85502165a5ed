/**
 * Questions in the middle of an intake: "what is an A number?" while being asked for one. The
 * best article's answer is given (short by SMS, the web answer on the web) with "general
 * information, not legal advice", or "I don't know that one" below the confidence threshold,
 * and the pending question is asked again.
 *
 * The article's `related` links follow as "See also": on the web every title, one a line,
 * before the disclaimer; by SMS only the first title, and only when the answer still fits in one text
 * of 3 segments (most short answers use 2 to 3 already, and a second text per answer costs the
 * client and buries the question asked again). A texter can then ask for it by its name.
 */
import { MAX_SEGMENTS, segments, toGsm } from '../channels/sms/render';
import type { Content } from '../content';
import type { Step } from '../flow';
import type { Article } from '../knowledge/article';
import { reading, type Said } from '../parse/reading';
import { t } from './render';
import { type BotMessage, type IntakeState, texted } from './state';

// How questions start, in English and Spanish, once case and accents are folded.
const OPENERS =
  /^(what|whats|how|can|could|do|does|did|is|are|will|would|when|where|why|who|should|which|am i|que|como|cuando|donde|por que|porque|puedo|puede|pueden|se puede|tengo que|hay|cual|cuales|quien|es verdad|es cierto|sabe|me pueden|me puede|necesito saber)\b/;

/** True when the message reads as a question rather than an answer. */
export function looksLikeQuestion(said: Said): boolean {
  const text = reading(said);
  if (text.question) return true;
  const folded = text.folded;
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
  const disclaimer = t(content, state, 'knowledge.disclaimer');
  const titles = relatedTitles(content, hit.article);
  if (texted(state.channel)) {
    const answer = withDisclaimer(hit.article.short, disclaimer);
    const [first] = titles;
    const seeAlso = first && `${answer}\n${t(content, state, 'knowledge.related')} ${first}`;
    // Counted as the SMS renderer will send it: accents folded to GSM-7.
    const fits = seeAlso && segments(toGsm(seeAlso)).count <= MAX_SEGMENTS;
    return [{ role: 'bot', text: fits ? seeAlso : answer }];
  }
  // One title a line: titles have colons of their own, so a run-on list would not read.
  const related = titles.length
    ? [t(content, state, 'knowledge.related'), ...titles.map((title) => `- ${title}`)].join('\n')
    : '';
  return [{ role: 'bot', text: withRelated(hit.article.body, disclaimer, related) }];
}

/** The titles of an article's related articles, in its language and in its order. */
function relatedTitles(content: Content, article: Article): string[] {
  return (article.related ?? []).flatMap(
    (id) => content.knowledge.article(id, article.lang)?.title ?? [],
  );
}

/**
 * The web answer with its "See also" line before the closing disclaimer paragraph (web answers
 * end with it already; one that does not gets it added).
 */
function withRelated(body: string, disclaimer: string, related: string): string {
  if (!related) return withDisclaimer(body, disclaimer);
  const paragraphs = body.split(/\n\s*\n/);
  const last = paragraphs.at(-1) ?? '';
  if (!last.includes(disclaimer) && body.includes(disclaimer)) return `${body}\n\n${related}`;
  const closing = last.includes(disclaimer) ? (paragraphs.pop() ?? '') : disclaimer;
  return [...paragraphs, related, closing].join('\n\n');
}

/** Web answers end with the disclaimer already; short answers do not. */
function withDisclaimer(answer: string, disclaimer: string): string {
  return answer.includes(disclaimer) ? answer : `${answer}\n\n${disclaimer}`;
}
