/**
 * The words the story reading (story.ts) looks for: relation nouns, detention and court phrases,
 * the matters, the words of dates, where people are from. They are content, in
 * knowledge/story.yaml (read by adapters/content-files.ts; the Lambda's content.json carries
 * them); this is their schema, and `compileStoryPhrases` turns them into the regular expressions
 * and word sets story.ts reads with, once, when the content is built.
 *
 * A pattern is written one of three ways: a regular expression's source; a list of
 * alternatives, matched as whole words (`\b(?:a|b|c)\b`); or `{ before, any, after }`, the list
 * with what stands before and after it (`\b` when left out). `{relations}` stands for every
 * relation noun and `{name}` for a list in `parts`, each as `(?:a|b|c)`. Everything is matched
 * against folded words: lower case, no accents, no punctuation, one space between words.
 */
import * as z from 'zod';

/** Who the story is about, as a word the say-back can use ("your husband", "su hija"). */
export const WHO_WORDS = [
  'husband',
  'wife',
  'partner',
  'son',
  'daughter',
  'father',
  'mother',
  'brother',
  'sister',
  'relative',
  'friend',
] as const;
export type WhoWord = (typeof WHO_WORDS)[number];

/** The writer's relationship to the person, in the flow's values of `writerRelationship`. */
const RELATIONSHIPS = ['spouse', 'parent', 'child', 'sibling', 'relative', 'friend'] as const;

/** Where an arrest happened, in the flow's values of `arrestSetting`. */
const SETTINGS = ['traffic', 'check-in', 'court', 'work', 'home', 'border', 'county-jail'] as const;

/** The tables that are patterns, each read by story.ts under this name. */
const PATTERN_NAMES = [
  // who
  'statusAfter',
  'tookRelative',
  'possessed',
  'writerSays',
  'noteAfterRelation',
  'inLaw',
  'firstPerson',
  'selfEvent',
  'someoneElse',
  'writerRole',
  'looseFriend',
  'thirdOnly',
  'partner',
  'jointSelf',
  'startsFirstPerson',
  'thirdPersonEvent',
  'petition',
  'forWriter',
  'we',
  'jointPair',
  'thirdPronoun',
  'heldPronoun',
  'othersRelativeTaken',
  'companion',
  'objectBefore',
  'isBefore',
  'verbBefore',
  // what happened
  'detain',
  'immigration',
  'policeOnly',
  'stillHeld',
  'hedged',
  'facilityHeld',
  'neverTaken',
  'guessedPlace',
  'placeKnown',
  'heldNow',
  'policeArrest',
  'feared',
  'released',
  'releaseHoped',
  'notDetained',
  'yearsBack',
  'cameBack',
  'selfDetained',
  'heldInJail',
  'countyJail',
  'jailUnsure',
  'holdWords',
  'iceHoldComing',
  // the matter
  'statusWords',
  'statusAside',
  'optionsAsked',
  'otherLegal',
  'suing',
  'deniedRecord',
  'otherCourt',
  'pastRecord',
  'abuseThreat',
  'immigrationMatter',
  'notImmigrationSaid',
  'citizenHeld',
  'alsoSelf',
  'ownPredicate',
  // court
  'court',
  'courtStated',
  'courtNotYet',
  'noCourt',
  'unsureCourt',
  'order',
  'noOrder',
  'deportedBefore',
  'missed',
  'judge',
  // when
  'lookingBack',
  'lookingAhead',
  'checkInDate',
  'dayOfMonth',
  'forDuration',
  'englishUnits',
  'morning',
  // where from, how they came, how long, a lawyer, where they live
  'from',
  'withoutInspection',
  'inspected',
  'parole',
  'yearsHere',
  'arrivedYear',
  'noLawyer',
  'hasLawyer',
  'lives',
  'writerLives',
] as const;
export type PatternName = (typeof PATTERN_NAMES)[number];

/** Patterns story.ts reads groups from, and how many it reads. */
const GROUPS: Partial<Record<PatternName, number>> = {
  writerSays: 1,
  yearsBack: 1,
  dayOfMonth: 1,
  forDuration: 2,
  from: 1,
  yearsHere: 2,
  arrivedYear: 1,
  lives: 1,
};

const Alternative = z.string().min(1);
const PatternSchema = z.union([
  z.string().min(1),
  z.array(Alternative).min(1),
  z.strictObject({
    before: z.string().optional(),
    any: z.array(Alternative).min(1),
    after: z.string().optional(),
  }),
]);
type Pattern = z.infer<typeof PatternSchema>;

/** A word, folded: lower-case letters and digits. */
const Word = z.string().regex(/^[a-z0-9]+$/, 'one word, folded: lower case, no accents');
const Phrase = z
  .string()
  .regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'folded: lower case, no accents, single spaces');

export const StoryPhrasesSchema = z
  .strictObject({
    /** Relation nouns: the writer's relationship to the person named, and the say-back word. */
    relations: z.record(Word, z.tuple([z.enum(RELATIONSHIPS), z.enum(WHO_WORDS)])),
    possessives: z.array(Word).min(1),
    relationAdjectives: z.array(Word),
    /** Texting spellings, word for word: "tngo" is "tengo", "q" is "que", "ami" is "a mi". */
    spellings: z.record(Word, Phrase),
    indefinites: z.array(Word),
    nameLeadsOther: z.array(Phrase).min(1),
    nameLeadsOwn: z.array(Phrase).min(1),
    nameParticles: z.array(Word),
    notNames: z.array(Word),
    demonyms: z.record(Word, z.string().regex(/^[A-Z]{2}$/, 'an ISO country code (MX)')),
    /** A country's states and provinces, read after "es de", "from": "es de Sonora" is MX. */
    regions: z.record(Word, z.string().regex(/^[A-Z]{2}$/, 'an ISO country code (MX)')),
    arrestSettings: z
      .array(
        z.strictObject({
          setting: z.enum(SETTINGS),
          nearArrestOnly: z.boolean(),
          pattern: PatternSchema,
        }),
      )
      .min(1),
    dayParts: z.array(z.strictObject({ day: z.enum(['hoy', 'ayer']), pattern: PatternSchema })),
    parts: z.record(Word, z.array(Alternative).min(1)),
    datePhrases: z.array(PatternSchema).min(1),
    ...(Object.fromEntries(PATTERN_NAMES.map((name) => [name, PatternSchema])) as Record<
      PatternName,
      typeof PatternSchema
    >),
  })
  .superRefine((data, ctx) => {
    const twice = (path: (string | number)[], list: readonly string[]) => {
      const seen = new Set<string>();
      list.forEach((item, at) => {
        if (seen.has(item))
          ctx.addIssue({
            code: 'custom',
            path: [...path, at],
            message: `"${item}" is listed twice`,
          });
        seen.add(item);
      });
    };
    const check = (path: (string | number)[], pattern: Pattern, groups = 0) => {
      if (typeof pattern !== 'string') {
        const list = Array.isArray(pattern) ? pattern : pattern.any;
        twice(Array.isArray(pattern) ? path : [...path, 'any'], list);
      }
      try {
        const regex = new RegExp(`${sourceOf(pattern, data)}|`);
        const found = (regex.exec('')?.length ?? 1) - 1;
        if (found < groups)
          ctx.addIssue({
            code: 'custom',
            path,
            message: `needs ${groups} capturing group(s), has ${found}`,
          });
      } catch (error) {
        ctx.addIssue({ code: 'custom', path, message: (error as Error).message });
      }
    };
    for (const name of PATTERN_NAMES) check([name], data[name], GROUPS[name]);
    for (const [at, s] of data.arrestSettings.entries())
      check(['arrestSettings', at, 'pattern'], s.pattern);
    for (const [at, d] of data.dayParts.entries()) check(['dayParts', at, 'pattern'], d.pattern);
    for (const [at, p] of data.datePhrases.entries()) check(['datePhrases', at], p);
    for (const name of [
      'possessives',
      'relationAdjectives',
      'indefinites',
      'nameParticles',
      'notNames',
    ] as const)
      twice([name], data[name]);
    twice(
      ['arrestSettings'],
      data.arrestSettings.map((s) => s.setting),
    );
  });
export type StoryPhrasesData = z.infer<typeof StoryPhrasesSchema>;

/** The tables compiled: a RegExp for each pattern, a Set for each word list. */
export type StoryPhrases = Record<PatternName, RegExp> & {
  relations: Record<string, [string, WhoWord]>;
  possessives: Set<string>;
  relationAdjectives: Set<string>;
  spellings: Record<string, string>;
  indefinites: Set<string>;
  nameLeadsOther: string[];
  nameLeadsOwn: string[];
  nameParticles: Set<string>;
  notNames: Set<string>;
  demonyms: Record<string, string>;
  regions: Record<string, string>;
  arrestSettings: { setting: string; nearArrestOnly: boolean; pattern: RegExp }[];
  dayParts: { day: string; pattern: RegExp }[];
  datePhrases: RegExp[];
};

/** A pattern's source, its `{relations}` and `{part}` filled in. */
function sourceOf(pattern: Pattern, data: Pick<StoryPhrasesData, 'relations' | 'parts'>): string {
  const source =
    typeof pattern === 'string'
      ? pattern
      : Array.isArray(pattern)
        ? `\\b(?:${pattern.join('|')})\\b`
        : `${pattern.before ?? '\\b'}(?:${pattern.any.join('|')})${pattern.after ?? '\\b'}`;
  return source.replace(/\{([a-z]+)\}/g, (whole, name: string) => {
    const list =
      name === 'relations'
        ? Object.keys(data.relations)
        : Object.hasOwn(data.parts, name)
          ? data.parts[name]
          : undefined;
    if (!list) throw new Error(`${whole} names no list (relations, or one in parts)`);
    return `(?:${list.join('|')})`;
  });
}

/**
 * The tables as story.ts reads them, each pattern compiled once.
 *
 * @example compileStoryPhrases(data).detain.test('se llevaron a mi esposo') // true
 */
export function compileStoryPhrases(data: StoryPhrasesData): StoryPhrases {
  const compile = (pattern: Pattern) => new RegExp(sourceOf(pattern, data));
  return {
    ...(Object.fromEntries(PATTERN_NAMES.map((name) => [name, compile(data[name])])) as Record<
      PatternName,
      RegExp
    >),
    relations: data.relations,
    possessives: new Set(data.possessives),
    relationAdjectives: new Set(data.relationAdjectives),
    spellings: data.spellings,
    indefinites: new Set(data.indefinites),
    nameLeadsOther: data.nameLeadsOther,
    nameLeadsOwn: data.nameLeadsOwn,
    nameParticles: new Set(data.nameParticles),
    notNames: new Set(data.notNames),
    demonyms: data.demonyms,
    regions: data.regions,
    arrestSettings: data.arrestSettings.map((s) => ({ ...s, pattern: compile(s.pattern) })),
    dayParts: data.dayParts.map((d) => ({ day: d.day, pattern: compile(d.pattern) })),
    datePhrases: data.datePhrases.map(compile),
  };
}
