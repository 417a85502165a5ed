/**
 * Whether two written names can be one person, and why. A name is read every way its words can
 * split into given names and surnames (María López García: María + López García, or María López
 * + García; family first too, as a form or a list may write it), and two names match when the
 * first given name matches (or the one a person goes by) and a surname does: a shared surname
 * alone, or a shared given name alone, is never a match. Two second given names or two second
 * surnames that differ make two people (María Lopez García is not María López Hernández).
 */
import type { NameTables } from './names';
import { compareTokens, fold, type Token, type TokenMatch, token } from './tokens';

export interface ParsedName {
  /** As written, on one line. */
  text: string;
  tokens: Token[];
  /** Tokens before the comma of "López García, María": written family first. */
  familyCount?: number;
}

interface Reading {
  given: number[];
  family: number[];
  /** Read family first without a comma saying so. */
  swapped: boolean;
}

export interface NameMatch {
  score: number;
  why: string[];
}

/** The lowest score reported as a possible conflict. */
export const MATCH_THRESHOLD = 0.7;

const PARTICLE_PREFIXES = ['delos', 'delas', 'dela', 'del', 'de'];

/**
 * A name as typed, read into its words: titles and particles dropped ("Sr. José de la Cruz" is
 * José Cruz), "Delacruz" split when Cruz is a known surname, "López, María" noted family first.
 *
 * @example parseName('López García, María', tables).tokens.map((t) => t.word) // ['lopez', 'garcia', 'maria']
 */
export function parseName(text: string, tables: NameTables): ParsedName {
  const line = text.replace(/\s+/g, ' ').trim();
  const comma = line.indexOf(',');
  const parts = comma > 0 ? [line.slice(0, comma), line.slice(comma + 1)] : [line];
  const read = (part: string): Token[] => {
    const words = part.split(/[^\p{L}\p{M}'’]+/u).filter((w) => /\p{L}/u.test(w));
    const tokens = words.map(token);
    const kept = tokens.filter((t) => !tables.titles.has(t.word) && !tables.particles.has(t.word));
    return (kept.length ? kept : tokens).map((t) => unprefixed(t, tables));
  };
  const read0 = read(parts[0] ?? '');
  if (parts.length === 2) {
    const read1 = read(parts[1] ?? '');
    if (read0.length && read1.length)
      return { text: line, tokens: [...read0, ...read1], familyCount: read0.length };
    return { text: line, tokens: [...read0, ...read1] };
  }
  return { text: line, tokens: read0 };
}

/** "Delacruz" → "Cruz" when the rest is a known surname ("Delgado" stays). */
function unprefixed(t: Token, tables: NameTables): Token {
  for (const prefix of PARTICLE_PREFIXES) {
    const rest = t.word.slice(prefix.length);
    if (t.word.startsWith(prefix) && rest.length >= 3 && tables.surnames.has(rest)) {
      return token(rest[0]?.toUpperCase() + rest.slice(1));
    }
  }
  return t;
}

/** Every way a name's words split into given names and at most two surnames. */
function readings(name: ParsedName): Reading[] {
  const n = name.tokens.length;
  const idx = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  if (name.familyCount !== undefined) {
    return [{ family: idx(0, name.familyCount), given: idx(name.familyCount, n), swapped: false }];
  }
  const out: Reading[] = [];
  for (const familyCount of [2, 1]) {
    if (familyCount > n - 1) continue;
    out.push({ given: idx(0, n - familyCount), family: idx(n - familyCount, n), swapped: false });
    out.push({ family: idx(0, familyCount), given: idx(familyCount, n), swapped: true });
  }
  return out;
}

/**
 * How well two names are one person: the best reading of both, or undefined when no reading
 * matches. `a` is the name from the intake, `b` the one on the firm's list.
 *
 * @example matchNames(parseName('Maria Lopez', t), parseName('María López García', t), t) // { score: 0.95, why: ['accents and case', 'second surname dropped'] }
 */
export function matchNames(
  a: ParsedName,
  b: ParsedName,
  tables: NameTables,
): NameMatch | undefined {
  if (!a.tokens.length || !b.tokens.length) return undefined;
  const wa = a.tokens.map((t) => t.word).join(' ');
  const wb = b.tokens.map((t) => t.word).join(' ');
  if (wa === wb) {
    const same = fold(a.text) === fold(b.text) && a.text === b.text;
    return { score: 1, why: [same ? 'same name' : 'accents and case'] };
  }
  if (a.tokens.length < 2 || b.tokens.length < 2) return undefined;
  const cache = new Map<number, TokenMatch>();
  const sim = (i: number, j: number, given: boolean) => {
    const key = (i * 16 + j) * 2 + (given ? 1 : 0);
    let found = cache.get(key);
    if (!found) {
      found = compareTokens(a.tokens[i] as Token, b.tokens[j] as Token, tables, given);
      cache.set(key, found);
    }
    return found;
  };
  // A match needs two words of each name to match (a given name and a surname): most rows that
  // share only "García" stop here, before any reading is tried.
  let matching = 0;
  for (let i = 0; i < a.tokens.length && matching < 2; i++) {
    if (b.tokens.some((_, j) => sim(i, j, true).score > 0)) matching++;
  }
  if (matching < 2 && !joinable(a, b) && !joinable(b, a)) return undefined;
  let best: NameMatch | undefined;
  for (const ra of readings(a)) {
    for (const rb of readings(b)) {
      const found = compareReadings(a, b, ra, rb, sim, tables);
      if (found && (!best || found.score > best.score)) best = found;
    }
  }
  return best;
}

type Sim = (i: number, j: number, given: boolean) => TokenMatch;

/** Two neighbouring words of `a` written as one word of `b`: "Mari Carmen", "Maricarmen". */
function joinable(a: ParsedName, b: ParsedName): boolean {
  for (let i = 0; i + 1 < a.tokens.length; i++) {
    const joined = `${a.tokens[i]?.word}${a.tokens[i + 1]?.word}`;
    if (b.tokens.some((t) => t.word === joined)) return true;
  }
  return false;
}

function compareReadings(
  a: ParsedName,
  b: ParsedName,
  ra: Reading,
  rb: Reading,
  sim: Sim,
  tables: NameTables,
): NameMatch | undefined {
  const used: TokenMatch[] = [];
  const why: string[] = [];
  let score = 1;
  const given = matchGiven(a, b, ra.given, rb.given, sim);
  if (!given) return undefined;
  score *= given.score;
  used.push(...given.used);
  why.push(...given.why);
  const family = matchFamily(ra.family, rb.family, sim);
  if (!family) return undefined;
  // An initial for the first name needs two more full names to carry it ("J. López" is anyone;
  // "J. Carlos Mendoza" and "J. López García" may be Juan).
  const full = [...given.used, ...family.used].filter((m) => m.kind !== 'initial').length;
  if (given.used[0]?.kind === 'initial' && full < 2) return undefined;
  score *= family.score;
  used.push(...family.used);
  why.push(...family.why);
  if ((a.familyCount === undefined) !== (b.familyCount === undefined)) {
    why.push('written family name first');
  }
  if (ra.swapped !== rb.swapped) {
    score *= 0.93;
    why.push('given and family names swapped');
  }
  // A reading that makes a known given name a surname (or the reverse) is less likely.
  for (const [name, r] of [
    [a, ra],
    [b, rb],
  ] as const) {
    const asFamily = r.family.some((i) => onlyGiven(name.tokens[i], tables));
    const asGiven = r.given.some((i) => onlySurname(name.tokens[i], tables));
    if (asFamily) score *= 0.75;
    if (asGiven) score *= 0.85;
  }
  const reasons = [
    ...new Set([...used.map((m) => m.why).filter((w): w is string => Boolean(w)), ...why]),
  ];
  return { score: Math.round(score * 100) / 100, why: reasons.length ? reasons : ['same name'] };
}

const onlyGiven = (t: Token | undefined, tables: NameTables) =>
  Boolean(t && tables.givenNames.has(t.word) && !tables.surnames.has(t.word));
const onlySurname = (t: Token | undefined, tables: NameTables) =>
  Boolean(t && tables.surnames.has(t.word) && !tables.givenNames.has(t.word));

interface Part {
  score: number;
  used: TokenMatch[];
  why: string[];
  matched: number;
}

/**
 * The given names: the first ones match (or one goes by the other's second given name), and any
 * other given names both have match too; one left out is a dropped middle name.
 */
function matchGiven(
  a: ParsedName,
  b: ParsedName,
  ga: number[],
  gb: number[],
  sim: Sim,
): Part | undefined {
  const options: Array<{ i: number; j: number; factor: number; why?: string }> = [
    { i: 0, j: 0, factor: 1 },
    { i: 0, j: 1, factor: 0.85, why: 'goes by the second given name' },
    { i: 1, j: 0, factor: 0.85, why: 'goes by the second given name' },
  ];
  let best: Part | undefined;
  for (const o of options) {
    const i = ga[o.i];
    const j = gb[o.j];
    if (i === undefined || j === undefined) continue;
    const first = sim(i, j, true);
    if (first.score === 0) continue;
    // The other given names, in order, after the ones aligned.
    const restA = ga.slice(o.i + 1);
    const restB = gb.slice(o.j + 1);
    const used = [first];
    let score = first.score * o.factor;
    let conflict = false;
    const pairs = Math.min(restA.length, restB.length);
    for (let k = 0; k < pairs; k++) {
      const m = sim(restA[k] as number, restB[k] as number, true);
      if (m.score === 0) conflict = true;
      used.push(m);
      score *= m.score;
    }
    if (conflict) continue;
    const why = o.why ? [o.why] : [];
    if (restA.length !== restB.length) {
      score *= 0.95;
      why.push('middle name dropped');
    }
    if (!best || score > best.score) best = { score, used, why, matched: 1 + pairs };
  }
  const joined = joinedGiven(a, b, ga, gb);
  if (joined && (!best || joined.score > best.score)) best = joined;
  return best;
}

/** "Juan Carlos" written as one word, "Juancarlos"; "Mari Carmen", "Maricarmen". */
function joinedGiven(a: ParsedName, b: ParsedName, ga: number[], gb: number[]): Part | undefined {
  const word = (n: ParsedName, i: number | undefined) =>
    i === undefined ? '' : (n.tokens[i]?.word ?? '');
  const two = (n: ParsedName, g: number[]) => (g.length >= 2 ? word(n, g[0]) + word(n, g[1]) : '');
  if (two(a, ga) && two(a, ga) === word(b, gb[0]) && gb.length === 1)
    return { score: 0.95, used: [], why: ['given names written as one word'], matched: 2 };
  if (two(b, gb) && two(b, gb) === word(a, ga[0]) && ga.length === 1)
    return { score: 0.95, used: [], why: ['given names written as one word'], matched: 2 };
  return undefined;
}

/**
 * The surnames: both of two (in either order), or the one of a name with one against either of
 * the other's two (the second or the first dropped). A surname known only by its initial counts
 * only beside a full one.
 */
function matchFamily(fa: number[], fb: number[], sim: Sim): Part | undefined {
  const s = (i: number | undefined, j: number | undefined) =>
    i === undefined || j === undefined ? undefined : sim(i, j, false);
  const ok = (m: TokenMatch | undefined): m is TokenMatch => Boolean(m && m.score > 0);
  const full = (m: TokenMatch) => m.kind !== 'initial';
  if (fa.length === 2 && fb.length === 2) {
    const straight = [s(fa[0], fb[0]), s(fa[1], fb[1])];
    const crossed = [s(fa[0], fb[1]), s(fa[1], fb[0])];
    const options: Part[] = [];
    if (straight.every(ok) && straight.some(full))
      options.push({ score: product(straight), used: straight, why: [], matched: 2 });
    if (crossed.every(ok) && crossed.some(full))
      options.push({
        score: product(crossed) * 0.95,
        used: crossed,
        why: ['surnames in the other order'],
        matched: 2,
      });
    return options.sort((x, y) => y.score - x.score)[0];
  }
  if (fa.length === 1 && fb.length === 1) {
    const m = s(fa[0], fb[0]);
    return ok(m) && full(m) ? { score: m.score, used: [m], why: [], matched: 1 } : undefined;
  }
  const [one, two, flip] = fa.length === 1 ? [fa, fb, false] : [fb, fa, true];
  const pair = (k: number) => (flip ? s(two[k], one[0]) : s(one[0], two[k]));
  const first = pair(0);
  const second = pair(1);
  const options: Part[] = [];
  if (ok(first) && full(first))
    options.push({
      score: first.score * 0.95,
      used: [first],
      why: ['second surname dropped'],
      matched: 1,
    });
  if (ok(second) && full(second))
    options.push({
      score: second.score * 0.88,
      used: [second],
      why: ['first surname dropped'],
      matched: 1,
    });
  return options.sort((x, y) => y.score - x.score)[0];
}

function product(ms: Array<TokenMatch | undefined>): number {
  return ms.reduce((p, m) => p * (m?.score ?? 0), 1);
}
