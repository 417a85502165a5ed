/**
 * The content as one prebuilt JSON file, for the Lambda functions. At build time (infra/content.ts,
 * run by `cdk synth`) the YAML and Markdown read by content-files.ts, the roster and the web assets
 * are written into the function's asset as `content.json`, `widget.js`, `chat.js` and `demo.html`; at cold
 * start the Lambda reads that JSON, validates it again (it is a boundary: a file on disk) and builds
 * the same `Content` as `loadContent`, without carrying the YAML parser in its bundle.
 *
 * `buildContent` is the building step both paths share; it lives here, in a module with no YAML
 * import, so that the Lambda's import graph stays free of it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import {
  type Catalog,
  type Content,
  checkCatalog,
  type Firm,
  FirmSchema,
  TextSchema,
  type WebAssets,
} from '../core/content';
import { type Flow, FlowSchema, LANGUAGES } from '../core/flow';
import {
  type ArticleAnalysis,
  ArticleAnalysisSchema,
  analyzeArticles,
} from '../core/knowledge/analysis';
import { type Article, ArticleFrontSchema } from '../core/knowledge/article';
import { type LabelledQuestion, LabelledQuestionSchema } from '../core/knowledge/questions';
import { buildKnowledgeBase } from '../core/knowledge/search';
import { type Vocabulary, VocabularySchema } from '../core/knowledge/vocabulary';
import { type MetadataJson, phoneMetadata, usePhoneMetadata } from '../core/parse/phone-metadata';
import { type Roster, RosterSchema } from '../core/routing/roster';
import { type TpsData, TpsDataSchema, tpsScreeningContext } from '../core/screening/tps';
import { type FacilitiesData, FacilitiesSchema } from '../core/understand/facilities';
import {
  compileStoryPhrases,
  type StoryPhrasesData,
  StoryPhrasesSchema,
} from '../core/understand/story-phrases';
import { ContentError } from './content-errors';

/** The validated inputs of the content, as read from prompts/ and knowledge/. */
export interface ContentInputs {
  flow: Flow;
  strings: Catalog;
  firm: Firm;
  tps: TpsData;
  /** Both languages' articles, the firm's words already filled in. */
  articles: Article[];
  /** The knowledge search's words (knowledge/vocabulary.yaml). */
  vocabulary: Vocabulary;
  /** What clients ask, with the article that answers it (knowledge/questions/*.yaml). */
  questions: LabelledQuestion[];
  /** ICE detention facilities and their names (knowledge/detention-facilities.yaml). */
  facilities: FacilitiesData;
  /** The words the story reading looks for (knowledge/story.yaml). */
  story: StoryPhrasesData;
}

/** Names used in error messages for where the flow and the strings came from. */
export interface ContentSourceNames {
  flow: string;
  strings: string;
}

/**
 * Builds the engine's `Content` from validated inputs: checks the strings against the flow, builds
 * the knowledge index, checks the flow's closing articles exist.
 *
 * @example buildContent(readContentInputs({ root: '.' })).knowledge.search('bond', 'en')
 */
export function buildContent(
  inputs: ContentInputs,
  names: ContentSourceNames = { flow: 'flow', strings: 'strings' },
  /** The articles already read into terms (content.json carries it); else they are read here. */
  analysis?: ArticleAnalysis,
): Content {
  const { flow, strings, firm, tps } = inputs;
  const problems = checkCatalog(flow, strings);
  if (problems.length) throw new ContentError(`${names.strings}:\n  ${problems.join('\n  ')}`);
  let knowledge: Content['knowledge'];
  try {
    knowledge = buildKnowledgeBase(
      { articles: inputs.articles, vocabulary: inputs.vocabulary, questions: inputs.questions },
      analysis,
    );
  } catch (error) {
    throw new ContentError(`${names.flow}: ${(error as Error).message}`);
  }
  const unknown = flow.closingArticles
    .flatMap((rule) => rule.articles)
    .filter((id) => !knowledge.article(id, 'en'));
  if (unknown.length) {
    throw new ContentError(
      `${names.flow}: closingArticles names unknown articles: ${unknown.join(', ')}`,
    );
  }
  return {
    flow,
    strings,
    firm,
    tps: tpsScreeningContext(tps),
    knowledge,
    facilities: inputs.facilities.facilities,
    story: compileStoryPhrases(inputs.story),
  };
}

const BundleArticleSchema = ArticleFrontSchema.extend({ body: z.string().min(50) });

/**
 * Version 5 of content.json (4 had no labelled questions and no classifier, 3 no story phrases,
 * 2 no detention facilities, 1 no vocabulary). Every part is checked with the same schemas as the
 * source files.
 */
export const ContentBundleSchema = z.strictObject({
  version: z.literal(5),
  flow: FlowSchema,
  strings: z.strictObject(
    Object.fromEntries(LANGUAGES.map((lang) => [lang, z.record(z.string(), TextSchema)])) as {
      [L in (typeof LANGUAGES)[number]]: z.ZodRecord<z.ZodString, typeof TextSchema>;
    },
  ),
  firm: FirmSchema,
  tps: TpsDataSchema,
  articles: z.array(BundleArticleSchema),
  /** The knowledge search's words (knowledge/vocabulary.yaml). */
  vocabulary: VocabularySchema,
  /** What clients ask, with the article that answers it (knowledge/questions/*.yaml). */
  questions: z.array(LabelledQuestionSchema),
  /** ICE detention facilities and their names (knowledge/detention-facilities.yaml). */
  facilities: FacilitiesSchema,
  /** The words the story reading looks for (knowledge/story.yaml). */
  story: StoryPhrasesSchema,
  roster: RosterSchema,
  /**
   * The articles read into terms, and the classifier trained, at build time
   * (functions/core/knowledge/analysis.ts).
   */
  knowledgeIndex: ArticleAnalysisSchema,
  /** libphonenumber's numbering plans (functions/core/parse/phone-metadata.ts): data, not code. */
  phoneMetadata: z.looseObject({
    version: z.number(),
    country_calling_codes: z.record(z.string(), z.array(z.string())),
    countries: z.record(z.string(), z.array(z.unknown())),
  }),
});
export type ContentBundle = z.infer<typeof ContentBundleSchema>;

export const CONTENT_FILE = 'content.json';
export const WIDGET_FILE = 'widget.js';
export const CHAT_FILE = 'chat.js';
export const DEMO_FILE = 'demo.html';
/** The staff console's page, script and styles, as served (functions/web/console/). */
export const CONSOLE_FILES = {
  consoleHtml: 'console.html',
  consoleJs: 'console.js',
  consoleCss: 'console.css',
} as const;
/**
 * The conflict check's names (knowledge/names.yaml as JSON), written beside the bundle at synth
 * (infra/content.ts) and read only by the functions that check leads
 * (functions/adapters/conflicts-bundle.ts), so the clients' API function carries no matcher.
 */
export const NAMES_FILE = 'names.json';
/** Every file a function's asset holds: the bundle writeContentBundle writes, and the names. */
export const BUNDLE_FILES = [
  CONTENT_FILE,
  NAMES_FILE,
  WIDGET_FILE,
  CHAT_FILE,
  DEMO_FILE,
  ...Object.values(CONSOLE_FILES),
] as const;

/**
 * Build time: writes content.json, widget.js, chat.js and demo.html into `dir` (created if missing).
 * The inputs were validated when they were read; they are checked again here so a bundle that
 * would not load is never written. `analysis`, the knowledge analysis of the same inputs (e.g.
 * content-files.ts `knowledgeAnalysis`, cached), saves reading and training again; the bundle is
 * refused below if it is not theirs.
 */
export function writeContentBundle(
  dir: string,
  inputs: ContentInputs & { roster: Roster; assets: WebAssets },
  analysis?: ArticleAnalysis,
): void {
  const { assets, ...rest } = inputs;
  const bundle = parseBundle(
    {
      version: 5,
      ...rest,
      // Read from the sources exactly as the Lambda will parse them back.
      knowledgeIndex:
        analysis ??
        analyzeArticles({
          articles: z.array(BundleArticleSchema).parse(rest.articles),
          vocabulary: VocabularySchema.parse(rest.vocabulary),
          questions: z.array(LabelledQuestionSchema).parse(rest.questions),
        }),
      phoneMetadata: phoneMetadata(),
    },
    'content bundle',
  );
  buildContent(bundle, undefined, bundle.knowledgeIndex);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, CONTENT_FILE), JSON.stringify(bundle));
  writeFileSync(join(dir, WIDGET_FILE), assets.widgetJs);
  writeFileSync(join(dir, CHAT_FILE), assets.chatJs);
  writeFileSync(join(dir, DEMO_FILE), assets.demoHtml);
  for (const [key, file] of Object.entries(CONSOLE_FILES)) {
    writeFileSync(join(dir, file), assets[key as keyof typeof CONSOLE_FILES]);
  }
}

function parseBundle(data: unknown, source: string): ContentBundle {
  const result = ContentBundleSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ContentError(`${source} is invalid:\n${lines.join('\n')}`);
}

/** Run time: reads and validates `<dir>/content.json` (no knowledge index: see loadBundledContent). */
export function readContentBundle(dir: string): ContentBundle {
  const path = join(dir, CONTENT_FILE);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ContentError(`${path}: ${(error as Error).message}`);
  }
  return parseBundle(data, path);
}

/**
 * Run time: the same Content, roster and web assets as the local server builds from the sources.
 *
 * @example const { content, roster, assets } = loadBundledContent(process.env.LAMBDA_TASK_ROOT);
 */
export function loadBundledContent(dir: string): {
  content: Content;
  roster: Roster;
  assets: WebAssets;
} {
  const bundle = readContentBundle(dir);
  const path = join(dir, CONTENT_FILE);
  usePhoneMetadata(bundle.phoneMetadata as unknown as MetadataJson);
  return {
    content: buildContent(bundle, { flow: path, strings: path }, bundle.knowledgeIndex),
    roster: bundle.roster,
    assets: {
      widgetJs: readFileSync(join(dir, WIDGET_FILE), 'utf8'),
      chatJs: readFileSync(join(dir, CHAT_FILE), 'utf8'),
      demoHtml: readFileSync(join(dir, DEMO_FILE), 'utf8'),
      consoleHtml: readFileSync(join(dir, CONSOLE_FILES.consoleHtml), 'utf8'),
      consoleJs: readFileSync(join(dir, CONSOLE_FILES.consoleJs), 'utf8'),
      consoleCss: readFileSync(join(dir, CONSOLE_FILES.consoleCss), 'utf8'),
    },
  };
}
