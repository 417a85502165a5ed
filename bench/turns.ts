/**
 * Figures 3 and 4, one turn at a time: how a turn's cost grows with the transcript, and how many
 * DynamoDB requests a turn makes (counted by the middleware on the app's client).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { advance, begin } from '../functions/core/engine/engine';
import type { BenchEnv } from './env';
import { type Channel, floor, itemsOf, open, type Subject, send, step } from './load';
import { RESIDENT, type ScriptTurn, type TurnKind } from './scripts';
import { median, round } from './stats';

export interface GrowthFigure {
  channel: Channel;
  conversations: number;
  early: GrowthPoint;
  late: GrowthPoint;
  /** late p50 / early p50. */
  growth: number;
}

export interface GrowthPoint {
  turn: number;
  kind: TurnKind;
  p50: number;
  /** The conversation item right after that turn (≈ DynamoDB's size rules). */
  itemBytes: number;
  /** The SMS line item (the last 25 replies), SMS only. */
  lineBytes?: number;
  /** The floor pair (c=1) on a copy of that very item, measured right after. */
  floorP50: number;
}

/**
 * `conversations` conversations, one after the other, each played from turn 1 to `late`; the
 * p50 of turn `early` and of turn `late`, the item sizes there, and the floor on those items.
 */
export async function growth(
  env: BenchEnv,
  channel: Channel,
  script: ScriptTurn[],
  conversations: number,
  early: number,
  late: number,
): Promise<GrowthFigure> {
  const times = { early: [] as number[], late: [] as number[] };
  const sizes = { early: 0, late: 0, earlyLine: 0, lateLine: 0 };
  const templates: Record<'early' | 'late', Record<string, AttributeValue> | undefined> = {
    early: undefined,
    late: undefined,
  };
  for (let c = 0; c < conversations; c++) {
    const subject = await open(env, channel);
    for (let turn = 1; turn <= late; turn++) {
      const ms = await step(env, subject, script);
      const at = turn === early ? 'early' : turn === late ? 'late' : undefined;
      if (!at) continue;
      times[at].push(ms);
      if (c === 0) {
        const items = await itemsOf(env, subject);
        templates[at] = items.conversation.item;
        sizes[at] = items.conversation.size;
        if (items.line) sizes[at === 'early' ? 'earlyLine' : 'lateLine'] = items.line.size;
      }
    }
  }
  const floorOn = async (template: Record<string, AttributeValue> | undefined, label: string) =>
    template ? (await floor(env, template, 1, 150, label)).pairs.p50 : Number.NaN;
  const point = async (at: 'early' | 'late', turn: number): Promise<GrowthPoint> => ({
    turn,
    kind: script[turn - 1]?.kind ?? 'answer',
    p50: round(median(times[at])),
    itemBytes: sizes[at],
    ...(channel === 'sms' ? { lineBytes: sizes[at === 'early' ? 'earlyLine' : 'lateLine'] } : {}),
    floorP50: await floorOn(templates[at], `${channel}-growth-${at}`),
  });
  const e = await point('early', early);
  const l = await point('late', late);
  return {
    channel,
    conversations,
    early: e,
    late: l,
    growth: round(l.p50 / e.p50),
  };
}

// --- figure 4 ---------------------------------------------------------------------------------

export type Counts = Record<string, number>;

/** The commands one action made, by name. */
async function counted(env: BenchEnv, action: () => Promise<unknown>): Promise<Counts> {
  env.counter.reset();
  await action();
  return env.counter.snapshot();
}

export const total = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);

export interface CountsFigure {
  channel: Channel;
  /** POST /api/conversations, or the first text. */
  open: Counts;
  /** Every distinct count seen for ordinary turns of each kind, with how many turns had it. */
  byKind: Partial<Record<TurnKind, { counts: Counts; turns: number }[]>>;
  /** The turn whose "yes" at the summary qualifies the lead. */
  qualifying: Counts;
  /** Retries the SDK made in all of it (each is one more HTTP request). */
  retries: number;
}

/** Counts the requests of the opening, of `turns` scripted turns, and of a qualifying turn. */
export async function countsFigure(
  env: BenchEnv,
  channel: Channel,
  script: ScriptTurn[],
  turns: number,
): Promise<CountsFigure> {
  let retries = 0;
  const attempts = async (action: () => Promise<unknown>) => {
    const counts = await counted(env, action);
    retries += env.counter.attempts - total(counts);
    return counts;
  };
  let subject: Subject | undefined;
  const opening = await attempts(async () => {
    subject = await open(env, channel);
  });
  if (!subject) throw new Error('bench: no conversation');
  const byKind: CountsFigure['byKind'] = {};
  for (let t = 1; t <= turns; t++) {
    const kind = script[subject.next - 1]?.kind ?? 'answer';
    const counts = await attempts(() => step(env, subject as Subject, script));
    const seen = byKind[kind] ?? [];
    byKind[kind] = seen;
    const same = seen.find((s) => JSON.stringify(s.counts) === JSON.stringify(counts));
    if (same) same.turns++;
    else seen.push({ counts, turns: 1 });
  }
  // A whole intake with RESIDENT's answers, the engine alongside to know each question.
  const qualifier = await open(env, channel);
  const ctx = { content: env.deps.content, now: new Date() };
  let state = begin(ctx, 'en', channel).state;
  if (qualifier.phone) state.answers.phone = qualifier.phone.replace(/^whatsapp:/, '');
  for (let i = 0; i < 100 && state.step !== 'confirm'; i++) {
    const text = RESIDENT[state.step];
    if (text === undefined) throw new Error(`bench: no answer for ${state.step}`);
    state = advance(ctx, state, text).state;
    await send(env, qualifier, text);
  }
  const qualifying = await attempts(() => send(env, qualifier, 'yes'));
  const status = await qualifiedStatus(env, qualifier);
  if (status !== 'qualified') throw new Error(`bench: the ${channel} intake ended ${status}`);
  return { channel, open: opening, byKind, qualifying, retries };
}

async function qualifiedStatus(env: BenchEnv, subject: Subject) {
  const id = subject.web
    ? subject.web.id
    : (await env.deps.sms.getLine(subject.phone as string))?.conversationId;
  return id ? (await env.deps.store.get(id))?.intake.status : undefined;
}
