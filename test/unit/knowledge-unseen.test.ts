/**
 * Questions the way a fresh blind set asks them, whose words the articles' phrasings never used:
 * other forms of a verb, words that name something already known (an illness, a country, a US
 * state), off-topic matters that share a word with an article (custody of children, a visa for
 * family abroad), and the rule that picks the answer when the best-scoring article explains only
 * part of the question.
 */
import { describe, expect, it } from 'vitest';
import { readContentInputs } from '../../functions/adapters/content-files';
import { confidentHits, type Hit } from '../../functions/core/knowledge/search';
import { readings } from '../../functions/core/knowledge/stem';
import { termsOf } from '../../functions/core/knowledge/terms';
import { content } from '../helpers/content';

const { vocabulary } = readContentInputs({ root: process.cwd() });
const { terms } = termsOf(vocabulary);

const top = (q: string, lang: 'en' | 'es') =>
  content().knowledge.search(q, lang)[0]?.article.id ?? 'none';

describe('other forms of a known word', () => {
  it('reads the "g" forms of tener, poner, salir as the verb ("detengan", "salgo")', () => {
    expect(readings('detengan')).toContain('detener');
    expect(terms('tengo miedo q me detengan', 'es')).toEqual(['fear', 'detain']);
    expect(top('tengo cita con ICE la otra semana y tengo miedo q me detengan alla', 'es')).toMatch(
      /^(check-in-arrests|ice-check-ins)$/,
    );
  });

  it('does not read a three-letter root alone as a word ("irse" is not the IRS)', () => {
    expect(readings('irse')).not.toContain('irs');
    expect(terms('pa irse sola', 'es')).toEqual(['leave']);
  });
});

describe('words read as what they mean here, not as a nearby word', () => {
  it('reads carrying papers as carrying, not as a criminal charge ("cargos")', () => {
    expect(terms('q papeles tengo que cargar', 'es')).toContain('carry');
    expect(terms('q papeles tengo que cargar', 'es')).not.toContain('crime');
    expect(terms('le quitaron los cargos', 'es')).toContain('crime');
    expect(top('q papeles tengo que cargar si salgo a la calle', 'es')).toMatch(
      /^(stopped-by-ice|alien-registration)$/,
    );
  });

  it('reads a "denuncia" made as a report to the police', () => {
    expect(terms('pusimos una denuncia', 'es')).toEqual(
      expect.arrayContaining(['report', 'police']),
    );
    expect(top('pusimos una denuncia porque nos asaltaron, nos sirve para los papeles', 'es')).toBe(
      'u-visa',
    );
  });
});

describe('the confidence rule over the two readers', () => {
  const hit = (id: string, score: number, probability: number, nearest: number, coverage: number) =>
    ({ article: { id }, score, probability, nearest, coverage }) as unknown as Hit;
  const ids = (hits: Hit[], none: number) => confidentHits({ hits, none }).map((h) => h.article.id);

  it('answers with the best when an article is likelier than none and explains enough', () => {
    expect(ids([hit('a', 6, 0.6, 5, 0.8), hit('b', 3, 0.2, 5, 0.8)], 0.1)).toEqual(['a', 'b']);
  });

  it('shows no runner-up far less relevant than the best', () => {
    expect(ids([hit('a', 8, 0.8, 5, 0.8), hit('b', 1, 0.05, 3, 0.8)], 0.1)).toEqual(['a']);
  });

  it('is none when "none" is likelier than every article', () => {
    expect(ids([hit('a', 4, 0.35, 5, 0.8)], 0.5)).toEqual([]);
  });

  it('is none when no article is likely enough', () => {
    expect(ids([hit('a', 3, 0.25, 5, 0.8), hit('b', 3, 0.2, 5, 0.8)], 0.1)).toEqual([]);
  });

  it('is none when the best explains too little of the question, however likely', () => {
    // "how much child support will i have to pay": the price of a consultation, by its words
    // "how much" and "pay", and nothing of the child support.
    expect(ids([hit('a', 8, 0.95, 5, 0.38)], 0.05)).toEqual([]);
  });

  it('answers a question asked almost as one of the phrasings, whatever the classifier says', () => {
    expect(ids([hit('a', 5, 0.29, 9, 1), hit('b', 0.4, 0, 1, 1)], 0.42)).toEqual(['a']);
    expect(ids([hit('a', 5, 0.29, 6, 1)], 0.42)).toEqual([]);
  });

  it('answers no such question when the classifier is sure it is none ("this is boring")', () => {
    expect(ids([hit('a', 3, 0, 8.9, 1)], 0.92)).toEqual([]);
  });
});

describe('words that name what the articles already know', () => {
  it('reads an illness, the ER and medicine as sickness', () => {
    expect(terms('tiene diabetes y no le dan su medicina', 'es')).toEqual(['sick', 'sick']);
    expect(terms('asthma', 'en')).toEqual(['sick']);
  });

  it('reads a country as a country and a US state as nothing', () => {
    expect(terms('my brother in nigeria', 'en')).toEqual(['sibling', 'country']);
    expect(terms('she moved to ohio', 'en')).toEqual(['move']);
  });

  it('reads "not a lawyer" as the question of who is licensed', () => {
    expect(top('guy at church says he can get me papers for 3000, hes not a lawyer', 'en')).toBe(
      'notario-fraud',
    );
  });

  it('reads "ICE just took" as a detention', () => {
    expect(terms('ICE just took my dad', 'en')).toEqual(['ice', 'detain', 'parent']);
  });
});

describe('an off-topic matter that shares a word with an article', () => {
  it('gets no answer: custody of children, a visa for family abroad, renewing a green card', () => {
    expect(top('el papa de mis hijos no me deja verlos, como peleo la custodia', 'es')).toBe(
      'none',
    );
    expect(top('my ex wont bring the kids back, custody help', 'en')).toBe('none');
    expect(top('how can my brother in nigeria get a visitor visa to come see me', 'en')).toBe(
      'none',
    );
    expect(top('se me vence la tarjeta de residencia, como la renuevo', 'es')).toBe('none');
    expect(top('mi hijo se porta mal en la escuela q hago', 'es')).toBe('none');
    expect(top('can my employer sponsor me for a green card', 'en')).toBe('none');
    expect(top('mi jefe me quiere pagar menos por no tener papeles', 'es')).toBe('none');
  });

  it('is still answered where an article asks about it', () => {
    expect(top('who will have custody of my children if ice deports me', 'en')).toBe(
      'children-plan',
    );
    expect(top('i overstayed my tourist visa, can i fix my papers', 'en')).toBe(
      'unlawful-presence-bars',
    );
  });
});

describe('more words the articles mean', () => {
  it('reads a power of attorney for the children as the plan for them', () => {
    expect(terms('poder notarial pa mis hijos', 'es')).toEqual(['powerofattorney', 'child']);
    expect(top('poder notarial pa mis hijos por si me deportan, como se hace', 'es')).toBe(
      'children-plan',
    );
  });

  it('reads the ER as a hospital, in English only', () => {
    expect(top('scared to take my baby to the ER, can immigration go in there', 'en')).toBe(
      'sensitive-locations',
    );
  });

  it('reads driving without a licence as an offence, not a licence question', () => {
    expect(terms('la pararon por manejar sin licencia', 'es')).toEqual(['stop', 'drive', 'crime']);
    expect(terms('driving without a license', 'en')).toEqual(['drive', 'crime']);
  });

  it('reads coming alone as a minor, and "mi jefe" as the boss', () => {
    expect(terms('tengo 16 años y vine solo', 'es')).toEqual(['16', 'years', 'minor']);
    expect(top('tengo 16 años y vine solo, hay algo para mi', 'es')).toBe('sijs');
    expect(terms('mi jefe', 'es')).toEqual(['boss']);
  });

  it('reads "icd", a slip for "ice", as ICE', () => {
    expect(top('icd at my door', 'en')).toBe('ice-at-the-door');
  });

  it('reads "hablan" as saying nothing, like "habla"', () => {
    expect(terms('hablan en español', 'es')).toEqual(['spanish']);
  });
});

describe('a long story', () => {
  it('is answered on its telling words though its nearest phrasing is a short question', () => {
    expect(
      top(
        'oiga mi hijo tiene 20 años, vino a los 15 con su tia xq yo lo deje en guatemala con su papa q le pegaba, despues lo traje pa aca. tiene caso en corte. escuche q hay algo pa jovenes, el califica todavia?',
        'es',
      ),
    ).toBe('sijs');
  });

  it('weighs an off-topic word in it like the rest of the story', () => {
    expect(
      top(
        'ok so i got my green card through marriage in 2016, divorced now, i have a shoplifting thing from 2018 that got dismissed. i want to become a citizen so i can vote and sponsor my mom. should i worry about applying',
        'en',
      ),
    ).toBe('naturalization-risks');
  });

  it('but a short off-topic question still gets no answer', () => {
    expect(top('do i have to file taxes if my job pays me cash', 'en')).toBe('none');
  });
});
