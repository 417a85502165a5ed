/**
 * Holds the knowledge search at its measured figures (`npm run eval:knowledge -- --set <file>`
 * prints them).
 *
 * - knowledge/questions/*.yaml: every labelled question there is, and since 2026-12-07 the
 *   classifier's training data (functions/core/knowledge/classifier.ts). Each was an evaluation
 *   set first: eval.yaml (tuned on from the start), holdout.yaml (written from the article ids
 *   only), blind.yaml (written last in the first round), blind-2026-12.yaml to -12g (each written
 *   blind on 2026-12-06/07 from the article ids and titles, run once, then tuned on), and
 *   off-topic.yaml (397 questions no article answers, written for the classifier). Their figures
 *   say the search still answers what it was taught, not how it does on new questions: each file
 *   is held at its figure of 2026-12-07, rounded down.
 * - test/knowledge/blind-2026-12h.yaml and -12i.yaml: written blind (titles only) before the
 *   classifier, run once each after it, with nothing changed in between; never trained on. These
 *   are issue 13's figures. The first runs before the classifier, on blind sets B to G, were
 *   86–89% top-1, 91–94% top-3, 3 to 5 of 35 off-topic questions answered.
 */
import { describe, expect, it } from 'vitest';
import { content } from '../helpers/content';
import { evaluate, loadEvalSet } from '../knowledge/evaluate';

/** Each labelled questions file: the lowest top-1 and top-3 it may fall to. */
const TAUGHT: [file: string, top1: number, top3: number][] = [
  ['eval', 0.996, 0.996],
  ['holdout', 1, 1],
  ['blind', 0.992, 1],
  ['blind-2026-12', 1, 1],
  ['blind-2026-12b', 1, 1],
  ['blind-2026-12c', 0.989, 0.989],
  ['blind-2026-12d', 1, 1],
  ['blind-2026-12e', 0.979, 0.979],
  ['blind-2026-12f', 0.989, 0.989],
  ['blind-2026-12g', 0.994, 0.994],
];

describe('knowledge search on the questions it was taught (knowledge/questions/)', () => {
  for (const [file, top1, top3] of TAUGHT) {
    it(`${file}.yaml: top-1 at least ${top1 * 100}%, top-3 at least ${top3 * 100}%, no false answer`, () => {
      const report = evaluate(content().knowledge, loadEvalSet(`knowledge/questions/${file}.yaml`));
      expect(report.top1).toBeGreaterThanOrEqual(top1);
      expect(report.top3).toBeGreaterThanOrEqual(top3);
      expect(report.misses.filter((m) => m.expect === 'none')).toEqual([]);
    });
  }

  it('off-topic.yaml: answers none of its 397 questions', () => {
    const report = evaluate(content().knowledge, loadEvalSet('knowledge/questions/off-topic.yaml'));
    expect(report.none).toBe(397);
    expect(report.falseAnswers).toBe(0);
  });
});

describe('knowledge search on blind set H (test/knowledge/blind-2026-12h.yaml, never taught)', () => {
  // 230 questions (195 answerable, 35 with no answer; 115 es / 115 en), written on 2026-12-07
  // from the articles' ids and titles only, before the classifier. First run, 2026-12-07:
  // top-1 96.92%, top-3 98.97%, 1 of 35 answered that should not ("lol wrong chat sorry": "chat"
  // read as the intake; "wrong chat" now says nothing, knowledge/vocabulary.yaml). Since: 0.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind-2026-12h.yaml'));

  it('keeps top-1 and top-3 accuracy at or above its first run', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.969);
    expect(report.top3).toBeGreaterThanOrEqual(0.989);
  });

  it('answers none of its 35 questions that should get no answer', () => {
    expect(report.falseAnswers).toBe(0);
  });
});

describe('knowledge search on blind set I (test/knowledge/blind-2026-12i.yaml, never taught)', () => {
  // 230 questions (195 answerable, 35 with no answer; 115 es / 115 en), written on 2026-12-07
  // from the articles' ids and titles only, before the classifier; run once right after set H,
  // nothing changed in between, misses unread. First run: top-1 94.36%, top-3 97.95%, 0 of 35.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind-2026-12i.yaml'));

  it('keeps top-1 and top-3 accuracy at or above its first run', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.943);
    expect(report.top3).toBeGreaterThanOrEqual(0.979);
  });

  it('answers none of its 35 questions that should get no answer', () => {
    expect(report.falseAnswers).toBe(0);
  });
});
