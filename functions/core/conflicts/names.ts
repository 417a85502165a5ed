/**
 * The names the conflict check knows (knowledge/names.yaml): particles and titles to drop, words
 * around adverse parties that are not names, nicknames and other-language forms of given names,
 * and common given names and surnames. Validated here; compiled once into lookup tables.
 */
import * as z from 'zod';

/** A folded word: lower case ASCII letters only ("jose", "pena", "obrien"). */
const Word = z.string().regex(/^[a-z]+$/, 'must be one folded word: a-z only, no accents');

/** A list of folded words with no word written twice (the error names it). */
const Words = z.array(Word).superRefine((words, ctx) => {
  const seen = new Set<string>();
  for (const [i, w] of words.entries()) {
    if (seen.has(w)) ctx.addIssue({ code: 'custom', path: [i], message: `"${w}" is listed twice` });
    seen.add(w);
  }
});

/** A long list written as one text of words separated by spaces (YAML `>-`). */
const WordText = z
  .string()
  .transform((text) => text.split(/\s+/).filter(Boolean))
  .pipe(Words);

export const NameDataSchema = z.strictObject({
  particles: WordText,
  titles: WordText,
  notNames: WordText,
  /** Formal given name → the nicknames people go by. */
  nicknames: z.record(Word, Words),
  /** Groups of one given name in several languages (José, Joseph). */
  sameName: z.array(Words.min(1)),
  givenNames: WordText,
  surnames: WordText,
});
export type NameData = z.input<typeof NameDataSchema>;

/** The tables the matcher reads, built once from NameData. */
export interface NameTables {
  particles: Set<string>;
  titles: Set<string>;
  notNames: Set<string>;
  /** A word → the formal names it is a nickname of (and a formal name → itself). */
  formalOf: Map<string, string[]>;
  /** A formal name → its group of other-language forms' ids. */
  groupOf: Map<string, number>;
  givenNames: Set<string>;
  surnames: Set<string>;
}

/**
 * Validates the names file and builds its tables; throws a zod error naming the entry.
 *
 * @example nameTables(parse(readFileSync('knowledge/names.yaml', 'utf8'))).formalOf.get('pepe') // ['jose']
 */
export function nameTables(raw: unknown): NameTables {
  const data = NameDataSchema.parse(raw);
  const formalOf = new Map<string, string[]>();
  const add = (word: string, formal: string) => {
    const list = formalOf.get(word) ?? [];
    if (!list.includes(formal)) list.push(formal);
    formalOf.set(word, list);
  };
  for (const [formal, nicks] of Object.entries(data.nicknames)) {
    add(formal, formal);
    for (const nick of nicks) add(nick, formal);
  }
  const groupOf = new Map<string, number>();
  data.sameName.forEach((group, i) => {
    for (const name of group) groupOf.set(name, i);
  });
  const givenNames = new Set([...data.givenNames, ...formalOf.keys()]);
  return {
    particles: new Set(data.particles),
    titles: new Set(data.titles),
    notNames: new Set(data.notNames),
    formalOf,
    groupOf,
    givenNames,
    surnames: new Set(data.surnames),
  };
}

/** Tables with no words: the rules that need none (accents, order, typos) still apply. */
export const NO_NAMES: NameTables = nameTables({
  particles: '',
  titles: '',
  notNames: '',
  nicknames: {},
  sameName: [],
  givenNames: '',
  surnames: '',
});
