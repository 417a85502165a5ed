/**
 * How a client's message meets the vocabulary's phrases (terms.ts `words` with `asked`): a
 * phrase's verb in any form, filling words (pronouns, articles, who) inside a phrase within one
 * clause, never a pronoun that changes the verb ("me voy" is not "voy"); a verb that says nothing
 * with a pronoun joined to it ("dejarlo") says nothing either. The articles' own text is read as
 * written.
 */
import { describe, expect, it } from 'vitest';
import { readContentInputs } from '../../functions/adapters/content-files';
import { stopWordWithPronoun } from '../../functions/core/knowledge/stem';
import { termsOf } from '../../functions/core/knowledge/terms';
import { content } from '../helpers/content';

const { vocabulary } = readContentInputs({ root: process.cwd() });
const { words } = termsOf(vocabulary);
const asked = (text: string) => words(text, true);
const top = (q: string, lang: 'en' | 'es') =>
  content().knowledge.search(q, lang)[0]?.article.id ?? 'none';

describe("a phrase in a client's message", () => {
  it("matches with who or a pronoun inside it, where the article's text would not", () => {
    expect(asked('can ice let my mom out')).toContain('release');
    expect(asked('they let my brother out')).toContain('release');
    expect(asked('mi esposo no tiene lawyer')).toContain('counsel');
    // The articles' own text is read as written.
    expect(words('can ice let my mom out')).not.toContain('release');
  });

  it('matches its verb in another form', () => {
    expect(asked('lo sacaron de la carcel')).toContain('release');
  });

  it('takes at most two filling words, and none across a comma or a full stop', () => {
    expect(asked('they let my mom and dad out')).not.toContain('release');
    expect(asked('let my mom. out')).not.toContain('release');
    expect(asked('let my mom, out')).not.toContain('release');
  });

  it('takes no pronoun that changes what the verb means', () => {
    // "si no voy" is missing court; "si no me voy" is not leaving.
    expect(asked('q pasa si no voy')).toContain('missed');
    expect(asked('q pasa si no me voy')).not.toContain('missed');
  });

  it('prefers a phrase written as the client wrote it over one with words inside', () => {
    expect(asked('se me vence la tarjeta de residencia')).toContain('cardrenewal');
  });

  it('with filling words inside, wins over a shorter phrase wholly inside it', () => {
    // "us citizenship" alone is citizenship; applying for it is naturalization.
    expect(asked('how do i apply for us citizenship')).toContain('naturalize');
    expect(asked('im a us citizen can i petition my mom')).not.toContain('naturalize');
  });

  it('answers the questions these readings were made for', () => {
    expect(top('can ice let my mom out bc she is sick', 'en')).toBe('release-from-detention');
    expect(top('mi husband tiene su court date next week y no tiene lawyer, q hacemos', 'es')).toBe(
      'right-to-a-lawyer',
    );
  });
});

describe('a count of years in a phrase', () => {
  it('reads ten years or more here as the ten years of the 10-year rule', () => {
    expect(asked('llevo 14 años aqui y tengo una hija ciudadana')).toContain('ten');
    expect(asked('ive been here 22 years with no papers')).toContain('ten');
    expect(words('lived here for 12 years')).toContain('ten');
  });

  it('does not read an age, or fewer than ten years, as them', () => {
    expect(asked('tengo 14 años y vine solo')).not.toContain('ten');
    expect(asked('hace 5 años que vivo aqui')).not.toContain('ten');
  });

  it('answers the questions this reading was made for', () => {
    expect(
      top('ive been here 22 years with no papers, is there any way the judge lets me stay', 'en'),
    ).toBe('cancellation-non-lpr');
  });
});

describe('a verb that says nothing with a pronoun joined to it', () => {
  it('is a stop word', () => {
    const stop = new Set(['dejar', 'hacer', 'decir']);
    expect(stopWordWithPronoun('dejarlo', stop)).toBe(true);
    expect(stopWordWithPronoun('hacerle', stop)).toBe(true);
    expect(stopWordWithPronoun('sacarlo', stop)).toBe(false);
  });
});
