/**
 * The understanding evaluation: first messages and later answers, as people type them, run
 * through the engine exactly as a client's messages are (begin, consent, then the message), and
 * compared with the facts each one states. Used by `npm run eval:understanding` and by
 * test/unit/understanding-eval.test.ts, which holds the figures.
 *
 * A set (tune.yaml, blind-*.yaml) has `today`, `stories` (text, lang, the facts it states) and
 * `answers` (a step, the text, the expected value; `null` = not an answer, `skip` = skipped).
 * `turns.yaml` has whole intakes told by a relative, to count the client's messages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import type { Content } from '../../functions/core/content';
import { advance, begin, type Turn } from '../../functions/core/engine/engine';
import type { Channel, IntakeState } from '../../functions/core/engine/state';
import { LanguageSchema } from '../../functions/core/flow';
import { findFacility } from '../../functions/core/understand/facilities';

const Facts = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));
const SetSchema = z.strictObject({
  today: z
    .union([z.string(), z.date()])
    .transform((d) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10))),
  stories: z.array(
    z.strictObject({ text: z.string().min(1), lang: LanguageSchema, facts: Facts.default({}) }),
  ),
  answers: z
    .array(
      z.strictObject({
        step: z.string(),
        text: z.string().min(1),
        lang: LanguageSchema,
        expect: z.union([z.string(), z.number(), z.array(z.string()), z.null()]),
      }),
    )
    .default([]),
});
export type UnderstandingSet = z.infer<typeof SetSchema>;

/** Reads a set; dates in the YAML may be written bare (2026-11-25) or quoted. */
export function loadSet(file = 'test/understanding/tune.yaml'): UnderstandingSet {
  const raw = parse(readFileSync(resolve(file), 'utf8'), { schema: 'core' });
  const set = SetSchema.parse(raw);
  for (const story of set.stories) {
    for (const [k, v] of Object.entries(story.facts)) story.facts[k] = normalValue(v);
  }
  return set;
}

function normalValue(v: unknown): string | string[] {
  if (Array.isArray(v)) return v.map(String);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Noon in the firm's zone on `today`, so "ayer" and "hoy" mean the set's days. */
function noonOf(today: string): Date {
  return new Date(`${today}T20:00:00Z`);
}

/** The facts the engine holds after a message: said back and waiting, or taken. */
export function factsAfter(state: IntakeState): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [id, heard] of Object.entries(state.heard)) facts[id] = heard.value;
  Object.assign(facts, state.answers, state.story?.facts ?? {});
  return facts;
}

let facilities: Content['facilities'] | undefined;

function same(fact: string, got: unknown, want: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(got) && got.join(',') === want.join(',');
  // A facility is right when its full name holds the short name the set uses ("adelanto"), or
  // the set's name finds the same facility ("conroe" is Montgomery Processing Center).
  if (fact === 'facility' && typeof got === 'string' && typeof want === 'string') {
    if (facilities && findFacility(want, facilities)?.name === got) return true;
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return fold(got).includes(fold(want)) || fold(want).includes(fold(got));
  }
  return String(got) === String(want);
}

export interface FactScore {
  fact: string;
  stated: number;
  read: number;
  right: number;
  /** Read although the message did not state it. */
  invented: number;
  /** Read with another value than the one stated. */
  wrong: number;
}

export interface Report {
  stories: number;
  facts: FactScore[];
  /** Facts read that the message did not state, over all facts read. */
  inventedShare: number;
  answers: { total: number; right: number; misses: string[] };
  misses: string[];
  p99Ms: number;
}

/**
 * Runs a set through the engine and scores every fact the set's stories use.
 *
 * @example evaluate(content, loadSet()).facts.find((f) => f.fact === 'matter')
 */
export function evaluate(content: Content, set: UnderstandingSet): Report {
  const now = noonOf(set.today);
  const ctx = { content, now };
  facilities = content.facilities;
  const scored = new Set(set.stories.flatMap((s) => Object.keys(s.facts)));
  const scores = new Map<string, FactScore>();
  const score = (fact: string) => {
    let s = scores.get(fact);
    if (!s) {
      s = { fact, stated: 0, read: 0, right: 0, invented: 0, wrong: 0 };
      scores.set(fact, s);
    }
    return s;
  };
  const misses: string[] = [];
  const times: number[] = [];
  for (const story of set.stories) {
    let turn: Turn = begin(ctx, story.lang, 'web');
    turn = advance(ctx, turn.state, story.lang === 'es' ? 'sí' : 'yes');
    const started = performance.now();
    turn = advance(ctx, turn.state, story.text);
    times.push(performance.now() - started);
    const got = factsAfter(turn.state);
    const problems: string[] = [];
    // Not immigration and referred at once: only the matter counts, nothing else is kept.
    const referred = story.facts.matter === 'other' && turn.state.status === 'referred';
    for (const fact of referred ? ['matter'] : scored) {
      const want = story.facts[fact];
      const has = fact in got;
      const s = score(fact);
      if (want !== undefined) s.stated += 1;
      if (has) s.read += 1;
      if (has && want === undefined) {
        s.invented += 1;
        problems.push(`+${fact}=${JSON.stringify(got[fact])}`);
      } else if (has && want !== undefined && !same(fact, got[fact], want)) {
        s.wrong += 1;
        problems.push(`${fact}=${JSON.stringify(got[fact])}≠${JSON.stringify(want)}`);
      } else if (has) s.right += 1;
      else if (want !== undefined) problems.push(`-${fact}=${JSON.stringify(want)}`);
    }
    if (problems.length) misses.push(`${problems.join(' ')}  «${story.text}»`);
  }
  const answerMisses: string[] = [];
  let right = 0;
  for (const item of set.answers) {
    const outcome = answerAt(ctx, item.step, item.text, item.lang);
    const ok =
      item.expect === null
        ? outcome.kind === 'unread'
        : item.expect === 'skip'
          ? outcome.kind === 'skip'
          : outcome.kind === 'answer' && sameAnswer(item.step, outcome.value, item.expect);
    if (ok) right += 1;
    else
      answerMisses.push(
        `${item.step}: ${JSON.stringify(outcome)} ≠ ${JSON.stringify(item.expect)}  «${item.text}»`,
      );
  }
  const facts = [...scores.values()].sort((a, b) => a.fact.localeCompare(b.fact));
  const read = facts.reduce((n, f) => n + f.read, 0);
  const invented = facts.reduce((n, f) => n + f.invented, 0);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    stories: set.stories.length,
    facts,
    inventedShare: read ? invented / read : 0,
    answers: { total: set.answers.length, right, misses: answerMisses },
    misses,
    p99Ms: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
  };
}

function sameAnswer(step: string, got: unknown, want: unknown): boolean {
  // A location is right when it found the state the set names.
  if (step === 'location' && got && typeof got === 'object' && 'state' in got)
    return (got as { state?: string }).state === want;
  if (step === 'location' && typeof got === 'string') return true;
  return same(step, got, want);
}

/** Earlier answers a question needs to be asked at all. */
const BEFORE: Record<string, Record<string, unknown>> = {
  writerRelationship: { aboutSelf: 'no' },
  arrestSetting: { detained: 'yes' },
  facility: { detained: 'yes' },
  detainedSince: { detained: 'yes' },
  nextHearingDate: { hasCourtCase: 'yes' },
  court: { hasCourtCase: 'yes' },
};

type Outcome = { kind: 'answer'; value: unknown } | { kind: 'skip' } | { kind: 'unread' };

/** What the engine makes of `text` typed at `stepId`. */
function answerAt(
  ctx: { content: Content; now: Date },
  stepId: string,
  text: string,
  language: 'en' | 'es',
): Outcome {
  let turn = begin(ctx, language, 'web');
  turn = advance(ctx, turn.state, language === 'es' ? 'sí' : 'yes');
  const state = structuredClone(turn.state);
  // The answers that make the question apply (its `when`), as the flow would have them.
  Object.assign(state.answers, BEFORE[stepId] ?? {});
  state.step = stepId;
  turn = advance(ctx, state, text);
  const after = turn.state;
  if (after.step === 'heard' && after.story)
    return { kind: 'answer', value: after.story.facts[stepId] };
  if (after.skipped.includes(stepId)) return { kind: 'skip' };
  if (stepId in after.answers) return { kind: 'answer', value: after.answers[stepId] };
  return { kind: 'unread' };
}

// --- turns -----------------------------------------------------------------------------------

const TurnsSchema = z.strictObject({
  today: z
    .union([z.string(), z.date()])
    .transform((d) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10))),
  scenarios: z.array(
    z.strictObject({
      name: z.string(),
      lang: LanguageSchema,
      channel: z.enum(['web', 'sms']),
      story: z.string(),
      /** Client messages this intake took before the story reading, measured at 03489bb. */
      before: z.number().int().positive(),
      answers: z.record(z.string(), z.string()),
    }),
  ),
});

export interface TurnCount {
  name: string;
  before: number;
  now: number;
  status: string;
}

/**
 * Plays each relative's intake: consent, the story, then each question answered from the
 * scenario's answers ("sí" to the say-back), counting the client's messages to the end.
 */
export function countTurns(content: Content, file = 'test/understanding/turns.yaml'): TurnCount[] {
  const data = TurnsSchema.parse(parse(readFileSync(resolve(file), 'utf8'), { schema: 'core' }));
  const ctx = { content, now: noonOf(data.today) };
  return data.scenarios.map((scenario) => {
    let turn = begin(ctx, scenario.lang, scenario.channel as Channel);
    const yes = scenario.lang === 'es' ? 'sí' : 'yes';
    turn = advance(ctx, turn.state, yes);
    turn = advance(ctx, turn.state, scenario.story);
    let count = 2;
    for (let i = 0; i < 100 && turn.state.status === 'active'; i++) {
      const step = turn.state.step;
      const reply = step === 'heard' ? yes : scenario.answers[step];
      if (reply === undefined) throw new Error(`${scenario.name}: no answer for ${step}`);
      turn = advance(ctx, turn.state, reply);
      count += 1;
    }
    return { name: scenario.name, before: scenario.before, now: count, status: turn.state.status };
  });
}
