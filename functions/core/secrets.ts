/**
 * Secrets handed to a client (web tokens, texted codes, one-time link secrets) are stored only as
 * their SHA-256 hash and compared in constant time, so neither a leaked table nor a stopwatch
 * gives one away. Every such hash and comparison goes through here.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The hex SHA-256 of a secret, the only form of it that is stored.
 *
 * @example hashSecret('123456') // '8d969eef…'
 */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

/** True when `secret` hashes to `storedHash`; the comparison does not leak where they differ. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
