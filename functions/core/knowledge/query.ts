/**
 * Reading a question into weighted terms, against the index's statistics: each word as its term,
 * else as another form of a known word (terms.ts `variants`: "llaman", "pidió", "regresarme"),
 * else as a misspelling of one; off-topic words (vocabulary offTopic) with the penalty they carry,
 * everyday words (vocabulary everyday) capped low.
 */
import type { Language } from '../flow';
import { spellingCorrector } from './spelling';
import type { Terms } from './terms';

export interface QueryTerm {
  term: string;
  /** Weight in the question: IDF over articles, or UNKNOWN_WEIGHT when no article has it. */
  weight: number;
  /** Weight against example phrasings: IDF over the phrasings. */
  exampleWeight: number;
  known: boolean;
  /**
   * For an off-topic word, what it weighs against every article whose phrasings do not ask about
   * it (those match it as usual); else 0.
   */
  penalty: number;
}

/** What the index knows that reading a question needs. */
export interface QueryStats {
  terms: Terms;
  /** Articles per term. */
  df: ReadonlyMap<string, number>;
  /** A term's IDF over the articles. */
  idf(term: string): number;
  /** A term's IDF over the example phrasings (EXAMPLE_OOV_WEIGHT when none uses it). */
  exampleIdf(term: string): number;
  /** The surface words of the articles (four letters or more), with their counts. */
  surface: ReadonlyMap<string, number>;
}

/** Weight of a word no article uses (for comparison, a term in one article weighs ~3.4). */
const UNKNOWN_WEIGHT = 2.5;
/** Weight, against the example phrasings, of a word none of them uses. */
export const EXAMPLE_OOV_WEIGHT = 4;
/** A misspelling corrected to a known word counts this much of that word. */
const FUZZY_WEIGHT = 0.8;
/** The most a one- or two-digit number, or a year, can weigh ("hace 6 años", "en 2019"). */
const SMALL_NUMBER_WEIGHT = 0.5;
/** Another form of a known word ("pidió" for pedir, "llaman" for llamar) counts this much. */
const VARIANT_WEIGHT = 0.9;
/** The most an everyday word (everyday: "worried", "situación") weighs, in either comparison. */
const EVERYDAY_WEIGHT = 0.8;
/**
 * Weight of an off-topic word (offTopic: taxes, passport, driver's license) in the question;
 * an article that mentions it in passing matches only its ordinary weight, so the rest counts
 * against coverage.
 */
const OFF_TOPIC_WEIGHT = 6;
/** Words whose reading is remembered, at most; past it the memory starts over. */
const RESOLVED_CACHE = 20_000;

/** Words from which a message is a story told around its question. */
export const STORY_WORDS = 20;
/** How much more a term of a story's last sentence (where the question is) counts. */
const QUESTION_BOOST = 1.5;

/**
 * The last sentence of a long message, when it has several: where people put the question after
 * telling what happened ("... and nobody knows anything, where can i look him up").
 *
 * @example storyQuestion('my cousin called me last night crying because they stopped her husband on his way to work, where can i look him up') // ' where can i look him up'
 */
export function storyQuestion(query: string): string | undefined {
  if (query.split(/\s+/).length < STORY_WORDS) return undefined;
  const sentences = query.split(/[.?!;,\n]+/).filter((s) => /\p{L}/u.test(s));
  return sentences.length > 1 ? sentences[sentences.length - 1] : undefined;
}

/** A question as the search reads it. */
export interface ReadQuestion {
  /** Its distinct terms with their weights, each word read as a known one where it can be. */
  weighted: QueryTerm[];
  /**
   * Its terms as written, in order (terms.ts `terms(text, language, true)`): what the classifier
   * reads, as it read the questions it learnt from.
   */
  asked: string[];
}

/**
 * A reader of questions over one index.
 *
 * @example queryReader(stats)('mi esposo esta detenido', 'es').weighted.map((q) => q.term) // ['spouse', 'detain']
 */
export function queryReader(
  stats: QueryStats,
): (query: string, language: Language) => ReadQuestion {
  const { terms, df, idf, exampleIdf, surface } = stats;

  // Spelling correction against the articles' own words (spelling.ts).
  const correct = spellingCorrector(surface);

  /**
   * How a word of a question is read, once per word and language (most questions repeat): its
   * weighted term, and its term as written.
   */
  const resolved = new Map<string, [QueryTerm | null, string | null]>();
  function resolve(w: string, language: Language): [QueryTerm | null, string | null] {
    const key = `${language}:${w}`;
    const cached = resolved.get(key);
    if (cached !== undefined) return cached;
    const term = terms.processTerm(w, language);
    const found: [QueryTerm | null, string | null] = [term ? read(w, term, language) : null, term];
    if (resolved.size >= RESOLVED_CACHE) resolved.clear();
    resolved.set(key, found);
    return found;
  }

  /** One word of a question, whose term is `term`, as a weighted term; null when it says nothing. */
  function read(w: string, term: string, language: Language): QueryTerm | null {
    const known = (t: string, scale: number): QueryTerm => {
      const cap = /^(\d{1,2}|19\d\d|20\d\d)$/.test(t)
        ? SMALL_NUMBER_WEIGHT
        : terms.everydayTerms.has(t)
          ? EVERYDAY_WEIGHT
          : Number.POSITIVE_INFINITY;
      return {
        term: t,
        weight: Math.min(idf(t), cap) * scale,
        exampleWeight: Math.min(exampleIdf(t), cap) * scale,
        known: true,
        penalty: 0,
      };
    };
    const unknown = (weight: number, exampleWeight: number): QueryTerm => ({
      term,
      weight,
      exampleWeight,
      known: false,
      penalty: 0,
    });
    if (terms.offTopicTerms.has(term)) {
      const base = df.has(term) ? known(term, 1) : unknown(0, 0);
      return {
        ...base,
        exampleWeight: Math.max(base.exampleWeight, EXAMPLE_OOV_WEIGHT),
        penalty: OFF_TOPIC_WEIGHT,
      };
    }
    if (df.has(term)) return known(term, 1);
    if (terms.everydayTerms.has(term)) return unknown(EVERYDAY_WEIGHT, EVERYDAY_WEIGHT);
    if (/\d/.test(w)) {
      // Numbers the articles never use ("2019", "15 mil") say nothing either way.
      return /^\d+$/.test(w) ? null : unknown(UNKNOWN_WEIGHT, EXAMPLE_OOV_WEIGHT);
    }
    // "dejarlo", "hacerle": a word that says nothing, with a pronoun joined to it.
    if (terms.stopWordWithPronoun(w)) return null;
    // Another form of a known word ("pidió", "llaman", "regresarme"), else a misspelling of one.
    const variant = terms.variants(w, language).find((t) => df.has(t));
    if (variant) return known(variant, VARIANT_WEIGHT);
    // A stop word spelt by ear ("kien", "aora") says nothing, and is no misspelling of another.
    if (terms.soundsLikeStopWord(w)) return null;
    const fixed = !terms.recognized(w) ? correct(w) : undefined;
    const fixedTerm = fixed ? terms.processTerm(fixed, language) : null;
    if (fixedTerm && df.has(fixedTerm)) return known(fixedTerm, FUZZY_WEIGHT);
    // "pudieron", "tendría": a form of a word that says nothing.
    if (terms.formOfStopWord(w)) return null;
    return unknown(UNKNOWN_WEIGHT, EXAMPLE_OOV_WEIGHT);
  }

  return (query, language) => {
    const out = new Map<string, QueryTerm>();
    const asWritten: string[] = [];
    for (const w of terms.words(query, true)) {
      const [found, written] = resolve(w, language);
      if (written !== null) asWritten.push(written);
      if (!found) continue;
      const seen = out.get(found.term);
      if (!seen || seen.weight < found.weight) out.set(found.term, found);
    }
    // A story ends with its question: the terms of its last sentence count more, once each.
    const asked = storyQuestion(query);
    const boosted = new Set<string>();
    for (const w of asked ? terms.words(asked, true) : []) {
      const term = resolve(w, language)[0]?.term;
      const q = term === undefined ? undefined : out.get(term);
      if (!q?.known || q.penalty || boosted.has(q.term)) continue;
      boosted.add(q.term);
      out.set(q.term, {
        ...q,
        weight: q.weight * QUESTION_BOOST,
        exampleWeight: q.exampleWeight * QUESTION_BOOST,
      });
    }
    return { weighted: [...out.values()], asked: asWritten };
  };
}
