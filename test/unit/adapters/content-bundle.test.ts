/**
 * The Lambda's content.json carries libphonenumber's numbering plans as data, and loading it
 * hands them to the phone parser: the Lambda's code has no copy of its own. It carries the
 * knowledge search's vocabulary the same way, with the articles read into terms by it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_FILE, loadBundledContent } from '../../../functions/adapters/content-bundle';
import { ContentError, readContentInputs } from '../../../functions/adapters/content-files';
import { parsePhone } from '../../../functions/core/parse/phone';
import {
  type MetadataJson,
  phoneMetadata,
  usePhoneMetadata,
} from '../../../functions/core/parse/phone-metadata';
import { buildContentDir } from '../../../infra/content';

const original = phoneMetadata();
const { dir } = buildContentDir({ root: process.cwd(), rosterFile: 'prompts/roster.example.yaml' });

afterAll(() => {
  usePhoneMetadata(original);
  rmSync(dir, { recursive: true, force: true });
});

describe('content.json', () => {
  it('carries the numbering plans, and loading it puts them to use', () => {
    const bundle = JSON.parse(readFileSync(join(dir, CONTENT_FILE), 'utf8'));
    expect(bundle.phoneMetadata.countries.MX).toBeDefined();
    expect(parsePhone('+52 55 1234 5678')).toEqual({ ok: true, value: '+525512345678' });

    // A bundle whose plans lack Mexico: once loaded, a Mexican number no longer reads.
    const withoutMexico = structuredClone(bundle.phoneMetadata) as MetadataJson & {
      countries: Record<string, unknown>;
      country_calling_codes: Record<string, string[]>;
    };
    delete withoutMexico.countries.MX;
    delete withoutMexico.country_calling_codes['52'];
    writeFileSync(
      join(dir, CONTENT_FILE),
      JSON.stringify({ ...bundle, phoneMetadata: withoutMexico }),
    );
    loadBundledContent(dir);
    expect(parsePhone('+52 55 1234 5678').ok).toBe(false);
    expect(parsePhone('(213) 373-4253')).toEqual({ ok: true, value: '+12133734253' });
  });

  it('carries the vocabulary, and refuses an index made with another one', () => {
    const bundle = JSON.parse(readFileSync(join(dir, CONTENT_FILE), 'utf8'));
    const { vocabulary } = readContentInputs({ root: process.cwd() });
    expect(bundle.vocabulary).toEqual(vocabulary);
    expect(loadBundledContent(dir).content.knowledge.search('fiansa', 'es')[0]?.article.id).toBe(
      'bond-hearings',
    );

    // The vocabulary edited after the index was built: "bail bond" would now fold to bond.
    bundle.vocabulary.synonyms.bond.push('bail bond');
    writeFileSync(join(dir, CONTENT_FILE), JSON.stringify(bundle));
    expect(() => loadBundledContent(dir)).toThrow(ContentError);
    expect(() => loadBundledContent(dir)).toThrow(/made from other articles, another vocabulary/);
  });
});
