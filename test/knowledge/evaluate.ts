/**
 * The knowledge evaluation, shared by `npm run eval:knowledge` (which prints it) and the test that
 * holds its figures (test/unit/knowledge-eval.test.ts).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type * as z from 'zod';
import { QuestionsFileSchema } from '../../functions/core/knowledge/questions';
import { confidentHits, type KnowledgeBase, RULE } from '../../functions/core/knowledge/search';

const EvalSetSchema = QuestionsFileSchema.extend({
  questions: QuestionsFileSchema.shape.questions.min(100),
});
export type EvalSet = z.infer<typeof EvalSetSchema>;

export function loadEvalSet(path = 'knowledge/questions/eval.yaml'): EvalSet {
  return EvalSetSchema.parse(parse(readFileSync(path, 'utf8')));
}

export interface EvalReport {
  total: number;
  answerable: number;
  none: number;
  /** Share of answerable questions whose first answer is an acceptable article. */
  top1: number;
  /** Share of answerable questions with an acceptable article among the first three. */
  top3: number;
  /** Questions that should get no answer but got one. */
  falseAnswers: number;
  p50Ms: number;
  p99Ms: number;
  misses: { q: string; expect: string; got: string }[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

export function evaluate(kb: KnowledgeBase, set: EvalSet, rule: typeof RULE = RULE): EvalReport {
  let top1 = 0;
  let top3 = 0;
  let falseAnswers = 0;
  let answerable = 0;
  const times: number[] = [];
  const misses: EvalReport['misses'] = [];
  for (const item of set.questions) {
    // Timed after one warm-up call on the same question, as a running server would see it.
    kb.candidates(item.q, item.lang, 3);
    const started = performance.now();
    const all = kb.candidates(item.q, item.lang, 3);
    times.push(performance.now() - started);
    // Exactly what `search` would show: the same rule, applied to the same candidates.
    const ids = confidentHits(all, rule).map((h) => h.article.id);
    if (item.expect === 'none') {
      if (ids.length) {
        falseAnswers++;
        misses.push({ q: item.q, expect: 'none', got: ids.join(',') });
      }
      continue;
    }
    answerable++;
    const expected = item.expect;
    if (ids[0] && expected.includes(ids[0])) top1++;
    else misses.push({ q: item.q, expect: expected.join(','), got: ids.join(',') || '(nothing)' });
    if (ids.some((id) => expected.includes(id))) top3++;
  }
  times.sort((a, b) => a - b);
  return {
    total: set.questions.length,
    answerable,
    none: set.questions.length - answerable,
    top1: top1 / answerable,
    top3: top3 / answerable,
    falseAnswers,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    misses,
  };
}
