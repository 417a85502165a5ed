/**
 * `npm run eval:conflicts`: runs every pair of test/conflicts/names.yaml (or `--set <file>`)
 * through the conflict check's name matcher and prints precision and recall; `--misses` lists
 * the pairs it gets wrong, with the score and why. Also times a lead against 5,000 names.
 */
import { loadNameTables } from '../functions/adapters/conflicts-file';
import { evaluatePairs, loadPairSet, timeCheck } from '../test/conflicts/evaluate';

const tables = loadNameTables(process.cwd());
const setFlag = process.argv.indexOf('--set');
const set = loadPairSet(setFlag > 0 ? process.argv[setFlag + 1] : undefined);
const report = evaluatePairs(set, tables);
console.log(
  `pairs:      ${report.total} (${report.positives} should match, ${report.negatives} should not)`,
);
console.log(
  `precision:  ${(report.precision * 100).toFixed(1)}% (${report.falsePositives} matched that should not)`,
);
console.log(
  `recall:     ${(report.recall * 100).toFixed(1)}% (${report.positives - report.truePositives} missed of ${report.positives})`,
);
const time = timeCheck(tables);
console.log(
  `speed:      a lead against ${time.size} names: median ${time.medianMs.toFixed(2)} ms, p95 ${time.p95Ms.toFixed(2)} ms (list read in ${time.indexMs.toFixed(0)} ms, once)`,
);
if (process.argv.includes('--misses')) {
  for (const m of report.misses) {
    const got = m.score ? `${m.score} ${m.why.join(', ')}` : 'no match';
    console.log(`  ${m.expected ? 'MISSED' : 'FALSE '} ${m.a} | ${m.b} — got ${got} (${m.note})`);
  }
}
