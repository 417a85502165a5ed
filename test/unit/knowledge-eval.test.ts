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
