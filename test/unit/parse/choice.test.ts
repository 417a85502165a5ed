import { describe, expect, it } from 'vitest';
import {
  type ChoiceOption,
  parseChoice,
  parseMultiChoice,
} from '../../../functions/core/parse/choice';

const entryManner: ChoiceOption[] = [
  {
    value: 'inspected',
    labels: ['With a visa or other inspection', 'visa', 'Con visa u otra inspección', 'con visa'],
  },
  {
    value: 'without-inspection',
    labels: ['Crossed without inspection', 'Cruzó sin inspección', 'sin inspección', 'sin papeles'],
  },
  { value: 'parole', labels: ['Parole', 'Permiso humanitario (parole)'] },
  { value: 'other', labels: ['Other', 'Otro', 'Otra'] },
];

const usFamily: ChoiceOption[] = [
  { value: 'spouse-usc', labels: ['Spouse who is a US citizen', 'Esposo/a ciudadano/a'] },
  { value: 'spouse-lpr', labels: ['Spouse with a green card', 'Esposo/a con green card'] },
  { value: 'parent-usc', labels: ['Parent who is a US citizen', 'Padre o madre ciudadano/a'] },
  { value: 'parent-lpr', labels: ['Parent with a green card', 'Padre o madre con green card'] },
  { value: 'child-usc', labels: ['Child who is a US citizen', 'Hijo/a ciudadano/a'] },
  { value: 'child-lpr', labels: ['Child with a green card', 'Hijo/a con green card'] },
  { value: 'none', labels: ['None of these', 'None', 'Ninguno', 'Ninguna', 'Nadie'] },
];

const language: ChoiceOption[] = [
  { value: 'en', labels: ['English', 'Inglés'] },
  { value: 'es', labels: ['Spanish', 'Español'] },
  { value: 'other', labels: ['Another language', 'Otro idioma'] },
];

describe('parseChoice', () => {
  it.each([
    ['1', 'inspected'],
    ['2', 'without-inspection'],
    ['2.', 'without-inspection'],
    ['2)', 'without-inspection'],
    ['#2', 'without-inspection'],
    [' 3 ', 'parole'],
    ['option 3', 'parole'],
    ['Opción 3', 'parole'],
    ['opcion numero 4', 'other'],
    ['la 2', 'without-inspection'],
    ['the second', 'without-inspection'],
    ['the second one', 'without-inspection'],
    ['la segunda', 'without-inspection'],
    ['la segunda opción', 'without-inspection'],
    ['2nd', 'without-inspection'],
    ['2do', 'without-inspection'],
    ['2º', 'without-inspection'],
    ['first', 'inspected'],
    ['primera', 'inspected'],
    ['dos', 'without-inspection'],
    ['two', 'without-inspection'],
    ['1️⃣', 'inspected'],
  ])('reads the menu number in %j as %s', (text, value) => {
    expect(parseChoice(text, entryManner)).toEqual({ ok: true, value });
  });

  it.each([
    ['parole', 'parole'],
    ['Parole', 'parole'],
    ['without-inspection', 'without-inspection'],
    ['Crossed without inspection', 'without-inspection'],
    ['sin inspeccion', 'without-inspection'],
    ['Sin inspección', 'without-inspection'],
    ['sin papeles', 'without-inspection'],
    ['visa', 'inspected'],
    ['Con visa', 'inspected'],
    ['otro', 'other'],
    ['Other.', 'other'],
  ])('reads the value or label %j as %s', (text, value) => {
    expect(parseChoice(text, entryManner)).toEqual({ ok: true, value });
  });

  it.each([
    ['I came with a tourist visa', 'inspected'],
    ['entré con visa de turista', 'inspected'],
    ['they gave me parole at the border', 'parole'],
    ['crucé sin papeles', 'without-inspection'],
    ['me dieron permiso humanitario (parole)', 'parole'],
  ])('finds the one label contained in %j', (text, value) => {
    expect(parseChoice(text, entryManner)).toEqual({ ok: true, value });
  });

  it.each([
    ['es', 'es'],
    ['EN', 'en'],
    ['Español', 'es'],
    ['espanol', 'es'],
    ['Otro idioma', 'other'],
  ])('reads the language %j as %s, by value or label in either language', (text, value) => {
    expect(parseChoice(text, language)).toEqual({ ok: true, value });
  });

  it.each([
    ['span', 'es'],
    ['Españ', 'es'],
    ['engl', 'en'],
    ['ingl', 'en'],
  ])('accepts %j as the start of a unique label', (text, value) => {
    expect(parseChoice(text, language)).toEqual({ ok: true, value });
  });

  it.each([
    ['0', entryManner],
    ['5', entryManner],
    ['12', entryManner],
    ['option 9', entryManner],
    ['the fifth', entryManner],
    ['what does parole mean?', entryManner],
    ['¿qué es parole?', entryManner],
    ['visa or parole', entryManner],
    ['1 or 2', entryManner],
    ['1 2', entryManner],
    ['I do not know', entryManner],
    ['banana', entryManner],
    ['e', language],
    ['o', entryManner],
    ['', entryManner],
    ['   ', entryManner],
    ['?', entryManner],
  ])('does not choose from %j', (text, options) => {
    expect(parseChoice(text, options)).toEqual({ ok: false });
  });

  it('is ambiguous when the typed start fits two labels', () => {
    const options: ChoiceOption[] = [
      { value: 'a', labels: ['Spouse'] },
      { value: 'b', labels: ['Spanish'] },
    ];
    expect(parseChoice('sp', options)).toEqual({ ok: false });
    expect(parseChoice('spa', options)).toEqual({ ok: true, value: 'b' });
  });
});

describe('parseMultiChoice', () => {
  const none = { noneValue: 'none' };

  it.each([
    ['1', ['spouse-usc']],
    ['1, 5', ['spouse-usc', 'child-usc']],
    ['1,5', ['spouse-usc', 'child-usc']],
    ['5 y 1', ['spouse-usc', 'child-usc']],
    ['1 and 5', ['spouse-usc', 'child-usc']],
    ['1 5', ['spouse-usc', 'child-usc']],
    ['1 3 5', ['spouse-usc', 'parent-usc', 'child-usc']],
    ['1; 2', ['spouse-usc', 'spouse-lpr']],
    ['1 & 6', ['spouse-usc', 'child-lpr']],
    ['3, 3, 3', ['parent-usc']],
    ['7', ['none']],
    ['none', ['none']],
    ['Ninguno', ['none']],
    ['nadie', ['none']],
    ['spouse-usc, child-lpr', ['spouse-usc', 'child-lpr']],
    ['Esposo/a ciudadano/a y Hijo/a con green card', ['spouse-usc', 'child-lpr']],
    ['Child who is a US citizen and Spouse with a green card', ['spouse-lpr', 'child-usc']],
    ['1, y hijo/a ciudadano/a', ['spouse-usc', 'child-usc']],
  ])('reads %j as %j', (text, values) => {
    expect(parseMultiChoice(text, usFamily, none)).toEqual({ ok: true, value: values });
  });

  it('keeps a label that contains "y" whole when its parts mean nothing alone', () => {
    const options: ChoiceOption[] = [
      { value: 'both', labels: ['Padre y madre'] },
      { value: 'one', labels: ['Solo uno'] },
    ];
    expect(parseMultiChoice('padre y madre', options)).toEqual({ ok: true, value: ['both'] });
  });

  it.each(['1, 7', 'none and 2', 'ninguno y 3'])(
    'refuses %j because "none" cannot come with other choices',
    (text) => {
      expect(parseMultiChoice(text, usFamily, none)).toEqual({ ok: false });
    },
  );

  it.each(['1, 9', '0', '1 and banana', 'what is a green card?', '', 'y', ',', '13'])(
    'does not read %j',
    (text) => {
      expect(parseMultiChoice(text, usFamily, none)).toEqual({ ok: false });
    },
  );
});

describe('"I don\'t understand" is no choice', () => {
  const aboutSelf: ChoiceOption[] = [
    { value: 'yes', labels: ['yes', 'Me', 'Yo'] },
    { value: 'no', labels: ['no', 'Someone else', 'Otra persona'] },
  ];

  it('does not read "no entiendo la pregunta" as the option "no"', () => {
    expect(parseChoice('no entiendo la pregunta', aboutSelf).ok).toBe(false);
    expect(parseChoice('I dont understand the question', aboutSelf).ok).toBe(false);
    expect(parseChoice('no, otra persona', aboutSelf)).toEqual({ ok: true, value: 'no' });
  });
});
