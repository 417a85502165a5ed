/**
 * The knowledge search of API.md: `GET /api/knowledge/search?q=&lang=&limit=`. Only confident
 * matches are returned; no confident match is an empty list.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Content } from '../core/content';
import { LanguageSchema } from '../core/flow';
import { RequestError } from './errors';

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
    const parsed = QuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? issue.path.join('.') : 'query';
      const message =
        issue?.code === 'unrecognized_keys'
          ? `unknown parameter ${issue.keys.join(', ')}`
          : issue?.message;
      throw new RequestError(400, 'invalid_request', `${field}: ${message ?? 'invalid'}`);
    }
    const { q, lang, limit } = parsed.data;
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
