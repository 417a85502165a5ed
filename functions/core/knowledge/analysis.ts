/**
 * Reading the articles' text into terms: the slow half of building the knowledge index, done once
 * per set of articles and vocabulary. The result is plain JSON, so the Lambda's content.json can
 * carry it and skip the reading at cold start.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Language } from '../flow';
import type { Article } from './article';
import { termsOf } from './terms';
import type { Vocabulary } from './vocabulary';

/** BM25 fields, in the order of each article's term counts and lengths. */
export const FIELDS = ['title', 'questions', 'short', 'body'] as const;
export type Field = (typeof FIELDS)[number];

/**
 * What reading the articles' text yields: per article (both languages share a slot) the term
 * counts by field and the field lengths; each example phrasing's terms and article; the surface
 * words seen.
 */
export const ArticleAnalysisSchema = z.strictObject({
  /**
   * SHA-256 of the articles and the vocabulary it was made from: an analysis of other articles,
   * or made with another vocabulary, is refused.
   */
  source: z.string(),
  ids: z.array(z.string()),
  tf: z.array(z.array(z.tuple([z.string(), z.array(z.number())]))),
  len: z.array(z.array(z.number())),
  exampleTerms: z.array(z.array(z.string())),
  exampleArticle: z.array(z.number().int().nonnegative()),
  surface: z.array(z.tuple([z.string(), z.number()])),
});
export type ArticleAnalysis = z.infer<typeof ArticleAnalysisSchema>;

/** SHA-256 of the articles and the vocabulary, as JSON. */
function fingerprint(articles: Article[], vocabulary: Vocabulary): string {
  return createHash('sha256').update(JSON.stringify({ articles, vocabulary })).digest('hex');
}

/**
 * Throws unless the analysis was made from these articles with this vocabulary.
 *
 * @example checkAnalysis(analyzeArticles(articles, vocabulary), articles, vocabulary) // passes
 */
export function checkAnalysis(
  analysis: ArticleAnalysis,
  articles: Article[],
  vocabulary: Vocabulary,
): void {
  if (analysis.source !== fingerprint(articles, vocabulary)) {
    throw new Error('the knowledge analysis was made from other articles or another vocabulary');
  }
}

/**
 * Reads every article's text into terms with the vocabulary's tables.
 *
 * @example analyzeArticles(articles, vocabulary).ids // ['bond', 'detention', ...]
 */
export function analyzeArticles(articles: Article[], vocabulary: Vocabulary): ArticleAnalysis {
  const { words, processTerm } = termsOf(vocabulary);
  const ids = [...new Set(articles.map((a) => a.id))];
  const slot = new Map(ids.map((id, i) => [id, i]));
  const tf = ids.map(() => new Map<string, number[]>());
  const len = ids.map(() => FIELDS.map(() => 0));
  // Article text repeats its words: each is folded once.
  const folded = new Map<string, string | null>();
  const termOf = (w: string, lang: Language) => {
    const key = `${lang}:${w}`;
    let term = folded.get(key);
    if (term === undefined) {
      term = processTerm(w, lang);
      folded.set(key, term);
    }
    return term;
  };
  const exampleTerms: string[][] = [];
  const exampleArticle: number[] = [];
  const surface = new Map<string, number>();
  for (const a of articles) {
    const n = slot.get(a.id) ?? 0;
    const text: Record<Field, string[]> = {
      title: [a.title],
      questions: a.questions,
      short: [a.short],
      body: [a.body],
    };
    FIELDS.forEach((f, k) => {
      const ws = text[f].flatMap((segment) => words(segment));
      const list = ws.flatMap((w) => termOf(w, a.lang) ?? []);
      for (const t of list) {
        const row = tf[n]?.get(t) ?? FIELDS.map(() => 0);
        row[k] = (row[k] ?? 0) + 1;
        tf[n]?.set(t, row);
      }
      const lengths = len[n];
      if (lengths) lengths[k] = (lengths[k] ?? 0) + list.length;
      for (const w of ws) {
        if (w.length >= 4 && termOf(w, a.lang)) surface.set(w, (surface.get(w) ?? 0) + 1);
      }
    });
    for (const q of a.questions) {
      exampleTerms.push([...new Set(words(q).flatMap((w) => termOf(w, a.lang) ?? []))]);
      exampleArticle.push(n);
    }
  }
  return {
    source: fingerprint(articles, vocabulary),
    ids,
    tf: tf.map((map) => [...map]),
    len,
    exampleTerms,
    exampleArticle,
    surface: [...surface],
  };
}
