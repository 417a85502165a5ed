/**
 * Off-topic words (knowledge/vocabulary.yaml offTopic) and the articles that ask about them: an
 * article many of whose phrasings ask about one has it as its subject and answers it alone; an
 * article that asks about one on the side answers only a question that also says something else
 * it covers.
 */
import { describe, expect, it } from 'vitest';
import { content } from '../helpers/content';

const top = (q: string, lang: 'en' | 'es') =>
  content().knowledge.search(q, lang)[0]?.article.id ?? 'none';

describe('an off-topic word an article asks about', () => {
  it('is answered alone by the article whose subject it is', () => {
    expect(top('can i vote', 'en')).toBe('false-claims-and-voting');
    expect(top('puedo votar', 'es')).toBe('false-claims-and-voting');
  });

  it('is answered with the rest of the question by an article that asks about it on the side', () => {
    expect(top('can i get a social security number with my work permit', 'en')).toBe(
      'work-permits',
    );
  });

  it('is not answered alone by an article that asks about it on the side', () => {
    expect(top('como saco el seguro social', 'es')).toBe('none');
    expect(top('how do i get a social security card', 'en')).toBe('none');
  });
});

describe('a question that is not deportation defense', () => {
  it('gets no answer even when it names a word the articles use', () => {
    // Renewing the card itself (form I-90), pay a boss owes, a birth certificate from home,
    // family abroad coming to visit, school, classes: off topic in knowledge/vocabulary.yaml.
    expect(top('my green card expires soon how do i renew the card', 'en')).toBe('none');
    expect(top('my boss didnt pay me last week', 'en')).toBe('none');
    expect(top('me dijo el patron q ya no me quiere pagar', 'es')).toBe('none');
    expect(top('necesito una copia de mi acta de nacimiento', 'es')).toBe('none');
    expect(top('my parents want to visit me from mexico', 'en')).toBe('none');
    expect(top('mi hijo sufre bullying en la escuela', 'es')).toBe('none');
    expect(top('where can i take english classes', 'en')).toBe('none');
  });

  it('gets no answer when the off-topic matter is told with who it is for', () => {
    // Words of who (my cousin, his mom) make a message no longer: the visa is still the question.
    expect(
      top('mi prima en honduras quiere sacar visa de turista para venir a mi graduacion', 'es'),
    ).toBe('none');
    expect(top('my aunt in peru wants a tourist visa to come to my graduation', 'en')).toBe('none');
  });

  it('is still answered where an article asks about it: forced work without pay', () => {
    expect(top('my boss took my passport and makes me work without pay', 'en')).toBe('t-visa');
    expect(top('can my kids visit me if im detained', 'en')).toBe('children-plan');
  });
});

describe('other matters people bring to an immigration firm', () => {
  it('gets no answer: wills and inheritance, debts and bankruptcy', () => {
    expect(top('mi papa murio y dejo una casa en mexico como la heredo', 'es')).toBe('none');
    expect(top('my mom died without a will, what happens to her house', 'en')).toBe('none');
    expect(top('tengo muchas deudas de tarjetas, me conviene declararme en bancarrota', 'es')).toBe(
      'none',
    );
    expect(top('debt collectors keep calling me', 'en')).toBe('none');
    expect(top('how do i file chapter 7 bankruptcy', 'en')).toBe('none');
  });

  it('gets no answer: injuries, malpractice and medical bills', () => {
    expect(top('necesito un abogado de accidentes', 'es')).toBe('none');
    expect(top('i slipped and fell at walmart', 'en')).toBe('none');
    expect(top('el doctor se equivoco en mi cirugia', 'es')).toBe('none');
    expect(top('tengo cuentas medicas muy grandes', 'es')).toBe('none');
  });

  it('gets no answer: rights at work, a business, consumer scams', () => {
    expect(top('my boss fired me because i was pregnant', 'en')).toBe('none');
    expect(top('me discriminan en el trabajo por ser latina', 'es')).toBe('none');
    expect(top('how do i get a business license', 'en')).toBe('none');
    expect(top('como registro mi compañia', 'es')).toBe('none');
    expect(top('someone stole my identity', 'en')).toBe('none');
    expect(top('i got scammed online', 'en')).toBe('none');
  });

  it('gets no answer: a wedding, a translation, a consulate, a visa to work, the dollar', () => {
    expect(top('que necesito para casarme en el civil', 'es')).toBe('none');
    expect(top('can you translate my document', 'en')).toBe('none');
    expect(
      top(
        'quiero registrar a mi bebe nacido aqui en el consulado pa q tenga doble nacionalidad',
        'es',
      ),
    ).toBe('none');
    expect(top('can i get a work visa', 'en')).toBe('none');
    expect(top('cuanto esta el dolar hoy', 'es')).toBe('none');
    expect(top('hay ratas en el apartamento y el manager no hace nada', 'es')).toBe('none');
    expect(top('mi mica se vence en 2 meses como la renuevo', 'es')).toBe('none');
    expect(top('me robaron la cartera con mi mica', 'es')).toBe('none');
  });

  it('gets no answer: thanks, blessings and compliments ("bonito" is no misspelling of bond)', () => {
    expect(top('q bonito dia dios los bendiga', 'es')).toBe('none');
    expect(top('dios les pague', 'es')).toBe('none');
    expect(top('thanks for the info', 'en')).toBe('none');
    expect(top('gracias licenciada que dios la bendiga', 'es')).toBe('none');
    expect(top('you guys are amazing', 'en')).toBe('none');
    expect(top('ya entendi gracias', 'es')).toBe('none');
  });

  it('is still answered where the matter is part of an immigration question', () => {
    // An accident told around a missed hearing, a debt to a smuggler, a raid at a business,
    // someone hurt (herido, not heredó) in a crime.
    expect(
      top(
        'i missed my hearing last week because i was hit by a car and was in the hospital, what can i do',
        'en',
      ),
    ).toBe('missed-hearing');
    expect(top('tengo una deuda con el coyote y me amenaza', 'es')).toBe('t-visa');
    expect(top('ice raided the business where i work', 'en')).toBe('stopped-by-ice');
    expect(top('detencion obligatoria por un delito donde alguien salio herido grave', 'es')).toBe(
      'mandatory-detention',
    );
  });
});
