/**
 * The random secrets handed to clients: web chat bearer tokens (256 bits) and texted codes. They
 * are stored only as hashes (functions/core/secrets.ts). The one-time web link's secret is a keyed
 * hash instead (`webLinkSecret` in functions/deps.ts), so a retried webhook can repeat it.
 */
import { randomBytes, randomInt } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');

/** A six-digit code to text to a phone ("continue by text"). */
export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
