/**
 * Web chat bearer tokens: 256 random bits, handed to the client once and stored only as a
 * SHA-256 hash, compared in constant time.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** True when `token` hashes to `storedHash`; the comparison does not leak where they differ. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A six-digit code to text to a phone ("continue by text"). */
export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A one-time link secret: 192 random bits, URL-safe. */
export const newSecret = (): string => randomBytes(24).toString('base64url');
