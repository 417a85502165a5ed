/**
 * Figure 8: understanding one message, warm: every first message of test/understanding/tune.yaml
 * read afresh (parse/reading.ts) and read for its story (understand/story.ts, which scores the
 * matter by meaning with understand/choose.ts), one warm-up pass then several timed passes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Content } from '../functions/core/content';
import type { Language } from '../functions/core/flow';
import { read } from '../functions/core/parse/reading';
import { readStory } from '../functions/core/understand/story';
import { type Latency, latency } from './stats';

export interface UnderstandingFigure {
  messages: number;
  passes: number;
  perMessage: Latency;
}

export function understandingFigure(
  root: string,
  content: Content,
  passes = 4,
): UnderstandingFigure {
  const set = parse(readFileSync(join(root, 'test', 'understanding', 'tune.yaml'), 'utf8')) as {
    today: string;
    stories: { text: string; lang: Language }[];
  };
  const today = String(set.today);
  for (const { text, lang } of set.stories) readStory(content, read(text), today, lang);
  const samples: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const { text, lang } of set.stories) {
      const started = performance.now();
      readStory(content, read(text), today, lang);
      samples.push(performance.now() - started);
    }
  }
  return { messages: set.stories.length, passes, perMessage: latency(samples, 4) };
}
