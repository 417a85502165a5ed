/**
 * An age in years as people type it: "15", "tiene 22 años", "he is 8", "quince", "22 yrs".
 * A year of birth ("2004") or a date is not an age: the question asks how old.
 */
import { NUMBER_WORDS } from './date-words';
import type { ParseResult } from './normalize';
import { reading, type Said } from './reading';

// "a", "un": one in "in a week", but an article in "he is a teenager".
const ARTICLES = new Set(['a', 'an', 'un', 'una']);

/**
 * @example parseAge('tiene 22 años') // { ok: true, value: 22 }
 * @example parseAge('no se') // { ok: false }
 */
export function parseAge(said: Said): ParseResult<number> {
  const folded = reading(said).folded;
  const numbers = folded.match(/\d+/g) ?? [];
  if (numbers.length === 1) {
    const n = Number(numbers[0]);
    return n <= 120 ? { ok: true, value: n } : { ok: false };
  }
  if (numbers.length > 1) return { ok: false };
  const words = folded
    .split(/[^\p{L}]+/u)
    .filter((w) => Object.hasOwn(NUMBER_WORDS, w) && !ARTICLES.has(w));
  const [word] = words;
  return words.length === 1 && word
    ? { ok: true, value: NUMBER_WORDS[word] as number }
    : { ok: false };
}
