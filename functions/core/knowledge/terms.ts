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
 * The tables are in vocabulary.ts. A few words mean different things in each language ("son":
 * hijo / they are; "case": caso / me casé), so the text's language decides those.
 */
import type { Language } from '../flow';
import { own } from '../own';
import { normalize } from '../parse/normalize';
import {
  BY_LANGUAGE,
  COMPOUNDS,
  CONTEXT_TERMS,
  EVERYDAY,
  OFF_TOPIC,
  SPELLING,
  STOP_WORDS,
  SYNONYMS,
} from './vocabulary';

export { CONTEXT_TERMS };

// --- stemming ---

/** Endings cut by `stem`, longest first within each language; the first that fits is cut. */
const SUFFIXES =
  // Spanish: nouns, participles, gerunds, past and present verb endings
  (
    'amientos amiento imientos imiento aciones iciones acion icion mente adoras adores adora ' +
    'ador ando iendo aron ieron aban aria arian aras ados adas idos idas ado ada ido ida aba amos ' +
    'emos imos an en ' +
    // English
    'ations ation ings ing ed ly ' +
    // Spanish infinitives
    'ar er ir'
  ).split(' ');

/**
 * A light stem for either language: a plural cut, then the longest known suffix, then a final
 * vowel, always leaving at least four letters. Good enough to join "hearings" and "hearing",
 * "trabajando" and "trabajo", "reopened" and "reopen"; words that still do not meet are
 * synonyms' job.
 *
 * @example stem('audiencias') // 'audienci'
 */
export function stem(word: string): string {
  if (/[\d#-]/.test(word)) return word;
  if (word.length === 4) return /[^su]s$/.test(word) ? word.slice(0, -1) : word;
  if (word.length < 4) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ces') && w.length > 5) w = `${w.slice(0, -3)}z`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of SUFFIXES) {
    const min = suffix.length <= 2 && /[ae]n$/.test(suffix) ? 5 : 4;
    if (w.endsWith(suffix) && w.length - suffix.length >= min) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (/[aeo]$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

// --- folding tables ---

/** The words of folded text, with texting shorthand spelled out. */
function canonicalWords(text: string): string[] {
  const out: string[] = [];
  for (const w of text.split(' ')) {
    const spelled = own(SPELLING, w);
    if (spelled === undefined) out.push(w);
    else out.push(...spelled.split(' '));
  }
  return out;
}

const groups = SYNONYMS.map((group) =>
  group.split(/,\s*/).map((w) => canonicalWords(normalize(w)).join(' ')),
);

/** Every multi-word entry, with the concept (or concepts, for COMPOUNDS) it folds to. */
const PHRASES = [
  ...groups.flatMap((group) =>
    group.filter((w) => w.includes(' ')).map((w) => [w, group[0] ?? w] as const),
  ),
  ...Object.entries(COMPOUNDS).map(
    ([phrase, concepts]) => [canonicalWords(normalize(phrase)).join(' '), concepts] as const,
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

/**
 * Splits text into words, spelled out: normalized, shorthand expanded, phrases folded. The words
 * are still surface words; `processTerm` turns each into a term.
 *
 * @example words('la migra se llevo a mi esposo') // ['ice', 'detain', 'a', 'mi', 'esposo']
 */
export function words(text: string): string[] {
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

/**
 * One word as the index sees it: null for a stop word, else its concept or its stem.
 *
 * @example processTerm('Audiencias', 'es') // 'hearing'
 */
export function processTerm(term: string, language: Language): string | null {
  const word = normalize(term);
  const special = own(BY_LANGUAGE[language], word);
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

/**
 * True when the word is one the tables know (a concept, a synonym, or one's stem): such a word
 * is understood as written and never "corrected" into another.
 */
export function recognized(word: string): boolean {
  return CONCEPTS.has(word) || WORDS.has(word) || WORDS.has(stem(word));
}

/** The terms of a text, in order, repeats kept. */
export function terms(text: string, language: Language): string[] {
  return words(text).flatMap((w) => processTerm(w, language) ?? []);
}

// --- forms the light stem misses ---

/**
 * Verb and plural endings, longest first, tried on a question's word that no article knows:
 * Spanish conjugations ("pidió", "llegué", "llaman", "renovaron") and English inflections
 * ("stopped", "moving", "applies").
 */
/** Pronouns joined to a Spanish verb: "regresarme", "sacarlo", "ayudenos". */
const PRONOUNS = 'selo sela melo mela noslo nos los las les me te se lo la le'.split(' ');

const ENDINGS = (
  'ieramos iesemos aramos asemos ieron ieran iendo aron aran aban amos emos imos iste aste ' +
  'ando ado ada ido ida ara ira era ian ias ia io ing ied ies ed es as an en ar er ir ' +
  'o a e i s'
).split(' ');

/** Stem changes undone on what is left: pid → ped, quier → quer, pued → pod, llegu → lleg. */
const ROOT_CHANGES: [RegExp, string][] = [
  [/gu$/, 'g'],
  [/qu$/, 'c'],
  [/zc$/, 'c'],
  [/ie([^aeiou]+)$/, 'e$1'],
  [/ue([^aeiou]+)$/, 'o$1'],
  [/i([^aeiou]+)$/, 'e$1'],
  [/u([^aeiou]+)$/, 'o$1'],
  [/([^aeiou])\1$/, '$1'],
];

/**
 * Other readings of a word the tables and the light stem did not place, best first: its root
 * with each ending cut (and a stem change undone), as a Spanish infinitive and as an English
 * base form, each turned into a term. The search takes the first one some article uses.
 *
 * @example variants('pidio', 'es') // [..., 'apply', ...] (pedir is a synonym of apply)
 */
export function variants(word: string, language: Language): string[] {
  const out: string[] = [];
  for (const form of readings(normalize(word))) {
    const term = processTerm(form, language);
    if (term !== null && !out.includes(term)) out.push(term);
  }
  return out;
}

/** The roots and base forms a word may be an inflection of, best first (see `variants`). */
function readings(w: string): string[] {
  const out: string[] = [];
  const add = (form: string) => {
    if (form !== w && !out.includes(form)) out.push(form);
  };
  if (w.length < 4 || /[\d#-]/.test(w)) return out;
  // A pronoun cut first: the verb left is then read as any other word.
  for (const pronoun of PRONOUNS) {
    const verb = w.slice(0, -pronoun.length);
    if (w.endsWith(pronoun) && verb.length >= 4 && /(ar|er|ir|ando|iendo|a|e|an|en)$/.test(verb)) {
      add(verb);
      for (const form of readings(verb)) add(form);
    }
  }
  for (const ending of ENDINGS) {
    if (!w.endsWith(ending) || w.length - ending.length < 3) continue;
    const root = w.slice(0, -ending.length);
    const roots = [root, ...ROOT_CHANGES.map(([from, to]) => root.replace(from, to))];
    for (const r of new Set(roots)) {
      if (r.length < 3) continue;
      for (const form of [r, `${r}ar`, `${r}er`, `${r}ir`, `${r}e`, `${r}o`, `${r}a`]) add(form);
    }
  }
  return out;
}

/**
 * True when the word is a form of a stop word ("pudieron", "tendria", "hicimos"): some
 * reading of it is one, and the word is long enough not to be a stray fragment.
 */
export function formOfStopWord(word: string): boolean {
  const w = normalize(word);
  if (w.length < 5 || /[\d#-]/.test(w)) return false;
  for (const ending of ENDINGS) {
    if (ending.length < 2 || !w.endsWith(ending) || w.length - ending.length < 3) continue;
    const root = w.slice(0, -ending.length);
    for (const r of new Set([root, ...ROOT_CHANGES.map(([from, to]) => root.replace(from, to))]))
      for (const form of [`${r}ar`, `${r}er`, `${r}ir`]) if (STOP_WORDS.has(form)) return true;
  }
  return false;
}

/** Terms of EVERYDAY words: chat and narrative, weighed lightly when an article lacks them. */
export const EVERYDAY_TERMS: ReadonlySet<string> = new Set(
  EVERYDAY.flatMap((w) => [processTerm(w, 'en'), processTerm(w, 'es')]).filter(
    (t): t is string => t !== null && !CONCEPTS.has(t),
  ),
);

/** Terms of OFF_TOPIC words: what the firm does not answer, counted hard against coverage. */
export const OFF_TOPIC_TERMS: ReadonlySet<string> = new Set(
  OFF_TOPIC.flatMap((w) => [processTerm(w, 'en'), processTerm(w, 'es')]).filter(
    (t): t is string => t !== null,
  ),
);
