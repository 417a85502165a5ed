/**
 * What the benchmark's clients say, worked out beforehand by driving the real engine: a script
 * of messages that keeps a conversation active for as many turns as needed, and the SMS segment
 * counts of a whole intake (figure 7).
 */

import { renderSms, segments } from '../functions/core/channels/sms/render';
import type { Content } from '../functions/core/content';
import { advance, begin, type Turn } from '../functions/core/engine/engine';
import type { Channel } from '../functions/core/engine/state';
import type { Language } from '../functions/core/flow';
import { RESIDENT } from '../test/helpers/intake';

// The same answers the tests use: one plausible client, by step id.
export { RESIDENT };

/** An answer no step can read: the question is asked again and the step stays. */
export const REASK = 'purple';

/** The yes/no step where a long conversation parks: re-ask, answer, "back", and again. */
export const PARK = 'represented';

export type TurnKind = 'answer' | 'reask' | 'back';

export interface ScriptTurn {
  /** 1 = the first message after the conversation exists. */
  turn: number;
  text: string;
  kind: TurnKind;
  /** The step the message answers. */
  step: string;
}

/**
 * A script of `turns` messages that never ends the intake. Up to PARK it alternates a re-ask
 * ("purple", odd turns) with the real answer (even turns), so the transcript holds real
 * questions; at PARK it cycles "purple", "no", "back", aligned so that turn 60 is a re-ask like
 * turn 5 (figure 3 compares the same kind of turn). Verified by running the engine.
 */
export function conversationScript(
  content: Content,
  options: { language: Language; channel: Channel; turns: number; phone?: string },
): ScriptTurn[] {
  const ctx = { content, now: new Date() };
  let state = begin(ctx, options.language, options.channel).state;
  // The SMS channel takes the number they text from as the phone (functions/core/channels/sms/inbound.ts).
  if (options.phone) state.answers.phone = options.phone;
  let parked = false;
  const script: ScriptTurn[] = [];
  for (let turn = 1; turn <= options.turns; turn++) {
    const step = state.step;
    const answer = RESIDENT[step];
    if (answer === undefined) throw new Error(`bench script: no answer for step ${step}`);
    parked ||= step === PARK;
    let text: string;
    if (!parked) {
      // "purple" on odd turns, unless this step would take it as an answer (free text).
      text = turn % 2 === 1 && advance(ctx, state, REASK).state.step === step ? REASK : answer;
    } else if (step === PARK) {
      text = (turn - 60 + 300) % 3 === 1 ? answer : REASK;
    } else {
      text = 'back';
    }
    const next: Turn = advance(ctx, state, text);
    if (next.state.status !== 'active') {
      throw new Error(`bench script: the intake ended at turn ${turn} (${next.state.status})`);
    }
    const kind: TurnKind = text === 'back' ? 'back' : next.state.step === step ? 'reask' : 'answer';
    script.push({ turn, text, kind, step });
    state = next.state;
  }
  return script;
}

export interface SegmentReport {
  language: Language;
  /** One reply = what one inbound text gets back (one engine turn), possibly several SMS. */
  replies: number;
  sms: number;
  segments: number;
  perSms: { avg: number; max: number };
  perReply: { avg: number; max: number };
  ucs2Sms: number;
}

/** SMS segments of every bot reply over a whole intake, RESIDENT's answers, on the engine. */
export function intakeSegments(content: Content, language: Language): SegmentReport {
  const ctx = { content, now: new Date() };
  let turn = begin(ctx, language, 'sms');
  turn.state.answers.phone = '+12135550199';
  const perReply: number[] = [];
  const perSms: number[] = [];
  let ucs2 = 0;
  const record = (t: Turn) => {
    const bodies = renderSms(t.replies, t.state.language);
    let total = 0;
    for (const body of bodies) {
      const s = segments(body);
      perSms.push(s.count);
      if (s.encoding !== 'GSM-7') ucs2++;
      total += s.count;
    }
    if (bodies.length) perReply.push(total);
  };
  record(turn);
  for (let i = 0; i < 100 && turn.state.status === 'active'; i++) {
    const answer = RESIDENT[turn.state.step];
    if (answer === undefined) throw new Error(`bench segments: no answer for ${turn.state.step}`);
    turn = advance(ctx, turn.state, answer);
    record(turn);
  }
  if (turn.state.status !== 'qualified') {
    throw new Error(`bench segments: the ${language} intake ended ${turn.state.status}`);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    language,
    replies: perReply.length,
    sms: perSms.length,
    segments: sum(perSms),
    perSms: { avg: sum(perSms) / perSms.length, max: Math.max(...perSms) },
    perReply: { avg: sum(perReply) / perReply.length, max: Math.max(...perReply) },
    ucs2Sms: ucs2,
  };
}
