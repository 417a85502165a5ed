/**
 * The intake flow as data. `prompts/flow.yaml` holds the structure (steps, their answer types and
 * the conditions that make them apply); `prompts/strings.<lang>.yaml` hold every word a client
 * reads. Nothing here runs code from content: conditions are plain data evaluated by `holds`.
 */
import * as z from 'zod';
import { FACT_IDS } from './facts';

export const LANGUAGES = ['en', 'es'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const ANSWER_TYPES = [
  'yesno',
  'yesno-unsure',
  'yesno-prefer-not',
  'choice',
  'multichoice',
  'text',
  'name',
  'date',
  'anumber',
  'phone',
  'email',
  'country',
  'location',
  'language',
  'number',
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

const StepIdSchema = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'step ids are camelCase');

/** A condition over earlier answers. Every form names the step whose answer it reads. */
export type Condition =
  | { step: string; is: string | string[] }
  | { step: string; isNot: string | string[] }
  | { step: string; includesAny: string[] }
  | { step: string; answered: boolean }
  | { step: string; ageUnder: number }
  /** A (possibly partial) date certainly at least N years before today, every day it can mean. */
  | { step: string; atLeastYearsAgo: number }
  /** A (possibly partial) date certainly less than N years before today, every day it can mean. */
  | { step: string; underYearsAgo: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  /** The client lives outside the firm's service area and is not held in a facility it covers. */
  | { outsideServiceArea: true };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ step: StepIdSchema, is: z.union([z.string(), z.array(z.string()).min(1)]) }),
    z.strictObject({
      step: StepIdSchema,
      isNot: z.union([z.string(), z.array(z.string()).min(1)]),
    }),
    z.strictObject({ step: StepIdSchema, includesAny: z.array(z.string()).min(1) }),
    z.strictObject({ step: StepIdSchema, answered: z.boolean() }),
    z.strictObject({ step: StepIdSchema, ageUnder: z.number().int().positive() }),
    z.strictObject({ step: StepIdSchema, atLeastYearsAgo: z.number().int().positive() }),
    z.strictObject({ step: StepIdSchema, underYearsAgo: z.number().int().positive() }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ outsideServiceArea: z.literal(true) }),
  ]),
);

export const StepSchema = z.strictObject({
  id: StepIdSchema,
  type: z.enum(ANSWER_TYPES),
  /** Choice values, in the order they are offered. Labels live in the strings files. */
  options: z.array(z.string().regex(/^[a-z0-9-]+$/)).optional(),
  /**
   * How people say each option, in English and in Spanish, as they would type it ("se llevaron a
   * mi esposo", "my husband got picked up"): read by the choice scorer (understand/choose.ts)
   * with the knowledge search's folding, stems and synonyms, and matched whole as phrases.
   * Input vocabulary only: never shown.
   */
  examples: z
    .record(
      z.string(),
      z.strictObject({
        en: z.array(z.string().min(1)).min(1),
        es: z.array(z.string().min(1)).min(1),
      }),
    )
    .optional(),
  /**
   * Words that answer the question without saying which option ("sin papeles" at the manner of
   * entry: overstays say it too). Typed without a word that does pick an option, they get the
   * step's `clarify` string and the question again, instead of "I did not understand".
   */
  unclear: z.array(z.string().min(1)).min(1).optional(),
  /** For multichoice: the value that means "none of these" and cannot be combined. */
  noneValue: z.string().optional(),
  optional: z.boolean().default(false),
  when: ConditionSchema.optional(),
  date: z
    .strictObject({
      direction: z.enum(['past', 'future', 'any']),
      allowPartial: z.boolean().default(false),
    })
    .optional(),
  /** Never echoed back by SMS (A-number, criminal history, adverse parties). */
  sensitive: z.boolean().default(false),
  /** Asked when the client asks to talk to a person: the minimum to reach them. */
  handoff: z.boolean().default(false),
  /**
   * Later steps the same answer may also answer ("es mi esposo" at aboutSelf says the
   * relationship too): read with their own parser, and not asked again when it reads.
   */
  alsoAnswers: z.array(StepIdSchema).optional(),
  /**
   * For a yes/no step whose "yes" comes with a what ("he takes insulin", "$5,000"): an answer that
   * says something but not yes or no counts as yes, its words kept beside it.
   */
  otherIsYes: z.boolean().optional(),
  /**
   * The free-text question people answer with their story ("what do you need help with?"): the
   * answer is read for every fact it states (understand/story.ts) and said back to confirm.
   */
  story: z.boolean().optional(),
});
export type Step = z.infer<typeof StepSchema>;

/** Ends the intake early when a condition holds after an answer (e.g. not an immigration matter). */
export const ExitSchema = z.strictObject({
  when: ConditionSchema,
  outcome: z.enum(['referred', 'declined']),
  reason: z.string().regex(/^[a-z-]+$/),
});
export type Exit = z.infer<typeof ExitSchema>;

/** Articles offered at the end of an intake when a condition on the answers holds. */
export const ClosingArticlesSchema = z.strictObject({
  /** Absent: always a candidate. */
  when: ConditionSchema.optional(),
  articles: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
});

export const FlowSchema = z
  .strictObject({
    /** Which disclaimer and consent text is shown; stored with each consent for the audit trail. */
    disclaimerVersion: z.string().min(1),
    /** Which words of the hearing-reminder offer a yes was given to; stored with each yes. */
    remindersVersion: z.string().min(1).default('1'),
    steps: z.array(StepSchema).min(1),
    exits: z.array(ExitSchema).default([]),
    /** In order; the first three distinct articles whose condition holds are offered. */
    closingArticles: z.array(ClosingArticlesSchema).default([]),
    /**
     * Emergencies first (DOMAIN.md): once the answers make the intake an emergency, these steps
     * (those that apply) come next, in this order; the lead is made once `leadAfter` is answered.
     */
    emergencyFirst: z
      .strictObject({ steps: z.array(StepIdSchema).min(1), leadAfter: StepIdSchema })
      .optional(),
  })
  .superRefine((flow, ctx) => {
    const seen = new Set<string>();
    for (const [i, step] of flow.steps.entries()) {
      if (seen.has(step.id))
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'id'],
          message: `duplicate step id ${step.id}`,
        });
      seen.add(step.id);
      const needsOptions = step.type === 'choice' || step.type === 'multichoice';
      if (needsOptions !== Boolean(step.options?.length)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'options'],
          message: `${step.id}: options go with choice types only`,
        });
      }
      // Every option of a choice says how people say it, in both languages (understand/choose.ts).
      for (const option of needsOptions ? (step.options ?? []) : []) {
        if (!step.examples?.[option])
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'examples'],
            message: `${step.id}: option ${option} has no examples in English and Spanish`,
          });
      }
      for (const key of Object.keys(step.examples ?? {})) {
        if (!(step.options ?? []).includes(key))
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'examples', key],
            message: `${step.id}: examples name ${key}, which is not an option`,
          });
      }
      if ((step.type === 'date') !== Boolean(step.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'date'],
          message: `${step.id}: date settings go with date steps only`,
        });
      }
    }
    const fast = flow.emergencyFirst;
    for (const id of fast ? [...fast.steps, fast.leadAfter] : []) {
      if (!seen.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['emergencyFirst'],
          message: `emergencyFirst names ${id}, which is not a step`,
        });
    }
    if (fast && !fast.steps.includes(fast.leadAfter))
      ctx.addIssue({
        code: 'custom',
        path: ['emergencyFirst', 'leadAfter'],
        message: 'emergencyFirst.leadAfter must be one of its steps',
      });
    for (const id of RESERVED_STEPS) {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: ['steps'], message: `${id} is a reserved step id` });
    }
  });
export type Flow = z.infer<typeof FlowSchema>;

/** Steps the engine owns; a flow may not define them. */
export const RESERVED_STEPS = [
  'heard',
  'linkPhone',
  'linkCode',
  'consent',
  'confirm',
  'confirmEdit',
  'deleteConfirm',
  'end',
] as const;

/** True when `id` is one of DOMAIN.md's fact ids (its answer is a fact of the lead). */
export function isFactStep(id: string): boolean {
  return (FACT_IDS as string[]).includes(id);
}

/** Every step id a condition reads, for the flow's own consistency test. */
export function conditionSteps(cond: Condition): string[] {
  if ('all' in cond) return cond.all.flatMap(conditionSteps);
  if ('any' in cond) return cond.any.flatMap(conditionSteps);
  if ('not' in cond) return conditionSteps(cond.not);
  if ('outsideServiceArea' in cond) return ['location'];
  return [cond.step];
}
