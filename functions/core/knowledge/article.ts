/**
 * The knowledge base's article format. Each article is a Markdown file in knowledge/<lang>/ whose
 * front matter is validated by `ArticleFrontSchema`; the body (plain paragraphs, read as text on
 * the web chat) is the longer web answer. The same `id` in knowledge/en and knowledge/es is one
 * article in two languages.
 */
import * as z from 'zod';
import { LanguageSchema } from '../flow';

export const SourceSchema = z.strictObject({
  /** The authority, named: "INA 208(a)(2)(B), 8 U.S.C. 1158(a)(2)(B)", "8 CFR 1003.38". */
  cite: z.string().min(3),
  /** Where it can be read, if a public address was checked; never invented. */
  url: z.string().optional(),
});

/** One rule an article states that is in flux or in litigation, and when someone last checked it. */
export const InFluxItemSchema = z.strictObject({
  /** What is changing, in a few words, naming the case or rule: "expansion of expedited removal
   * (Make the Road N.Y. v. Noem, D.C. Cir. No. 25-5320)". */
  what: z.string().min(3),
  /** YYYY-MM-DD: when a person last checked its status against the sources. */
  checked: z.iso.date(),
});
export type InFluxItem = z.infer<typeof InFluxItemSchema>;

const ArticleIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** At most this many "see also" links an article names: a reader follows one or two, not a list. */
export const MAX_RELATED = 3;

export const ArticleFrontSchema = z.strictObject({
  id: ArticleIdSchema,
  /** A short topic id shared by related articles: detention, court, asylum, ... */
  topic: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3).max(120),
  lang: LanguageSchema,
  /** Typical phrasings, the way clients type them: what the search index learns from. */
  questions: z.array(z.string().min(3)).min(3),
  /** YYYY-MM-DD: when a person last checked it against its sources. */
  lastReviewed: z.iso.date(),
  sources: z.array(SourceSchema).min(1),
  /**
   * The rules it states that are in flux or disputed, each with the date of its last check; the
   * text must say so plainly. `true` (in flux, no dates) is still read, and `npm run
   * content:review` lists it until its items are written out.
   */
  inFlux: z.union([z.boolean(), z.array(InFluxItemSchema).min(1)]).default(false),
  /** The short answer for SMS: plain text, at most two SMS segments. */
  short: z.string().min(20).max(306),
  /**
   * Ids of the articles a reader of this one is likely to need next, most useful first, shown as
   * "See also". The same ids, in the same order, in both languages (`relatedLinkProblems`).
   * Absent is none.
   */
  related: z.array(ArticleIdSchema).max(MAX_RELATED).optional(),
});
export type ArticleFront = z.infer<typeof ArticleFrontSchema>;

/**
 * What is wrong with the articles' `related` links, one line each: an id with no article in the
 * same language, a link to itself, an id named twice, or a language whose list differs from
 * another's (the links are one decision, written twice).
 *
 * @example relatedLinkProblems(articles) // ['es/bond-hearings: related names no-such-article']
 */
export function relatedLinkProblems(
  articles: readonly Pick<ArticleFront, 'id' | 'lang' | 'related'>[],
): string[] {
  const problems: string[] = [];
  const byKey = new Map(articles.map((a) => [`${a.lang}/${a.id}`, a]));
  for (const a of articles) {
    const where = `${a.lang}/${a.id}`;
    const seen = new Set<string>();
    for (const id of a.related ?? []) {
      if (id === a.id) problems.push(`${where}: related names the article itself`);
      else if (!byKey.has(`${a.lang}/${id}`))
        problems.push(`${where}: related names ${id}, which has no ${a.lang} article`);
      if (seen.has(id)) problems.push(`${where}: related names ${id} twice`);
      seen.add(id);
    }
    for (const other of articles) {
      if (other.id !== a.id || other.lang <= a.lang) continue;
      const mine = (a.related ?? []).join(', ');
      const theirs = (other.related ?? []).join(', ');
      if (mine !== theirs)
        problems.push(
          `${a.id}: related differs between ${a.lang} [${mine}] and ${other.lang} [${theirs}]`,
        );
    }
  }
  return problems;
}

export interface Article extends ArticleFront {
  /** The longer web answer: plain paragraphs. */
  body: string;
}
