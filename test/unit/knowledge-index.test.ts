/**
 * The knowledge index from articles read at build time (content.json's `knowledgeIndex`) is the
 * same index as one built by reading them at start: the same answers with the same scores to
 * every evaluation question; an analysis of other articles is refused.
 */
import { describe, expect, it } from 'vitest';
import { readContentInputs } from '../../functions/adapters/content-files';
import { analyzeArticles, buildKnowledgeBase } from '../../functions/core/knowledge/search';
import { loadEvalSet } from '../knowledge/evaluate';

const { articles } = readContentInputs({ root: process.cwd() });

describe('a precomputed knowledge analysis', () => {
  it('builds an index that answers every evaluation question exactly as a fresh one', () => {
    const fresh = buildKnowledgeBase(articles);
    // Through JSON, as content.json carries it.
    const analysis = JSON.parse(JSON.stringify(analyzeArticles(articles)));
    const shipped = buildKnowledgeBase(articles, analysis);
    const questions = loadEvalSet().questions;
    expect(questions.length).toBeGreaterThan(200);
    for (const { q, lang } of questions) {
      const a = fresh.search(q, lang).map((h) => [h.article.id, h.score]);
      const b = shipped.search(q, lang).map((h) => [h.article.id, h.score]);
      expect(b, q).toEqual(a);
    }
  });

  it('is refused when it was made from other articles', () => {
    const fewer = analyzeArticles(articles.slice(2));
    expect(() => buildKnowledgeBase(articles, fewer)).toThrow(/other articles/);
    const edited = articles.map((a, i) =>
      i === 0 ? { ...a, questions: [...a.questions, 'x'] } : a,
    );
    expect(() => buildKnowledgeBase(edited, analyzeArticles(articles))).toThrow(/other articles/);
  });
});
