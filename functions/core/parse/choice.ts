/**
 * Choosing from a numbered menu: by number ("2", "#2", "opción 2", "la segunda"), by value, or by
 * a label in either language ("parole", "sin inspección").
 */

import { own } from '../own';
import { NOT_PARSED, normalizeKey, type ParseResult, parsed } from './normalize';
import { type Reading, reading, type Said } from './reading';
import { saysNotUnderstood } from './yesno';

/** One menu entry: the stored value and its labels in every language the menu is shown in. */
export interface ChoiceOption {
  value: string;
  labels: string[];
}

/** Options for `parseMultiChoice`. */
export interface MultiChoiceOptions {
  /** The "none of these" value, which cannot be chosen together with anything else. */
  noneValue?: string;
}

// "1st" and "2do" are folded to digits before this table is read.
const ORDINALS: Record<string, number> = {
  first: 1,
  primero: 1,
  primera: 1,
  primer: 1,
  one: 1,
  uno: 1,
  second: 2,
  segundo: 2,
  segunda: 2,
  two: 2,
  dos: 2,
  third: 3,
  tercero: 3,
  tercera: 3,
  tercer: 3,
  three: 3,
  tres: 3,
  fourth: 4,
  cuarto: 4,
  cuarta: 4,
  four: 4,
  cuatro: 4,
  fifth: 5,
  quinto: 5,
  quinta: 5,
  five: 5,
  cinco: 5,
  sixth: 6,
  sexto: 6,
  sexta: 6,
  six: 6,
  seis: 6,
  seventh: 7,
  septimo: 7,
  septima: 7,
  seven: 7,
  siete: 7,
  eighth: 8,
  octavo: 8,
  octava: 8,
  eight: 8,
  ocho: 8,
  ninth: 9,
  noveno: 9,
  novena: 9,
  nine: 9,
  nueve: 9,
  tenth: 10,
  decimo: 10,
  decima: 10,
  ten: 10,
  diez: 10,
};

// Words around a menu number that add nothing: "the 2nd one", "la opción número 2", "#2".
const NUMBER_NOISE = new Set([
  'the',
  'la',
  'el',
  'lo',
  'option',
  'opcion',
  'choice',
  'number',
  'numero',
  'num',
  'nro',
  'one',
  'uno',
  'una',
]);

/** Words only: lower-case, no accents, punctuation as spaces ("esposo/a" → "esposo a"). */
function words(key: string): string {
  return key
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** The 1-based menu number in "2", "2.", "#2", "option 2", "the second one", or undefined. */
function menuNumber(text: string): number | undefined {
  const list = words(
    normalizeKey(
      text.replace(/[°º]/g, '').replace(/(\d)(?:st|nd|rd|th|ro|do|to|mo|vo|no|a|o)\b/gi, '$1'),
    ),
  )
    .split(' ')
    .filter(Boolean);
  // "one" alone is the first option; next to a number it is noise ("the second one").
  const meaningful = list.length > 1 ? list.filter((word) => !NUMBER_NOISE.has(word)) : list;
  if (meaningful.length !== 1) return undefined;
  const word = meaningful[0] ?? '';
  if (/^\d{1,2}$/.test(word)) return Number(word);
  return own(ORDINALS, word);
}

function containsWords(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `);
}

/** The index of the only option `matches` accepts, or undefined when none or several do. */
function onlyMatch(
  options: ChoiceOption[],
  matches: (option: ChoiceOption) => boolean,
): number | undefined {
  const hits = options.flatMap((option, index) => (matches(option) ? [index] : []));
  return hits.length === 1 ? hits[0] : undefined;
}

function labelsOf(option: ChoiceOption): string[] {
  return [option.value, ...option.labels].map((label) => words(normalizeKey(label)));
}

function choiceIndex(said: Said, options: ChoiceOption[]): number | undefined {
  const text = reading(said);
  const answer = words(text.key);
  if (answer === '') return undefined;

  const exact = onlyMatch(options, (option) => labelsOf(option).includes(answer));
  if (exact !== undefined) return exact;

  const number = menuNumber(text.raw);
  if (number !== undefined) return number >= 1 && number <= options.length ? number - 1 : undefined;

  // Loose matches read words inside the message, so a question about an option ("what does
  // parole mean?") would select it: questions are asked back, never taken as a choice. Nor is
  // "no entiendo la pregunta" the option "no".
  if (text.question || saysNotUnderstood(text)) return undefined;
  const contained = onlyMatch(options, (option) =>
    labelsOf(option).some((label) => containsWords(answer, label)),
  );
  if (contained !== undefined) return contained;
  if (answer.length < 3) return undefined;
  return onlyMatch(options, (option) => labelsOf(option).some((label) => label.startsWith(answer)));
}

/**
 * Reads one choice from a menu. Tries, in order: the value or a label exactly, the 1-based menu
 * number (digits, "#2", "opción 2", ordinals like "la segunda"), a label contained in the text,
 * and a label that starts with the text (3+ characters). Loose matches must point at exactly
 * one option; anything ambiguous is asked again.
 *
 * @example
 * parseChoice('sin inspección', [
 *   { value: 'inspected', labels: ['With a visa', 'Con visa'] },
 *   { value: 'without-inspection', labels: ['Without inspection', 'Sin inspección'] },
 * ]) // => { ok: true, value: 'without-inspection' }
 */
export function parseChoice(said: Said, options: ChoiceOption[]): ParseResult<string> {
  const index = choiceIndex(said, options);
  const option = index === undefined ? undefined : options[index];
  return option ? parsed(option.value) : NOT_PARSED;
}

// Between choices: "1, 3", "1 y 3", "1 and 3", "1 & 3", "spouse; child".
const SEPARATORS = /\s*(?:[,;&+]|\band\b|\by\b|\be\b|\bplus\b)\s*/u;

/**
 * Reads several choices from a menu ("1, 3", "1 y 3", "1 3", "spouse and child"). The result
 * keeps the menu's order without repeats; choosing `noneValue` together with anything else is
 * a contradiction and is asked again.
 *
 * @example
 * parseMultiChoice('1 y 3', [
 *   { value: 'spouse-usc', labels: ['Spouse, US citizen'] },
 *   { value: 'spouse-lpr', labels: ['Spouse, green card'] },
 *   { value: 'child-usc', labels: ['Child, US citizen'] },
 * ]) // => { ok: true, value: ['spouse-usc', 'child-usc'] }
 */
export function parseMultiChoice(
  said: Said,
  options: ChoiceOption[],
  opts: MultiChoiceOptions = {},
): ParseResult<string[]> {
  const indexes = splitChoices(reading(said), options);
  if (!indexes || indexes.length === 0) return NOT_PARSED;
  const values = [...new Set(indexes)]
    .sort((a, b) => a - b)
    .flatMap((index) => (options[index] ? [options[index].value] : []));
  if (opts.noneValue !== undefined && values.includes(opts.noneValue) && values.length > 1) {
    return NOT_PARSED;
  }
  return parsed(values);
}

function splitChoices(text: Reading, options: ChoiceOption[]): number[] | undefined {
  const folded = text.key;
  // "1 3 5": numbers separated by spaces only.
  const parts = /^\d{1,2}(?:\s+\d{1,2})+$/.test(folded)
    ? folded.split(/\s+/)
    : folded.split(SEPARATORS).filter((part) => part.trim() !== '');
  // Folding dropped the "?": put it back so each part still refuses loose matches.
  const mark = text.question ? '?' : '';
  const indexes = parts.map((part) => choiceIndex(part + mark, options));
  if (indexes.every((index) => index !== undefined)) return indexes as number[];
  // A label with "y" or "and" inside ("Padre y madre") reads as one choice.
  const whole = choiceIndex(text, options);
  return whole === undefined ? undefined : [whole];
}
