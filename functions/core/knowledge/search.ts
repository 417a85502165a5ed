/**
 * The knowledge base's search, built once at load. Two readers judge every question, and their
 * judgements are blended:
 *
 * - the classifier (classifier.ts): a softmax regression over the question's terms, trained on
 *   every article's `questions:` phrasings and on knowledge/questions/*.yaml (what clients asked,
 *   with the article that answers it, or "none"). It gives
 *   each article, and "none", a probability. It decides whether a question gets an answer at all
 *   (`confidentHits`): none when "none" is likelier than every article, or when no article is
 *   likely enough; below that the caller says "I don't know that one", never a weak guess.
 * - the nearest phrasing (`nearest` below, 0..10): the cosine similarity between the question and
 *   each article's closest phrasings, in either language, with IDF weights computed over the
 *   phrasings, blended with BM25 over the title, phrasings, short answer and body; with how much
 *   of the question's meaning the article accounts for (coverage). It reads what the classifier
 *   cannot: a word no phrasing uses but an article's text does, a misspelling ("deportasion",
 *   "jues", "finaza": spelling.ts), another form of a known word (terms.ts `variants`).
 *
 * Hits are ranked by the classifier's probability plus the nearest phrasing's score weighted by
 * its coverage (BLEND). Coverage is read the way people write:
 *
 * - off-topic words (knowledge/vocabulary.yaml offTopic: taxes, passport, driver's license,
 *   Social Security) weigh heavily against every article whose phrasings do not ask about them
 *   (or ask about them, but about none of the question's other words); in a longer message, told
 *   around several telling words, they count in proportion, like the rest of what is left
 *   unexplained;
 * - everyday words (everyday: "worried", "situación", "conviene") weigh little either way;
 * - in a long message, what an article leaves unexplained counts in proportion to LONG_TERMS
 *   over the number of terms: the story around the telling words counts less, and the terms of
 *   a long story's last sentence, where the question is, count more (query.ts `storyQuestion`).
 *
 * The articles' text is read into terms, and the classifier trained, by analysis.ts, with the
 * vocabulary's tables (terms.ts).
 */
import type { Language } from '../flow';
import {
  type ArticleAnalysis,
  analyzeArticles,
  checkAnalysis,
  FIELDS,
  type Field,
  type KnowledgeSources,
} from './analysis';
import type { Article } from './article';
import { classifierOf, NONE } from './classifier';
import { EXAMPLE_OOV_WEIGHT, type QueryTerm, queryReader, STORY_WORDS } from './query';
import { termsOf } from './terms';

export {
  type ArticleAnalysis,
  ArticleAnalysisSchema,
  analyzeArticles,
  type KnowledgeSources,
} from './analysis';

export interface Hit {
  article: Article;
  /** Relevance, 0..10, what hits are ranked by: the blend of `probability` and `nearest`. */
  score: number;
  /** The classifier's probability that this article answers the question, 0..1. */
  probability: number;
  /** The nearest phrasing's score, 0..10: nearest-example similarity blended with BM25. */
  nearest: number;
  /** Share of the question's meaning (terms weighted by `coverWeight`) the article matched, 0..1. */
  coverage: number;
}

/** Every article that might answer a question, best first, and the classifier's "none". */
export interface Candidates {
  hits: Hit[];
  /** The classifier's probability that no article answers the question, 0..1. */
  none: number;
}

export interface KnowledgeBase {
  /** Confident matches, best first; empty when nothing fits well enough. */
  search(query: string, language: Language, limit?: number): Hit[];
  /** Every candidate with its figures, confident or not (for the evaluation). */
  candidates(query: string, language: Language, limit?: number): Candidates;
  article(id: string, language: Language): Article | undefined;
  /**
   * Text as the search reads it: its concepts and stems (terms.ts), with the same vocabulary. The
   * choice scorer (understand/choose.ts) reads answers this way too.
   *
   * @example terms('se llevaron a mi hijo ayer', 'es') // ['detain', 'child']
   */
  terms(text: string, language: Language, asked?: boolean): string[];
  readonly size: number;
}

/**
 * The confidence rule, tuned on the evaluation sets (npm run eval:knowledge). A question gets an
 * answer when the likeliest article is likelier than "none" and at least `probability` likely,
 * and the best hit accounts for at least `coverage` of the question's meaning; or, unless the
 * classifier is sure it is none (`sureNone`: "this is boring", "how do you make arepas"), when one
 * article's phrasings match nearly all of it (`nearest`, `whole`: a question asked almost as a
 * phrasing is, "detainee locator").
 */
export const RULE = { probability: 0.3, coverage: 0.4, nearest: 7, whole: 0.9, sureNone: 0.6 };
/**
 * How much the nearest phrasing counts in a hit's relevance: the classifier's probability plus
 * BLEND × the nearest score (0..1) × its coverage. Tuned on the evaluation sets.
 */
const BLEND = 0.5;
/** Other articles are shown with the best only when their relevance is at least this share of it. */
const RUNNER_UP_SHARE = 0.2;

/**
 * The hits a client is shown (RULE): the best and those nearly as relevant, or the one article
 * whose phrasings match nearly all of the question, or none. The one rule, used by `search` and
 * by the evaluation.
 */
export function confidentHits({ hits, none }: Candidates, rule = RULE): Hit[] {
  const [top] = hits;
  if (!top) return [];
  const likeliest = Math.max(...hits.map((h) => h.probability));
  if (likeliest > none && likeliest >= rule.probability && top.coverage >= rule.coverage) {
    return [top, ...hits.slice(1).filter((h) => h.score >= top.score * RUNNER_UP_SHARE)];
  }
  if (none >= rule.sureNone) return [];
  const whole = hits.find((h) => h.nearest >= rule.nearest && h.coverage >= rule.whole);
  return whole ? [whole] : [];
}

/**
 * A term's weight in the coverage: the geometric mean of its IDF over the articles and over the
 * example phrasings. Over the articles alone, a word every body uses ("detained", "deport")
 * weighs next to nothing, so "they took my dad" would be about "dad" and the word a body happens
 * to use once ("conmigo", "valid") would outweigh it; over the phrasings alone, every generic
 * question word would count. Tuned on the four evaluation sets.
 */
function coverWeight(q: QueryTerm): number {
  return Math.sqrt(q.weight * q.exampleWeight);
}

/** Share of the score that comes from the nearest example phrasings; the rest is BM25. */
const EXAMPLE_WEIGHT = 0.7;
/** Share of an article's phrasings that ask about an off-topic word for it to be its subject. */
const SUBJECT_SHARE = 0.2;
/** How much an article's second-nearest phrasing adds to its nearest one. */
const SECOND_EXAMPLE = 0.2;
/** How much an unmatched context word (contextTerms: "my brother", "scared") counts. */
const CONTEXT_DISCOUNT = 0.2;
/** How much a context word counts when comparing with example phrasings. */
const CONTEXT_EXAMPLE_WEIGHT = 0.7;
/** Terms a question can have before what an article leaves unexplained counts less. */
const LONG_TERMS = 3;
/**
 * Phrasing-IDF mass of matched terms below which the score is scaled down: one common word
 * ("time", "help") is not enough to answer, one telling word ("fianza", "NTA") is.
 */
const MIN_EVIDENCE = 4;
/** How much more a story's score counts (a message of STORY_WORDS words or more). */
const STORY_SCORE = 1.1;
const BM25 = { k1: 1.2, b: 0.5 };
/** Field weights for BM25: a word in the title or a phrasing tells more than one in the body. */
const FIELD_BOOST: Record<Field, number> = { title: 1, questions: 1, short: 0.7, body: 0.5 };

/** An article no word of the question matches is a candidate only from this probability. */
const MIN_UNMATCHED_PROBABILITY = 0.05;

/** A hit's relevance on 0..10 (BLEND): the classifier's probability and the nearest score. */
function relevance(probability: number, nearest: number, coverage: number): number {
  return (10 * (probability + BLEND * (nearest / 10) * coverage)) / (1 + BLEND);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the index over every article of both languages, with the vocabulary's tables;
 * `analysis` (from analyzeArticles on the same sources, e.g. precomputed at build time) saves
 * reading them and training the classifier again.
 *
 * @example buildKnowledgeBase({ articles, vocabulary, questions }).search('mi esposo esta detenido', 'es')[0]?.article.id
 */
export function buildKnowledgeBase(
  sources: KnowledgeSources,
  analysis: ArticleAnalysis = analyzeArticles(sources),
): KnowledgeBase {
  const { articles, vocabulary } = sources;
  const byLang = new Map<Language, Map<string, Article>>();
  for (const article of articles) {
    const map = byLang.get(article.lang) ?? new Map<string, Article>();
    map.set(article.id, article);
    byLang.set(article.lang, map);
  }
  checkAnalysis(analysis, sources);
  const classifier = classifierOf(analysis.classifier);
  const terms = termsOf(vocabulary);
  const CONTEXT_TERMS = terms.contextTerms;
  const { ids } = analysis;
  const tf = analysis.tf.map((entries) => new Map(entries));
  const { len, exampleTerms, exampleArticle } = analysis;
  const surface = new Map(analysis.surface);

  // Article IDF, for coverage and BM25.
  const df = new Map<string, number>();
  for (const map of tf) for (const t of map.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => {
    const d = df.get(t) ?? 0;
    return Math.log(1 + (ids.length - d + 0.5) / (d + 0.5));
  };

  // BM25 per term and article, precomputed: the best field's saturated, boosted frequency.
  const avgLen = FIELDS.map((_, k) => len.reduce((s, l) => s + (l[k] ?? 0), 0) / ids.length || 1);
  const postings = new Map<string, { article: number; text: number }[]>();
  tf.forEach((map, n) => {
    for (const [t, row] of map) {
      let best = 0;
      FIELDS.forEach((f, k) => {
        const count = row[k] ?? 0;
        if (!count) return;
        const norm = BM25.k1 * (1 - BM25.b + (BM25.b * (len[n]?.[k] ?? 0)) / (avgLen[k] ?? 1));
        best = Math.max(best, (FIELD_BOOST[f] * count) / (count + norm));
      });
      push(postings, t, { article: n, text: best });
    }
  });

  // Example phrasings: their own IDF (over phrasings, not articles) keeps "deport" or "court"
  // telling there, where every article's body says them but only some phrasings do.
  const byTerm = new Map<string, number[]>();
  exampleTerms.forEach((list, i) => {
    for (const t of list) push(byTerm, t, i);
  });
  const exampleIdfOf = new Map<string, number>();
  for (const [t, list] of byTerm) {
    const w = Math.log(1 + (exampleTerms.length - list.length + 0.5) / (list.length + 0.5));
    exampleIdfOf.set(t, CONTEXT_TERMS.has(t) ? w * CONTEXT_EXAMPLE_WEIGHT : w);
  }
  const exampleIdf = (t: string) => exampleIdfOf.get(t) ?? EXAMPLE_OOV_WEIGHT;
  // The off-topic words each article's phrasings ask about. One that many of them ask about is
  // the article's subject ("can i vote": voting); one that a few ask about with other words ("a
  // social security number with my work permit") answers only a question that also matches
  // something else of the article.
  const asked = ids.map(() => new Set<string>());
  const subject = ids.map(() => new Set<string>());
  const phrasings = ids.map(() => 0);
  const askedCount = ids.map(() => new Map<string, number>());
  exampleTerms.forEach((list, i) => {
    const n = exampleArticle[i] ?? 0;
    phrasings[n] = (phrasings[n] ?? 0) + 1;
    for (const t of list) {
      asked[n]?.add(t);
      if (terms.offTopicTerms.has(t)) askedCount[n]?.set(t, (askedCount[n]?.get(t) ?? 0) + 1);
    }
  });
  askedCount.forEach((counts, n) => {
    for (const [t, c] of counts) if (c >= SUBJECT_SHARE * (phrasings[n] ?? 1)) subject[n]?.add(t);
  });
  const exampleNorm = exampleTerms.map(
    (list) => Math.sqrt(list.reduce((s, t) => s + exampleIdf(t) ** 2, 0)) || 1,
  );

  const queryTerms = queryReader({ terms, df, idf, exampleIdf, surface });
  const dot = new Float64Array(exampleTerms.length);

  function candidates(query: string, language: Language, limit = 10): Candidates {
    const read = queryTerms(query, language);
    const qs = read.weighted;
    const probability = classifier.probabilities(read.asked);
    const none = probability.get(NONE) ?? 0;
    if (!qs.some((q) => q.known)) return { hits: [], none };
    let total = 0;
    let context = 0;
    let qNorm = 0;
    for (const q of qs) {
      total += coverWeight(q);
      if (CONTEXT_TERMS.has(q.term)) context += coverWeight(q);
      qNorm += q.exampleWeight ** 2;
    }
    qNorm = Math.sqrt(qNorm);
    const weightTotal = qs.reduce((sum, q) => sum + q.weight, 0);
    const penalties = qs.filter((q) => q.penalty > 0);
    // A long message tells its story around a few telling words: past LONG_TERMS terms, what
    // an article leaves unexplained counts in proportion.
    const told = qs.filter((q) => !/^\d+$/.test(q.term)).length;
    const lengthDiscount = Math.min(1, LONG_TERMS / told);
    // A story (STORY_WORDS words or more) is judged more on its telling words than a question:
    // its nearest phrasing, a short question, is diluted by the story's many words, so the same
    // evidence scores lower.
    const story = query.split(/\s+/).length >= STORY_WORDS;
    const storyScore = story ? STORY_SCORE : 1;
    // An off-topic word among several telling ones is part of what happened ("i missed court
    // because of a car accident, can i reopen", "el casero amenazo con llamar a la migra"),
    // weighed like the rest of what an article leaves unexplained; alone with one or two others
    // ("how do i file for divorce in texas") it is the question, and weighs in full. Words of
    // who (contextTerms) tell no more of what happened: "my brother in colombia wants a tourist
    // visa to come to my wedding" is about the visa as much as without the brother.
    const toldWhat = qs.filter((q) => !/^\d+$/.test(q.term) && !CONTEXT_TERMS.has(q.term)).length;
    const penaltyDiscount = Math.min(1, LONG_TERMS / toldWhat);

    // The two nearest example phrasings per article.
    // Each phrasing's dot product with the question, in one array kept between searches: the
    // phrasings touched are listed, and zeroed again after.
    const touched: number[] = [];
    for (const q of qs) {
      if (!q.known) continue;
      const w = q.exampleWeight * exampleIdf(q.term);
      for (const i of byTerm.get(q.term) ?? []) {
        if (dot[i] === 0) touched.push(i);
        dot[i] = (dot[i] ?? 0) + w;
      }
    }
    const first = new Float64Array(ids.length);
    const second = new Float64Array(ids.length);
    for (const i of touched) {
      const d = dot[i] ?? 0;
      dot[i] = 0;
      const n = exampleArticle[i] ?? 0;
      const sim = d / (qNorm * (exampleNorm[i] ?? 1));
      if (sim > (first[n] ?? 0)) {
        second[n] = first[n] ?? 0;
        first[n] = sim;
      } else if (sim > (second[n] ?? 0)) second[n] = sim;
    }

    // BM25, and how much of the question each article accounts for.
    const text = new Float64Array(ids.length);
    const matched = new Float64Array(ids.length);
    const matchedContext = new Float64Array(ids.length);
    const evidence = new Float64Array(ids.length);
    // Articles whose phrasings ask about a word of the question other than off-topic and
    // context words. A word only the body uses ("help", "file" in "help me file for divorce")
    // says nothing of what the article answers, so it cannot excuse an off-topic word.
    const onTopic = new Uint8Array(ids.length);
    for (const q of qs) {
      if (!q.known || q.penalty || CONTEXT_TERMS.has(q.term)) continue;
      for (const p of postings.get(q.term) ?? [])
        if (asked[p.article]?.has(q.term)) onTopic[p.article] = 1;
    }
    /** True when article n answers about off-topic term t in this question. */
    const asks = (n: number, t: string) =>
      Boolean(subject[n]?.has(t) || (onTopic[n] && asked[n]?.has(t)));
    for (const q of qs) {
      if (!q.known) continue;
      const isContext = CONTEXT_TERMS.has(q.term);
      for (const p of postings.get(q.term) ?? []) {
        // An off-topic word in an article's body only ("taxes" in a list of papers) is no match.
        if (q.penalty && !asks(p.article, q.term)) continue;
        text[p.article] = (text[p.article] ?? 0) + q.weight * p.text;
        matched[p.article] = (matched[p.article] ?? 0) + coverWeight(q);
        evidence[p.article] = (evidence[p.article] ?? 0) + q.exampleWeight;
        if (isContext)
          matchedContext[p.article] = (matchedContext[p.article] ?? 0) + coverWeight(q);
      }
    }

    const own = byLang.get(language);
    const hits: Hit[] = [];
    ids.forEach((id, n) => {
      const article = own?.get(id);
      if (!article) return;
      const p = probability.get(id) ?? 0;
      if (!matched[n]) {
        // No word of the question is in the article, yet its phrasings' words taught the
        // classifier to expect it (a pair of words, or "none"'s weights elsewhere).
        if (p >= MIN_UNMATCHED_PROBABILITY)
          hits.push({
            article,
            score: relevance(p, 0, 0),
            probability: p,
            nearest: 0,
            coverage: 0,
          });
        return;
      }
      const example = ((first[n] ?? 0) + SECOND_EXAMPLE * (second[n] ?? 0)) / (1 + SECOND_EXAMPLE);
      const blend =
        EXAMPLE_WEIGHT * example + (1 - EXAMPLE_WEIGHT) * ((text[n] ?? 0) / weightTotal);
      const nearest = Math.min(
        10,
        10 * storyScore * Math.min(1, (evidence[n] ?? 0) / MIN_EVIDENCE) * blend,
      );
      // Who and how ("my brother", "scared") count less when this article lacks them.
      const unmatchedContext = context - (matchedContext[n] ?? 0);
      // Off-topic words this article does not ask about weigh their penalty instead.
      let penalty = 0;
      let offTopic = 0;
      for (const q of penalties) {
        if (asks(n, q.term)) continue;
        penalty += q.penalty;
        offTopic += coverWeight(q);
      }
      const m = matched[n] ?? 0;
      const unmatched = Math.max(
        0,
        total - offTopic - m - (1 - CONTEXT_DISCOUNT) * unmatchedContext,
      );
      const rest = unmatched * lengthDiscount;
      const coverage = m / (m + rest + penalty * penaltyDiscount);
      hits.push({
        article,
        score: relevance(p, nearest, coverage),
        probability: p,
        nearest,
        coverage,
      });
    });
    return { hits: hits.sort((a, b) => b.score - a.score).slice(0, limit), none };
  }

  return {
    candidates,
    search: (query, language, limit = 3) => confidentHits(candidates(query, language, limit)),
    article: (id, language) => byLang.get(language)?.get(id),
    terms: (text, language, asked) => terms.terms(text, language, asked),
    size: articles.length,
  };
}
