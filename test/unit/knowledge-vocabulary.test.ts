/**
 * knowledge/vocabulary.yaml, the knowledge search's words, is validated at load: a bad entry stops
 * the start with an error naming the file and the entry, and the project's own file passes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ContentError, readContentInputs } from '../../functions/adapters/content-files';
import { termsOf } from '../../functions/core/knowledge/terms';
import { type Vocabulary, VocabularySchema } from '../../functions/core/knowledge/vocabulary';

const source = readFileSync('knowledge/vocabulary.yaml', 'utf8');
const vocabulary = VocabularySchema.parse(parse(source));

/** The issues of a vocabulary, as "path: message" lines. */
function issues(data: unknown): string[] {
  const result = VocabularySchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const withSynonyms = (synonyms: Vocabulary['synonyms']) => ({ ...vocabulary, synonyms });

describe('knowledge/vocabulary.yaml', () => {
  it('validates, and its tables fold a question as before', () => {
    expect(issues(parse(source))).toEqual([]);
    expect(termsOf(vocabulary).terms('la migra se llevo a mi esposo, q hago?', 'es')).toEqual([
      'ice',
      'detain',
      'spouse',
    ]);
  });

  it('folds a compound as its concepts where a synonym phrase has the same stems', () => {
    const terms = termsOf({
      ...vocabulary,
      synonyms: { ...vocabulary.synonyms, appeal: ['fight it'] },
      compounds: { 'fight it': ['appeal', 'deport'] },
    });
    expect(terms.terms('can we fight it', 'en')).toEqual(['appeal', 'deport']);
    expect(termsOf(vocabulary).terms('me cambie de direccion', 'es')).toEqual(['move', 'address']);
  });

  it('reads a form number typed without its hyphen as the articles write it', () => {
    const terms = termsOf(vocabulary);
    expect(terms.words('i put citizen on the i9 and filed an n400')).toContain('i-9');
    expect(terms.words('n400')).toEqual(['n-400']);
    expect(terms.words('i601a')).toEqual(['i-601a']);
    expect(terms.words('b2 visa and a 10 year wait')).toContain('b2');
  });

  it('names an entry not written folded', () => {
    const child = [...(vocabulary.synonyms.child ?? []), 'Niño'];
    const at = child.length - 1;
    expect(issues(withSynonyms({ ...vocabulary.synonyms, child }))).toEqual([
      `synonyms.child.${at}: write it folded: lower case, no accents or apostrophes, single spaces`,
    ]);
  });

  it('names a word already in another group, and one listed twice in its own', () => {
    const bond = vocabulary.synonyms.bond ?? [];
    expect(
      issues(withSynonyms({ ...vocabulary.synonyms, bond: [...bond, 'abogado', 'fianza'] })),
    ).toEqual([
      `synonyms.bond.${bond.length}: "abogado" is already in the group of "lawyer"`,
      `synonyms.bond.${bond.length + 1}: "fianza" is listed twice in this group`,
    ]);
  });

  it('names an off-topic, context or language entry that is not a concept', () => {
    expect(
      issues({
        ...vocabulary,
        offTopic: [...vocabulary.offTopic, 'lottery'],
        contextTerms: ['brother', ...vocabulary.contextTerms],
        byLanguage: { ...vocabulary.byLanguage, en: { son: 'kid' } },
      }),
    ).toEqual([
      `offTopic.${vocabulary.offTopic.length}: "lottery" is not a concept (a name in synonyms)`,
      'contextTerms.0: "brother" is not a concept (a name in synonyms)',
      'byLanguage.en.son: "kid" is not a concept (a name in synonyms)',
    ]);
  });

  it('names a number left unquoted and a compound folding to a phrase', () => {
    const data = parse(source.replace('- "1099"', '- 1099'));
    const taxes: unknown[] = data.synonyms.taxes;
    expect(
      issues({ ...data, compounds: { ...data.compounds, 'car wash': ['work place'] } }),
    ).toEqual([
      `synonyms.taxes.${taxes.indexOf(1099)}: Invalid input: expected string, received number`,
      expect.stringMatching(/^compounds\.car wash\.0: one word; write it folded/),
    ]);
  });
});

describe('loading the content', () => {
  const root = mkdtempSync(join(tmpdir(), 'amparo-vocabulary-'));
  cpSync('prompts', join(root, 'prompts'), { recursive: true });
  cpSync('knowledge', join(root, 'knowledge'), { recursive: true });
  const file = join(root, 'knowledge', 'vocabulary.yaml');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const loadError = (): Error => {
    try {
      readContentInputs({ root });
    } catch (error) {
      return error as Error;
    }
    throw new Error('the content loaded');
  };

  it('stops with an error naming the file and the bad entry', () => {
    writeFileSync(file, source.replace('  bond:\n    - fianza\n', '  bond:\n    - fiánza\n'));
    const error = loadError();
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toBe(
      `${file} is invalid:\n` +
        '  synonyms.bond.0: write it folded: lower case, no accents or apostrophes, single spaces',
    );
  });

  it('stops with an error naming the file when a concept is added twice', () => {
    writeFileSync(file, source.replace('synonyms:\n', 'synonyms:\n  bond:\n    - bail bond\n'));
    const error = loadError();
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toMatch(new RegExp(`^${file}: Map keys must be unique`));
  });

  it('loads the file when it is whole again', () => {
    writeFileSync(file, source);
    expect(readContentInputs({ root }).vocabulary).toEqual(vocabulary);
  });
});
