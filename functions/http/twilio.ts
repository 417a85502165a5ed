/**
 * The Twilio Messaging webhooks of API.md: `POST /webhooks/twilio/sms` and
 * `POST /webhooks/twilio/whatsapp` (the same form, with `whatsapp:+E164` addresses). The
 * signature is checked before anything is parsed or stored; the reply is TwiML with every string
 * XML-escaped.
 */
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { isValidSignature } from '../adapters/twilio-signature';
import { handleInboundSms, type SmsDeps } from '../core/channels/inbound';
import { ForbiddenError } from '../core/errors';
import { validated } from './body';
import { RequestError } from './errors';

export interface TwilioConfig {
  authToken: string;
  /** PUBLIC_BASE_URL: what Twilio calls, which the signature covers. */
  publicBaseUrl: string;
}

const MessageSid = z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, 'is not a Twilio message id');
const Body = z.string().max(1600).default('');

const InboundSchema = z.looseObject({
  MessageSid,
  From: z.string().regex(/^\+[1-9]\d{6,14}$/, 'is not an E.164 phone number'),
  Body,
});

/**
 * Twilio's WhatsApp form: a voice note, photo or file comes as NumMedia > 0, a shared location as
 * Latitude/Longitude, each with an empty Body.
 */
const WhatsAppSchema = z.looseObject({
  MessageSid,
  From: z
    .string()
    .regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'is not a WhatsApp address (whatsapp:+E164)'),
  Body,
  NumMedia: z.coerce.number().int().nonnegative().default(0),
  Latitude: z.string().optional(),
});

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function xmlEscape(text: string): string {
  // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
  const allowed = [...text].filter((c) => {
    const code = c.charCodeAt(0);
    return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
  });
  return allowed.join('').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** The message bodies of a TwiML reply (for the SMS simulator and the tests). */
export function parseTwiml(xml: string): string[] {
  const unescaped = Object.fromEntries(Object.entries(XML_ESCAPES).map(([c, e]) => [e, c]));
  return [...xml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) =>
    (m[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (e) => unescaped[e] ?? e),
  );
}

export function twiml(bodies: string[]): string {
  const messages = bodies.map((b) => `<Message>${xmlEscape(b)}</Message>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>${messages ? `<Response>${messages}</Response>` : '<Response/>'}`;
}

/** The form of a Twilio webhook, once its content type and signature are checked. */
async function signedForm(c: Context, config: TwilioConfig): Promise<Record<string, string>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw new RequestError(
      415,
      'unsupported_media_type',
      'Send the form as application/x-www-form-urlencoded.',
    );
  }
  const raw = await c.req.text();
  const params = Object.fromEntries(new URLSearchParams(raw));
  const url = new URL(c.req.url);
  const signed = `${config.publicBaseUrl}${url.pathname}${url.search}`;
  if (!isValidSignature(config.authToken, signed, params, c.req.header('x-twilio-signature'))) {
    throw new ForbiddenError('The request signature is missing or wrong.');
  }
  return params;
}

const reply = (c: Context, bodies: string[]) =>
  c.body(twiml(bodies), 200, { 'Content-Type': 'text/xml; charset=utf-8' });

export function twilioRoutes(deps: SmsDeps, config: TwilioConfig) {
  return new Hono()
    .post('/sms', async (c) => {
      const inbound = validated(InboundSchema, await signedForm(c, config), 'form');
      const bodies = await handleInboundSms(deps, {
        sid: inbound.MessageSid,
        from: inbound.From,
        body: inbound.Body.trim(),
      });
      return reply(c, bodies);
    })
    .post('/whatsapp', async (c) => {
      const inbound = validated(WhatsAppSchema, await signedForm(c, config), 'form');
      const bodies = await handleInboundSms(deps, {
        sid: inbound.MessageSid,
        from: inbound.From,
        body: inbound.Body.trim(),
        media: inbound.NumMedia > 0 || inbound.Latitude !== undefined,
      });
      return reply(c, bodies);
    });
}
