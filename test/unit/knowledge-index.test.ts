/**
 * The knowledge index from articles read (and the classifier trained) at build time
 * (content.json's `knowledgeIndex`) is the same index as one built by reading them at start: the
 * same answers with the same scores to every evaluation question; an analysis of other articles,
 * made with another vocabulary or from other labelled questions, is refused.
 */
import { describe, expect, it } from 'vitest';
import { readContentInputs } from '../../functions/adapters/content-files';
import { fingerprint } from '../../functions/core/knowledge/analysis';
import { analyzeArticles, buildKnowledgeBase } from '../../functions/core/knowledge/search';
import { loadEvalSet } from '../knowledge/evaluate';

const { articles, vocabulary, questions } = readContentInputs({ root: process.cwd() });
const sources = { articles, vocabulary, questions };
// Read and trained once (a second or so); the refusals below only need another fingerprint.
const analysis = analyzeArticles(sources);

describe('a precomputed knowledge analysis', () => {
  it('builds an index that answers every evaluation question exactly as a fresh one', () => {
    const fresh = buildKnowledgeBase(sources, analysis);
    // Through JSON, as content.json carries it.
    const shipped = buildKnowledgeBase(
      JSON.parse(JSON.stringify(sources)),
      JSON.parse(JSON.stringify(analysis)),
    );
    const questions = loadEvalSet().questions;
    expect(questions.length).toBeGreaterThan(200);
    for (const { q, lang } of questions) {
      const a = fresh.search(q, lang).map((h) => [h.article.id, h.score]);
      const b = shipped.search(q, lang).map((h) => [h.article.id, h.score]);
      expect(b, q).toEqual(a);
    }
  });

  it('is refused when it was made from other articles', () => {
    const fewer = { ...analysis, source: fingerprint({ ...sources, articles: articles.slice(2) }) };
    expect(() => buildKnowledgeBase(sources, fewer)).toThrow(/other articles/);
    const edited = articles.map((a, i) =>
      i === 0 ? { ...a, questions: [...a.questions, 'x'] } : a,
    );
    expect(() => buildKnowledgeBase({ ...sources, articles: edited }, analysis)).toThrow(
      /other articles/,
    );
  });

  it('is refused when it was made with another vocabulary', () => {
    // One word more: "bail bond" would now fold to bond.
    const added = {
      ...vocabulary,
      synonyms: {
        ...vocabulary.synonyms,
        bond: [...(vocabulary.synonyms.bond ?? []), 'bail bond'],
      },
    };
    expect(() => buildKnowledgeBase({ ...sources, vocabulary: added }, analysis)).toThrow(
      /another vocabulary/,
    );
    // The same groups in another order are another vocabulary: the first group to claim a stem
    // shared by two of them gets it.
    const { lawyer, ...others } = vocabulary.synonyms;
    const reordered = { ...vocabulary, synonyms: { ...others, lawyer: lawyer ?? [] } };
    expect(() => buildKnowledgeBase({ ...sources, vocabulary: reordered }, analysis)).toThrow(
      /another vocabulary/,
    );
    expect(() => buildKnowledgeBase(sources, analysis)).not.toThrow();
  });

  it('is refused when its classifier was trained on other labelled questions', () => {
    const more = [
      ...questions,
      { q: 'how do i appeal a parking ticket', lang: 'en' as const, expect: 'none' as const },
    ];
    expect(() => buildKnowledgeBase({ ...sources, questions: more }, analysis)).toThrow(
      /other labelled questions/,
    );
  });
});
