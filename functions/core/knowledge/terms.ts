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
 * forms ("que tipos de casos" for "que tipo de casos"); in a client's message also on any form
 * of a phrase's verb and with filling words inside ("let my mom out": `words`).
 *
 * The words are in knowledge/vocabulary.yaml (vocabulary.ts); the tables here are built from
 * them once per vocabulary. A few words mean different things in each language ("son": hijo /
 * they are; "case": caso / me casé), so the text's language decides those.
 */
import type { Language } from '../flow';
import { own } from '../own';
import { normalize } from '../parse/normalize';
import { soundKey } from './spelling';
import { formOfStopWord, readings, stem, stopWordWithPronoun } from './stem';
import type { Vocabulary } from './vocabulary';

export { stem };

/** Text turned into terms with one vocabulary's tables. */
export interface Terms {
  /**
   * Splits text into words, spelled out: normalized, shorthand expanded, phrases folded. The
   * words are still surface words; `processTerm` turns each into a term. A client's message
   * (`asked`) is read more loosely than the articles' own text: a phrase's verb in any form
   * ("sacaron de la carcel", "abre de nuevo") and up to MAX_GAP filling words inside a phrase
   * ("let my mom out", "no tiene lawyer"), within one clause.
   *
   * @example words('la migra se llevo a mi esposo') // ['ice', 'detain', 'a', 'mi', 'esposo']
   * @example words('can ice let my mom out', true) // ['can', 'ice', 'release', 'my', 'mom']
   */
  words(text: string, asked?: boolean): string[];
  /**
   * One word as the index sees it: null for a stop word, else its concept or its stem.
   *
   * @example processTerm('Audiencias', 'es') // 'hearing'
   */
  processTerm(term: string, language: Language): string | null;
  /** The terms of a text, in order, repeats kept; a client's message read `asked` (see `words`). */
  terms(text: string, language: Language, asked?: boolean): string[];
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
  /** True when the word is a stop word with a pronoun joined to it ("dejarlo", "hacerle"). */
  stopWordWithPronoun(word: string): boolean;
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

/** A Spanish infinitive, of a verb that phrases may use in any form. */
const INFINITIVE = /^[a-z]{2,}[aei]r$/;
/** Filling words (pronouns, articles, who) a phrase may have inside it, at most, in all. */
const MAX_GAP = 2;
/**
 * Pronouns that change what a Spanish verb means ("si no voy": I do not go to court; "si no me
 * voy": I do not leave), so they never stand inside a phrase that lacks them.
 */
const REFLEXIVE = new Set(['me', 'te', 'se', 'nos', 'os']);
/**
 * A number from 10 to 99 matches "10" in a phrase of three words or more ("llevo 10 anos aqui",
 * "been here 10 years"): the 10-year rule is about ten years or more. The mark holds a "+", which
 * no word of a text keeps.
 */
const TEN_OR_MORE = '10+';
const TEN_TO_99 = /^[1-9]\d$/;
/** Marks a comma or a full stop among the words while phrases are matched. */
const CLAUSE = '#';

/** A phrase of the vocabulary: its words' stems and what it folds to. */
interface Phrase {
  words: string[];
  chars: number;
  canonical: string[];
}

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
  const CONTEXT: ReadonlySet<string> = new Set(vocabulary.contextTerms);
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
  const PHRASE_INDEX = new Map<string, Phrase[]>();
  /** Verbs in phrases, as infinitives ("sacar de la carcel"): any form of one matches it. */
  const PHRASE_VERBS = new Set<string>();
  const index = (words: string[], chars: number, canonical: string) => {
    const list = PHRASE_INDEX.get(words[0] ?? '') ?? [];
    if (!list.some((p) => p.words.join(' ') === words.join(' ')))
      list.push({ words, chars, canonical: canonical.split(' ') });
    PHRASE_INDEX.set(words[0] ?? '', list);
  };
  for (const [phrase, canonical] of PHRASES) {
    const surface = phrase.split(' ');
    const words = surface.map(stem);
    for (const w of surface) if (INFINITIVE.test(w)) PHRASE_VERBS.add(w);
    index(words, phrase.length, canonical);
    // "llevo 10 anos aqui" stands for any count of ten or more ("llevo 15 años aqui"); "10 anos"
    // alone does not ("tengo 19 años" is an age).
    if (words.length >= 3 && words.includes('10'))
      index(
        words.map((w) => (w === '10' ? TEN_OR_MORE : w)),
        phrase.length,
        canonical,
      );
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

  /**
   * What a word of a text can match in a phrase: its light stem and, when it is a form of a verb
   * some phrase uses ("sacaron", "abre", "soltarla"), that verb's stem (stem.ts `readings`).
   */
  const KEYS = new Map<string, string[]>();
  function phraseKeys(token: string): string[] {
    let keys = KEYS.get(token);
    if (!keys) {
      keys = [stem(token)];
      for (const form of readings(token)) {
        const key = stem(form);
        if (PHRASE_VERBS.has(form) && !keys.includes(key)) keys.push(key);
      }
      if (KEYS.size > 50_000) KEYS.clear();
      KEYS.set(token, keys);
    }
    return keys;
  }

  /**
   * A word that may stand inside a phrase without breaking it: a stop word or a word of who
   * ("let my mom out", "sacar a mi esposo de la carcel").
   */
  const fills = (token: string) =>
    (STOP_WORDS.has(token) && !REFLEXIVE.has(token)) ||
    CONTEXT.has(WORDS.get(token) ?? '') ||
    CONTEXT.has(WORDS.get(stem(token)) ?? '');

  /**
   * Where phrase p matches the text from word `at`: the positions of its words, each on a key
   * of the word (phraseKeys), with up to MAX_GAP filling words (`fills`) in all between them,
   * inside one clause; null when it does not match.
   */
  function matchPhrase(
    p: Phrase,
    keys: string[][],
    tokens: string[],
    clause: number[],
    at: number,
    maxGap: number,
  ): { at: number[]; gaps: number } | null {
    const positions = [at];
    let gaps = 0;
    let next = at + 1;
    for (let k = 1; k < p.words.length; k++) {
      const w = p.words[k] ?? '';
      while (!keys[next]?.includes(w)) {
        const token = tokens[next];
        if (gaps >= maxGap || token === undefined || !fills(token)) return null;
        gaps++;
        next++;
      }
      if (gaps && clause[next] !== clause[at]) return null;
      positions.push(next);
      next++;
    }
    return { at: positions, gaps };
  }

  function words(text: string, asked = false): string[] {
    const cleaned = normalize(text)
      .replace(/'/g, '')
      .replace(/\ba\s*#/g, 'a#')
      .replace(/[,.;:!?]+/g, ` ${CLAUSE} `)
      .replace(/[^\p{L}\p{N}#\s-]/gu, ' ')
      .replace(/(^|\s)-+|-+(?=\s|$)/g, ' ');
    const marked = canonicalWords(cleaned.split(/\s+/).filter(Boolean).join(' '));
    // The words, and the clause each is in: filling words never span a comma or a full stop.
    const tokens: string[] = [];
    const clause: number[] = [];
    let clauses = 0;
    for (const token of marked) {
      if (token === CLAUSE) clauses++;
      else {
        tokens.push(token);
        clause.push(clauses);
      }
    }
    const keys = tokens.map((t) => {
      const own = asked ? phraseKeys(t) : [stem(t)];
      return t.length === 2 && TEN_TO_99.test(t) ? [...own, TEN_OR_MORE] : own;
    });
    // Phrases left to right, the longest where several start at the same word; those with
    // filling words inside only where no phrase written without them matched.
    const found: { at: number[]; chars: number; gaps: number; canonical: string[] }[] = [];
    keys.forEach((list, at) => {
      for (const key of list)
        for (const p of PHRASE_INDEX.get(key) ?? []) {
          const match = matchPhrase(p, keys, tokens, clause, at, asked ? MAX_GAP : 0);
          if (match) found.push({ ...match, chars: p.chars, canonical: p.canonical });
        }
    });
    type Found = (typeof found)[number];
    const taken = new Array<Found | undefined>(tokens.length).fill(undefined);
    found.sort(
      (a, b) =>
        Math.sign(a.gaps) - Math.sign(b.gaps) ||
        (a.at[0] ?? 0) - (b.at[0] ?? 0) ||
        b.chars - a.chars ||
        a.gaps - b.gaps,
    );
    // A phrase read with filling words inside gives way to one written without them, except to
    // a shorter one wholly inside it: "apply for us citizenship" is applying for citizenship,
    // though "us citizenship" alone is citizenship.
    const within = (c: Found, f: Found) =>
      !c.gaps &&
      c.at.length < f.at.length &&
      (c.at[0] ?? 0) >= (f.at[0] ?? 0) &&
      (c.at[c.at.length - 1] ?? 0) <= (f.at[f.at.length - 1] ?? 0);
    const starts = new Map<number, string[]>();
    for (const f of found) {
      let free = true;
      let fits = f.gaps > 0;
      for (const k of f.at) {
        const c = taken[k];
        if (!c) continue;
        free = false;
        if (!within(c, f)) fits = false;
      }
      if (!free) {
        if (!fits) continue;
        for (const k of f.at) {
          const c = taken[k];
          if (!c) continue;
          starts.delete(c.at[0] ?? 0);
          for (const j of c.at) taken[j] = undefined;
        }
      }
      for (const k of f.at) taken[k] = f;
      starts.set(f.at[0] ?? 0, f.canonical);
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
    terms: (text, language, asked = false) =>
      words(text, asked).flatMap((w) => processTerm(w, language) ?? []),
    variants,
    recognized: (word) => CONCEPTS.has(word) || WORDS.has(word) || WORDS.has(stem(word)),
    formOfStopWord: (word) => formOfStopWord(word, STOP_WORDS),
    stopWordWithPronoun: (word) => stopWordWithPronoun(word, STOP_WORDS),
    soundsLikeStopWord: (word) => word.length >= 4 && STOP_SOUNDS.has(soundKey(word)),
    contextTerms: new Set(vocabulary.contextTerms),
    everydayTerms: new Set(
      termsOfWords(Object.values(vocabulary.everyday).flat()).filter((t) => !CONCEPTS.has(t)),
    ),
    offTopicTerms: new Set(termsOfWords(vocabulary.offTopic)),
  };
}
