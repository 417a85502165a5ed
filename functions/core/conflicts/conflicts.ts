/**
 * The conflict check (API.md "Outbound integrations", issue 19): the firm's list of clients,
 * former clients and adverse parties, matched against a lead's client and the adverse parties
 * the client named. Each possible match carries its score and why in plain words; it is shown
 * first to the attorney and never declines anything by itself. Pure: the list comes in as rows.
 */
import * as z from 'zod';
import { MATCH_THRESHOLD, matchNames, type NameMatch, type ParsedName, parseName } from './match';
import type { NameTables } from './names';
import { namesIn } from './parties';
import type { Token } from './tokens';

export const CONFLICT_ROLES = ['client', 'former-client', 'adverse'] as const;

/** One row of the firm's list: `name, role, matter`. */
export const ConflictRowSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'is over 200 characters'),
  role: z.enum(CONFLICT_ROLES, { error: 'must be client, former-client or adverse' }),
  matter: z.string().trim().max(200, 'is over 200 characters').default(''),
});
export type ConflictRow = z.infer<typeof ConflictRowSchema>;

/** A possible conflict on a lead: the list's row, which of the lead's names, how sure and why. */
export const ConflictMatchSchema = z.strictObject({
  name: z.string(),
  role: z.enum(CONFLICT_ROLES),
  matter: z.string(),
  /** The lead's name it matched, as the client wrote it. */
  against: z.string(),
  /** Whether that name is the lead's client or an adverse party the client named. */
  as: z.enum(['client', 'adverse-party']),
  /** 0..1: 1 is the same name letter for letter. */
  score: z.number().min(0).max(1),
  /** Why, in short English: "accents and case", "nickname Pepe = José", "second surname dropped". */
  why: z.array(z.string()),
});
export type ConflictMatch = z.infer<typeof ConflictMatchSchema>;

/** The names of a lead the list is checked against. */
export interface LeadNames {
  client?: string;
  adverseParties?: string;
}

/** The list read once into names and an index of their words, for checking leads fast. */
export interface ConflictIndex {
  rows: ConflictRow[];
  names: ParsedName[];
  /** A word's keys (its letters, sound, formal name, letters less one) → rows with it. */
  postings: Map<string, number[]>;
  tables: NameTables;
}

/** The keys a word is found by: itself, its sound, its formal names and their language group. */
function wordKeys(t: Token, tables: NameTables): string[] {
  const out = [`w:${t.word}`, `s:${t.sound}`];
  for (const f of tables.formalOf.get(t.word) ?? []) {
    out.push(`f:${f}`);
    const g = tables.groupOf.get(f);
    if (g !== undefined) out.push(`g:${g}`);
  }
  const g = tables.groupOf.get(t.word);
  if (g !== undefined) out.push(`g:${g}`);
  // A slip of one letter: both words share a form with one letter left out (or the whole word).
  if (t.word.length >= 4) {
    out.push(`d:${t.word}`);
    for (let i = 0; i < t.word.length; i++)
      out.push(`d:${t.word.slice(0, i)}${t.word.slice(i + 1)}`);
  }
  return [...new Set(out)];
}

/** Each word's keys, and two neighbours written as one ("Mari Carmen" is found by "maricarmen"). */
function nameKeys(name: ParsedName, tables: NameTables, memo: Map<string, string[]>): string[][] {
  const of = (t: Token) => {
    let found = memo.get(t.word);
    if (!found) {
      found = wordKeys(t, tables);
      memo.set(t.word, found);
    }
    return found;
  };
  const out = name.tokens.map(of);
  for (let i = 0; i + 1 < name.tokens.length; i++) {
    out.push([`w:${name.tokens[i]?.word}${name.tokens[i + 1]?.word}`]);
  }
  return out;
}

/**
 * Reads the firm's list once for fast checks.
 *
 * @example const index = indexConflicts([{ name: 'José Pérez', role: 'adverse', matter: '2024-17' }], tables)
 */
export function indexConflicts(rows: ConflictRow[], tables: NameTables): ConflictIndex {
  const names = rows.map((r) => parseName(r.name, tables));
  const postings = new Map<string, number[]>();
  const memo = new Map<string, string[]>();
  names.forEach((name, row) => {
    for (const key of new Set(nameKeys(name, tables, memo).flat())) {
      const list = postings.get(key);
      if (list) list.push(row);
      else postings.set(key, [row]);
    }
  });
  return { rows, names, postings, tables };
}

/**
 * The rows of the list worth comparing with a name: those that share keys with two of its words
 * (a match needs a given name and a surname), or with a name of one word or two written as one.
 */
function candidates(index: ConflictIndex, name: ParsedName): number[] {
  const hits = new Map<number, number>();
  const keys = nameKeys(name, index.tables, new Map());
  keys.forEach((wordKeys, i) => {
    // Two neighbours written as one count as two words.
    const bits = i < name.tokens.length ? 1 << i : 3 << (i - name.tokens.length);
    for (const key of wordKeys) {
      for (const row of index.postings.get(key) ?? []) hits.set(row, (hits.get(row) ?? 0) | bits);
    }
  });
  const out: number[] = [];
  const single = name.tokens.length < 2;
  for (const [row, bits] of hits) {
    if (single || (bits & (bits - 1)) !== 0 || (index.names[row]?.tokens.length ?? 0) < 2)
      out.push(row);
  }
  return out;
}

/**
 * The possible conflicts of a lead, surest first: every row of the list whose name may be the
 * client's or an adverse party's, with its score and why. Never a decision: an attorney reads it.
 *
 * @example
 * findConflicts(index, { client: 'Maria Lopez' });
 * // → [{ name: 'María López García', role: 'adverse', matter: '2023-114', against: 'Maria Lopez',
 * //      as: 'client', score: 0.95, why: ['accents and case', 'second surname dropped'] }]
 */
export function findConflicts(index: ConflictIndex, lead: LeadNames): ConflictMatch[] {
  const wanted: Array<{ text: string; as: ConflictMatch['as'] }> = [];
  if (lead.client?.trim()) wanted.push({ text: lead.client.trim(), as: 'client' });
  for (const text of namesIn(lead.adverseParties ?? '', index.tables)) {
    wanted.push({ text, as: 'adverse-party' });
  }
  const best = new Map<string, ConflictMatch>();
  for (const w of wanted) {
    const name = parseName(w.text, index.tables);
    for (const row of candidates(index, name)) {
      const listed = index.names[row] as ParsedName;
      const found: NameMatch | undefined = matchNames(name, listed, index.tables);
      if (!found || found.score < MATCH_THRESHOLD) continue;
      const r = index.rows[row] as ConflictRow;
      const key = `${row}:${w.as}`;
      const before = best.get(key);
      if (before && before.score >= found.score) continue;
      best.set(key, { ...r, against: name.text, as: w.as, score: found.score, why: found.why });
    }
  }
  return [...best.values()]
    .sort((x, y) => y.score - x.score || x.name.localeCompare(y.name))
    .slice(0, 20);
}

export { MATCH_THRESHOLD, matchNames, parseName } from './match';
