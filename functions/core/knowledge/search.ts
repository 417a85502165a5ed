/**
 * The knowledge base's full-text index: one MiniSearch index per language, built once at load.
 * A question gets the best article only when the match is confident; below the threshold the
 * caller says "I don't know that one", never a weak guess.
 */
import MiniSearch from 'minisearch';
import type { Language } from '../flow';
import type { Article } from './article';
import { processTerm, tokenize } from './terms';

export interface Hit {
  article: Article;
  /** MiniSearch's relevance score (BM25 with field boosts). */
  score: number;
  /** Share of the question's meaningful words the article matched, 0..1. */
  coverage: number;
}

export interface KnowledgeBase {
  /** Confident matches, best first; empty when nothing fits well enough. */
  search(query: string, language: Language, limit?: number): Hit[];
  /** Every candidate with its figures, confident or not (for the evaluation). */
  candidates(query: string, language: Language, limit?: number): Hit[];
  article(id: string, language: Language): Article | undefined;
  readonly size: number;
}

/**
 * The confidence rule, tuned on test/knowledge/eval.yaml (npm run eval:knowledge): the best
 * article must match at least this share of the question's words and score at least this much.
 */
export const THRESHOLD = { coverage: 0.5, score: 6 };

/** Matches from the other language's index count a little less than the client's own. */
const OTHER_LANGUAGE_WEIGHT = 0.85;

const FIELDS = ['title', 'questions', 'short', 'body'] as const;

function indexFor(articles: Article[]) {
  const index = new MiniSearch<Article & { questionsText: string }>({
    idField: 'id',
    fields: ['title', 'questionsText', 'short', 'body'],
    tokenize,
    processTerm,
    searchOptions: {
      boost: { questionsText: 3, title: 2, short: 1, body: 0.4 },
      prefix: (term) => term.length > 4,
      fuzzy: (term) => (term.length > 5 ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  index.addAll(articles.map((a) => ({ ...a, questionsText: a.questions.join('\n') })));
  return index;
}

/** Meaningful words of a query, as the index sees them. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query).flatMap((t) => processTerm(t) ?? []))];
}

/**
 * Builds the index over every article of both languages.
 *
 * @example buildKnowledgeBase(articles).search('mi esposo esta detenido', 'es')[0]?.article.id
 */
export function buildKnowledgeBase(articles: Article[]): KnowledgeBase {
  const byLang = new Map<Language, Map<string, Article>>();
  for (const article of articles) {
    const map = byLang.get(article.lang) ?? new Map<string, Article>();
    map.set(article.id, article);
    byLang.set(article.lang, map);
  }
  const indexes = new Map(
    [...byLang.entries()].map(([lang, map]) => [lang, indexFor([...map.values()])] as const),
  );
  void FIELDS;

  function candidates(query: string, language: Language, limit = 10): Hit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const best = new Map<string, { score: number; matched: number }>();
    for (const [lang, index] of indexes) {
      const weight = lang === language ? 1 : OTHER_LANGUAGE_WEIGHT;
      for (const result of index.search(query)) {
        const score = result.score * weight;
        const matched = new Set(result.queryTerms.map((t) => processTerm(t) ?? t)).size;
        const seen = best.get(String(result.id));
        if (!seen || seen.score < score) best.set(String(result.id), { score, matched });
      }
    }
    const own = byLang.get(language);
    return [...best.entries()]
      .flatMap(([id, { score, matched }]) => {
        const article = own?.get(id);
        return article ? [{ article, score, coverage: Math.min(1, matched / terms.length) }] : [];
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  return {
    candidates,
    search(query, language, limit = 3) {
      const hits = candidates(query, language, limit);
      const top = hits[0];
      if (!top || top.coverage < THRESHOLD.coverage || top.score < THRESHOLD.score) return [];
      // Others are shown only when they are nearly as good as the best.
      return hits.filter((h) => h.score >= top.score * 0.5 && h.coverage >= THRESHOLD.coverage);
    },
    article: (id, language) => byLang.get(language)?.get(id),
    size: articles.length,
  };
}
