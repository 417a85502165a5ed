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
