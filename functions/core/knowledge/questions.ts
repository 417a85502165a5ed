/**
 * Labelled questions: what clients ask, each with the articles that answer it, best first, or
 * `none` when no article does. They live in knowledge/questions/*.yaml (read by
 * adapters/content-files.ts; the Lambda's content.json carries them): the knowledge classifier
 * (classifier.ts) learns from every one of them, and `npm run eval:knowledge` measures the search
 * against them. A set written blind stays out of that folder (test/knowledge/) until its first
 * run is reported.
 */
import * as z from 'zod';
import { LanguageSchema } from '../flow';

export const LabelledQuestionSchema = z.strictObject({
  q: z.string().min(1),
  lang: LanguageSchema,
  // `none` alone: written inside a list it would be read as an article id.
  expect: z.union([
    z.literal('none'),
    z.array(z.string().refine((id) => id !== 'none', 'write `expect: none`, not in a list')).min(1),
  ]),
});
export type LabelledQuestion = z.infer<typeof LabelledQuestionSchema>;

/** One questions file. */
export const QuestionsFileSchema = z.strictObject({
  questions: z.array(LabelledQuestionSchema).min(1),
});
export type QuestionsFile = z.infer<typeof QuestionsFileSchema>;
