/**
 * Holds the knowledge search at the figures reported in the issues' closing notes, on four sets:
 * eval.yaml (tuned on), holdout.yaml (written independently, then used for general fixes),
 * blind.yaml (written last in the first round, never used) and blind-2026-12.yaml (written after
 * issue 13's articles, never used). `npm run eval:knowledge -- --set <file>` prints them.
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
    expect(report.top1).toBeGreaterThanOrEqual(0.94);
    expect(report.top3).toBeGreaterThanOrEqual(0.96);
  });

  // 2026-12-07 (issue 13's new articles): "can i vote in the next election" now expects the
  // article on voting, and one question answers wrongly: "how much is the N-400 citizenship
  // application fee" gets naturalization-risks, which names the N-400 but gives no fee.
  it('answers at most 1 of its 29 questions that should get no answer', () => {
    expect(report.falseAnswers).toBeLessThanOrEqual(1);
  });
});

describe('knowledge search on the blind set (written last, never looked at while tuning)', () => {
  // test/knowledge/blind.yaml: the honest figure for new questions, held where it was measured.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind.yaml'));

  // 2026-12-07: three questions that had no article now have one (naturalizing twice, travelling
  // inside the US) and expect it; the search ranks family-petitions first for the two about
  // naturalizing, so top-1 fell from 89.8% to 87.8%. Not tuned on: the measure is held here.
  it('keeps top-1 and top-3 accuracy at or above the last measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.875);
    expect(report.top3).toBeGreaterThanOrEqual(0.92);
  });

  it('answers at most 3 of its 27 questions that should get no answer', () => {
    expect(report.falseAnswers).toBeLessThanOrEqual(3);
  });
});

describe('knowledge search on the blind set of 2026-12 (written after issue 13, never tuned on)', () => {
  // test/knowledge/blind-2026-12.yaml: 219 questions written from the 61 articles' ids and titles
  // only, the way people type on a phone. Measured when it landed: top-1 75.7%, top-3 78.3%, 2 of
  // 30 answered that should not; after the search learned people's spelling (tuned on the other
  // sets only): 76.7%, 79.4%, 2. Below issue 13's target (90% / 97%): held here so it cannot
  // fall; raising it means improving the search on the other sets, then a new blind set.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind-2026-12.yaml'));

  it('keeps top-1 and top-3 accuracy at or above the last measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.765);
    expect(report.top3).toBeGreaterThanOrEqual(0.79);
  });

  it('answers at most 2 of its 30 questions that should get no answer', () => {
    expect(report.falseAnswers).toBeLessThanOrEqual(2);
  });
});
