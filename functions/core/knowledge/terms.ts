/**
 * How text is turned into the terms the knowledge search compares. Documents and queries go
 * through the same steps, in this order:
 *
 * 1. `normalize` (case, accents, curly quotes), apostrophes dropped ("don't" → "dont"), every
 *    other mark a word break (hyphens and "#" stay inside words: "i-601a", "a#").
 * 2. Texting shorthand and common misspellings spelled out, word by word ("q" → "que",
 *    "xq" → "porque", "pa" → "para", "u" → "you", "abogao" → "abogado").
 * 3. Phrases folded to their concepts, left to right, longest first ("la migra" → ice,
 *    "green card" → greencard, "en que carcel" → find + detain).
 * 4. Stop words dropped: function words, greetings, chat filler, everyday verbs, time words.
 * 5. Each remaining word folded to its concept (synonyms across both languages, so "fianza"
 *    finds an article that says "bond"), else cut to a light stem ("renovando" → "renov",
 *    "reopened" → "reopen"), else, when another reading of it (a conjugation, a stem change,
 *    a pronoun joined to a verb: "llaman", "pidió", "regresarme") is a synonym, that concept.
 *
 * Phrases (step 3) match word by word on the light stem, so one entry covers plurals and verb
 * forms ("que tipos de casos" for "que tipo de casos").
 *
 * The words are in knowledge/vocabulary.yaml (vocabulary.ts); the tables here are built from
 * them once per vocabulary. A few words mean different things in each language ("son": hijo /
 * they are; "case": caso / me casé), so the text's language decides those.
 */
import type { Language } from '../flow';
import { own } from '../own';
import { normalize } from '../parse/normalize';
import { soundKey } from './spelling';
import { formOfStopWord, readings, stem } from './stem';
import type { Vocabulary } from './vocabulary';

export { stem };

/** Text turned into terms with one vocabulary's tables. */
export interface Terms {
  /**
   * Splits text into words, spelled out: normalized, shorthand expanded, phrases folded. The
   * words are still surface words; `processTerm` turns each into a term.
   *
   * @example words('la migra se llevo a mi esposo') // ['ice', 'detain', 'a', 'mi', 'esposo']
   */
  words(text: string): string[];
  /**
   * One word as the index sees it: null for a stop word, else its concept or its stem.
   *
   * @example processTerm('Audiencias', 'es') // 'hearing'
   */
  processTerm(term: string, language: Language): string | null;
  /** The terms of a text, in order, repeats kept. */
  terms(text: string, language: Language): string[];
  /**
   * Other readings of a word the tables and the light stem did not place, best first, each
   * turned into a term (stem.ts `readings`). The search takes the first one some article uses.
   *
   * @example variants('pidio', 'es') // [..., 'apply', ...] (pedir is a synonym of apply)
   */
  variants(word: string, language: Language): string[];
  /**
   * True when the word is one the tables know (a concept, a synonym, or one's stem): such a
   * word is understood as written and never "corrected" into another.
   */
  recognized(word: string): boolean;
  /** True when the word is a form of a stop word ("pudieron", "tendria", "hicimos"). */
  formOfStopWord(word: string): boolean;
  /**
   * True when the word, four letters or more, sounds like a stop word (spelling.ts `soundKey`):
   * a stop word spelt by ear ("kien", "aora", "nesesito"), which says nothing either.
   */
  soundsLikeStopWord(word: string): boolean;
  /** Concepts that say who or how (contextTerms): counted less when an article lacks them. */
  readonly contextTerms: ReadonlySet<string>;
  /** Terms of everyday words: chat and narrative, weighed lightly when an article lacks them. */
  readonly everydayTerms: ReadonlySet<string>;
  /** Terms of off-topic concepts: what the firm does not answer, counted hard against coverage. */
  readonly offTopicTerms: ReadonlySet<string>;
}

/** A USCIS or DHS form's number typed without its hyphen: "i9", "n400", "i601a", "g325r". */
const FORM_NUMBER = /^([gin])(\d{1,3}[a-z]?)$/;

const built = new WeakMap<Vocabulary, Terms>();

/**
 * The terms of a vocabulary, its tables built on first use and kept while the vocabulary lives.
 *
 * @example termsOf(vocabulary).terms('mi esposo esta detenido', 'es') // ['spouse', 'detain']
 */
export function termsOf(vocabulary: Vocabulary): Terms {
  let terms = built.get(vocabulary);
  if (!terms) {
    terms = buildTerms(vocabulary);
    built.set(vocabulary, terms);
  }
  return terms;
}

function buildTerms(vocabulary: Vocabulary): Terms {
  const { spelling, compounds, byLanguage } = vocabulary;
  const STOP_WORDS: ReadonlySet<string> = new Set(Object.values(vocabulary.stopWords).flat());
  const STOP_SOUNDS: ReadonlySet<string> = new Set(
    [...STOP_WORDS].filter((w) => w.length >= 4).map(soundKey),
  );

  /**
   * The words of folded text, with texting shorthand spelled out and form numbers typed without
   * their hyphen written as the articles write them ("i9", "n400", "i589" → "i-9", "n-400").
   */
  function canonicalWords(text: string): string[] {
    const out: string[] = [];
    for (const w of text.split(' ')) {
      const spelled = own(spelling, w);
      if (spelled !== undefined) out.push(...spelled.split(' '));
      else out.push(w.replace(FORM_NUMBER, '$1-$2'));
    }
    return out;
  }

  // Each group folds to its first entry, its concept.
  const groups = Object.entries(vocabulary.synonyms).map(([concept, entries]) =>
    [concept, ...entries].map((w) => canonicalWords(normalize(w)).join(' ')),
  );

  /**
   * Every multi-word entry, with the concept (or concepts, for compounds) it folds to. Compounds
   * first: where a synonym phrase has the same stems ("cambio de direccion" under address), the
   * compound says more ("cambie de direccion" is a move and an address) and is kept.
   */
  const PHRASES = [
    ...Object.entries(compounds).map(
      ([phrase, concepts]) =>
        [canonicalWords(normalize(phrase)).join(' '), concepts.join(' ')] as const,
    ),
    ...groups.flatMap((group) =>
      group.filter((w) => w.includes(' ')).map((w) => [w, group[0] ?? w] as const),
    ),
  ];

  /**
   * The phrases by their first word's stem. Phrases match word by word on stems, so one entry
   * covers its plurals and verb forms ("que tipos de casos", "se lo lleva", "check-ins").
   */
  const PHRASE_INDEX = new Map<string, { words: string[]; chars: number; canonical: string[] }[]>();
  for (const [phrase, canonical] of PHRASES) {
    const words = phrase.split(' ').map(stem);
    const list = PHRASE_INDEX.get(words[0] ?? '') ?? [];
    if (!list.some((p) => p.words.join(' ') === words.join(' ')))
      list.push({ words, chars: phrase.length, canonical: canonical.split(' ') });
    PHRASE_INDEX.set(words[0] ?? '', list);
  }

  /** Synonym words, by the word and (when no other word claims it) by its stem. */
  const WORDS = new Map<string, string>();
  for (const group of groups) {
    const canonical = group[0] ?? '';
    for (const w of group) if (!w.includes(' ')) WORDS.set(w, canonical);
  }
  for (const group of groups) {
    const canonical = group[0] ?? '';
    for (const w of group) {
      if (w.includes(' ')) continue;
      const s = stem(w);
      if (!WORDS.has(s) && !STOP_WORDS.has(s)) WORDS.set(s, canonical);
    }
  }
  /** Every concept a synonym group folds to: these are never stemmed again. */
  const CONCEPTS = new Set(groups.map((g) => g[0] ?? ''));

  function words(text: string): string[] {
    const cleaned = normalize(text)
      .replace(/'/g, '')
      .replace(/\ba\s*#/g, 'a#')
      .replace(/[^\p{L}\p{N}#\s-]/gu, ' ')
      .replace(/(^|\s)-+|-+(?=\s|$)/g, ' ');
    const tokens = canonicalWords(cleaned.split(/\s+/).filter(Boolean).join(' '));
    const stems = tokens.map(stem);
    // Phrases left to right, the longest where several start at the same word.
    const found: { at: number; size: number; chars: number; canonical: string[] }[] = [];
    stems.forEach((token, at) => {
      for (const p of PHRASE_INDEX.get(token) ?? []) {
        if (p.words.every((w, k) => stems[at + k] === w))
          found.push({ at, size: p.words.length, chars: p.chars, canonical: p.canonical });
      }
    });
    const taken = new Array<boolean>(tokens.length).fill(false);
    const starts = new Map<number, string[]>();
    for (const f of found.sort((a, b) => a.at - b.at || b.chars - a.chars)) {
      if (taken.slice(f.at, f.at + f.size).some(Boolean)) continue;
      taken.fill(true, f.at, f.at + f.size);
      starts.set(f.at, f.canonical);
    }
    const out: string[] = [];
    tokens.forEach((token, at) => {
      const canonical = starts.get(at);
      if (canonical) out.push(...canonical);
      else if (!taken[at]) out.push(token);
    });
    return out;
  }

  function processTerm(term: string, language: Language): string | null {
    const word = normalize(term);
    const special = own(byLanguage[language], word);
    if (special !== undefined) return special;
    if (CONCEPTS.has(word)) return word;
    if (word.length < 2 && !/\d/.test(word)) return null;
    if (STOP_WORDS.has(word)) return null;
    const direct = WORDS.get(word);
    if (direct) return direct;
    const stemmed = stem(word);
    if (STOP_WORDS.has(stemmed)) return null;
    return WORDS.get(stemmed) ?? conceptOfForm(word) ?? stemmed;
  }

  /** Remembered readings of words that are other forms of a synonym, or of none (null). */
  const FORMS = new Map<string, string | null>();

  /**
   * The concept a word is another form of, when the light stem misses it: "llaman" (llamar),
   * "pidió" (pedir), "regresarme" (regresar), "stopped" (stop).
   */
  function conceptOfForm(word: string): string | undefined {
    let concept = FORMS.get(word);
    if (concept === undefined) {
      concept = null;
      for (const form of readings(word)) {
        const found = WORDS.get(form) ?? (CONCEPTS.has(form) ? form : undefined);
        if (found) {
          concept = found;
          break;
        }
      }
      if (FORMS.size > 50_000) FORMS.clear();
      FORMS.set(word, concept);
    }
    return concept ?? undefined;
  }

  function variants(word: string, language: Language): string[] {
    const out: string[] = [];
    for (const form of readings(normalize(word))) {
      const term = processTerm(form, language);
      if (term !== null && !out.includes(term)) out.push(term);
    }
    return out;
  }

  /** The terms of each word in both languages, nulls dropped. */
  const termsOfWords = (list: string[]) =>
    list
      .flatMap((w) => [processTerm(w, 'en'), processTerm(w, 'es')])
      .filter((t): t is string => t !== null);

  return {
    words,
    processTerm,
    terms: (text, language) => words(text).flatMap((w) => processTerm(w, language) ?? []),
    variants,
    recognized: (word) => CONCEPTS.has(word) || WORDS.has(word) || WORDS.has(stem(word)),
    formOfStopWord: (word) => formOfStopWord(word, STOP_WORDS),
    soundsLikeStopWord: (word) => word.length >= 4 && STOP_SOUNDS.has(soundKey(word)),
    contextTerms: new Set(vocabulary.contextTerms),
    everydayTerms: new Set(
      termsOfWords(Object.values(vocabulary.everyday).flat()).filter((t) => !CONCEPTS.has(t)),
    ),
    offTopicTerms: new Set(termsOfWords(vocabulary.offTopic)),
  };
}
