/**
 * `npm run eval:knowledge`: runs every question of knowledge/questions/eval.yaml through the knowledge
 * search and prints top-1 and top-3 accuracy, and how often it answered a question that should
 * get no answer. `--misses` lists the questions missed; `--why` lists them with their terms and the
 * five best candidates' figures and the classifier's "none" (a * marks an expected article).
 * `--sweep` also prints the figures over a range of probabilities, to tune RULE (search.ts).
 */
import { loadContent } from '../functions/adapters/content-files';
import { RULE } from '../functions/core/knowledge/search';
import { evaluate, loadEvalSet } from '../test/knowledge/evaluate';

const content = loadContent({ root: process.cwd() });
const setFlag = process.argv.indexOf('--set');
const set = loadEvalSet(setFlag > 0 ? process.argv[setFlag + 1] : undefined);
const report = evaluate(content.knowledge, set);
console.log(
  `questions:            ${report.total} (${report.answerable} answerable, ${report.none} with no answer)`,
);
console.log(`top-1 accuracy:       ${(report.top1 * 100).toFixed(1)}%`);
console.log(`top-3 accuracy:       ${(report.top3 * 100).toFixed(1)}%`);
console.log(`answered, should not: ${report.falseAnswers} of ${report.none}`);
console.log(
  `search time:          p50 ${report.p50Ms.toFixed(3)} ms, p99 ${report.p99Ms.toFixed(3)} ms per query`,
);
if (process.argv.includes('--misses') || process.argv.includes('--why')) {
  for (const miss of report.misses) {
    console.log(`  MISS [${miss.expect}] got [${miss.got}] ${miss.q}`);
    if (!process.argv.includes('--why')) continue;
    // Why: the candidates the confidence rule chose from, with their figures (search.ts).
    const item = set.questions.find((q) => q.q === miss.q);
    if (!item) continue;
    const { hits, none } = content.knowledge.candidates(item.q, item.lang, 5);
    console.log(
      `       terms: ${content.knowledge.terms(item.q, item.lang, true).join(' ')}; none ${none.toFixed(2)}`,
    );
    for (const hit of hits) {
      const wanted = miss.expect.split(',').includes(hit.article.id) ? ' *' : '';
      console.log(
        `       ${hit.article.id.padEnd(28)} score ${hit.score.toFixed(2)} probability ${hit.probability.toFixed(2)} nearest ${hit.nearest.toFixed(2)} coverage ${hit.coverage.toFixed(2)}${wanted}`,
      );
    }
  }
}
if (process.argv.includes('--sweep')) {
  for (const probability of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
    const r = evaluate(content.knowledge, set, { ...RULE, probability });
    console.log(
      `probability ${probability}: top-1 ${(r.top1 * 100).toFixed(1)}% top-3 ${(r.top3 * 100).toFixed(1)}% false ${r.falseAnswers}`,
    );
  }
}
