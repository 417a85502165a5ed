/**
 * The knowledge classifier (functions/core/knowledge/classifier.ts): a softmax regression over a
 * question's terms and adjacent pairs, trained on labelled questions; and the real one, trained on
 * the articles' phrasings and knowledge/questions/, as the search uses it.
 */
import { describe, expect, it } from 'vitest';
import {
  type ClassifierModel,
  ClassifierModelSchema,
  classifierOf,
  features,
  type LabelledTerms,
  NONE,
  trainClassifier,
} from '../../functions/core/knowledge/classifier';
import { content } from '../helpers/content';

const examples: LabelledTerms[] = [
  { terms: ['bond', 'cost'], label: 'bond' },
  { terms: ['bond', 'judge'], label: 'bond' },
  { terms: ['bond', 'pay'], label: 'bond' },
  { terms: ['asylum', 'deadline'], label: 'asylum' },
  { terms: ['asylum', 'year'], label: 'asylum' },
  { terms: ['asylum', 'fear'], label: 'asylum' },
  { terms: ['divorce', 'judge'], label: NONE },
  { terms: ['taxes', 'pay'], label: NONE },
  { terms: ['weather'], label: NONE },
];

const likeliest = (model: ClassifierModel, terms: string[]) =>
  [...classifierOf(model).probabilities(terms)].sort((a, b) => b[1] - a[1])[0]?.[0];

describe('the knowledge classifier', () => {
  it('reads a question as its distinct terms, their adjacent pairs and a bias', () => {
    expect(features(['spouse', 'detain', 'spouse'])).toEqual([
      'spouse',
      'detain',
      'spouse detain',
      '',
    ]);
  });

  it('learns which words tell one label from the others', () => {
    const model = trainClassifier(examples);
    expect(model.labels).toEqual(['bond', 'asylum', NONE]);
    expect(likeliest(model, ['bond'])).toBe('bond');
    expect(likeliest(model, ['asylum', 'judge'])).toBe('asylum');
    expect(likeliest(model, ['divorce'])).toBe(NONE);
    expect(likeliest(model, ['taxes', 'cost'])).toBe(NONE);
  });

  it('gives probabilities that add up to one, every label included', () => {
    const p = classifierOf(trainClassifier(examples)).probabilities(['bond', 'fear']);
    expect([...p.keys()].sort()).toEqual(['asylum', 'bond', NONE]);
    expect([...p.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('trains the same model from the same examples, and the model survives JSON', () => {
    const a = trainClassifier(examples);
    const b = trainClassifier(examples);
    expect(b).toEqual(a);
    expect(ClassifierModelSchema.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
  });

  it('reads words it never saw as nothing: the prior alone', () => {
    const model = classifierOf(trainClassifier(examples));
    expect(model.probabilities(['zzz'])).toEqual(model.probabilities([]));
  });
});

describe("the real classifier, trained on the articles' phrasings and the labelled questions", () => {
  const kb = content().knowledge;
  const none = (q: string, lang: 'en' | 'es') => kb.candidates(q, lang).none;

  it('finds "none" likeliest for questions about other matters', () => {
    for (const [q, lang] of [
      ['how do i file for divorce', 'en'],
      ['cuanto cobran por un testamento', 'es'],
      ['q bonito dia dios los bendiga', 'es'],
    ] as const) {
      const { hits } = kb.candidates(q, lang);
      const best = Math.max(0, ...hits.map((h) => h.probability));
      expect(none(q, lang), q).toBeGreaterThan(best);
      expect(kb.search(q, lang), q).toEqual([]);
    }
  });

  it('finds the article likeliest for a question in the words people use', () => {
    const { hits } = kb.candidates('como pago la fianza de mi esposo', 'es');
    expect(hits[0]?.article.id).toBe('bond-hearings');
    expect(hits[0]?.probability).toBeGreaterThan(0.5);
  });
});
