/**
 * The vocabulary the knowledge search folds text with: synonyms across English, Spanish and
 * Spanglish, texting shorthand, phrases that carry two ideas, stop words, and the concepts that
 * weigh differently (everyday, off topic, context). The words are content, in
 * knowledge/vocabulary.yaml (read by adapters/content-files.ts; the Lambda's content.json carries
 * them); this is their schema, and terms.ts builds the lookup tables from them.
 *
 * Every entry is written in folded form: lower case, no accents ("ñ" is "n"), no apostrophes.
 */
import * as z from 'zod';
import { LanguageSchema } from '../flow';

/** A word or phrase in folded form: lower-case letters, digits, "#" and "-", single spaces. */
const FOLDED = /^[a-z0-9#-]+( [a-z0-9#-]+)*$/;
const FOLDED_HINT = 'write it folded: lower case, no accents or apostrophes, single spaces';

const Entry = z.string().regex(FOLDED, FOLDED_HINT);
const Word = z.string().regex(/^[a-z0-9#-]+$/, `one word; ${FOLDED_HINT}`);
/** A table key: folded, with a letter (a key of digits only would change the table's order). */
const Key = Entry.regex(/[a-z]/, 'a key needs a letter');

export const VocabularySchema = z
  .strictObject({
    /**
     * Groups of words and phrases that mean the same thing to a client, by their concept: each
     * folds to the concept. Single words also match through their stem ("deportaran" →
     * "deport"), so a group needs only the forms a stem does not reach.
     */
    synonyms: z.record(Key, z.array(Entry).min(1)),
    /** Texting shorthand and misspellings, word for word ("xq" → "porque", "u" → "you"). */
    spelling: z.record(Word.regex(/[a-z]/, 'a key needs a letter'), Entry),
    /** Phrases whose meaning is not the sum of their words, with the concepts they fold to. */
    compounds: z.record(Key, z.array(Word).min(1)),
    /** Words that mean one thing in English and another in Spanish: a concept, or null (dropped). */
    byLanguage: z.record(LanguageSchema, z.record(Word, Word.nullable())),
    /** Words that say nothing about which article fits, in named lists (the names are notes). */
    stopWords: z.record(z.string().min(1), z.array(Word).min(1)),
    /** Everyday chat and narrative words, weighed lightly when an article lacks them. */
    everyday: z.record(z.string().min(1), z.array(Word).min(1)),
    /** Concepts the firm has no article for: counted hard against every article. */
    offTopic: z.array(Word),
    /** Concepts that say who or how rather than what: counted less when unmatched. */
    contextTerms: z.array(Word),
  })
  .superRefine((vocabulary, ctx) => {
    // A word folds to one concept: listed in two groups, the later one would silently win.
    const groupOf = new Map<string, string>();
    for (const [concept, entries] of Object.entries(vocabulary.synonyms)) {
      [concept, ...entries].forEach((entry, at) => {
        const claimed = groupOf.get(entry);
        if (claimed !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: at === 0 ? ['synonyms', concept] : ['synonyms', concept, at - 1],
            message:
              claimed === concept
                ? `"${entry}" is listed twice in this group`
                : `"${entry}" is already in the group of "${claimed}"`,
          });
        }
        groupOf.set(entry, concept);
      });
    }
    const concept = (path: (string | number)[], word: string | null) => {
      if (word !== null && !Object.hasOwn(vocabulary.synonyms, word)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${word}" is not a concept (a name in synonyms)`,
        });
      }
    };
    for (const [at, word] of vocabulary.offTopic.entries()) concept(['offTopic', at], word);
    for (const [at, word] of vocabulary.contextTerms.entries()) concept(['contextTerms', at], word);
    for (const [language, table] of Object.entries(vocabulary.byLanguage)) {
      for (const [word, folded] of Object.entries(table))
        concept(['byLanguage', language, word], folded);
    }
  });
export type Vocabulary = z.infer<typeof VocabularySchema>;
