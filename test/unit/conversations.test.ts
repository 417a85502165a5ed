/**
 * Runs every conversation transcript in `test/conversations/` through the real intake engine
 * and the real content (flow, strings, firm settings, TPS list). The transcripts are data so a
 * lawyer can read them and add cases; the format is described in `test/helpers/transcript.ts`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advance, begin, type EngineContext } from '../../functions/core/engine/engine';
import type { BotMessage, IntakeState } from '../../functions/core/engine/state';
import { content } from '../helpers/content';
import {
  loadTranscript,
  matches,
  type Transcript,
  type TranscriptExpect,
  type TranscriptTurn,
} from '../helpers/transcript';

const DIR = join(process.cwd(), 'test', 'conversations');
const FILES = readdirSync(DIR)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort();

/**
 * Steps that are not questions of the flow but states of the conversation; `heard` is the story
 * said back to confirm (engine/heard.ts).
 */
const SPECIAL_STEPS = [
  'consent',
  'heard',
  'confirm',
  'confirmEdit',
  'deleteConfirm',
  'end',
  // After the end: the hearing reminders' offer and a new hearing date (engine/reminders.ts).
  'reminders',
  'hearingDate',
];

interface Case {
  title: string;
  file: string;
  transcript?: Transcript;
  error?: unknown;
}

/** Loaded at collection time so each test is named by its title; a malformed file still runs. */
const CASES: Case[] = FILES.map((file) => {
  try {
    const transcript = loadTranscript(join(DIR, file));
    return { title: transcript.title, file, transcript };
  } catch (error) {
    return { title: `${file} (malformed)`, file, error };
  }
});

const text = (replies: BotMessage[]) => replies.map((r) => r.text).join('\n\n');
const indent = (s: string) => s.replace(/^/gm, '    ');

function checkSteps(transcript: Transcript, file: string) {
  const known = new Set([...content().flow.steps.map((s) => s.id), ...SPECIAL_STEPS]);
  transcript.turns.forEach((turn, i) => {
    if (turn.step !== undefined && !known.has(turn.step)) {
      throw new Error(
        `${file}, turn ${i + 1}: unknown step "${turn.step}"; the steps are ${[...known].join(', ')}`,
      );
    }
  });
}

/** What a failed check says: which turn, what the client typed, and what the bot answered. */
function where(
  file: string,
  n: number,
  total: number,
  turn: TranscriptTurn,
  replies: BotMessage[],
) {
  return `${file}, turn ${n} of ${total}, user: ${JSON.stringify(turn.user)}\n  bot replied:\n${indent(text(replies))}\n`;
}

function checkTurn(
  file: string,
  n: number,
  total: number,
  turn: TranscriptTurn,
  result: { step: string; language: string; replies: BotMessage[] },
) {
  const at = where(file, n, total, turn, result.replies);
  const said = text(result.replies);
  if (turn.step !== undefined) {
    expect(result.step, `${at}\n  expected step ${turn.step}, got ${result.step}`).toBe(turn.step);
  }
  for (const pattern of turn.bot ?? []) {
    expect(
      matches(said, pattern),
      `${at}\n  expected the bot to say ${JSON.stringify(pattern)}`,
    ).toBe(true);
  }
  for (const pattern of turn.botNot ?? []) {
    expect(
      matches(said, pattern),
      `${at}\n  expected the bot NOT to say ${JSON.stringify(pattern)}`,
    ).toBe(false);
  }
  const labels = result.replies.flatMap((r) => r.choices ?? []).map((c) => c.label);
  for (const pattern of turn.buttons ?? []) {
    expect(
      labels.some((label) => matches(label, pattern)),
      `${at}\n  expected a button ${JSON.stringify(pattern)}; buttons: ${JSON.stringify(labels)}`,
    ).toBe(true);
  }
  if (turn.language !== undefined) {
    expect(result.language, `${at}\n  expected the bot to write in ${turn.language}`).toBe(
      turn.language,
    );
  }
}

type Notes = TranscriptExpect['flagReasons'];

function checkEnd(file: string, want: TranscriptExpect, state: IntakeState, all: BotMessage[]) {
  const at = `${file}, at the end (step ${state.step})`;
  const outcome = state.outcome;
  const screening = outcome?.screening;
  expect(state.status, `${at}: status (reasons ${JSON.stringify(outcome?.reasons)})`).toBe(
    want.status,
  );
  if (want.urgency !== undefined) {
    expect(
      screening?.urgency,
      `${at}: urgency, for the reasons ${JSON.stringify(screening?.urgencyReasons)}`,
    ).toBe(want.urgency);
  }
  if (want.flags !== undefined) {
    const got = (screening?.flags ?? []).map((f) => f.id).sort();
    expect(got, `${at}: the set of flags`).toEqual([...new Set(want.flags)].sort());
  }
  const notes = { reasons: want.flagReasons, complications: want.flagComplications };
  for (const [kind, byFlag] of Object.entries(notes) as [keyof typeof notes, Notes][]) {
    for (const [id, patterns] of Object.entries(byFlag ?? {})) {
      const flag = screening?.flags.find((f) => f.id === id);
      expect(flag, `${at}: flag ${id} should be raised`).toBeDefined();
      const said = flag?.[kind].join('\n') ?? '';
      for (const pattern of patterns ?? []) {
        expect(
          matches(said, pattern),
          `${at}: ${kind} of flag ${id} should say ${JSON.stringify(pattern)}; they are:\n${indent(said)}`,
        ).toBe(true);
      }
    }
  }
  const urgencyReasons = (screening?.urgencyReasons ?? []).join('\n');
  for (const pattern of want.urgencyReasons ?? []) {
    expect(
      matches(urgencyReasons, pattern),
      `${at}: urgency reasons should say ${JSON.stringify(pattern)}; they are:\n${indent(urgencyReasons)}`,
    ).toBe(true);
  }
  for (const [id, value] of Object.entries(want.facts ?? {})) {
    expect(state.answers[id], `${at}: fact ${id}`).toEqual(value);
  }
  for (const id of want.notAsked ?? []) {
    expect(state.answers, `${at}: ${id} should not have been asked`).not.toHaveProperty(id);
    expect(state.skipped, `${at}: ${id} should not have been asked`).not.toContain(id);
  }
  for (const id of want.skipped ?? []) {
    expect(state.skipped, `${at}: ${id} should have been skipped`).toContain(id);
  }
  for (const reason of want.reasons ?? []) {
    expect(outcome?.reasons ?? [], `${at}: outcome reasons`).toContain(reason);
  }
  if (want.language !== undefined) expect(state.language, `${at}: language`).toBe(want.language);
  if (want.erased) {
    expect(
      { answers: state.answers, skipped: state.skipped, history: state.history },
      `${at}: nothing should be kept`,
    ).toEqual({ answers: {}, skipped: [], history: [] });
  }
  all.forEach((message, i) => {
    for (const pattern of want.botNever ?? []) {
      expect(
        matches(message.text, pattern),
        `${at}: bot message ${i + 1} must never say ${JSON.stringify(pattern)}:\n${indent(message.text)}`,
      ).toBe(false);
    }
  });
}

function run(transcript: Transcript, file: string) {
  checkSteps(transcript, file);
  const ctx: EngineContext = { content: content(), now: transcript.now };
  let turn = begin(ctx, transcript.language, transcript.channel);
  const all = [...turn.replies];
  const opening = text(turn.replies);
  for (const pattern of transcript.opening ?? []) {
    expect(
      matches(opening, pattern),
      `${file}, opening should say ${JSON.stringify(pattern)}:\n${indent(opening)}`,
    ).toBe(true);
  }
  transcript.turns.forEach((spec, i) => {
    const asked = turn.state.questions.length;
    // By SMS the client texts from the number they give (the channel proves it); a number typed
    // in the web chat is proven by nothing.
    const phone = turn.state.answers.phone;
    const provenPhone =
      transcript.channel === 'sms' && typeof phone === 'string' ? phone : undefined;
    turn = advance({ ...ctx, provenPhone }, turn.state, spec.user);
    all.push(...turn.replies);
    // Question detection must never take an ordinary answer for a question, nor miss one.
    const wasQuestion = turn.state.questions.length > asked;
    expect(
      wasQuestion,
      `${file}, turn ${i + 1}: ${JSON.stringify(spec.user)} was ${wasQuestion ? '' : 'not '}read as a question`,
    ).toBe(spec.question ?? false);
    checkTurn(file, i + 1, transcript.turns.length, spec, {
      step: turn.state.step,
      language: turn.state.language,
      replies: turn.replies,
    });
  });
  checkEnd(file, transcript.expect, turn.state, all);
}

describe('conversation transcripts', () => {
  it('has transcripts, each with its own title', () => {
    expect(CASES.length).toBeGreaterThan(0);
    const titles = CASES.map((c) => c.title);
    expect(
      titles.filter((t, i) => titles.indexOf(t) !== i),
      'duplicate titles',
    ).toEqual([]);
  });

  // '%s' with the title as its own argument: vitest shortens a `$title` interpolation.
  it.each(CASES.map((c) => [c.title, c] as const))('%s', (_title, { file, transcript, error }) => {
    if (error !== undefined || transcript === undefined) throw error;
    run(transcript, file);
  });
});
