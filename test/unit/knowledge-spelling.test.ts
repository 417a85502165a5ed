/**
 * The misspelling matcher of the knowledge search (functions/core/knowledge/spelling.ts): a word
 * spelt by ear or with a slip of the thumb is read as the articles' word it means; short words and
 * words near nothing the articles use are left alone, and a correction only ever lands on a word
 * some article uses.
 */
import { describe, expect, it } from 'vitest';
import { readContentInputs } from '../../functions/adapters/content-files';
import { analyzeArticles } from '../../functions/core/knowledge/search';
import { oneEdit, soundKey, spellingCorrector } from '../../functions/core/knowledge/spelling';
import { termsOf } from '../../functions/core/knowledge/terms';
import { content } from '../helpers/content';

const inputs = readContentInputs({ root: process.cwd() });
const { vocabulary } = inputs;
const surface = new Map(analyzeArticles(inputs).surface);
const correct = spellingCorrector(surface);

describe('the misspelling matcher', () => {
  it('hears Spanish spelt by ear as the word meant', () => {
    expect(soundKey('deportasion')).toBe(soundKey('deportacion'));
    expect(soundKey('jues')).toBe(soundKey('juez'));
    expect(soundKey('abeas')).toBe(soundKey('habeas'));
    expect(soundKey('abogaos')).toBe(soundKey('abogados'));
    expect(correct('deportasion')).toBe('deportacion');
    expect(correct('inmigrasion')).toBe('inmigracion');
    expect(correct('jues')).toBe('juez');
  });

  it('reads one slip of the thumb in a word of five letters or more', () => {
    expect(oneEdit('finaza', 'fianza')).toBe(true);
    expect(oneEdit('deportacion', 'deportasionn')).toBe(false);
    expect(correct('finaza')).toBe('fianza');
    expect(correct('apeal')).toBe('appeal');
    expect(correct('numbr')).toBe('number');
  });

  it('reads a slip on top of the sound only in a long word', () => {
    expect(correct('imigrasion')).toMatch(/^i[nm]?migra[ct]ion$/);
    expect(correct('weather')).toBeUndefined();
  });

  it('leaves short words alone', () => {
    for (const w of ['ves', 'wifi', 'cas', 'bon', 'ice', 'tp']) expect(correct(w)).toBeUndefined();
  });

  it('does not turn unrelated words into legal ones', () => {
    for (const w of [
      'pizza',
      'tamales',
      'football',
      'weather',
      'cumpleanos',
      'telenovela',
      'guitar',
    ])
      expect(correct(w), w).toBeUndefined();
  });

  it('lands only on a word the articles use', () => {
    for (const w of ['deportasion', 'finaza', 'apeal', 'jues']) {
      const fixed = correct(w);
      expect(fixed && surface.has(fixed), w).toBe(true);
    }
  });

  it('reads a stop word spelt by ear as nothing, not as a word no article knows', () => {
    const terms = termsOf(vocabulary);
    for (const w of ['kien', 'aora', 'nesesito']) expect(terms.soundsLikeStopWord(w), w).toBe(true);
    for (const w of ['fianza', 'corte', 'asilo'])
      expect(terms.soundsLikeStopWord(w), w).toBe(false);
    const kb = content().knowledge;
    const figures = (q: string) =>
      kb.candidates(q, 'es', 3).hits.map((h) => [h.article.id, h.nearest, h.coverage]);
    expect(figures('aora q ago con la fianza')).toEqual(figures('ahora que hago con la fianza'));
    expect(figures('kien me ayuda con la fianza')).toEqual(figures('quien me ayuda con la fianza'));
  });
});
