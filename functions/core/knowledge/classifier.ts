/**
 * The knowledge search's second reader: a softmax regression (multinomial logistic regression)
 * over a question's terms and their adjacent pairs, trained at build time on every labelled
 * question there is: each article's `questions:` phrasings, and knowledge/questions/*.yaml (what
 * clients asked, with the article that answers it, or "none": questions.ts). Where the nearest-phrasing search (search.ts) compares a question with the phrasings
 * one at a time, the regression learns which words tell one article from the others and from
 * "none" across all of them: a word many articles' phrasings use says little, a word of one
 * article's phrasings says much, and a question made of words no article's phrasings use leans
 * to "none". On questions written after it was tuned it ranks better and answers fewer
 * off-topic questions than the nearest phrasing alone; search.ts blends the two.
 *
 * Training is deterministic (a fixed shuffle, a fixed schedule), so the same content gives the
 * same model; the model is plain JSON (content.json carries it, like the rest of the analysis).
 */
import * as z from 'zod';

/** The label of questions no article answers. */
export const NONE = 'none';

/**
 * The trained model: the labels (article ids, then NONE), and per feature its non-negligible
 * weights as [label index, weight] pairs (rounded to WEIGHT_DIGITS decimals).
 */
export const ClassifierModelSchema = z.strictObject({
  labels: z.array(z.string()).min(2),
  weights: z.array(z.tuple([z.string(), z.array(z.number())])),
});
export type ClassifierModel = z.infer<typeof ClassifierModelSchema>;

export interface LabelledTerms {
  terms: readonly string[];
  label: string;
}

/** Passes over the examples. Tuned on the evaluation sets: more changes nothing. */
const EPOCHS = 15;
/** First learning rate, decayed as 1 / (1 + DECAY × epoch). */
const LEARNING_RATE = 0.5;
const DECAY = 0.1;
/** A label whose gradient is smaller than this is not updated for an example. */
const MIN_GRADIENT = 1e-4;
/** Weights smaller than this are dropped from the stored model (they change no ranking). */
const KEEP = 0.1;
const WEIGHT_DIGITS = 3;
const BIAS = '';

/**
 * A question's features: its distinct terms, each adjacent pair of them, and the bias.
 *
 * @example features(['spouse', 'detain']) // ['spouse', 'detain', 'spouse detain', '']
 */
export function features(terms: readonly string[]): string[] {
  const distinct = [...new Set(terms)];
  const pairs = distinct.slice(1).map((t, i) => `${distinct[i]} ${t}`);
  return [...distinct, ...pairs, BIAS];
}

/**
 * Trains the model on labelled questions (already read into terms).
 *
 * @example trainClassifier([{ terms: ['bond'], label: 'bond-hearings' }, { terms: ['divorce'], label: 'none' }]).labels // ['bond-hearings', 'none']
 */
export function trainClassifier(examples: readonly LabelledTerms[]): ClassifierModel {
  const labels = [...new Set(examples.map((e) => e.label).filter((l) => l !== NONE)), NONE];
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const featureIndex = new Map<string, number>();
  const rows = examples.map((e) =>
    features(e.terms).map((f) => {
      let k = featureIndex.get(f);
      if (k === undefined) {
        k = featureIndex.size;
        featureIndex.set(f, k);
      }
      return k;
    }),
  );
  const targets = examples.map((e) => labelIndex.get(e.label) ?? 0);
  const K = labels.length;
  const W = new Float64Array(K * featureIndex.size);
  const p = new Float64Array(K);
  const order = rows.map((_, i) => i);
  // A fixed shuffle (Park–Miller), so the same content trains the same model.
  let seed = 20261207;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const rate = LEARNING_RATE / (1 + DECAY * epoch);
    for (const i of order) {
      const x = rows[i] ?? [];
      softmax(W, x, K, p);
      const y = targets[i];
      for (let k = 0; k < K; k++) {
        const g = (p[k] ?? 0) - (k === y ? 1 : 0);
        // A label the question is already far from moves nothing worth the time.
        if (g > -MIN_GRADIENT && g < MIN_GRADIENT) continue;
        const step = rate * g;
        for (const j of x) {
          const at = j * K + k;
          W[at] = (W[at] ?? 0) - step;
        }
      }
    }
  }
  const scale = 10 ** WEIGHT_DIGITS;
  const weights: ClassifierModel['weights'] = [];
  for (const [f, j] of featureIndex) {
    const kept: number[] = [];
    for (let k = 0; k < K; k++) {
      const w = W[j * K + k] ?? 0;
      if (Math.abs(w) >= KEEP) kept.push(k, Math.round(w * scale) / scale);
    }
    if (kept.length) weights.push([f, kept]);
  }
  return { labels, weights };
}

/** p ← softmax of the summed weights of features x (W laid out feature-major, K per feature). */
function softmax(W: Float64Array, x: readonly number[], K: number, p: Float64Array): void {
  p.fill(0);
  for (const j of x) for (let k = 0; k < K; k++) p[k] = (p[k] ?? 0) + (W[j * K + k] ?? 0);
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < K; k++) max = Math.max(max, p[k] ?? 0);
  let total = 0;
  for (let k = 0; k < K; k++) {
    p[k] = Math.exp((p[k] ?? 0) - max);
    total += p[k] ?? 0;
  }
  for (let k = 0; k < K; k++) p[k] = (p[k] ?? 0) / total;
}

export interface Classifier {
  /** Each label's probability for a question's terms, NONE included. */
  probabilities(terms: readonly string[]): Map<string, number>;
}

/**
 * The model ready to use.
 *
 * @example classifierOf(model).probabilities(['bond']).get('bond-hearings') // 0.9…
 */
export function classifierOf(model: ClassifierModel): Classifier {
  const K = model.labels.length;
  const byFeature = new Map(model.weights);
  return {
    probabilities(terms) {
      const z = new Float64Array(K);
      for (const f of features(terms)) {
        const row = byFeature.get(f);
        if (!row) continue;
        for (let i = 0; i < row.length; i += 2) {
          const k = row[i] ?? 0;
          z[k] = (z[k] ?? 0) + (row[i + 1] ?? 0);
        }
      }
      let max = Number.NEGATIVE_INFINITY;
      for (const v of z) max = Math.max(max, v);
      let total = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp((z[k] ?? 0) - max);
        total += z[k] ?? 0;
      }
      return new Map(model.labels.map((label, k) => [label, (z[k] ?? 0) / total]));
    },
  };
}
