/**
 * An article's `related` links ("See also"): checked at load (every id an article of the same
 * language, no link to itself, the same ids in English and Spanish) and shown with the answer:
 * every title on the web, before the disclaimer; by SMS the first title, only when the answer
 * still fits in one text of 3 segments.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../functions/adapters/content-errors';
import { loadArticles } from '../../functions/adapters/knowledge-files';
import { MAX_SEGMENTS, renderSms, segments } from '../../functions/core/channels/sms/render';
import type { Content } from '../../functions/core/content';
import { answerQuestion } from '../../functions/core/engine/questions';
import {
  type Article,
  ArticleFrontSchema,
  relatedLinkProblems,
} from '../../functions/core/knowledge/article';
import { content } from '../helpers/content';
import { intake } from '../helpers/intake';

type Link = { id: string; lang: 'en' | 'es'; related: string[] };
const link = (id: string, lang: 'en' | 'es', related: string[]): Link => ({ id, lang, related });

describe('checking related links', () => {
  it('accepts links to articles of the same language, the same in both languages', () => {
    const articles = [
      link('bond-hearings', 'en', ['habeas-corpus']),
      link('bond-hearings', 'es', ['habeas-corpus']),
      link('habeas-corpus', 'en', []),
      link('habeas-corpus', 'es', []),
    ];
    expect(relatedLinkProblems(articles)).toEqual([]);
  });

  it('names an id with no article in that language, a link to itself and a repeated id', () => {
    const problems = relatedLinkProblems([
      link('bond-hearings', 'en', ['habeas-corpus', 'bond-hearings', 'no-such-article']),
      link('habeas-corpus', 'es', []),
      link('x', 'en', ['bond-hearings', 'bond-hearings']),
    ]);
    expect(problems).toEqual([
      'en/bond-hearings: related names habeas-corpus, which has no en article',
      'en/bond-hearings: related names the article itself',
      'en/bond-hearings: related names no-such-article, which has no en article',
      'en/x: related names bond-hearings twice',
    ]);
  });

  it('refuses English and Spanish lists that differ, in ids or in order', () => {
    const base = [
      link('a', 'en', []),
      link('a', 'es', []),
      link('b', 'en', []),
      link('b', 'es', []),
    ];
    const differ = relatedLinkProblems([
      ...base,
      link('c', 'en', ['a', 'b']),
      link('c', 'es', ['b', 'a']),
      link('d', 'en', ['a']),
      link('d', 'es', []),
    ]);
    expect(differ).toEqual([
      'c: related differs between en [a, b] and es [b, a]',
      'd: related differs between en [a] and es []',
    ]);
  });

  it('reads no related links as none (absent), and refuses a badly written id or more than 3', () => {
    const front = {
      id: 'bond-hearings',
      topic: 'detention',
      title: 'Bond hearings',
      lang: 'en',
      questions: ['how do i get bond', 'what is a bond hearing', 'can a judge lower my bond'],
      lastReviewed: '2026-12-07',
      sources: [{ cite: '8 CFR 1003.19' }],
      short: 'A judge may set or lower a bond in some cases. An attorney can tell you more.',
    };
    expect(ArticleFrontSchema.parse(front).related).toBeUndefined();
    expect(() => ArticleFrontSchema.parse({ ...front, related: ['Habeas Corpus'] })).toThrow();
    expect(() => ArticleFrontSchema.parse({ ...front, related: ['a', 'b', 'c', 'd'] })).toThrow();
  });

  it('stops loading the knowledge base at a link to an article that does not exist', () => {
    const root = mkdtempSync(join(tmpdir(), 'amparo-related-'));
    cpSync(join(process.cwd(), 'knowledge'), join(root, 'knowledge'), { recursive: true });
    const file = join(root, 'knowledge', 'es', 'bond-hearings.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text.replace(/^related: .*$/m, 'related: [habeas-corpus, no-such-article]'),
    );
    expect(() => loadArticles(root, content().firm)).toThrow(ContentError);
    expect(() => loadArticles(root, content().firm)).toThrow(
      /es\/bond-hearings: related names no-such-article/,
    );
    expect(() => loadArticles(root, content().firm)).toThrow(/bond-hearings: related differs/);
  });
});

// The articles of issue 13: each must be reachable from an article a reader would come from.
const NEW_ARTICLES = [
  'ice-case-review',
  'oig-ice-releases-report',
  'release-from-detention',
  'third-country-removal',
  'stipulated-removal',
  'cbp-home-self-deportation',
  'failure-to-depart-fines',
  'alien-registration',
  'chnv-cbp-one-parole',
  'acquired-citizenship',
  'habeas-corpus',
  'petition-for-review',
  'stays-of-removal',
  'check-in-arrests',
  'sensitive-locations',
  'travel-inside-us',
  'false-claims-and-voting',
  'naturalization-risks',
  'children-plan',
];

describe('the knowledge base', () => {
  const articles = loadArticles(process.cwd(), content().firm);

  it('links every new article from an older one, in both languages', () => {
    for (const lang of ['en', 'es'] as const) {
      const fromOlder = new Set(
        articles
          .filter((a) => a.lang === lang && !NEW_ARTICLES.includes(a.id))
          .flatMap((a) => a.related ?? []),
      );
      expect(NEW_ARTICLES.filter((id) => !fromOlder.has(id))).toEqual([]);
    }
  });

  it('links the pairs a reader follows, such as bond to release and the BIA to a petition for review', () => {
    const related = (id: string) => articles.find((a) => a.lang === 'en' && a.id === id)?.related;
    expect(related('bond-hearings')).toContain('release-from-detention');
    expect(related('bond-hearings')).toContain('habeas-corpus');
    expect(related('prosecutorial-discretion')).toContain('ice-case-review');
    expect(related('voluntary-departure')).toEqual([
      'stipulated-removal',
      'cbp-home-self-deportation',
      'failure-to-depart-fines',
    ]);
    expect(related('ice-check-ins')).toContain('check-in-arrests');
    expect(related('detained-first-steps')).toContain('children-plan');
    expect(related('bia-appeals')).toEqual(
      expect.arrayContaining(['petition-for-review', 'stays-of-removal']),
    );
    expect(related('family-petitions')).toContain('acquired-citizenship');
    // And back: the new article points to where its reader came from.
    expect(related('release-from-detention')).toContain('bond-hearings');
    expect(related('petition-for-review')).toContain('bia-appeals');
  });
});

/** The real content, with the search answering every question with `article`. */
function answering(article: Article): Content {
  const real = content();
  return {
    ...real,
    knowledge: {
      ...real.knowledge,
      search: () => [{ article, score: 9, probability: 0.9, nearest: 9, coverage: 1 }],
    },
  };
}

function answer(article: Article, channel: 'web' | 'sms'): string {
  const chat = intake({ language: article.lang, channel });
  const [reply] = answerQuestion(answering(article), chat.state, 'a question?', 'now');
  return reply?.text ?? '';
}

describe('showing related links with an answer', () => {
  const article = (id: string, lang: 'en' | 'es') => {
    const found = content().knowledge.article(id, lang);
    if (!found) throw new Error(`no ${lang}/${id}`);
    return found;
  };

  it('lists every related title on the web, one a line, before the disclaimer', () => {
    const text = answer(article('bond-hearings', 'en'), 'web');
    expect(text).toContain(
      [
        'See also:',
        `- ${article('release-from-detention', 'en').title}`,
        `- ${article('habeas-corpus', 'en').title}`,
        `- ${article('mandatory-detention', 'en').title}`,
        '',
        'This is general information, not legal advice.',
      ].join('\n'),
    );
    expect(text.startsWith(article('bond-hearings', 'en').body.slice(0, 80))).toBe(true);
  });

  it('lists them in Spanish too', () => {
    const text = answer(article('voluntary-departure', 'es'), 'web');
    expect(text).toContain(`Vea también:\n- ${article('stipulated-removal', 'es').title}\n`);
    expect(text).toMatch(/Vea también:[\s\S]*\n\nEsto es información general, no asesoría legal/);
  });

  it('leaves a web answer with no related links as it was', () => {
    const plain = article('a-number', 'en');
    expect(plain.related).toBeUndefined();
    expect(answer(plain, 'web')).toBe(plain.body);
  });

  it('texts the first related title only when the answer stays one text of 3 segments', () => {
    let shown = 0;
    let left = 0;
    for (const a of allArticles()) {
      const text = answer(a, 'sms');
      const sent = renderSms([{ role: 'bot', text }], a.lang);
      expect(sent, `${a.lang}/${a.id}`).toHaveLength(1);
      expect(segments(sent[0] ?? '').count).toBeLessThanOrEqual(MAX_SEGMENTS);
      const first = a.related?.[0] && content().knowledge.article(a.related[0], a.lang)?.title;
      if (!first) continue;
      const label = a.lang === 'es' ? 'Vea también:' : 'See also:';
      if (text.endsWith(`\n${label} ${first}`)) shown++;
      else {
        // Left out only because it would not have fitted.
        const longer = renderSms([{ role: 'bot', text: `${text}\n${label} ${first}` }], a.lang);
        expect(longer.length > 1 || segments(longer[0] ?? '').count > MAX_SEGMENTS).toBe(true);
        expect(text).not.toContain(label);
        left++;
      }
    }
    expect(shown).toBeGreaterThan(0);
    expect(shown + left).toBeGreaterThan(30);
  });

  it('leaves the title out of a text when it would make the answer a second text', () => {
    // A short answer at its 306-character limit and a related article with a long title.
    const bond = article('bond-hearings', 'es');
    const short = 'La fianza es dinero que se paga para salir de la detención. '
      .repeat(6)
      .slice(0, 306);
    const text = answer({ ...bond, short, related: ['sijs'] }, 'sms');
    expect(text).not.toContain('Vea también');
    expect(text).toMatch(/no asesoría legal\.$/);
    expect(renderSms([{ role: 'bot', text }], 'es')).toHaveLength(1);
  });
});

function allArticles(): Article[] {
  return loadArticles(process.cwd(), content().firm);
}
