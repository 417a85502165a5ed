import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../../functions/core/parse/yesno';

const all = { unsure: true, preferNot: true };

describe('parseYesNo', () => {
  it.each([
    'yes',
    'Yes',
    'YES!',
    'y',
    'Y',
    'yeah',
    'yep',
    'yup',
    'yesss',
    'sure',
    'ok',
    'Okay',
    'of course',
    'correct',
    'right',
    'true',
    '👍',
    '👍🏽',
    '✅',
    'yes please',
    'I agree',
    'si',
    'sí',
    'Sí',
    '¡Sí!',
    'SI',
    'siii',
    'si si',
    'claro',
    'Claro que sí',
    'por supuesto',
    'sip',
    'afirmativo',
    'si por favor',
    'acepto',
    'de acuerdo',
    'está bien',
    'esta bien',
    'vale',
    'creo que sí',
    'pues sí',
    'um, yes',
    'yes he is',
    'Sí, está detenido',
    'sí, claro',
    'yes, no problem',
    'I am',
  ])('reads %j as yes', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: 'yes' });
  });

  it.each([
    'no',
    'No',
    'NO.',
    'n',
    'nope',
    'nah',
    'noooo',
    'no thanks',
    'negative',
    'no gracias',
    'para nada',
    'nunca',
    'never',
    'not',
    'not yet',
    'todavía no',
    'claro que no',
    'of course not',
    '👎',
    'No, nunca',
    'no, he is not',
    'No tengo abogado',
    'no, pero tengo una cita',
    "I don't think so",
    'creo que no',
    'bueno, no',
  ])('reads %j as no', (text) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: 'no' });
  });

  it.each([
    'not sure',
    'unsure',
    "I don't know",
    'I don’t know',
    'i dont know',
    'idk',
    'maybe',
    'no sé',
    'No se',
    'no lo sé',
    'tal vez',
    'quizás',
    'quizas',
    'no estoy seguro',
    'No estoy segura',
    'ni idea',
    'no me acuerdo',
    'no sé si está detenido',
    'no sé, no contesta el teléfono',
    'creo que sí pero no estoy segura',
    "I think so, he hasn't called since yesterday",
  ])('reads %j as unsure when the question allows it', (text) => {
    expect(parseYesNo(text, { unsure: true })).toEqual({ ok: true, value: 'unsure' });
  });

  it('reads a guessed yes as yes where the question does not allow unsure', () => {
    expect(parseYesNo('creo que sí, pero no estoy segura')).toEqual({ ok: false });
    expect(parseYesNo('creo que sí')).toEqual({ ok: true, value: 'yes' });
    expect(parseYesNo('I think so', { unsure: true })).toEqual({ ok: true, value: 'yes' });
  });

  it.each(['no sé', 'no se', 'no lo sé', "I don't know", 'maybe', 'tal vez', 'not sure'])(
    'never reads %j as no when the question does not allow unsure',
    (text) => {
      expect(parseYesNo(text)).toEqual({ ok: false });
    },
  );

  it.each([
    'prefer not to say',
    "I'd rather not say",
    'prefiero no decir',
    'Prefiero no contestar',
    'no quiero contestar',
  ])('reads %j as prefer-not when the question allows it', (text) => {
    expect(parseYesNo(text, { preferNot: true })).toEqual({ ok: true, value: 'prefer-not' });
  });

  it.each(['prefer not to say', 'prefiero no decir', 'no quiero contestar'])(
    'refuses %j when the question does not allow prefer-not',
    (text) => {
      expect(parseYesNo(text, { unsure: true })).toEqual({ ok: false });
    },
  );

  it.each([
    'what?',
    '¿Qué?',
    'what is an A number?',
    'no entiendo',
    "I don't understand",
    'no comprendo',
    'yes and no',
    'sí y no',
    'si, no',
    'no, no sé',
    'yes? what does this mean',
    'ok, what happens next?',
    'sí, ¿qué es eso?',
    'no sé qué es eso',
    '1',
    '2',
    'none',
    'ninguno',
    'I am asking for my brother',
    'y luego que',
    'hello',
    'hola',
    '',
    '   ',
    '?',
  ])('does not take %j as an answer', (text) => {
    expect(parseYesNo(text, all)).toEqual({ ok: false });
  });
});
