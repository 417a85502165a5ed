/**
 * The knowledge index from articles read at build time (content.json's `knowledgeIndex`) is the
 * same index as one built by reading them at start: the same answers with the same scores to
 * every evaluation question; an analysis of other articles, or made with another vocabulary, is
 * refused.
 */
import { describe, expect, it } from 'vitest';
import { readContentInputs } from '../../functions/adapters/content-files';
import { analyzeArticles, buildKnowledgeBase } from '../../functions/core/knowledge/search';
import { loadEvalSet } from '../knowledge/evaluate';

const { articles, vocabulary } = readContentInputs({ root: process.cwd() });

describe('a precomputed knowledge analysis', () => {
  it('builds an index that answers every evaluation question exactly as a fresh one', () => {
    const fresh = buildKnowledgeBase(articles, vocabulary);
    // Through JSON, as content.json carries it.
    const analysis = JSON.parse(JSON.stringify(analyzeArticles(articles, vocabulary)));
    const shipped = buildKnowledgeBase(articles, JSON.parse(JSON.stringify(vocabulary)), analysis);
    const questions = loadEvalSet().questions;
    expect(questions.length).toBeGreaterThan(200);
    for (const { q, lang } of questions) {
      const a = fresh.search(q, lang).map((h) => [h.article.id, h.score]);
      const b = shipped.search(q, lang).map((h) => [h.article.id, h.score]);
      expect(b, q).toEqual(a);
    }
  });

  it('is refused when it was made from other articles', () => {
    const fewer = analyzeArticles(articles.slice(2), vocabulary);
    expect(() => buildKnowledgeBase(articles, vocabulary, fewer)).toThrow(/other articles/);
    const edited = articles.map((a, i) =>
      i === 0 ? { ...a, questions: [...a.questions, 'x'] } : a,
    );
    expect(() =>
      buildKnowledgeBase(edited, vocabulary, analyzeArticles(articles, vocabulary)),
    ).toThrow(/other articles/);
  });

  it('is refused when it was made with another vocabulary', () => {
    const analysis = analyzeArticles(articles, vocabulary);
    // One word more: "bail bond" would now fold to bond.
    const added = {
      ...vocabulary,
      synonyms: {
        ...vocabulary.synonyms,
        bond: [...(vocabulary.synonyms.bond ?? []), 'bail bond'],
      },
    };
    expect(() => buildKnowledgeBase(articles, added, analysis)).toThrow(/another vocabulary/);
    // The same groups in another order are another vocabulary: the first group to claim a stem
    // shared by two of them gets it.
    const { lawyer, ...others } = vocabulary.synonyms;
    const reordered = { ...vocabulary, synonyms: { ...others, lawyer: lawyer ?? [] } };
    expect(() => buildKnowledgeBase(articles, reordered, analysis)).toThrow(/another vocabulary/);
    expect(() => buildKnowledgeBase(articles, vocabulary, analysis)).not.toThrow();
  });
});
