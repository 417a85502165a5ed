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

  // Floors at the figures measured on 2026-12-07, after the round on blind-2026-12g's misses.
  it('reads the matter, who it is about and detained in at least 98% of first messages', () => {
    expect(recall(report, 'matter')).toBeGreaterThanOrEqual(0.997);
    expect(recall(report, 'aboutSelf')).toBeGreaterThanOrEqual(0.993);
    expect(recall(report, 'writerRelationship')).toBeGreaterThanOrEqual(0.989);
    expect(recall(report, 'detained')).toBeGreaterThanOrEqual(1);
  });

  it('fills a fact the message did not state in at most 1% of the facts it reads', () => {
    expect(report.inventedShare).toBeLessThanOrEqual(0.0014);
  });

  it('reads at least 97% of later answers typed in people’s words', () => {
    expect(report.answers.right / report.answers.total).toBeGreaterThanOrEqual(1);
  });
});

describe('understanding, on the second tuning set and the spent blind sets', () => {
  // Floors at the figures measured on 2026-12-07 (npm run eval:understanding -- --set <file>),
  // after the round on blind-2026-12h's misses (an NTA is a court case, a date not given yet
  // neither, the writer's role over a coworker, a relative visited is no subject, malpractice,
  // adoption and a passport taken; tune-2's who rose with it); before it, the round on
  // blind-2026-12g's misses (a first message saying only who, "llegué", a
  // detention after a return from a deportation, a release years back, the police or an old record
  // denied, the words of what did not happen not weighed for the matter; before it, the round on
  // blind-2026-12f's; some labels were corrected, see the commits): tune-2 was tuned on;
  // blind-2026-12 to -12h were blind when first run (their first figures are in the closing note
  // of issue 16, and F's, G's and H's below) and have been tuned on since: the next blind set must be
  // a fresh one.
  it.each([
    [
      'test/understanding/tune-2.yaml',
      { matter: 0.978, aboutSelf: 0.985, writerRelationship: 0.991, detained: 0.979 },
      0.0114,
    ],
    [
      'test/understanding/blind-2026-12.yaml',
      { matter: 0.981, aboutSelf: 0.989, writerRelationship: 0.99, detained: 0.987 },
      0.0046,
    ],
    [
      'test/understanding/blind-2026-12b.yaml',
      { matter: 0.97, aboutSelf: 0.948, writerRelationship: 0.953, detained: 0.987 },
      0.0164,
    ],
    [
      'test/understanding/blind-2026-12c.yaml',
      { matter: 0.987, aboutSelf: 0.983, writerRelationship: 0.985, detained: 0.974 },
      0.0114,
    ],
    [
      'test/understanding/blind-2026-12d.yaml',
      { matter: 0.986, aboutSelf: 0.984, writerRelationship: 0.986, detained: 0.972 },
      0.01,
    ],
    [
      'test/understanding/blind-2026-12e.yaml',
      { matter: 0.97, aboutSelf: 0.983, writerRelationship: 0.993, detained: 0.992 },
      0.0136,
    ],
    // blind-2026-12f: written 2026-12-07 after every tuning round of that day, by someone who
    // saw neither the code nor the other sets; its first run (blind, misses unread): matter 95.7%
    // (precision 93.6%), who 89.4%, relationship 84.1%, detained 91.4%, invented 3.3%, later
    // answers 87.0%. A tuning set since its misses were read (2026-12-07).
    [
      'test/understanding/blind-2026-12f.yaml',
      { matter: 1, aboutSelf: 1, writerRelationship: 1, detained: 0.98 },
      0.0159,
    ],
    // blind-2026-12g: written 2026-12-07 while blind-2026-12f was tuned on, by someone who saw
    // neither the code nor the other sets (its last 13 stories' facts labelled afterwards with
    // DOMAIN.md's values, before any run); run once, after that tuning, misses unread. Its first
    // run is held here: matter 94.7% (precision 96.9%), who 90.1%, relationship 90.9%, detained
    // 92.7%, invented 0.4%, later answers 94.4% (issue 16's targets: 95 / 95 / 95, at most 1%).
    // A tuning set since its misses were read (2026-12-07).
    [
      'test/understanding/blind-2026-12g.yaml',
      { matter: 1, aboutSelf: 0.992, writerRelationship: 0.993, detained: 0.993 },
      0,
    ],
    // blind-2026-12h: written 2026-12-07 while blind-2026-12g was tuned on, by someone who saw
    // neither the code nor the other sets (its story locations rewritten as the message names the
    // place, as every set labels them, before any run); run once after that tuning, misses unread.
    // First run, held here: matter 93.8% (precision 95.0%), who 94.6%, relationship 93.8%,
    // detained 94.9%, invented 1.6%, later answers 92.2% (target 95 / 95 / 95, at most 1%).
    // A tuning set since its misses were read (2026-12-07; some labels corrected to every set's
    // conventions, its header says which): matter 98.7%, who 98.5%, relationship 98.3%, detained
    // 99.3%, invented 0.7%, held below.
    [
      'test/understanding/blind-2026-12h.yaml',
      { matter: 0.986, aboutSelf: 0.985, writerRelationship: 0.982, detained: 0.992 },
      0.0069,
    ],
    // blind-2026-12i: written 2026-12-07 while blind-2026-12h was tuned on, by someone who saw
    // neither the code nor the other sets; run once after that tuning, misses unread. First run,
    // held here (the exact figures rounded down): matter 97.37% (precision 97.7%), who 96.74%,
    // relationship 95.19%, detained 97.20%, invented 0.52%, later answers 95.0%: issue 16's targets (95 / 95 / 95, at most 1%) met on
    // a blind set.
    [
      'test/understanding/blind-2026-12i.yaml',
      { matter: 0.973, aboutSelf: 0.967, writerRelationship: 0.951, detained: 0.972 },
      0.0052,
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
