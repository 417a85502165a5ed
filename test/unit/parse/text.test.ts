import { describe, expect, it } from 'vitest';
import { parseName, parseText } from '../../../functions/core/parse/text';

describe('parseText', () => {
  it.each([
    ['Otay Mesa', 'Otay Mesa'],
    ['  Otay Mesa Detention Center  ', 'Otay Mesa Detention Center'],
    ['Centro de detención de Adelanto', 'Centro de detención de Adelanto'],
    ['San Diego', 'San Diego'],
    ['Krome\n', 'Krome'],
    ['1', '1'],
    ['José Pérez y su hermano', 'José Pérez y su hermano'],
  ])('keeps %j as %j', (text, value) => {
    expect(parseText(text)).toEqual({ ok: true, value });
  });

  it('accepts exactly the maximum length, counting an accented letter once', () => {
    const text = 'é'.repeat(200);
    expect(parseText(text)).toEqual({ ok: true, value: text });
  });

  it('refuses text over the maximum (200 by default)', () => {
    expect(parseText('a'.repeat(201))).toEqual({ ok: false });
  });

  it('uses the given limits', () => {
    expect(parseText('abc', { min: 4 })).toEqual({ ok: false });
    expect(parseText('abcd', { min: 4 })).toEqual({ ok: true, value: 'abcd' });
    expect(parseText('abcdef', { max: 5 })).toEqual({ ok: false });
  });

  it.each(['', '   ', '\n', '...', '?', '¿?', '!!!'])(
    'refuses %j, which has no letter or digit',
    (text) => {
      expect(parseText(text)).toEqual({ ok: false });
    },
  );
});

describe('parseName', () => {
  it.each([
    ['María López', 'María López'],
    ['  maria lopez  ', 'maria lopez'],
    ['My name is Maria Lopez', 'Maria Lopez'],
    ['my name is maria', 'maria'],
    ["My name's Ana", 'Ana'],
    ['Me llamo María López.', 'María López'],
    ['me llamo jose', 'jose'],
    ['Mi nombre es José Hernández', 'José Hernández'],
    ['Soy Ana Gómez', 'Ana Gómez'],
    ['Yo soy Ana', 'Ana'],
    ["I'm Carlos", 'Carlos'],
    ['I’m Carlos', 'Carlos'],
    ['I am Carlos Ruiz', 'Carlos Ruiz'],
    ['His name is Juan Pérez', 'Juan Pérez'],
    ['Se llama Juan Pérez', 'Juan Pérez'],
    ['Su nombre es Juan', 'Juan'],
    ['Hola, me llamo Rosa', 'Rosa'],
    ['Nombre: Rosa María', 'Rosa María'],
    ["Sinéad O'Connor", "Sinéad O'Connor"],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['Jean-Baptiste', 'Jean-Baptiste'],
    ['"Lupe"', 'Lupe'],
  ])('reads %j as %j', (text, value) => {
    expect(parseName(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'nothing'],
    ['   ', 'nothing'],
    ['my name is', 'only the lead-in'],
    ['me llamo', 'only the lead-in'],
    ['My name is.', 'only the lead-in'],
    ['Soy', 'only the lead-in'],
    ['...', 'no letter'],
    ['12345', 'no letter'],
    ['why do you need my name?', 'a question'],
    ['¿Para qué quieres mi nombre?', 'a question'],
    ['maria@example.com', 'an email'],
    ['Maria 213 373 4253', 'a phone number'],
    ['a'.repeat(101), 'too long'],
  ])('refuses %j (%s)', (text) => {
    expect(parseName(text)).toEqual({ ok: false });
  });
});
