/**
 * What goes to each target, built from the lead as it is when sent (so a retry carries the same
 * event id and the lead's latest state): a webhook's signed JSON envelope, and Clio Grow's Lead
 * Inbox shape (https://docs.developers.clio.com/guides/clio-grow/lead-inbox-api/).
 */
import type { Catalog } from '../content';
import { headline } from '../leads/email-model';
import { emailWords } from '../leads/email-words';
import { type LeadJson, leadJson } from '../leads/json';
import type { Lead } from '../leads/lead';
import type { OutboundEvent } from './events';
import { SIGNATURE_HEADER, signatureHeader } from './signature';

export interface OutboundRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The webhook body: `{"id", "type", "createdAt", "lead": <lead.json>}`. */
export interface WebhookBody {
  id: string;
  type: OutboundEvent['type'];
  createdAt: string;
  lead: LeadJson;
}

/**
 * A webhook POST for an event, signed at `now` (each try is signed again: the receiver checks
 * the time, never the id, for freshness).
 *
 * @example webhookRequest('https://crm.example/hook', event, lead, secret, now).headers['X-Amparo-Signature'] // 't=…,v1=…'
 */
export function webhookRequest(
  url: string,
  event: Pick<OutboundEvent, 'id' | 'type' | 'createdAt'>,
  lead: Lead,
  secret: string,
  now: Date,
): OutboundRequest {
  const payload: WebhookBody = {
    id: event.id,
    type: event.type,
    createdAt: event.createdAt,
    lead: leadJson(lead),
  };
  const body = JSON.stringify(payload);
  return {
    url,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Amparo-Webhooks/1',
      'X-Amparo-Event-Id': event.id,
      [SIGNATURE_HEADER]: signatureHeader(secret, body, now),
    },
    body,
  };
}

/** Clio Grow's Lead Inbox body (its documented fields). */
export interface ClioInboxBody {
  inbox_lead_token: string;
  inbox_lead: {
    from_first: string;
    from_last: string;
    from_message: string;
    from_email?: string;
    from_phone?: string;
    referring_url: string;
    from_source: string;
  };
}

/** "María López García" → first "María", last "López García"; one word is a first name. */
export function splitName(name: string | undefined): { first: string; last: string } {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { first: 'Unknown', last: '-' };
  if (words.length === 1) return { first: words[0] ?? '', last: '-' };
  return { first: words[0] ?? '', last: words.slice(1).join(' ') };
}

/**
 * A new lead for Clio Grow's Lead Inbox: the client's name, email and phone, and a message with
 * the urgency and headline, the possible options, possible conflicts and the signed
 * transcript link, in the email's words; source "Amparo".
 *
 * @example clioRequest(url, lead, { token, strings, transcript, referringUrl }).body // '{"inbox_lead":{"from_first":"María",…},"inbox_lead_token":"…"}'
 */
export function clioRequest(
  url: string,
  lead: Lead,
  options: { token: string; strings: Catalog; transcript: string; referringUrl: string },
): OutboundRequest {
  const words = emailWords(options.strings, 'en');
  const { first, last } = splitName(lead.contact.name ?? lead.facts.name);
  const flags = lead.flags.map((f) => words.flag(f.id));
  const lines = [
    `${words.say('banner', { urgency: words.urgency(lead.urgency) })}: ${headline(lead, words)}`,
    ...(lead.conflicts?.length
      ? [`${words.say('conflictsTitle')}: ${lead.conflicts.map((c) => c.name).join(', ')}`]
      : []),
    ...(flags.length ? [`${words.say('sections.flags')}: ${flags.join(', ')}`] : []),
    `${words.say('transcript')}: ${options.transcript}`,
  ];
  const body: ClioInboxBody = {
    inbox_lead: {
      from_first: first,
      from_last: last,
      from_message: lines.join('\n'),
      ...(lead.contact.email ? { from_email: lead.contact.email } : {}),
      ...(lead.contact.phone ? { from_phone: lead.contact.phone } : {}),
      referring_url: options.referringUrl,
      from_source: 'Amparo',
    },
    inbox_lead_token: options.token,
  };
  return {
    url,
    // Clio's guide asks for Content-Type and "Accepts" (sic): both spellings are sent.
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Accepts: 'application/json',
    },
    body: JSON.stringify(body),
  };
}
