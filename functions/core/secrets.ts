/**
 * Secrets handed to a client (web tokens, texted codes, one-time link secrets) are stored only as
 * their SHA-256 hash and compared in constant time, so neither a leaked table nor a stopwatch
 * gives one away. Every such hash and comparison goes through here.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

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

/**
 * A keyed hash (HMAC-SHA256, base64url) of something that must be recognised again but never
 * read back: a phone number or an address in a limit's key. Without the key, it cannot be tested
 * against the few billion possible addresses or numbers.
 *
 * @example keyedHash(linkSecret, 'address:203.0.113.7') // 'q3…' (43 characters)
 */
export const keyedHash = (key: string, value: string): string =>
  createHmac('sha256', key).update(value).digest('base64url');
