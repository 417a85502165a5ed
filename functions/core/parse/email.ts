/**
 * Email addresses, found inside what was typed ("my email is maria@example.com") and stored
 * lower-cased.
 */
import { NOT_PARSED, type ParseResult, parsed } from './normalize';

// Anything between separators that contains an "@": the address candidate.
const CANDIDATE = /[^\s<>()[\]{},;:"]+@[^\s<>()[\]{},;:"]+/g;
// Deliberately plain: dot-atom local part, dotted domain, alphabetic TLD. It accepts what people
// really use (plus-addressing, dots, hyphens) and no more than the `email` fact's schema does.
const LOCAL = /^[a-z0-9_'+-]+(?:\.[a-z0-9_'+-]+)*$/;
// The schema of the `email` fact refuses a local part ending in an apostrophe; so do we.
const LOCAL_END = /[a-z0-9_+-]$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function isAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  const tld = labels[labels.length - 1] ?? '';
  return (
    at > 0 &&
    local.length <= 64 &&
    address.length <= 254 &&
    LOCAL.test(local) &&
    LOCAL_END.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    /^[a-z]{2,}$/.test(tld)
  );
}

/**
 * People who cannot find "@" on a keyboard spell it: "maria arroba gmail punto com",
 * "maria at gmail dot com". Only tried when there is no "@" at all.
 */
function unspell(text: string): string {
  if (text.includes('@')) return text;
  return text.replace(/\s+(?:arroba|at)\s+/gi, '@').replace(/\s+(?:punto|dot)\s+/gi, '.');
}

/**
 * Reads an email address, lower-cased. The message must hold exactly one address, and it must
 * look deliverable (a dotted domain with a real-looking TLD); "maria@gmail" is asked again.
 *
 * @example parseEmail('My email is Maria.L@Example.com.') // => { ok: true, value: 'maria.l@example.com' }
 */
export function parseEmail(text: string): ParseResult<string> {
  const candidates = [...unspell(text.trim()).matchAll(CANDIDATE)].map((match) =>
    // A sentence may end right after the address: "write to maria@example.com."
    match[0].replace(/[.!?'’]+$/u, '').toLowerCase(),
  );
  if (candidates.length !== 1) return NOT_PARSED;
  const address = candidates[0] ?? '';
  return isAddress(address) ? parsed(address) : NOT_PARSED;
}
