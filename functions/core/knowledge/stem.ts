/**
 * Word forms, in English and Spanish, with no vocabulary: the light stem every word is cut to
 * (`stem`), and the other readings of a word the stem misses (`readings`: a conjugation, a stem
 * change, a pronoun joined to a verb). terms.ts applies them with the vocabulary's tables.
 */
import { normalize } from '../parse/normalize';

/** Endings cut by `stem`, longest first within each language; the first that fits is cut. */
const SUFFIXES =
  // Spanish: nouns, participles, gerunds, past and present verb endings
  (
    'amientos amiento imientos imiento aciones iciones acion icion mente adoras adores adora ' +
    'ador ando iendo aron ieron aban aria arian aras ados adas idos idas ado ada ido ida aba amos ' +
    'emos imos an en ' +
    // English
    'ations ation ings ing ed ly ' +
    // Spanish infinitives
    'ar er ir'
  ).split(' ');

/**
 * A light stem for either language: a plural cut, then the longest known suffix, then a final
 * vowel, always leaving at least four letters. Good enough to join "hearings" and "hearing",
 * "trabajando" and "trabajo", "reopened" and "reopen"; words that still do not meet are
 * synonyms' job.
 *
 * @example stem('audiencias') // 'audienci'
 */
export function stem(word: string): string {
  if (/[\d#-]/.test(word)) return word;
  if (word.length === 4) return /[^su]s$/.test(word) ? word.slice(0, -1) : word;
  if (word.length < 4) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ces') && w.length > 5) w = `${w.slice(0, -3)}z`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of SUFFIXES) {
    const min = suffix.length <= 2 && /[ae]n$/.test(suffix) ? 5 : 4;
    if (w.endsWith(suffix) && w.length - suffix.length >= min) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (/[aeo]$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

// --- forms the light stem misses ---

/** Pronouns joined to a Spanish verb: "regresarme", "sacarlo", "ayudenos". */
const PRONOUNS = 'selo sela melo mela noslo nos los las les me te se lo la le'.split(' ');

/**
 * Verb and plural endings, longest first, tried on a question's word that no article knows:
 * Spanish conjugations ("pidió", "llegué", "llaman", "renovaron") and English inflections
 * ("stopped", "moving", "applies").
 */
const ENDINGS = (
  'ieramos iesemos aramos asemos ieron ieran iendo aron aran aban amos emos imos iste aste ' +
  'ando ado ada ido ida ara ira era ian ias ia io ing ied ies ed es as an en ar er ir ' +
  'o a e i s'
).split(' ');

/**
 * Stem changes undone on what is left: pid → ped, quier → quer, pued → pod, llegu → lleg, and
 * the "g" of tener, poner, venir, salir ("detengan", "mantenga", "salgo": deten, manten, sal).
 */
const ROOT_CHANGES: [RegExp, string][] = [
  [/gu$/, 'g'],
  [/([nl])g$/, '$1'],
  [/qu$/, 'c'],
  [/zc$/, 'c'],
  [/ie([^aeiou]+)$/, 'e$1'],
  [/ue([^aeiou]+)$/, 'o$1'],
  [/i([^aeiou]+)$/, 'e$1'],
  [/u([^aeiou]+)$/, 'o$1'],
  [/([^aeiou])\1$/, '$1'],
];

/**
 * The roots and base forms a folded word may be an inflection of, best first: its root with each
 * ending cut (and a stem change undone), as a Spanish infinitive and as an English base form,
 * after any pronoun joined to a verb is cut.
 *
 * @example readings('pidio').includes('pedir') // true
 */
export function readings(w: string): string[] {
  const out: string[] = [];
  const add = (form: string) => {
    if (form !== w && !out.includes(form)) out.push(form);
  };
  if (w.length < 4 || /[\d#-]/.test(w)) return out;
  // A pronoun cut first: the verb left is then read as any other word.
  for (const pronoun of PRONOUNS) {
    const verb = w.slice(0, -pronoun.length);
    if (w.endsWith(pronoun) && verb.length >= 4 && /(ar|er|ir|ando|iendo|a|e|an|en)$/.test(verb)) {
      add(verb);
      for (const form of readings(verb)) add(form);
    }
  }
  for (const ending of ENDINGS) {
    if (!w.endsWith(ending) || w.length - ending.length < 3) continue;
    const root = w.slice(0, -ending.length);
    const roots = [root, ...ROOT_CHANGES.map(([from, to]) => root.replace(from, to))];
    for (const r of new Set(roots)) {
      if (r.length < 3) continue;
      // A root of three letters is read only as a word with an ending: bare, "irs" (of "irse")
      // would be the IRS.
      if (r.length > 3) add(r);
      for (const form of [`${r}ar`, `${r}er`, `${r}ir`, `${r}e`, `${r}o`, `${r}a`]) add(form);
    }
  }
  return out;
}

/**
 * True when the word is a verb that says nothing with a pronoun joined to it ("dejarlo",
 * "hacerle", "diciendole"): the verb left is a stop word or a form of one.
 *
 * @example stopWordWithPronoun('dejarlo', new Set(['dejar'])) // true
 */
export function stopWordWithPronoun(word: string, stopWords: ReadonlySet<string>): boolean {
  const w = normalize(word);
  for (const pronoun of PRONOUNS) {
    const verb = w.slice(0, -pronoun.length);
    if (!w.endsWith(pronoun) || verb.length < 4 || !/(ar|er|ir|ando|iendo)$/.test(verb)) continue;
    if (stopWords.has(verb) || formOfStopWord(verb, stopWords)) return true;
  }
  return false;
}

/**
 * True when the word is a form of a stop word ("pudieron", "tendria", "hicimos"): some
 * reading of it as a Spanish infinitive is one, and the word is long enough not to be a stray
 * fragment.
 *
 * @example formOfStopWord('pudieron', new Set(['poder'])) // true
 */
export function formOfStopWord(word: string, stopWords: ReadonlySet<string>): boolean {
  const w = normalize(word);
  if (w.length < 5 || /[\d#-]/.test(w)) return false;
  if (stopWordWithPronoun(w, stopWords)) return true;
  for (const ending of ENDINGS) {
    if (ending.length < 2 || !w.endsWith(ending) || w.length - ending.length < 3) continue;
    const root = w.slice(0, -ending.length);
    for (const r of new Set([root, ...ROOT_CHANGES.map(([from, to]) => root.replace(from, to))]))
      for (const form of [`${r}ar`, `${r}er`, `${r}ir`]) if (stopWords.has(form)) return true;
  }
  return false;
}
