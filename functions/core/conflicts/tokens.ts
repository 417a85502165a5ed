/**
 * One word of a name and how two words can be the same name: the same letters once accents and
 * case are folded, a nickname (Pepe, José), the same name in another language (José, Joseph),
 * the same sound (Gonzales, González), a slip of the keyboard (Jsoe, José) or an initial (J.).
 */
import type { NameTables } from './names';

export interface Token {
  /** As typed, without punctuation: "José". */
  raw: string;
  /** Folded: "jose". */
  word: string;
  /** How it sounds in Spanish or English spelling: "gonzales" for González and Gonzales. */
  sound: string;
}

/** How two words were found to be the same name, best first. */
export type TokenKind =
  | 'same'
  | 'accents'
  | 'sound'
  | 'nickname'
  | 'sameName'
  | 'typo'
  | 'initial'
  | 'none';

export interface TokenMatch {
  score: number;
  kind: TokenKind;
  /** A short reason in English for an attorney ("nickname Pepe = José"), when there is one. */
  why?: string;
}

export const NO_MATCH: TokenMatch = { score: 0, kind: 'none' };

/** Lower case, no accents, no apostrophes: "José" → "jose", "Peña" → "pena", "O'Brien" → "obrien". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['‘’`´]/g, '');
}

/**
 * A word's sound in Spanish spelling (and the English spellings of the same names): b/v, s/z/c
 * before e or i, silent h, ll/y, g/j before e or i, qu/k/c, x at the start for j, ph, th,
 * doubled letters. "Gonsales" and "González" sound the same; "Helena" and "Elena" too.
 *
 * @example sound('gonzalez') // 'gonsales'
 */
export function sound(word: string): string {
  return (
    word
      .replace(/^x/, 'j')
      .replace(/ph/g, 'f')
      .replace(/ch(?=[rl])/g, 'k')
      .replace(/th/g, 't')
      .replace(/ck/g, 'k')
      .replace(/gu(?=[ei])/g, 'G')
      .replace(/g(?=[ei])/g, 'j')
      .replace(/G/g, 'g')
      .replace(/qu/g, 'k')
      .replace(/c(?=[ei])/g, 's')
      .replace(/(?<![cs])h/g, '')
      .replace(/c/g, 'k')
      .replace(/z/g, 's')
      .replace(/v/g, 'b')
      .replace(/w/g, 'u')
      .replace(/ll/g, 'y')
      .replace(/y(?![aeiou])/g, 'i')
      // Doubled letters read as one: Anna, Ana; Carrillo, Carillo.
      .replace(/(.)\1+/g, '$1')
  );
}

/** A token from one word as typed. */
export function token(raw: string): Token {
  const word = fold(raw);
  return { raw, word, sound: sound(word) };
}

/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string alignment), or
 * `max + 1` once it is sure to be over `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      }
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** Mario and María, Luis and Luisa, Daniel and Daniela: a man's and a woman's name, not a slip. */
function gendered(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long === `${short}a`) return true;
  const stem = a.slice(0, -1);
  // Mario, María; Alexis, Alexia: the last letter, an "a" on one side.
  return a.length === b.length && stem === b.slice(0, -1) && (a.endsWith('a') || b.endsWith('a'));
}

/**
 * A slip of the keyboard: one edit in a word of 5 letters or more (or two neighbours swapped in
 * one of 4), two in one of 9 or more, never in the first letter but by a swap; not between two
 * names the names file knows (Martín and Marvin are two names), nor a man's and a woman's name.
 */
function typo(a: Token, b: Token, tables: NameTables): number {
  const x = a.word;
  const y = b.word;
  const len = Math.max(x.length, y.length);
  if (len < 4) return 0;
  const known = (w: string) => tables.givenNames.has(w) || tables.surnames.has(w);
  if (known(x) && known(y)) return 0;
  if (gendered(x, y)) return 0;
  const swappedStart = x[0] === y[1] && x[1] === y[0];
  if (x[0] !== y[0] && !swappedStart) return 0;
  if (len === 4) return x.length === 4 && y.length === 4 && swapOnly(x, y) ? 1 : 0;
  const max = len >= 9 ? 2 : 1;
  const d = editDistance(x, y, max);
  return d > max ? 0 : d;
}

/** Two words of the same letters with two neighbours swapped: "jsoe", "jose". */
function swapOnly(x: string, y: string): boolean {
  for (let i = 0; i < x.length - 1; i++) {
    if (x[i] !== y[i])
      return x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
  }
  return false;
}

/** The formal names a word stands for: itself, or those it is a nickname of. */
function formals(word: string, tables: NameTables): string[] {
  return tables.formalOf.get(word) ?? [word];
}

/**
 * How well two words are the same name. `given`: nicknames and other-language forms count (they
 * are given names' only); initials count for either.
 *
 * @example compareTokens(token('Pepe'), token('José'), tables, true) // { score: 0.9, kind: 'nickname', why: 'nickname Pepe = José' }
 */
export function compareTokens(a: Token, b: Token, tables: NameTables, given: boolean): TokenMatch {
  if (a.word === b.word) {
    return a.raw === b.raw
      ? { score: 1, kind: 'same' }
      : { score: 1, kind: 'accents', why: 'accents and case' };
  }
  if (a.word.length === 1 || b.word.length === 1) {
    const [i, full] = a.word.length === 1 ? [a, b] : [b, a];
    if (full.word.length > 1 && full.word[0] === i.word)
      return { score: 0.7, kind: 'initial', why: `initial ${i.raw.toUpperCase()}. = ${full.raw}` };
    return NO_MATCH;
  }
  if (a.sound === b.sound) {
    return { score: 0.93, kind: 'sound', why: `sounds alike: ${a.raw} = ${b.raw}` };
  }
  if (given) {
    const fa = formals(a.word, tables);
    const fb = formals(b.word, tables);
    const shared = fa.find((f) => fb.includes(f));
    if (shared) {
      const nick = fa.includes(a.word) ? b : a;
      const formal = nick === a ? b : a;
      const why =
        fa.includes(a.word) || fb.includes(b.word)
          ? `nickname ${nick.raw} = ${formal.raw}`
          : `nicknames ${a.raw} and ${b.raw}`;
      return { score: 0.9, kind: 'nickname', why };
    }
    const groups = new Set(fa.map((f) => tables.groupOf.get(f)).filter((g) => g !== undefined));
    const inGroup = (f: string) => {
      const g = tables.groupOf.get(f);
      return g !== undefined && groups.has(g);
    };
    if (fb.some(inGroup)) {
      return { score: 0.85, kind: 'sameName', why: `${a.raw} = ${b.raw} in another language` };
    }
  }
  const d = typo(a, b, tables);
  if (d === 1) return { score: 0.85, kind: 'typo', why: `one letter off: ${a.raw} = ${b.raw}` };
  if (d === 2) return { score: 0.75, kind: 'typo', why: `two letters off: ${a.raw} = ${b.raw}` };
  return NO_MATCH;
}
