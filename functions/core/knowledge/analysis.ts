/**
 * Reading the articles' text into terms, and training the classifier (classifier.ts) on their
 * phrasings and the labelled questions (questions.ts): the slow half of building the knowledge
 * index, done once per set of articles, vocabulary and labelled questions. The result is plain
 * JSON, so the Lambda's content.json can carry it and skip the reading and the training at cold
 * start.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Language } from '../flow';
import type { Article } from './article';
import { ClassifierModelSchema, type LabelledTerms, NONE, trainClassifier } from './classifier';
import type { LabelledQuestion } from './questions';
import { termsOf } from './terms';
import type { Vocabulary } from './vocabulary';

/** BM25 fields, in the order of each article's term counts and lengths. */
export const FIELDS = ['title', 'questions', 'short', 'body'] as const;
export type Field = (typeof FIELDS)[number];

/**
 * What reading the articles' text yields: per article (both languages share a slot) the term
 * counts by field and the field lengths; each example phrasing's terms and article; the surface
 * words seen; the classifier trained on the phrasings and the labelled questions.
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
  classifier: ClassifierModelSchema,
});
export type ArticleAnalysis = z.infer<typeof ArticleAnalysisSchema>;

/** The knowledge search's sources: what the index is built from. */
export interface KnowledgeSources {
  /** Both languages' articles. */
  articles: Article[];
  /** knowledge/vocabulary.yaml. */
  vocabulary: Vocabulary;
  /** knowledge/questions/*.yaml, every file's questions. */
  questions: LabelledQuestion[];
}

/**
 * SHA-256 of the sources, as JSON: an analysis's `source`.
 *
 * @example fingerprint(sources) === analyzeArticles(sources).source // true
 */
export function fingerprint({ articles, vocabulary, questions }: KnowledgeSources): string {
  return createHash('sha256')
    .update(JSON.stringify({ articles, vocabulary, questions }))
    .digest('hex');
}

/**
 * Throws unless the analysis was made from these sources.
 *
 * @example checkAnalysis(analyzeArticles(sources), sources) // passes
 */
export function checkAnalysis(analysis: ArticleAnalysis, sources: KnowledgeSources): void {
  if (analysis.source !== fingerprint(sources)) {
    throw new Error(
      'the knowledge analysis was made from other articles, another vocabulary or other labelled questions',
    );
  }
}

/**
 * Reads every article's text into terms with the vocabulary's tables, and trains the classifier.
 *
 * @example analyzeArticles(sources).ids // ['bond', 'detention', ...]
 */
export function analyzeArticles(sources: KnowledgeSources): ArticleAnalysis {
  const { articles, vocabulary, questions } = sources;
  const { words, processTerm, terms: read } = termsOf(vocabulary);
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
  const labelled: LabelledTerms[] = [];
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
      // The classifier reads its examples as it will read clients' messages: as asked.
      labelled.push({ terms: read(q, a.lang, true), label: a.id });
    }
  }
  for (const { q, lang, expect } of questions) {
    labelled.push({
      terms: read(q, lang, true),
      label: expect === 'none' ? NONE : (expect[0] ?? NONE),
    });
  }
  return {
    source: fingerprint(sources),
    ids,
    tf: tf.map((map) => [...map]),
    len,
    exampleTerms,
    exampleArticle,
    surface: [...surface],
    classifier: trainClassifier(labelled),
  };
}
