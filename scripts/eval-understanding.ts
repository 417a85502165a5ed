/**
 * `npm run eval:understanding`: runs test/understanding/tune.yaml (or `--set <file>`) through
 * the engine and prints, per fact, how often it was read right (precision and recall), how often
 * a fact was read that the message did not state, the later answers read right, and the client
 * messages a relative's whole intake takes (test/understanding/turns.yaml) before and now.
 * `--misses` lists every message with a fact missed, wrong or invented.
 */
import { loadContent } from '../functions/adapters/content-files';
import { countTurns, evaluate, loadSet } from '../test/understanding/evaluate';

const content = loadContent({ root: process.cwd() });
const setFlag = process.argv.indexOf('--set');
const file = setFlag > 0 ? process.argv[setFlag + 1] : undefined;
const report = evaluate(content, loadSet(file));
const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(6);

console.log(`set: ${file ?? 'test/understanding/tune.yaml'}, ${report.stories} first messages`);
console.log('fact                 stated  read  precision  recall  invented  wrong');
for (const f of report.facts) {
  const precision = f.read ? f.right / f.read : 1;
  const recall = f.stated ? f.right / f.stated : 1;
  console.log(
    `${f.fact.padEnd(20)} ${String(f.stated).padStart(6)} ${String(f.read).padStart(5)}  ${pct(precision)}    ${pct(recall)}  ${String(f.invented).padStart(8)} ${String(f.wrong).padStart(6)}`,
  );
}
console.log(`facts read that the message did not state: ${pct(report.inventedShare).trim()}`);
console.log(
  `later answers read right: ${report.answers.right} of ${report.answers.total} (${pct(report.answers.right / Math.max(1, report.answers.total)).trim()})`,
);
console.log(`reading a first message (whole engine turn): p99 ${report.p99Ms.toFixed(3)} ms`);
if (!file || process.argv.includes('--turns')) {
  console.log('\nturns a relative takes, telling the story first (client messages to the end):');
  for (const t of countTurns(content)) {
    const fewer = (1 - t.now / t.before) * 100;
    console.log(
      `  ${t.name.padEnd(44)} before ${t.before}  now ${t.now}  (${fewer.toFixed(0)}% fewer, ${t.status})`,
    );
  }
}
if (process.argv.includes('--misses')) {
  for (const miss of report.misses) console.log(`  ${miss}`);
  for (const miss of report.answers.misses) console.log(`  ANSWER ${miss}`);
}
