/**
 * Choosing an option from what the answer means, when no label, alias or number names one:
 * "Migración detuvo a alguien" for "Migración (ICE) detuvo a alguien", "cruzó la frontera" where
 * the examples say "crucé", "I need help with my divorce" for "something else".
 *
 * Every option's labels (both languages) and example phrasings (flow.yaml `examples`) are read
 * into terms the way the knowledge search reads text (knowledge/terms.ts: accent and case
 * folding, texting spellings, synonyms across English and Spanish, light stems). An answer
 * scores against each example by how much of the example's meaning it holds, each term weighed
 * by how few options use it; an option scores its best example. The best option is chosen only
 * when it is clearly ahead; otherwise nothing is, and the question is asked again with its
 * numbered options.
 */
import type { Content } from '../content';
import { LANGUAGES, type Language, type Step } from '../flow';
import type { Reading } from '../parse/reading';

/** The least share of an example's meaning an answer must hold. */
export const MIN_SCORE = 0.75;
/** How far ahead of the next option the best one must be. */
export const MIN_MARGIN = 0.25;

/** An option picked by meaning, with how sure: its score minus the next option's. */
export interface Chosen {
  value: string;
  score: number;
  confidence: number;
}

interface OptionIndex {
  value: string;
  examples: string[][];
}

interface StepIndex {
  options: OptionIndex[];
  weight: Map<string, number>;
}

const indexes = new WeakMap<Content, WeakMap<Step, StepIndex>>();

/** The phrasings of each option: its label in every language, its aliases and its examples. */
function phrasings(content: Content, step: Step, value: string): [string, Language][] {
  const out: [string, Language][] = [];
  for (const lang of LANGUAGES) {
    const label = content.strings[lang][`steps.${step.id}.options.${value}`];
    // "Something else (not immigration)": what a label says the option is not is no phrasing of
    // it ("Inmigración" alone never picks it).
    if (typeof label === 'string')
      out.push([
        label.replace(/[()]/g, ' ').replace(/\b(?:not|no(?: es)?(?: de)?)\s+\p{L}+/giu, ' '),
        lang,
      ]);
    for (const example of step.examples?.[value]?.[lang] ?? []) out.push([example, lang]);
  }
  return out;
}

function indexOf(content: Content, step: Step): StepIndex {
  let byStep = indexes.get(content);
  if (!byStep) {
    byStep = new WeakMap();
    indexes.set(content, byStep);
  }
  const known = byStep.get(step);
  if (known) return known;
  const options = (step.options ?? []).map((value) => ({
    value,
    examples: phrasings(content, step, value)
      .map(([text, lang]) => [...new Set(content.knowledge.terms(text, lang))])
      .filter((terms) => terms.length > 0),
  }));
  // A term used by fewer options tells more: "detain" picks detention, "help" picks nothing.
  const used = new Map<string, number>();
  for (const option of options) {
    for (const term of new Set(option.examples.flat())) used.set(term, (used.get(term) ?? 0) + 1);
  }
  const weight = new Map<string, number>();
  for (const [term, count] of used) weight.set(term, Math.log(1 + options.length / count));
  const index = { options, weight };
  byStep.set(step, index);
  return index;
}

/**
 * The option an answer means, or undefined when none is clearly meant.
 *
 * @example chooseByMeaning(content, matterStep, read('necesito ayuda con mi divorcio'), 'es')?.value // 'other'
 */
export function chooseByMeaning(
  content: Content,
  step: Step,
  text: Reading,
  language: Language,
): Chosen | undefined {
  // A question about an option is not a choice of it, except at the story question, where what
  // people ask about is what they need help with ("can I get a work permit?").
  if (!step.options || (text.question && !step.story)) return undefined;
  const index = indexOf(content, step);
  const said = new Set(
    text.memo(`terms:${language}`, () => content.knowledge.terms(text.raw, language)),
  );
  if (said.size === 0) return undefined;
  const scores = index.options.map((option) => {
    let best = 0;
    for (const example of option.examples) {
      let total = 0;
      let held = 0;
      for (const term of example) {
        const w = index.weight.get(term) ?? 0;
        total += w;
        if (said.has(term)) held += w;
      }
      if (total > 0) best = Math.max(best, held / total);
    }
    return { value: option.value, score: best };
  });
  scores.sort((a, b) => b.score - a.score);
  const [first, second] = scores;
  if (!first) return undefined;
  const confidence = first.score - (second?.score ?? 0);
  if (first.score < MIN_SCORE || confidence < MIN_MARGIN) return undefined;
  return { value: first.value, score: first.score, confidence };
}
