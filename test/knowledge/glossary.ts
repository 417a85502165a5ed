/**
 * The glossary check (knowledge/glossary.yaml): one Spanish term for each legal term. Shared by
 * test/knowledge/glossary.test.ts and `npm run content:review`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as z from 'zod';
import type { Article } from '../../functions/core/knowledge/article';

const Regex = z.string().refine((s) => {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** Folded: lower case, no accents, as the glossary's phrases and patterns are written. */
export const fold = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const Folded = z.string().refine((s) => s === fold(s), 'write it folded: lower case, no accents');

export const GlossarySchema = z.strictObject({
  terms: z
    .array(
      z.strictObject({
        en: z.string().min(2),
        /** The one Spanish term. */
        es: z.string().min(2),
        /** When the English article matches it, the Spanish one must use `es`. */
        enPattern: Regex.optional(),
        /** Whole-word phrases no Spanish answer may use. */
        forbidden: z.array(Folded).default([]),
        /** Regexes (on folded text) for variants a phrase alone cannot pin down. */
        forbiddenPatterns: z.array(Regex).default([]),
        note: z.string().optional(),
      }),
    )
    .min(1),
});
export type Glossary = z.infer<typeof GlossarySchema>;

export function loadGlossary(path = 'knowledge/glossary.yaml'): Glossary {
  return GlossarySchema.parse(parse(readFileSync(path, 'utf8')));
}

/** What the reader sees: not the questions (clients' own words) nor the sources (English). */
const prose = (a: Pick<Article, 'title' | 'short' | 'body'>) =>
  fold(`${a.title}\n${a.short}\n${a.body}`);

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWords = (phrase: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${literal(phrase).replace(/ +/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u');
const wordStart = (phrase: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${literal(fold(phrase)).replace(/ +/g, '\\s+')}`, 'u');

export interface GlossaryProblem {
  id: string;
  problem: string;
}

/** Every way the Spanish articles stray from the glossary, with the text that did. */
export function checkGlossary(glossary: Glossary, articles: readonly Article[]): GlossaryProblem[] {
  const english = new Map(articles.filter((a) => a.lang === 'en').map((a) => [a.id, a]));
  const problems: GlossaryProblem[] = [];
  for (const article of articles.filter((a) => a.lang === 'es')) {
    const text = prose(article);
    const en = english.get(article.id);
    for (const term of glossary.terms) {
      const wrong = [
        ...term.forbidden.map(wholeWords),
        ...term.forbiddenPatterns.map((p) => new RegExp(p, 'u')),
      ];
      for (const re of wrong) {
        const hit = re.exec(text);
        if (hit)
          problems.push({
            id: article.id,
            problem: `"${hit[0]}" for "${term.en}": write "${term.es}"`,
          });
      }
      if (term.enPattern && en && new RegExp(term.enPattern, 'u').test(prose(en))) {
        if (!wordStart(term.es).test(text))
          problems.push({
            id: article.id,
            problem: `the English says "${term.en}", the Spanish never "${term.es}"`,
          });
      }
    }
  }
  return problems;
}
