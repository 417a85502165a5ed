/**
 * Loads the knowledge base from knowledge/<lang>/*.md: YAML front matter validated by zod, the
 * body as the web answer, the firm's own words filled into {firm}, {consultation} and {about}.
 * Both languages must have the same articles, and their `related` links the same ids, each an
 * article of that language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Firm } from '../core/content';
import { LANGUAGES } from '../core/flow';
import { type Article, ArticleFrontSchema, relatedLinkProblems } from '../core/knowledge/article';
import { ContentError } from './content-errors';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** Reads one article file; throws ContentError naming the file and the field. */
export function readArticle(path: string, firm: Firm): Article {
  const match = FRONT_MATTER.exec(readFileSync(path, 'utf8'));
  if (!match) throw new ContentError(`${path}: no front matter between --- lines`);
  const raw = parse(match[1] ?? '') as Record<string, unknown>;
  const lang = raw.lang === 'es' ? 'es' : 'en';
  const vars = { firm: firm.name, consultation: firm.consultation[lang], about: firm.about[lang] };
  const filled = {
    ...raw,
    short: typeof raw.short === 'string' ? fill(raw.short.trim(), vars) : raw.short,
  };
  const front = ArticleFrontSchema.safeParse(filled);
  if (!front.success) {
    const lines = front.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ContentError(`${path} is invalid:\n${lines.join('\n')}`);
  }
  const body = fill((match[2] ?? '').trim(), vars);
  if (body.length < 50)
    throw new ContentError(`${path}: the web answer (body) is missing or too short`);
  return { ...front.data, body };
}

export function loadArticles(root: string, firm: Firm): Article[] {
  const articles: Article[] = [];
  const ids = new Map<string, Set<string>>();
  for (const lang of LANGUAGES) {
    const dir = join(root, 'knowledge', lang);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const article = readArticle(join(dir, file), firm);
      if (article.lang !== lang) throw new ContentError(`${dir}/${file}: lang is ${article.lang}`);
      if (`${article.id}.md` !== file)
        throw new ContentError(`${dir}/${file}: id is ${article.id}`);
      articles.push(article);
      ids.set(lang, (ids.get(lang) ?? new Set()).add(article.id));
    }
  }
  const [first, ...rest] = LANGUAGES;
  for (const lang of rest) {
    const a = ids.get(first) ?? new Set();
    const b = ids.get(lang) ?? new Set();
    const missing = [
      ...[...a].filter((id) => !b.has(id)).map((id) => `${lang}: ${id}`),
      ...[...b].filter((id) => !a.has(id)).map((id) => `${first}: ${id}`),
    ];
    if (missing.length)
      throw new ContentError(`knowledge articles missing a translation: ${missing.join(', ')}`);
  }
  const links = relatedLinkProblems(articles);
  if (links.length) throw new ContentError(`knowledge related links:\n  ${links.join('\n  ')}`);
  return articles;
}
