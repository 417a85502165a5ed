/**
 * The story reading's words are content (knowledge/story.yaml): validated at load, every pattern
 * compiled once, carried to the Lambda in content.json. A bad table stops the start with the
 * file, the table and what is wrong.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTENT_FILE, loadBundledContent } from '../../../functions/adapters/content-bundle';
import { ContentError, readContentInputs } from '../../../functions/adapters/content-files';
import { read } from '../../../functions/core/parse/reading';
import { readStory } from '../../../functions/core/understand/story';
import {
  compileStoryPhrases,
  StoryPhrasesSchema,
} from '../../../functions/core/understand/story-phrases';
import { buildContentDir } from '../../../infra/content';
import { content } from '../../helpers/content';

const source = readFileSync('knowledge/story.yaml', 'utf8');
const data = () => parse(source);
const issues = (value: unknown): string[] => {
  const result = StoryPhrasesSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('knowledge/story.yaml', () => {
  it('anchors none of the patterns whose places story.ts reads in the words padded with spaces', () => {
    // story.ts takes their places in ` ${words} ` as their places in the words, one on: right only
    // while none of them is anchored to the start or end (a space at either end moves no \b).
    const t = content().story;
    const padded = [t.detain, t.selfDetained, t.tookRelative, t.court, t.checkInDate];
    for (const pattern of [...padded, ...t.arrestSettings.map((s) => s.pattern)])
      expect(pattern.source.replace(/\[\^/g, '['), pattern.source.slice(0, 60)).not.toMatch(
        /\^|\$/,
      );
  });

  it('is valid, and every table is compiled once, when the content is built', () => {
    expect(issues(data())).toEqual([]);
    const story = content().story;
    expect(story.detain).toBeInstanceOf(RegExp);
    expect(story.detain.flags).toBe('');
    expect(story.arrestSettings.map((s) => s.setting)).toContain('court');
  });

  it('writes a list as whole-word alternatives, and fills {relations} and the parts', () => {
    const tables = compileStoryPhrases(StoryPhrasesSchema.parse(data()));
    expect(tables.holdWords.source).toBe(String.raw`\b(?:hold|detainer)\b`);
    expect(tables.tookRelative.test('ice took my hubby')).toBe(true);
    expect(tables.possessed.test('cousin')).toBe(true);
    expect(tables.datePhrases.some((p) => p.test('el 12 de diciembre'))).toBe(true);
  });

  it('names the table and what is wrong: a bad pattern, a word twice, a missing group', () => {
    const bad = data();
    bad.suing = ['demandar', '(?:sue'];
    bad.possessives.push('mi');
    bad.from = String.raw`\bfrom \w+`;
    bad.tookRelative = String.raw`\btook my {relatives}\b`;
    expect(issues(bad)).toEqual([
      expect.stringMatching(/^tookRelative: \{relatives\} names no list/),
      expect.stringMatching(/^suing: Invalid regular expression/),
      'from: needs 1 capturing group(s), has 0',
      `possessives.${bad.possessives.length - 1}: "mi" is listed twice`,
    ]);
  });

  it('refuses a relation noun with a say-back word the strings do not have', () => {
    const bad = data();
    bad.relations.stepson = ['parent', 'stepson'];
    expect(issues(bad)).toEqual([expect.stringMatching(/^relations\.stepson\.1: Invalid option/)]);
  });
});

describe('loading it', () => {
  const root = mkdtempSync(join(tmpdir(), 'amparo-story-'));
  cpSync('prompts', join(root, 'prompts'), { recursive: true });
  cpSync('knowledge', join(root, 'knowledge'), { recursive: true });
  const file = join(root, 'knowledge', 'story.yaml');
  const { dir } = buildContentDir({
    root: process.cwd(),
    rosterFile: 'prompts/roster.example.yaml',
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops the start with the file and the table', () => {
    writeFileSync(file, source.replace(/^suing:\n/m, 'suing:\n  - (?:sue\n'));
    expect(() => readContentInputs({ root })).toThrow(ContentError);
    expect(() => readContentInputs({ root })).toThrow(
      new RegExp(`^${file} is invalid:\\n  suing: Invalid regular expression`),
    );
    writeFileSync(file, source.replace(/^relations:\n/m, 'relations:\n  esposo: [spouse, wife]\n'));
    expect(() => readContentInputs({ root })).toThrow(/Map keys must be unique/);
  });

  it('reaches the Lambda in content.json, and reads the same there', () => {
    const bundle = JSON.parse(readFileSync(join(dir, CONTENT_FILE), 'utf8'));
    expect(bundle.story).toEqual(readContentInputs({ root: process.cwd() }).story);
    const lambda = loadBundledContent(dir).content;
    const text = 'a mi esposo lo agarró ICE ayer en el trabajo, está en Adelanto';
    expect(readStory(lambda, read(text), '2026-11-25', 'es')).toEqual(
      readStory(content(), read(text), '2026-11-25', 'es'),
    );
  });
});
