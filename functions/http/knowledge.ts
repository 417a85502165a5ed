/**
 * The knowledge search of API.md: `GET /api/knowledge/search?q=&lang=&limit=`. Only confident
 * matches are returned; no confident match is an empty list.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import type { Content } from '../core/content';
import { LanguageSchema } from '../core/flow';
import { validated } from './body';

const QuerySchema = z.strictObject({
  q: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'must not be empty').max(500, 'must be at most 500 characters')),
  lang: LanguageSchema.default('en'),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});

export function knowledgeRoutes(content: Content) {
  return new Hono().get('/search', (c) => {
    const { q, lang, limit } = validated(QuerySchema, c.req.query(), 'query');
    const results = content.knowledge.search(q, lang, limit).map(({ article, score }) => ({
      id: article.id,
      topic: article.topic,
      title: article.title,
      score: Math.round(score * 1000) / 1000,
      answer: article.body,
    }));
    return c.json({ results });
  });
}
