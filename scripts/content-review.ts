/**
 * `npm run content:review`: what in the knowledge base is due for a person to check against its
 * sources. Lists every article whose `lastReviewed` is more than 180 days old, every article in
 * flux without a dated item (`inFlux: true`) or with an item last checked more than 180 days ago,
 * the TPS list if its review is that old, and every Spanish article that strays from
 * knowledge/glossary.yaml. `--today YYYY-MM-DD` reviews as of another day; `--check` exits 1 when
 * anything is listed.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readContentInputs } from '../functions/adapters/content-files';
import type { Article } from '../functions/core/knowledge/article';
import { checkGlossary, loadGlossary } from '../test/knowledge/glossary';

/** How old a check may be before it is due again. */
export const MAX_AGE_DAYS = 180;

export interface ReviewFinding {
  /** `en/<id>`, `es/<id>`, or a file name. */
  where: string;
  problem: string;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The articles due for review on `today`.
 *
 * @example reviewArticles(articles, '2026-12-07') // [{ where: 'en/daca', problem: '...' }]
 */
export function reviewArticles(
  articles: readonly Pick<Article, 'id' | 'lang' | 'lastReviewed' | 'inFlux'>[],
  today: string,
  maxAgeDays = MAX_AGE_DAYS,
): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const article of articles) {
    const where = `${article.lang}/${article.id}`;
    const age = daysBetween(article.lastReviewed, today);
    if (age > maxAgeDays)
      findings.push({
        where,
        problem: `last reviewed ${article.lastReviewed}, ${age} days ago (more than ${maxAgeDays})`,
      });
    if (article.inFlux === true)
      findings.push({
        where,
        problem: 'in flux with no dated item: list each rule in flux with the date it was checked',
      });
    else if (Array.isArray(article.inFlux))
      for (const item of article.inFlux) {
        const itemAge = daysBetween(item.checked, today);
        if (itemAge > maxAgeDays)
          findings.push({
            where,
            problem: `"${item.what}" last checked ${item.checked}, ${itemAge} days ago`,
          });
      }
  }
  return findings;
}

/** Everything due: the articles, the TPS list's review date, the glossary. */
export function reviewContent(root: string, today: string): ReviewFinding[] {
  const { articles, tps } = readContentInputs({ root });
  const findings = reviewArticles(articles, today);
  const tpsAge = daysBetween(tps.lastReviewed, today);
  if (tpsAge > MAX_AGE_DAYS)
    findings.push({
      where: 'knowledge/tps-countries.yaml',
      problem: `last reviewed ${tps.lastReviewed}, ${tpsAge} days ago`,
    });
  for (const { id, problem } of checkGlossary(
    loadGlossary(`${root}/knowledge/glossary.yaml`),
    articles,
  ))
    findings.push({ where: `es/${id}`, problem: `glossary: ${problem}` });
  return findings;
}

function main(argv: string[]): number {
  const todayFlag = argv.indexOf('--today');
  const today = todayFlag >= 0 ? argv[todayFlag + 1] : new Date().toISOString().slice(0, 10);
  if (!today || !/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    console.error('--today needs a date, YYYY-MM-DD');
    return 2;
  }
  const findings = reviewContent(process.cwd(), today);
  if (findings.length === 0) {
    console.log(`Nothing due for review as of ${today}.`);
    return 0;
  }
  console.log(`Due for review as of ${today} (${findings.length}):`);
  for (const { where, problem } of findings) console.log(`  ${where}: ${problem}`);
  return argv.includes('--check') ? 1 : 0;
}

// Run as a script (not imported by the test); real paths, so a symlinked checkout works too.
const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === realpathSync(fileURLToPath(import.meta.url)))
  process.exitCode = main(process.argv.slice(2));
