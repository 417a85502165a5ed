/**
 * Text normalisation shared by every answer parser.
 *
 * People answer on a phone keyboard, often in a hurry: with or without accents ("si" / "sí"),
 * curly quotes from autocorrect, doubled spaces, and "¡Sí!" wrapped in punctuation. The parsers
 * compare against tables written once in plain lower-case ASCII, so everything they read goes
 * through `normalize` first.
 */
import type { Said } from './reading';

/** The outcome of reading one answer: the normalised value, or "could not understand it". */
export type ParseResult<T> = { ok: true; value: T } | { ok: false };

/**
 * Wraps a value as a successful parse.
 *
 * @example parsed('yes') // => { ok: true, value: 'yes' }
 */
export function parsed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** The one failed result; it carries no reason because the caller only ever re-asks. */
export const NOT_PARSED: { ok: false } = Object.freeze({ ok: false });

/**
 * Lower-cases, strips accents and diacritics, folds curly quotes, collapses whitespace and trims
 * the punctuation around the answer. "ñ" becomes "n" ("mañana" → "manana"): every table in the
 * parsers is written in that folded form.
 *
 * @example normalize('  ¡Sí, CLARO!  ') // => 'si, claro'
 */
export function normalize(text: string): string {
  // Plain ASCII (most English messages) has no accents or curly quotes to fold: only the backtick.
  const folded = NON_ASCII.test(text)
    ? unmarked(text.normalize('NFD'))
        // Autocorrect turns ' into ’ and " into “ ”; some keyboards type ´ for an apostrophe.
        .replace(/[‘’‚‛`´]/g, "'")
        .replace(/[“”„‟«»]/g, '"')
    : text.replace(/`/g, "'");
  return trimSurrounding(folded.toLowerCase().replace(/\s+/g, ' '));
}

/** Anything but printable ASCII and ordinary white space: such text takes the whole fold. */
const NON_ASCII = /[^\t\n\r -~]/;

/**
 * Decomposed text without its combining marks: accents, tildes, diaeresis, and the emoji
 * variation selector. Below U+0370 the only marks are U+0300–U+036F, which a plain class strips;
 * the Unicode property (several times slower) is needed only when other characters are there.
 */
function unmarked(decomposed: string): string {
  return BEYOND_LATIN_MARKS.test(decomposed)
    ? decomposed.replace(/\p{M}/gu, '')
    : decomposed.replace(/[\u0300-\u036f]/g, '');
}
const BEYOND_LATIN_MARKS = /[\u0370-\uffff]/;

/**
 * The text without the punctuation that frames it ("¡Sí!", "¿no?", "(maybe)", "yes."), found from
 * each end; white space is one space by then.
 */
function trimSurrounding(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && FRAME.has(text.charAt(start))) start += 1;
  while (end > start && FRAME.has(text.charAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
const FRAME = new Set(' ¡!¿?.,;:…"\'()');

/**
 * `normalize` without apostrophes, for matching phrase tables: people type "dont", "don't" and
 * "don’t" for the same thing.
 *
 * @example normalizeKey('I don’t know') // => 'i dont know'
 */
export function normalizeKey(text: string): string {
  return normalize(text).replace(/'/g, '');
}

/**
 * `normalizeKey` with every run of what is not a letter or a digit made one space: the words
 * alone, for finding a phrase inside an answer whatever punctuation surrounds it. Apostrophes go
 * first, so "don't" is the one word "dont", as people also type it.
 *
 * @example foldWords('¡Sí, lo deportaron en 2015!') // => 'si lo deportaron en 2015'
 * @example foldWords("We don't have a lawyer") // => 'we dont have a lawyer'
 */
export function foldWords(text: string): string {
  return wordsOfKey(normalizeKey(text));
}

/** The words of text already folded by `normalizeKey`. */
export function wordsOfKey(key: string): string {
  // Letters and digits are ASCII ones when every other character is ASCII or a common
  // punctuation mark ("¿", "¡", "…", "«"): a plain class then does what the Unicode one does,
  // several times faster.
  return (
    OTHER_THAN_PUNCTUATION.test(key)
      ? key.replace(/[^\p{L}\p{N}]+/gu, ' ')
      : key.replace(/[^A-Za-z0-9]+/g, ' ')
  ).trim();
}
const OTHER_THAN_PUNCTUATION = /[^\t\n\r -~¡¿«»…–—‘’“”•·°]/;

// Whole answers that mean "I won't answer this one". Deliberately absent: "ninguno" / "none",
// which are real answers (no family members), and bare "no", which answers yes/no questions.
const SKIP_PHRASES = new Set([
  'skip',
  'skip it',
  'skip this',
  'skip this one',
  'skip question',
  'skip the question',
  'saltar',
  'salta',
  'saltala',
  'saltar pregunta',
  'saltar esta',
  'omitir',
  'omite',
  'omitelo',
  'pass',
  'paso',
  'next',
  'next question',
  'siguiente',
  'siguiente pregunta',
  'i dont know',
  'i do not know',
  'dont know',
  'dunno',
  'idk',
  'not sure',
  'im not sure',
  'i am not sure',
  'no se',
  'no lo se',
  'no sabemos',
  'no tengo idea',
  'prefer not to say',
  'i prefer not to say',
  'id prefer not to say',
  'prefer not to answer',
  'i prefer not to answer',
  'id rather not say',
  'i would rather not say',
  'rather not say',
  'prefiero no decir',
  'prefiero no decirlo',
  'prefiero no contestar',
  'prefiero no responder',
  'n/a',
  'not applicable',
  'no aplica',
  'unknown',
  'nose',
  'no idea',
  'no clue',
  'no me acuerdo',
  'no recuerdo',
  'i dont remember',
  'no tengo',
  'i dont have one',
  'i dont have it',
  'no lo tengo',
]);

/**
 * True when the whole answer asks to skip the question ("skip", "saltar", "no sé", "n/a").
 * It overlaps with the "unsure" answers of `parseYesNo` on purpose: for a yes/no/unsure fact the
 * caller parses first, and only treats the answer as a skip when the fact cannot hold "unsure".
 *
 * @example isSkip('No lo sé') // => true
 */
export function isSkip(said: Said): boolean {
  return SKIP_PHRASES.has(typeof said === 'string' ? normalizeKey(said) : said.key);
}

/**
 * True when the raw text carries a question mark ("?" or Spanish "¿"). Parsers use it to refuse
 * loose matches inside a question: "what does parole mean?" must not select "parole".
 *
 * @example hasQuestionMark('¿Qué es un número A') // => true
 */
export function hasQuestionMark(text: string): boolean {
  return /[?¿]/.test(text);
}
