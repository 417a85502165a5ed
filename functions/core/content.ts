/**
 * Schemas for the content the engine reads: the strings files and the firm's settings. Loading
 * them from disk is the adapters' job (functions/adapters/content-files.ts); this file only says
 * what valid content is and turns it into the shapes the engine uses.
 */
import * as z from 'zod';
import { type Flow, LANGUAGES, type Language } from './flow';
import type { KnowledgeBase } from './knowledge/search';
import { own } from './own';
import { DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from './retention';
import type { tpsScreeningContext } from './screening/tps';
import type { Facility } from './understand/facilities';
import type { StoryPhrases } from './understand/story-phrases';

/** A string, or a pair of forms for a client writing about themself or about someone else. */
export const TextSchema = z.union([
  z.string().min(1),
  z.strictObject({ self: z.string().min(1), other: z.string().min(1) }),
]);
export type Text = z.infer<typeof TextSchema>;

/** One language's strings, flattened to dotted keys ('steps.detained.prompt'). */
export type Strings = Record<string, Text>;
export type Catalog = Record<Language, Strings>;

/** Flattens nested YAML into dotted keys, keeping {self, other} pairs whole. */
export function flattenStrings(tree: unknown, prefix = ''): Strings {
  const out: Strings = {};
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    throw new Error(`strings: ${prefix || 'root'} must be a mapping`);
  }
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    const asText = TextSchema.safeParse(value);
    if (asText.success) out[path] = asText.data;
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      Object.assign(out, flattenStrings(value, `${path}.`));
    } else throw new Error(`strings: ${path} must be text or a mapping`);
  }
  return out;
}

const RETENTION_RANGE = `a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS} (default ${DEFAULT_RETENTION_DAYS})`;

export const FirmSchema = z.strictObject({
  name: z.string().min(1),
  /** Given in the SMS HELP reply. */
  phone: z.string().min(7),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone'),
  serviceArea: z.strictObject({ states: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1) }),
  coveredFacilities: z.array(z.string().min(2)).default([]),
  /**
   * Countries (ISO codes) codes and links are texted to on request; the default is the US and its
   * territories. Anything else is refused, so nobody can make the firm pay to text abroad.
   */
  textCountries: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .min(1)
    .default(['US', 'PR', 'VI', 'GU', 'AS', 'MP']),
  /**
   * Codes the chat may text in an hour for the whole firm, whoever asks: a ceiling on what a
   * script spread over many addresses can make the firm pay. Past it, nothing is texted until
   * the hour has room again (and the chat reads the same).
   */
  textsPerHour: z.number().int().min(1).max(10_000).default(100),
  /**
   * Days a lead, its phone's pointer and its qualified conversation are kept after they last
   * changed; then they are deleted (functions/core/retention.ts).
   */
  retentionDays: z
    .number({ error: RETENTION_RANGE })
    .int({ error: RETENTION_RANGE })
    .min(MIN_RETENTION_DAYS, { error: RETENTION_RANGE })
    .max(MAX_RETENTION_DAYS, { error: RETENTION_RANGE })
    .default(DEFAULT_RETENTION_DAYS),
  referrals: z.strictObject({ en: z.string().min(1), es: z.string().min(1) }),
  /** What a consultation costs and how it works, for the "consultation-cost" article. */
  consultation: z.strictObject({ en: z.string().min(1), es: z.string().min(1) }),
  /** Who the firm is, for the "how-this-firm-works" article. */
  about: z.strictObject({ en: z.string().min(1), es: z.string().min(1) }),
});
export type Firm = z.infer<typeof FirmSchema>;

/** Everything the engine needs to run an intake, loaded once at start. */
export interface Content {
  flow: Flow;
  strings: Catalog;
  firm: Firm;
  /** The TPS list for the screening: country codes, review date and a note per country. */
  tps: ReturnType<typeof tpsScreeningContext>;
  /** The knowledge base's index, built once at load. */
  knowledge: KnowledgeBase;
  /** ICE detention facilities and the names people use for them (findFacility). */
  facilities: Facility[];
  /** The story reading's phrase tables (knowledge/story.yaml), compiled once at load. */
  story: StoryPhrases;
}

/** Keys a flow needs from the strings catalog, so a missing one fails at load, not mid-chat. */
export function requiredKeys(flow: Flow): string[] {
  const keys: string[] = [];
  for (const step of flow.steps) {
    keys.push(`steps.${step.id}.prompt`, `steps.${step.id}.example`, `steps.${step.id}.label`);
    // Listed options have labels of their own; yes/no steps use answers.yes / answers.no.
    const options = step.type === 'language' ? ['en', 'es'] : (step.options ?? []);
    for (const option of options) keys.push(`steps.${step.id}.options.${option}`);
    // Words that pick no option get a clarifying question of the step's own.
    if (step.unclear) keys.push(`steps.${step.id}.clarify`);
  }
  return keys;
}

/** Checks that both languages have the same keys and every key the flow needs. */
export function checkCatalog(flow: Flow, strings: Catalog): string[] {
  const problems: string[] = [];
  const [first, ...rest] = LANGUAGES;
  const base = Object.keys(strings[first]);
  for (const lang of rest) {
    const other = new Set(Object.keys(strings[lang]));
    for (const key of base) if (!other.has(key)) problems.push(`${lang}: missing ${key}`);
    for (const key of other)
      if (!(key in strings[first])) problems.push(`${first}: missing ${key}`);
  }
  for (const lang of LANGUAGES) {
    for (const key of requiredKeys(flow)) {
      if (!(key in strings[lang])) problems.push(`${lang}: flow needs ${key}`);
    }
  }
  return problems;
}

/**
 * A string's {placeholders} filled from `vars`; a name `vars` lacks stays as written, so a missing
 * value shows up in review instead of as a blank.
 *
 * @example fill('Call {firm}', { firm: 'Ríos Law' }) // 'Call Ríos Law'
 */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => own(vars, name) ?? whole);
}

/** The demo page and the web chat, read once from functions/web/ (or content's asset). */
export interface WebAssets {
  demoHtml: string;
  /** The embed a firm's page loads (/widget.js): it only shows the chat in an iframe. */
  widgetJs: string;
  /** The chat itself (/chat.js), run in that iframe on Amparo's own origin (GET /chat). */
  chatJs: string;
  /** The staff console (GET /console): its page, its script (/console.js) and styles (/console.css). */
  consoleHtml: string;
  consoleJs: string;
  consoleCss: string;
}
