/**
 * Loads the content (flow, strings, firm settings, TPS list, the knowledge search's vocabulary
 * and labelled questions, the detention facilities, the story reading's phrases) and the web assets from disk and
 * validates them, once at start. Invalid content stops the start with every problem listed, so a
 * typo in a YAML file never reaches a client mid-conversation.
 *
 * Reading (YAML and Markdown, here) is apart from building (`buildContent` in content-bundle.ts):
 * the Lambda builds the same Content from a prebuilt JSON and never loads the YAML parser.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { parse } from 'yaml';
import {
  type Catalog,
  type Content,
  FirmSchema,
  flattenStrings,
  type WebAssets,
} from '../core/content';
import { FlowSchema, LANGUAGES } from '../core/flow';
import {
  type ArticleAnalysis,
  ArticleAnalysisSchema,
  analyzeArticles,
  fingerprint,
  type KnowledgeSources,
} from '../core/knowledge/analysis';
import { type LabelledQuestion, QuestionsFileSchema } from '../core/knowledge/questions';
import { VocabularySchema } from '../core/knowledge/vocabulary';
import { TpsDataSchema } from '../core/screening/tps';
import { FacilitiesSchema } from '../core/understand/facilities';
import { StoryPhrasesSchema } from '../core/understand/story-phrases';
import { buildContent, type ContentInputs } from './content-bundle';
import { ContentError } from './content-errors';
import { loadArticles } from './knowledge-files';

export { ContentError };

const readYaml = (path: string): unknown => parse(readFileSync(path, 'utf8'));

function validated<T>(
  path: string,
  result:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T {
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ContentError(`${path} is invalid:\n${lines.join('\n')}`);
}

export interface ContentPaths {
  /** The project root holding prompts/ and knowledge/. */
  root: string;
  /** FIRM_FILE, if set. */
  firmFile?: string;
}

/** Reads and validates every content file; the Content is built from them by buildContent. */
export function readContentInputs({ root, firmFile }: ContentPaths): ContentInputs {
  const at = (...parts: string[]) => join(root, ...parts);
  const flowPath = at('prompts', 'flow.yaml');
  const flow = validated(flowPath, FlowSchema.safeParse(readYaml(flowPath)));
  const strings = Object.fromEntries(
    LANGUAGES.map((lang) => {
      const path = at('prompts', `strings.${lang}.yaml`);
      try {
        return [lang, flattenStrings(readYaml(path))];
      } catch (error) {
        throw new ContentError(`${path}: ${(error as Error).message}`);
      }
    }),
  ) as Catalog;
  const firmPath = firmFile ? resolve(firmFile) : at('prompts', 'firm.yaml');
  const firm = validated(firmPath, FirmSchema.safeParse(readYaml(firmPath)));
  const tpsPath = at('knowledge', 'tps-countries.yaml');
  const tps = validated(tpsPath, TpsDataSchema.safeParse(readYaml(tpsPath)));
  const vocabularyPath = at('knowledge', 'vocabulary.yaml');
  let vocabularyData: unknown;
  try {
    vocabularyData = readYaml(vocabularyPath);
  } catch (error) {
    // The likeliest slip, a concept added twice, is a YAML error ("Map keys must be unique").
    throw new ContentError(`${vocabularyPath}: ${(error as Error).message}`);
  }
  const vocabulary = validated(vocabularyPath, VocabularySchema.safeParse(vocabularyData));
  const facilitiesPath = at('knowledge', 'detention-facilities.yaml');
  const facilities = validated(
    facilitiesPath,
    FacilitiesSchema.safeParse(readYaml(facilitiesPath)),
  );
  const storyPath = at('knowledge', 'story.yaml');
  let storyData: unknown;
  try {
    storyData = readYaml(storyPath);
  } catch (error) {
    // A table or a relation noun written twice is a YAML error ("Map keys must be unique").
    throw new ContentError(`${storyPath}: ${(error as Error).message}`);
  }
  const story = validated(storyPath, StoryPhrasesSchema.safeParse(storyData));
  const articles = loadArticles(root, firm);
  return {
    flow,
    strings,
    firm,
    tps,
    articles,
    vocabulary,
    questions: readQuestions(at('knowledge', 'questions'), new Set(articles.map((a) => a.id))),
    facilities,
    story,
  };
}

/**
 * Every labelled question of knowledge/questions/*.yaml, file by file in name order; an `expect`
 * naming no article is refused with its file and question.
 */
function readQuestions(dir: string, ids: ReadonlySet<string>): LabelledQuestion[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const { questions } = validated(path, QuestionsFileSchema.safeParse(readYaml(path)));
      const unknown = questions.flatMap(({ q, expect }) =>
        expect === 'none' ? [] : expect.filter((id) => !ids.has(id)).map((id) => `${id} (${q})`),
      );
      if (unknown.length) {
        throw new ContentError(`${path}: expect names no article: ${unknown.join('; ')}`);
      }
      return questions;
    });
}

export function loadContent(paths: ContentPaths): Content {
  const inputs = readContentInputs(paths);
  return buildContent(
    inputs,
    { flow: join(paths.root, 'prompts', 'flow.yaml'), strings: 'prompts/strings.*.yaml' },
    knowledgeAnalysis(paths.root, inputs),
  );
}

/**
 * The knowledge analysis of these sources (reading the articles and training the classifier, a
 * second or two), kept in .data/cache/ under its sources' fingerprint, so a restart, a synth or a
 * test file with the same content skips it. Another content's analysis is a cache miss, never an answer:
 * the file is named by the fingerprint and checked again by buildKnowledgeBase. Written whole
 * (a temporary file renamed), so processes starting at once never read half of one; older ones
 * are removed.
 */
export function knowledgeAnalysis(root: string, sources: KnowledgeSources): ArticleAnalysis {
  const dir = join(root, '.data', 'cache');
  const source = fingerprint(sources);
  const path = join(dir, `knowledge-${source}.json`);
  try {
    const cached = ArticleAnalysisSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (cached.success && cached.data.source === source) return cached.data;
  } catch {
    // Not there yet, or unreadable: analysed below.
  }
  const analysis = analyzeArticles(sources);
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(analysis));
    renameSync(temporary, path);
    for (const name of readdirSync(dir)) {
      if (/^knowledge-[0-9a-f]{64}\.json$/.test(name) && name !== `knowledge-${source}.json`) {
        rmSync(join(dir, name), { force: true });
      }
    }
  } catch {
    // A read-only checkout: the analysis is used without being kept.
  }
  return analysis;
}

/**
 * The demo page, and the web chat's two scripts bundled by esbuild: widget.js, the embed a firm's
 * page loads, from functions/web/loader/, and chat.js, the chat it shows in an iframe, from
 * functions/web/widget/ (a few milliseconds each); and the staff console's page, script
 * (functions/web/console/) and styles. Only here, at start and at synth: the Lambda
 * reads them prebuilt.
 */
export function loadWebAssets(root: string): WebAssets {
  const web = resolve(root, 'functions', 'web');
  return {
    demoHtml: readFileSync(join(web, 'demo.html'), 'utf8'),
    widgetJs: bundle(root, join(web, 'loader', 'main.js')),
    chatJs: bundle(root, join(web, 'widget', 'main.js')),
    consoleHtml: readFileSync(join(web, 'console', 'console.html'), 'utf8'),
    consoleJs: bundle(root, join(web, 'console', 'main.js')),
    consoleCss: readFileSync(join(web, 'console', 'console.css'), 'utf8'),
  };
}

function bundle(root: string, entry: string): string {
  // The header comment of the entry leads the file; the bundler's own placement is turned off.
  const header = /^\/\*![\s\S]*?\*\//.exec(readFileSync(entry, 'utf8'))?.[0] ?? '';
  const built = buildSync({
    entryPoints: [entry],
    absWorkingDir: resolve(root),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    minify: false,
    legalComments: 'none',
    banner: { js: header },
    write: false,
    logLevel: 'silent',
  });
  return built.outputFiles[0]?.text ?? '';
}
