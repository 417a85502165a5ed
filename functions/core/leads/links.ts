/**
 * Signed, expiring links in the lead email (API.md "Leads"): `/leads/{id}?sig=…`,
 * `/leads/{id}/accept?sig=…`, `/leads/{id}/decline?sig=…`. The signature is
 * `<expiry>.<attorney>.<HMAC-SHA256(secret, "<id>.<action>.<expiry>.<attorney>")>`, so a link
 * says who it was sent to (who accepted) and cannot be moved to another lead or action.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LeadAction = 'view' | 'accept' | 'decline';

/** How long a link works: long enough for a busy attorney, short enough not to linger. */
export const LINK_DAYS = 14;

function mac(secret: string, leadId: string, action: LeadAction, expires: number, who: string) {
  return createHmac('sha256', secret)
    .update(`${leadId}.${action}.${expires}.${who}`)
    .digest('base64url');
}

/**
 * @example signLeadLink(secret, 'lead-1', 'accept', 'ana-ruiz', now) // '1767225600.ana-ruiz.Xy…'
 */
export function signLeadLink(
  secret: string,
  leadId: string,
  action: LeadAction,
  who: string,
  now: Date,
): string {
  const expires = Math.floor(now.getTime() / 1000) + LINK_DAYS * 86_400;
  return `${expires}.${who}.${mac(secret, leadId, action, expires, who)}`;
}

/** Who the link was made for, or undefined when it is tampered with, for another lead, or expired. */
export function verifyLeadLink(
  secret: string,
  leadId: string,
  action: LeadAction,
  sig: string | undefined,
  now: Date,
): string | undefined {
  const match = /^(\d{1,12})\.([a-z0-9-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(sig ?? '');
  if (!match) return undefined;
  const expires = Number(match[1]);
  const who = match[2] ?? '';
  const given = Buffer.from(match[3] ?? '');
  const expected = Buffer.from(mac(secret, leadId, action, expires, who));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return expires * 1000 > now.getTime() ? who : undefined;
}

export function leadLinks(base: string, secret: string, leadId: string, who: string, now: Date) {
  const url = (action: LeadAction, path: string) =>
    `${base}/leads/${leadId}${path}?sig=${signLeadLink(secret, leadId, action, who, now)}`;
  return {
    transcript: url('view', ''),
    accept: url('accept', '/accept'),
    decline: url('decline', '/decline'),
  };
}
