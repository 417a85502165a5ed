/**
 * Twilio's webhook signature: base64 HMAC-SHA1, keyed by the account's auth token, over the full
 * URL Twilio called followed by every POST parameter, sorted by name, as name + value. Compared in
 * constant time. (Twilio, "Webhooks security"; proven against the `twilio` helper library's own
 * validateRequest in test/unit/adapters/twilio-signature.test.ts.)
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function expectedSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/**
 * @example isValidSignature(token, 'https://x.example/webhooks/twilio/sms', params, header)
 */
export function isValidSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(expectedSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
