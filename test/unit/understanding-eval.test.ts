/**
 * Understanding people's words, held at its measured figures (npm run eval:understanding prints
 * them): the tuning set's facts, the later answers, the turns a relative's intake takes, and
 * every example phrasing of the flow read as its own option.
 */
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../functions/core/engine/answers';
import { LANGUAGES } from '../../functions/core/flow';
import { content } from '../helpers/content';
import { countTurns, evaluate, loadSet } from '../understanding/evaluate';

const recall = (report: ReturnType<typeof evaluate>, fact: string) => {
  const f = report.facts.find((s) => s.fact === fact);
  return f ? f.right / f.stated : 0;
};

describe('understanding, on the tuning set', () => {
  const report = evaluate(content(), loadSet('test/understanding/tune.yaml'));

  it('reads the matter, who it is about and detained in at least 98% of first messages', () => {
    expect(recall(report, 'matter')).toBeGreaterThanOrEqual(0.99);
    expect(recall(report, 'aboutSelf')).toBeGreaterThanOrEqual(0.98);
    expect(recall(report, 'writerRelationship')).toBeGreaterThanOrEqual(0.985);
    expect(recall(report, 'detained')).toBeGreaterThanOrEqual(0.99);
  });

  it('fills a fact the message did not state in at most 1% of the facts it reads', () => {
    expect(report.inventedShare).toBeLessThanOrEqual(0.01);
  });

  it('reads at least 97% of later answers typed in people’s words', () => {
    expect(report.answers.right / report.answers.total).toBeGreaterThanOrEqual(0.97);
  });
});

describe('understanding, on the second tuning set and the spent blind sets', () => {
  // Floors at the figures measured on 2026-12-07 (npm run eval:understanding -- --set <file>),
  // after the story reading's second round of general fixes (who the writer names loosely or
  // with an age, "not immigration", papers said in passing, a court case stated against one
  // denied): tune-2 was tuned on; blind-2026-12, -12b, -12c, -12d and -12e were blind when first
  // run (their first figures are in the closing note of issue 16) and have been tuned on since:
  // the next blind set must be a fresh one.
  it.each([
    [
      'test/understanding/tune-2.yaml',
      { matter: 0.97, aboutSelf: 0.975, writerRelationship: 0.985, detained: 0.965 },
      0.015,
    ],
    [
      'test/understanding/blind-2026-12.yaml',
      { matter: 0.975, aboutSelf: 0.97, writerRelationship: 0.97, detained: 0.985 },
      0.01,
    ],
    [
      'test/understanding/blind-2026-12b.yaml',
      { matter: 0.96, aboutSelf: 0.94, writerRelationship: 0.945, detained: 0.975 },
      0.02,
    ],
    [
      'test/understanding/blind-2026-12c.yaml',
      { matter: 0.985, aboutSelf: 0.975, writerRelationship: 0.98, detained: 0.97 },
      0.015,
    ],
    [
      'test/understanding/blind-2026-12d.yaml',
      { matter: 0.98, aboutSelf: 0.97, writerRelationship: 0.98, detained: 0.97 },
      0.015,
    ],
    [
      'test/understanding/blind-2026-12e.yaml',
      { matter: 0.965, aboutSelf: 0.96, writerRelationship: 0.98, detained: 0.99 },
      0.015,
    ],
    // blind-2026-12f: written 2026-12-07 after every tuning round of that day, by someone who
    // saw neither the code nor the other sets; held at its first run (its misses unread):
    // matter 95.7% (precision 93.6%), who 89.4%, relationship 84.1%, detained 91.4%, invented
    // 3.3%: below issue 16's targets for who, detained and invented facts.
    [
      'test/understanding/blind-2026-12f.yaml',
      { matter: 0.956, aboutSelf: 0.893, writerRelationship: 0.84, detained: 0.913 },
      0.0332,
    ],
  ] as const)('%s holds its figures', (file, floors, invented) => {
    const report = evaluate(content(), loadSet(file));
    for (const [fact, floor] of Object.entries(floors)) {
      expect(recall(report, fact), fact).toBeGreaterThanOrEqual(floor);
    }
    expect(report.inventedShare).toBeLessThanOrEqual(invented);
  });
});

describe('turns a relative takes', () => {
  const turns = countTurns(content());

  it('a whole story told first takes at least 25% fewer messages than before (37)', () => {
    const whole = turns.filter((t) => t.name.includes('the whole story') && t.name.includes('web'));
    expect(whole.length).toBeGreaterThan(0);
    for (const t of whole) {
      expect(t.status, t.name).toBe('qualified');
      expect(t.now, t.name).toBeLessThanOrEqual(Math.floor(t.before * 0.75));
    }
  });

  it('no story told first ever takes more messages than before', () => {
    for (const t of turns) expect(t.now, t.name).toBeLessThanOrEqual(t.before);
  });
});

describe('the flow’s example phrasings', () => {
  it('each reads as its own option at its question, in the language it is written in', () => {
    const c = content();
    const wrong: string[] = [];
    for (const step of c.flow.steps) {
      for (const [value, byLanguage] of Object.entries(step.examples ?? {})) {
        for (const lang of LANGUAGES) {
          for (const example of byLanguage[lang]) {
            const read = parseAnswer(c, step, example, '2026-11-25', lang);
            const got = read.ok ? read.value : undefined;
            const ok = Array.isArray(got) ? got.includes(value) : got === value;
            if (!ok)
              wrong.push(`${step.id}.${value} (${lang}): "${example}" → ${JSON.stringify(got)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
