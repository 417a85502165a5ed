/**
 * A long message tells a story and ends with its question: the search weighs the terms of its
 * last sentence more (functions/core/knowledge/query.ts `storyQuestion`), so the story's details
 * do not outvote what is asked.
 */
import { describe, expect, it } from 'vitest';
import { storyQuestion } from '../../functions/core/knowledge/query';
import { content } from '../helpers/content';

const story =
  'so my cousin called me crying last night because they stopped her husband on the way to ' +
  'work and now nobody knows anything and the kids keep asking, where can i look up where he is';

describe('a question at the end of a story', () => {
  it('is the last sentence of a long message', () => {
    expect(storyQuestion(story)).toBe(' where can i look up where he is');
  });

  it('is nothing in a short message, or a long one of a single sentence', () => {
    expect(storyQuestion('ice took my dad, what do we do first')).toBeUndefined();
    expect(storyQuestion(story.replace(',', ''))).toBeUndefined();
  });

  it('finds the article for what is asked, not for the story around it', () => {
    expect(content().knowledge.search(story, 'en')[0]?.article.id).toBe('find-detained-person');
  });
});
