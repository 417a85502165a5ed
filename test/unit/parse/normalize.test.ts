import { describe, expect, it } from 'vitest';
import {
  foldWords,
  hasQuestionMark,
  isSkip,
  NOT_PARSED,
  normalize,
  normalizeKey,
  parsed,
} from '../../../functions/core/parse/normalize';

describe('normalize', () => {
  it.each([
    ['Sí', 'si'],
    ['¡Sí!', 'si'],
    ['  ¡Sí, CLARO!  ', 'si, claro'],
    ['¿No?', 'no'],
    ['Mañana', 'manana'],
    ['Nicaragüense', 'nicaraguense'],
    ['MÉXICO', 'mexico'],
    ['Ça va', 'ca va'],
    ['I don’t know', "i don't know"],
    ['“yes”', 'yes'],
    ['yes   please', 'yes please'],
    ['line\none', 'line one'],
    ['(maybe)', 'maybe'],
    ['yes...', 'yes'],
    ['👍', '👍'],
    ['', ''],
    ['  ', ''],
  ])('folds %j to %j', (text, value) => {
    expect(normalize(text)).toBe(value);
  });

  it('keeps punctuation inside the answer', () => {
    expect(normalize('a-123-456-789')).toBe('a-123-456-789');
    expect(normalize('maria@example.com.')).toBe('maria@example.com');
  });

  it('drops apostrophes for phrase keys', () => {
    expect(normalizeKey('I don’t know')).toBe('i dont know');
  });
});

describe('isSkip', () => {
  it.each([
    'skip',
    'Skip',
    'SKIP!',
    'saltar',
    'omitir',
    'pass',
    'next',
    'siguiente',
    "I don't know",
    'I don’t know',
    'dont know',
    'idk',
    'not sure',
    'no sé',
    'No se',
    'no lo sé',
    'prefer not to say',
    'prefiero no decir',
    'n/a',
    'N/A',
  ])('treats %j as a skip', (text) => {
    expect(isSkip(text)).toBe(true);
  });

  it.each([
    'ninguno',
    'none',
    'no',
    'yes',
    'nada',
    'skip to the end of the story, he was detained',
    'I know',
    'se',
    '',
  ])('does not treat %j as a skip', (text) => {
    expect(isSkip(text)).toBe(false);
  });
});

describe('hasQuestionMark', () => {
  it.each([
    ['what?', true],
    ['¿qué es', true],
    ['yes', false],
  ])('says %j has a question mark: %s', (text, value) => {
    expect(hasQuestionMark(text)).toBe(value);
  });
});

describe('ParseResult helpers', () => {
  it('builds the success and failure shapes', () => {
    expect(parsed('yes')).toEqual({ ok: true, value: 'yes' });
    expect(NOT_PARSED).toEqual({ ok: false });
  });
});

describe('the quick paths of folding', () => {
  it.each([
    ['Plain ASCII, `quoted`!', "plain ascii, 'quoted"],
    ['  ¡Sí!  ', 'si'],
    ['Κάτι άλλο', 'κατι αλλο'],
    ['thumbs 👍🏽 up', 'thumbs 👍🏽 up'],
    ['❤️ gracias', '❤ gracias'],
    ['«Ya salió»…', 'ya salio'],
    ['(maybe)', 'maybe'],
    ['...', ''],
  ])('folds %j as the whole fold does: %j', (text, folded) => {
    expect(normalize(text)).toBe(folded);
  });

  it.each([
    ['¿Qué pasó? ¡Lo detuvieron!', 'que paso lo detuvieron'],
    ['straße — 12/18', 'straße 12 18'],
    ['привет, мир', 'привет мир'],
    ["We don't have a lawyer…", 'we dont have a lawyer'],
  ])('keeps the letters and digits of %j, whatever the script', (text, words) => {
    expect(foldWords(text)).toBe(words);
  });
});
