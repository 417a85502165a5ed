/** Content on disk (prompts/, knowledge/) that does not pass its schema. */
export class ContentError extends Error {
  override name = 'ContentError';
}
