/**
 * ICE detention facilities and the names people use for them: "lo tienen en Adelanto", "está en el
 * de Otay", "NWDC in Tacoma". The list is content, in knowledge/detention-facilities.yaml (read by
 * adapters/content-files.ts; the Lambda's content.json carries it); this is its schema and the
 * matcher that finds a facility in a message.
 *
 * Aliases are written folded (lower case, no accents or punctuation, single spaces) and matched as
 * whole words, the longest match winning, so "desert view adelanto" is the annex and not Adelanto.
 */
import * as z from 'zod';
import { isValidIsoDate } from '../calendar';
import { IsoDateSchema } from '../facts';
import { foldWords } from '../parse/normalize';

const FOLDED = /^[a-z0-9]+( [a-z0-9]+)*$/;
const FOLDED_HINT = 'write it folded: lower case, no accents or punctuation, single spaces';

export const FacilitySchema = z.strictObject({
  /** The name as ICE lists it; it is matched too, folded. */
  name: z.string().trim().min(2),
  city: z.string().min(1),
  state: z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code, upper case (CA)'),
  /** What people type: short names, the city, misspellings, Spanish forms. */
  aliases: z.array(z.string().regex(FOLDED, FOLDED_HINT)).min(1),
});
export type Facility = z.infer<typeof FacilitySchema>;

export const FacilitiesSchema = z
  .strictObject({
    lastReviewed: IsoDateSchema.refine(isValidIsoDate, 'lastReviewed must be a real date'),
    sources: z
      .array(z.strictObject({ title: z.string().min(1), url: z.url({ protocol: /^https$/ }) }))
      .min(1),
    facilities: z.array(FacilitySchema).min(1),
  })
  .superRefine((data, ctx) => {
    // A name or alias points to one facility: claimed by two, which one a message meant is a guess.
    const owner = new Map<string, number>();
    data.facilities.forEach((facility, index) => {
      [foldWords(facility.name), ...facility.aliases].forEach((key, at) => {
        const claimed = owner.get(key);
        if (claimed === undefined) {
          owner.set(key, index);
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: at === 0 ? ['facilities', index, 'name'] : ['facilities', index, 'aliases', at - 1],
          message:
            claimed === index
              ? `"${key}" is listed twice for this facility`
              : `"${key}" already names ${data.facilities[claimed]?.name}`,
        });
      });
    });
  });
export type FacilitiesData = z.infer<typeof FacilitiesSchema>;

interface Lookup {
  /** Every folded name, alias and covered name, with its facility. */
  byKey: Map<string, Facility>;
  /** The lengths in words of the keys starting with a word, so most words cost one lookup. */
  lengthsByFirst: Map<string, number[]>;
}

interface Cached {
  listed: Lookup;
  foldedNames: string[];
  withCovered: WeakMap<readonly string[], Lookup>;
}

// Built once per facilities array (the content's, loaded once): a call only walks the words.
const cache = new WeakMap<readonly Facility[], Cached>();

function lookup(entries: Iterable<[string, Facility]>): Lookup {
  const byKey = new Map(entries);
  const lengthsByFirst = new Map<string, number[]>();
  for (const key of byKey.keys()) {
    const words = key.split(' ');
    const lengths = lengthsByFirst.get(words[0] ?? '') ?? [];
    if (!lengths.includes(words.length)) lengths.push(words.length);
    lengthsByFirst.set(words[0] ?? '', lengths);
  }
  return { byKey, lengthsByFirst };
}

function cachedFor(facilities: readonly Facility[]): Cached {
  let cached = cache.get(facilities);
  if (!cached) {
    const foldedNames = facilities.map((f) => foldWords(f.name));
    const entries = new Map<string, Facility>();
    facilities.forEach((facility, index) => {
      for (const key of [foldedNames[index] ?? '', ...facility.aliases]) {
        // The file's schema refuses a key claimed twice; a hand-built array keeps the first.
        if (key && !entries.has(key)) entries.set(key, facility);
      }
    });
    cached = { listed: lookup(entries), foldedNames, withCovered: new WeakMap() };
    cache.set(facilities, cached);
  }
  return cached;
}

/**
 * The facility a covered name that is no listed name or alias means: the one listed facility whose
 * name holds it ("Imperial"), else a facility of its own, known by name only.
 */
function coveredFacility(name: string, facilities: readonly Facility[], cached: Cached): Facility {
  const key = foldWords(name);
  const holding = facilities.filter((_, i) => ` ${cached.foldedNames[i]} `.includes(` ${key} `));
  const [only] = holding;
  if (only && holding.length === 1) return only;
  return { name: name.trim(), city: '', state: '', aliases: [] };
}

function lookupFor(facilities: readonly Facility[], covered: readonly string[]): Lookup {
  const cached = cachedFor(facilities);
  if (covered.length === 0) return cached.listed;
  let found = cached.withCovered.get(covered);
  if (!found) {
    const entries = new Map(cached.listed.byKey);
    for (const name of covered) {
      const key = foldWords(name);
      // A covered name that is a listed name or alias ("Otay Mesa") already finds its facility.
      if (key && !entries.has(key)) entries.set(key, coveredFacility(name, facilities, cached));
    }
    found = lookup(entries);
    cached.withCovered.set(covered, found);
  }
  return found;
}

/**
 * The facility a message names, by a facility's folded name or an alias as whole words, or by one
 * of the firm's covered facilities (prompts/firm.yaml); the longest match wins. `words` is already
 * folded (`foldWords`). A covered name that is not listed comes back as a facility with its name
 * only (no city, state or aliases).
 *
 * @example findFacility(foldWords('Lo tienen en Adelanto'), content.facilities)?.name
 * // => 'Adelanto ICE Processing Center'
 */
export function findFacility(
  words: string,
  facilities: readonly Facility[],
  covered: readonly string[] = [],
): Facility | undefined {
  const { byKey, lengthsByFirst } = lookupFor(facilities, covered);
  const tokens = words.split(' ');
  let best: string | undefined;
  for (const [at, token] of tokens.entries()) {
    const lengths = lengthsByFirst.get(token);
    if (!lengths) continue;
    for (const length of lengths) {
      if (at + length > tokens.length) continue;
      const key = length === 1 ? token : tokens.slice(at, at + length).join(' ');
      if (key.length > (best?.length ?? 0) && byKey.has(key)) best = key;
    }
  }
  return best === undefined ? undefined : byKey.get(best);
}
