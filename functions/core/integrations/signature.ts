/**
 * The webhook signature (API.md "Outbound integrations"): `X-Amparo-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with LEAD_WEBHOOK_SECRET. The time
 * is inside what is signed, so a receiver that refuses an old `t` refuses a replayed request.
 * The receiver's side is README.md "Signed webhooks", whose snippet test/integration/webhooks.test.ts
 * runs as written.
 */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Amparo-Signature';

/**
 * The header's value for a body sent at `now`.
 *
 * @example signatureHeader('s3cret', '{"id":"e1"}', new Date(1_767_225_600_000)) // 't=1767225600,v1=5f…'
 */
export function signatureHeader(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
