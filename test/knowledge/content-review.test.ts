/**
 * `npm run content:review` (scripts/content-review.ts) lists what is due for a person to check:
 * an article last reviewed more than 180 days ago, one in flux with no dated item, and an item
 * whose last check is that old.
 */
import { describe, expect, it } from 'vitest';
import { ArticleFrontSchema } from '../../functions/core/knowledge/article';
import { reviewArticles, reviewContent } from '../../scripts/content-review';

const article = (front: Record<string, unknown>) =>
  ArticleFrontSchema.parse({
    id: 'bond-hearings',
    topic: 'detention',
    title: 'Bond hearings',
    lang: 'en',
    questions: ['how do i get bond', 'what is a bond hearing', 'can a judge lower my bond'],
    lastReviewed: '2026-12-07',
    sources: [{ cite: '8 CFR 1003.19' }],
    short: 'A judge may set or lower a bond in some cases. An attorney can tell you more.',
    ...front,
  });

describe('the content review', () => {
  it('lists an article last reviewed more than 180 days ago, and not one reviewed 180 days ago', () => {
    const stale = article({ id: 'stale', lastReviewed: '2026-06-09' }); // 181 days before
    const due = article({ id: 'due', lastReviewed: '2026-06-10' }); // 180 days before
    const findings = reviewArticles([stale, due], '2026-12-07');
    expect(findings).toEqual([
      { where: 'en/stale', problem: expect.stringContaining('181 days ago') },
    ]);
  });

  it('lists an article in flux with no dated item', () => {
    const findings = reviewArticles([article({ inFlux: true })], '2026-12-07');
    expect(findings).toEqual([
      { where: 'en/bond-hearings', problem: expect.stringContaining('no dated item') },
    ]);
  });

  it('lists an in-flux item whose last check is more than 180 days old, not a recent one', () => {
    const inFlux = [
      { what: 'Matter of Yajure Hurtado and its litigation', checked: '2026-12-07' },
      { what: 'the 2025 expansion of expedited removal', checked: '2026-05-01' },
    ];
    const findings = reviewArticles([article({ inFlux })], '2026-12-07');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.problem).toContain('expedited removal');
  });

  it('has nothing to say about an article checked today and not in flux', () => {
    expect(reviewArticles([article({})], '2026-12-07')).toEqual([]);
  });

  it('refuses an in-flux item without a real date', () => {
    expect(() => article({ inFlux: [{ what: 'the asylum hold' }] })).toThrow();
    expect(() =>
      article({ inFlux: [{ what: 'the asylum hold', checked: '2026-02-30' }] }),
    ).toThrow();
  });

  it('reads the real knowledge base, and lists all of it a year and a half from now', () => {
    const findings = reviewContent(process.cwd(), '2028-06-01');
    const articles = new Set(findings.map((f) => f.where));
    expect(articles.has('en/prosecutorial-discretion')).toBe(true);
    expect(articles.has('es/prosecutorial-discretion')).toBe(true);
    expect(articles.has('knowledge/tps-countries.yaml')).toBe(true);
  });
});
