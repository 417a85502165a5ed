/**
 * The intake flow as data must be whole: every step reachable, every path ending, every string
 * translated, and no question expecting an SMS keyword (STOP, HELP, ...) as its answer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SMS_KEYWORDS } from '../../functions/core/channels/keywords';
import { checkCatalog, flattenStrings } from '../../functions/core/content';
import { COMMAND_WORDS } from '../../functions/core/engine/commands';
import { advance, begin } from '../../functions/core/engine/engine';
import { optionLabel, optionValues } from '../../functions/core/engine/render';
import type { IntakeState } from '../../functions/core/engine/state';
import { conditionSteps, FlowSchema, LANGUAGES, type Step } from '../../functions/core/flow';
import { normalize } from '../../functions/core/parse/normalize';
import { content } from '../helpers/content';

const NOW = new Date('2026-11-25T18:00:00Z');

/** A small seeded PRNG so the walks are the same on every run. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Plausible answers for a step, covering each branch its answer can open. */
function answersFor(step: Step): string[] {
  switch (step.type) {
    case 'date':
      if (step.date?.direction === 'future') return ['December 1, 2026', 'March 3, 2027', 'skip'];
      if (step.id === 'birthDate') return ['06/30/1990', '01/15/2010', '2008-12-01'];
      if (!step.date?.allowPartial)
        return ['March 2, 2026', 'yesterday', ...(step.optional ? ['skip'] : [])];
      return ['March 2, 2026', 'June 2012', '2001'];
    case 'anumber':
      return ['A123456789', 'skip'];
    case 'phone':
      return ['(213) 373-4253'];
    case 'email':
      return ['ana@example.com', 'skip'];
    case 'country':
      return ['Honduras', 'Mexico', 'El Salvador'];
    case 'location':
      return ['San Diego, CA', 'Houston, TX'];
    case 'language':
      return ['1', '2', 'Mam'];
    case 'name':
      return ['Maria Lopez'];
    case 'text':
      return ['Otay Mesa', 'skip'];
    default:
      return [...optionValues(step), ...(step.optional ? ['skip'] : [])];
  }
}

function walk(random: () => number) {
  const ctx = { content: content(), now: NOW };
  let state: IntakeState = begin(
    ctx,
    random() < 0.5 ? 'en' : 'es',
    random() < 0.5 ? 'web' : 'sms',
  ).state;
  const visited: string[] = [state.step];
  state = advance(ctx, state, 'yes').state;
  for (let turn = 0; turn < 80 && state.status === 'active'; turn++) {
    visited.push(state.step);
    if (state.step === 'confirm' || state.step === 'heard') {
      state = advance(ctx, state, 'yes').state;
      continue;
    }
    const step = ctx.content.flow.steps.find((s) => s.id === state.step);
    if (!step) throw new Error(`walk reached unknown step ${state.step}`);
    const options = answersFor(step);
    const before = state.step;
    state = advance(ctx, state, options[Math.floor(random() * options.length)] ?? '').state;
    if (state.step === before) throw new Error(`a generated answer did not move past ${before}`);
  }
  return { visited, state };
}

describe('the intake flow', () => {
  it('loads and validates all content files', () => {
    expect(content().flow.steps.length).toBeGreaterThan(30);
  });

  it('has every string in English and Spanish, with the same keys and placeholders', () => {
    const c = content();
    expect(checkCatalog(c.flow, c.strings)).toEqual([]);
    for (const key of Object.keys(c.strings.en)) {
      const placeholders = (lang: 'en' | 'es') =>
        JSON.stringify(c.strings[lang][key])
          .match(/\{\w+\}/g)
          ?.sort()
          .join() ?? '';
      expect(placeholders('es'), key).toBe(placeholders('en'));
    }
  });

  it('reports a missing translation as a problem', () => {
    const c = content();
    const es = { ...c.strings.es };
    delete es['steps.detained.prompt'];
    expect(checkCatalog(c.flow, { en: c.strings.en, es })).toContain(
      'es: missing steps.detained.prompt',
    );
  });

  it('rejects a flow with a duplicate step or a reserved id', () => {
    const raw = parse(readFileSync('prompts/flow.yaml', 'utf8'));
    const dup = { ...raw, steps: [...raw.steps, raw.steps[0]] };
    expect(FlowSchema.safeParse(dup).success).toBe(false);
    const reserved = { ...raw, steps: [...raw.steps, { id: 'confirm', type: 'yesno' }] };
    expect(FlowSchema.safeParse(reserved).success).toBe(false);
  });

  it('rejects a choice option without example phrasings in both languages, or examples of no option', () => {
    const raw = parse(readFileSync('prompts/flow.yaml', 'utf8'));
    expect(FlowSchema.safeParse(raw).success).toBe(true);
    const matter = raw.steps.find((s: { id: string }) => s.id === 'matter');
    const { other: _dropped, ...fewer } = matter.examples;
    const missing = {
      ...raw,
      steps: raw.steps.map((s: { id: string }) =>
        s === matter ? { ...matter, examples: fewer } : s,
      ),
    };
    const result = FlowSchema.safeParse(missing);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('option other has no examples');
    const oneLanguage = {
      ...raw,
      steps: raw.steps.map((s: { id: string }) =>
        s === matter
          ? { ...matter, examples: { ...matter.examples, other: { en: ['divorce'] } } }
          : s,
      ),
    };
    expect(FlowSchema.safeParse(oneLanguage).success).toBe(false);
    const stray = {
      ...raw,
      steps: raw.steps.map((s: { id: string }) =>
        s === matter
          ? {
              ...matter,
              examples: { ...matter.examples, taxes: { en: ['taxes'], es: ['impuestos'] } },
            }
          : s,
      ),
    };
    expect(FlowSchema.safeParse(stray).success).toBe(false);
  });

  it('only branches on earlier steps, so no path can loop', () => {
    const steps = content().flow.steps;
    steps.forEach((step, index) => {
      const earlier = new Set(steps.slice(0, index).map((s) => s.id));
      for (const id of step.when ? conditionSteps(step.when) : []) {
        expect(earlier.has(id), `${step.id} depends on ${id}`).toBe(true);
      }
    });
  });

  it('reaches every step, and every path ends, over many seeded random intakes', () => {
    const random = prng(20261125);
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const { visited, state } = walk(random);
      for (const id of visited) seen.add(id);
      expect(state.status, `walk ${i} did not end`).not.toBe('active');
    }
    const unreachable = content()
      .flow.steps.map((s) => s.id)
      .filter((id) => !seen.has(id));
    expect(unreachable).toEqual([]);
    expect(seen.has('confirm')).toBe(true);
  });

  it('never expects an SMS keyword or a command word as an answer', () => {
    const c = content();
    const banned = new Set([
      ...SMS_KEYWORDS,
      ...COMMAND_WORDS.filter(
        (w) =>
          ![
            'espanol',
            'english',
            'ingles',
            'spanish',
            'en espanol',
            'en ingles',
            'castellano',
            'in english',
            'in spanish',
          ].includes(w),
      ),
    ]);
    for (const step of c.flow.steps) {
      for (const lang of LANGUAGES) {
        const words = [
          ...optionValues(step).map((v) => optionLabel(c, lang, step, v)),
          ...optionValues(step),
        ];
        for (const label of words) {
          expect(banned.has(normalize(label)), `${lang} ${step.id}: "${label}"`).toBe(false);
          const keywordInside = normalize(label)
            .split(/[^a-z0-9]+/)
            .filter((w) => SMS_KEYWORDS.includes(w));
          expect(keywordInside, `${lang} ${step.id}: "${label}"`).toEqual([]);
        }
        const example = flattenStrings({ x: c.strings[lang][`steps.${step.id}.example`] }).x;
        const exampleWords = normalize(String(example)).split(/[^a-z0-9]+/);
        expect(
          exampleWords.filter((w) => SMS_KEYWORDS.includes(w)),
          `${lang} ${step.id} example`,
        ).toEqual([]);
      }
    }
  });
});
