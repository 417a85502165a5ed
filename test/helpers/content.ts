import { loadContent } from '../../functions/adapters/content-files';
import type { Content } from '../../functions/core/content';

let cached: Content | undefined;

/** The project's real content (flow, strings, firm, TPS list), loaded and validated once. */
export function content(): Content {
  cached ??= loadContent({ root: process.cwd() });
  return cached;
}
