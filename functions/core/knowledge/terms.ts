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
 *    "reopened" → "reopen").
 *
 * The tables are in vocabulary.ts. A few words mean different things in each language ("son":
 * hijo / they are; "case": caso / me casé), so the text's language decides those.
 */
import type { Language } from '../flow';
import { normalize } from '../parse/normalize';
import {
  BY_LANGUAGE,
  COMPOUNDS,
  CONTEXT_TERMS,
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
  return text.split(' ').flatMap((w) => (SPELLING[w] ?? w).split(' '));
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

/** The phrases by their first word. */
const PHRASE_INDEX = new Map<string, { words: string[]; chars: number; canonical: string[] }[]>();
for (const [phrase, canonical] of PHRASES) {
  const words = phrase.split(' ');
  const list = PHRASE_INDEX.get(words[0] ?? '') ?? [];
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
  // Phrases left to right, the longest where several start at the same word.
  const found: { at: number; size: number; chars: number; canonical: string[] }[] = [];
  tokens.forEach((token, at) => {
    for (const p of PHRASE_INDEX.get(token) ?? []) {
      if (p.words.every((w, k) => tokens[at + k] === w))
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
  const special = BY_LANGUAGE[language][word];
  if (special !== undefined) return special;
  if (CONCEPTS.has(word)) return word;
  if (word.length < 2 && !/\d/.test(word)) return null;
  if (STOP_WORDS.has(word)) return null;
  const direct = WORDS.get(word);
  if (direct) return direct;
  const stemmed = stem(word);
  if (STOP_WORDS.has(stemmed)) return null;
  return WORDS.get(stemmed) ?? stemmed;
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
