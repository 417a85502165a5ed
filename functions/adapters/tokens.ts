/**
 * The random secrets handed to clients: web chat bearer tokens (256 bits), texted codes and
 * one-time link secrets. They are stored only as hashes (functions/core/secrets.ts).
 */
import { randomBytes, randomInt } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');

/** A six-digit code to text to a phone ("continue by text"). */
export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A one-time link secret: 192 random bits, URL-safe. */
export const newSecret = (): string => randomBytes(24).toString('base64url');
