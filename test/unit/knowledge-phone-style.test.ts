/**
 * Questions typed the way people write on a phone: texting shorthand spelled out, a generic legal
 * word ("took", "detenido") that carries the question, Spanish "hay forma de" (a way, not a form)
 * and "detener la deportacion" (stopping it, not a detention). Coverage weighs each term by how
 * telling it is among the articles and among their phrasings (search.ts `coverWeight`), so the
 * detention in "they took my uncle" counts, not only the uncle.
 */
import { describe, expect, it } from 'vitest';
import { readContentInputs } from '../../functions/adapters/content-files';
import { termsOf } from '../../functions/core/knowledge/terms';
import { content } from '../helpers/content';

const { vocabulary } = readContentInputs({ root: process.cwd() });

const top = (q: string, lang: 'en' | 'es') =>
  content().knowledge.search(q, lang)[0]?.article.id ?? 'none';

describe('a question typed on a phone', () => {
  it('spells out texting shorthand', () => {
    const { terms } = termsOf(vocabulary);
    expect(terms('mi hno', 'es')).toEqual(['sibling']);
    expect(terms('el lic', 'es')).toEqual(['lawyer']);
    expect(terms('rn pls 2mrw', 'en')).toEqual([]);
  });

  it('answers a detention told in everyday words', () => {
    expect(top('they took my uncle this morning, what do we do first', 'en')).toBe(
      'detained-first-steps',
    );
    expect(top('ice grabbed my cousin at the bus stop rn what do we do', 'en')).toBe(
      'detained-first-steps',
    );
    expect(top('mi hno esta detenido, donde lo busco', 'es')).toBe('find-detained-person');
  });

  it('reads "hay forma de" as a way and "detener la deportacion" as stopping it', () => {
    expect(top('hay forma de quedarme si mis hijos son ciudadanos', 'es')).toBe(
      'us-citizen-children',
    );
    expect(top('como detengo la deportacion de mi esposo', 'es')).toBe('stays-of-removal');
  });

  it('leaves out words that say nothing ("conmigo") and reads having answered as the intake', () => {
    expect(top('mi tps se acabo? q pasa conmigo', 'es')).toBe('tps');
    expect(top('i answered everything, whats next', 'en')).toBe('after-intake');
  });
});
