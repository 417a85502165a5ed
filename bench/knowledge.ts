/**
 * Figure 5: knowledge search time per query over the whole base, warm: every question of
 * knowledge/questions/eval.yaml once to warm up, then each timed, over several passes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Content } from '../functions/core/content';
import type { Language } from '../functions/core/flow';
import { type Latency, latency } from './stats';

export interface SearchFigure {
  questions: number;
  articles: number;
  passes: number;
  perQuery: Latency;
}

export function searchFigure(root: string, content: Content, passes = 4): SearchFigure {
  const set = parse(readFileSync(join(root, 'knowledge', 'questions', 'eval.yaml'), 'utf8')) as {
    questions: { q: string; lang: Language }[];
  };
  const kb = content.knowledge;
  for (const { q, lang } of set.questions) kb.search(q, lang);
  const samples: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const { q, lang } of set.questions) {
      const started = performance.now();
      kb.search(q, lang);
      samples.push(performance.now() - started);
    }
  }
  return {
    questions: set.questions.length,
    articles: kb.size,
    passes,
    perQuery: latency(samples, 4),
  };
}
