/**
 * Holds the knowledge search at the figures reported in the closing note. The evaluation
 * set is test/knowledge/eval.yaml (the matcher was tuned on it); `npm run eval:knowledge` prints
 * the same figures.
 */
import { describe, expect, it } from 'vitest';
import { content } from '../helpers/content';
import { evaluate, loadEvalSet } from '../knowledge/evaluate';

describe('knowledge search on the evaluation set', () => {
  const report = evaluate(content().knowledge, loadEvalSet());

  it('puts an acceptable article first for at least 97% of the answerable questions', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.97);
  });

  it('has an acceptable article in the first three for at least 98%', () => {
    expect(report.top3).toBeGreaterThanOrEqual(0.98);
  });

  it('answers none of the questions that should get no answer', () => {
    expect(report.misses.filter((m) => m.expect === 'none')).toEqual([]);
    expect(report.falseAnswers).toBe(0);
  });
});

describe('knowledge search on the holdout set (never tuned on)', () => {
  // test/knowledge/holdout.yaml was written from the article ids only, after the tuning; its
  // figures are the honest estimate for new questions. Held at what was measured when it landed.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/holdout.yaml'));

  it('keeps top-1 and top-3 accuracy at or above the first measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.86);
    expect(report.top3).toBeGreaterThanOrEqual(0.9);
  });

  it('answers at most 2 of its 30 questions that should get no answer', () => {
    expect(report.falseAnswers).toBeLessThanOrEqual(2);
  });
});
