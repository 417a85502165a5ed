/**
 * The story said back: after the first free-text answer states more than the matter ("detuvieron
 * a mi esposo ayer"), the assistant says in one short sentence what it understood and asks
 * whether that is right (step `heard`). Yes: every fact is kept and its question is never asked.
 * No with a correction ("no, he's in Adelanto since Monday"): the correction is read the same
 * way and said back again. A plain no: the questions are asked one by one.
 *
 * Later answers are read too (`hearLater`): facts they state for questions not reached yet are
 * kept in `state.heard` and taken when those questions come up (ask.ts `nextStep`).
 */
import { addDays } from '../calendar';
import type { Content } from '../content';
import type { Reading } from '../parse/reading';
import { readStory, type Story } from '../understand/story';
import { ask, bot, type EngineContext, reask, type Turn, yesNo } from './ask';
import { formatAnswer, t } from './render';
import { type BotMessage, type IntakeState, texted } from './state';

/** The most of the client's words kept beside a fact. */
export const SAID_MAX = 300;

/** The client's words as kept beside an answer. */
export function keptWords(text: Reading): string {
  return Array.from(text.raw.trim()).slice(0, SAID_MAX).join('');
}

/** Facts said in the headline sentence; the rest are listed under it. */
const HEADLINE = new Set([
  'matter',
  'aboutSelf',
  'writerRelationship',
  'detained',
  'detainedSince',
  'facility',
]);

/**
 * Whether a story says enough to be said back: more than the matter, and a matter the firm
 * takes.
 */
export function worthSayingBack(story: Story): boolean {
  // Not immigration: the referral comes at once, nothing to confirm.
  if (story.facts.matter === 'other') return false;
  return Object.keys(story.facts).some((id) => id !== 'matter');
}

/** Starts the say-back of a story read at `stepId`. */
export function sayBack(
  ctx: EngineContext,
  state: IntakeState,
  stepId: string,
  story: Story,
  text: Reading,
  today: string,
): Turn {
  state.story = { step: stepId, facts: story.facts, said: keptWords(text) };
  if (story.who) state.story.who = story.who;
  state.step = 'heard';
  state.attempts = 0;
  return { state, replies: heardQuestion(ctx.content, state, today) };
}

/** The say-back and its yes/no question, for the story waiting on the state. */
export function heardQuestion(content: Content, state: IntakeState, today: string): BotMessage[] {
  const story = state.story;
  if (!story) return [];
  const facts = story.facts;
  // The person's forms ("you were" / "{who} was") follow the story, not the answers yet.
  const as = { language: state.language, answers: { aboutSelf: facts.aboutSelf ?? 'no' } };
  const say = (key: string, vars?: Record<string, string>) => t(content, as, key, vars);
  const who = say(`heard.who.${story.who ?? 'someone'}`);
  let headline: string;
  if (facts.detained === 'yes') {
    const since = facts.detainedSince;
    const when =
      typeof since !== 'string'
        ? ''
        : say(`heard.when.${dayWord(since, today)}`, {
            date: formatAnswer(content, state, stepOf(content, 'detainedSince'), since),
          });
    const where =
      typeof facts.facility === 'string' ? say('heard.facility', { facility: facts.facility }) : '';
    headline = say('heard.detained', { who, when, facility: where });
  } else if (facts.detained === 'no') headline = say('heard.notDetained', { who });
  else if (facts.aboutSelf !== undefined) headline = say('heard.about', { who });
  else headline = say('heard.intro');
  const lines = content.flow.steps
    .filter((step) => step.id in facts && !HEADLINE.has(step.id))
    .filter((step) => !(step.sensitive && texted(state.channel)))
    .map((step) => {
      const label = t(content, as, `steps.${step.id}.label`);
      return `- ${label}: ${formatAnswer(content, state, step, facts[step.id])}`;
    });
  const text = lines.length ? `${headline}\n${lines.join('\n')}` : headline;
  return [
    bot(text),
    bot(say('heard.question'), [
      { value: 'yes', label: say('heard.options.yes') },
      { value: 'no', label: say('heard.options.no') },
    ]),
  ];
}

function stepOf(content: Content, id: string) {
  const step = content.flow.steps.find((s) => s.id === id);
  if (!step) throw new Error(`the flow has no ${id} step`);
  return step;
}

/** "today", "yesterday" or "date", for a past date said against the firm's today. */
function dayWord(date: string, today: string): 'today' | 'yesterday' | 'date' {
  if (date === today) return 'today';
  return date === addDays(today, -1) ? 'yesterday' : 'date';
}

/** The answer to the say-back. */
export function answerHeard(
  ctx: EngineContext,
  state: IntakeState,
  text: Reading,
  today: string,
  proceed: (state: IntakeState) => Turn,
): Turn {
  const story = state.story;
  if (!story) return proceed(state);
  const answer = yesNo(text);
  // "No, he's in Adelanto since Monday": the correction, read the same way, said back again.
  const correction = readStory(ctx.content, text, today, state.language, undefined, story.facts);
  const corrects = Object.keys(correction.facts).some((id) => id !== 'matter');
  if (answer !== 'yes' && corrects) {
    // A correction's words are read for the facts they change; the matter stays the story's
    // unless the correction tells what happened ("no, it was ICE, not the police").
    const { matter, ...changed } = correction.facts;
    const events = changed.detained === 'yes' || changed.hasCourtCase === 'yes';
    story.facts = { ...story.facts, ...changed, ...(events && matter ? { matter } : {}) };
    // "No sé si está con migración, está en la cárcel del condado": not ICE detention after all.
    if (changed.arrestSetting === 'county-jail' && !('detained' in changed))
      delete story.facts.detained;
    // "No, soy su mamá" says what the writer is; the word for the person already said stays.
    const vague = correction.who === 'relative' || correction.who === 'partner';
    if (correction.who && !(vague && story.who)) story.who = correction.who;
    story.said = `${story.said} / ${keptWords(text)}`.slice(0, SAID_MAX);
    state.attempts = 0;
    return { state, replies: heardQuestion(ctx.content, state, today) };
  }
  if (answer === 'yes') {
    state.story = undefined;
    const { matter, ...rest } = story.facts;
    // The question the story answered, then every fact for its own question when it comes.
    if (matter !== undefined) {
      state.answers[story.step] = matter;
      state.said[story.step] = story.said;
      state.history.push(story.step);
    }
    for (const [id, value] of Object.entries(rest)) {
      if (!(id in state.answers)) state.heard[id] = { value, said: story.said };
    }
    state.attempts = 0;
    return proceed(state);
  }
  if (answer === 'no') {
    // Understood wrong: ask each question, from the first.
    state.story = undefined;
    state.step = story.step;
    state.attempts = 0;
    const [first, ...rest] = ask(ctx, state, today);
    const intro = t(ctx.content, state, 'heard.wrong');
    return {
      state,
      replies: first ? [{ ...first, text: `${intro}\n\n${first.text}` }, ...rest] : [],
    };
  }
  return reask(ctx, state, today, heardQuestion(ctx.content, state, today), 'heard.example');
}

/** Facts no question will read as an answer by themselves: said only in the first message. */
const FIRST_ONLY = new Set(['matter', 'aboutSelf', 'writerRelationship']);

/**
 * Keeps what a later answer says for questions not reached yet ("sí, desde ayer, en Adelanto" at
 * "detained?" tells since when and where).
 */
export function hearLater(
  ctx: EngineContext,
  state: IntakeState,
  stepId: string,
  text: Reading,
  today: string,
): void {
  if (text.tokens.length < 3) return;
  const story = readStory(ctx.content, text, today, state.language, stepId, state.answers);
  for (const [id, value] of Object.entries(story.facts)) {
    if (FIRST_ONLY.has(id) || id === stepId) continue;
    if (id in state.answers || state.skipped.includes(id) || id in state.heard) continue;
    state.heard[id] = { value, said: keptWords(text) };
  }
}
