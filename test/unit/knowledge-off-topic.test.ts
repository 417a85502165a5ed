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
