/**
 * Sends signed Twilio webhook requests to a test server, as Twilio would, and reads the TwiML.
 */
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { expectedSignature } from '../../functions/adapters/twilio-signature';
import { parseTwiml } from '../../functions/http/twilio';
import { TEST_PUBLIC_BASE_URL, type TestServer, TWILIO_TEST_TOKEN } from './server';

export const newSid = () => `SM${randomBytes(16).toString('hex')}`;

export const messagesOf = parseTwiml;

export interface SmsReply {
  status: number;
  xml: string;
  bodies: string[];
}

export async function sendSms(
  server: Pick<TestServer, 'url'>,
  message: { from: string; body: string; sid?: string },
  options: { signature?: string; token?: string } = {},
): Promise<SmsReply> {
  const params: Record<string, string> = {
    MessageSid: message.sid ?? newSid(),
    AccountSid: `AC${'0'.repeat(32)}`,
    From: message.from,
    To: '+12135550142',
    Body: message.body,
    NumMedia: '0',
  };
  const path = '/webhooks/twilio/sms';
  const signature =
    options.signature ??
    expectedSignature(options.token ?? TWILIO_TEST_TOKEN, `${TEST_PUBLIC_BASE_URL}${path}`, params);
  return postForm(server, path, params, signature);
}

/** Posts a signed Twilio form to `path` of the server and reads the TwiML it answers. */
async function postForm(
  server: Pick<TestServer, 'url'>,
  path: string,
  params: Record<string, string>,
  signature: string,
): Promise<SmsReply> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
    },
    body: new URLSearchParams(params).toString(),
  });
  const xml = await res.text();
  return { status: res.status, xml, bodies: messagesOf(xml) };
}

/**
 * Sends a WhatsApp message as Twilio's WhatsApp webhook does (`whatsapp:+E164` addresses), signed
 * with Twilio's own library; `media` stands for a voice note, a photo or a shared location.
 */
export async function sendWhatsApp(
  server: Pick<TestServer, 'url'>,
  message: {
    from: string;
    body: string;
    sid?: string;
    media?: 'voice' | 'photo' | 'location';
  },
  options: { signature?: string } = {},
): Promise<SmsReply> {
  const params: Record<string, string> = {
    MessageSid: message.sid ?? newSid(),
    AccountSid: `AC${'0'.repeat(32)}`,
    From: message.from.startsWith('whatsapp:') ? message.from : `whatsapp:${message.from}`,
    To: 'whatsapp:+15555550100',
    Body: message.body,
    NumMedia: '0',
    ProfileName: 'Cliente',
  };
  if (message.media === 'voice' || message.media === 'photo') {
    params.NumMedia = '1';
    params.MediaContentType0 = message.media === 'voice' ? 'audio/ogg' : 'image/jpeg';
    params.MediaUrl0 = `https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/${params.MessageSid}/Media/ME0`;
  }
  if (message.media === 'location')
    Object.assign(params, { Latitude: '34.05', Longitude: '-118.24' });
  const path = '/webhooks/twilio/whatsapp';
  const signature =
    options.signature ??
    twilio.getExpectedTwilioSignature(TWILIO_TEST_TOKEN, `${TEST_PUBLIC_BASE_URL}${path}`, params);
  return postForm(server, path, params, signature);
}

/** The step the texter's conversation is on, read from the store. */
export async function smsStep(server: TestServer, phone: string): Promise<string | undefined> {
  const line = await server.deps.sms.getLine(phone);
  if (!line?.conversationId) return undefined;
  return (await server.deps.store.get(line.conversationId))?.intake.step;
}

/**
 * Texts a whole intake: the first message, then the answer to each step the conversation is on,
 * read from the store, until it ends. Returns every body received.
 */
export async function textIntake(
  server: TestServer,
  phone: string,
  answers: Record<string, string>,
  first: string,
): Promise<string[]> {
  // A `whatsapp:` address writes by WhatsApp.
  const send = phone.startsWith('whatsapp:') ? sendWhatsApp : sendSms;
  const received: string[] = [];
  received.push(...(await send(server, { from: phone, body: first })).bodies);
  for (let i = 0; i < 60; i++) {
    const line = await server.deps.sms.getLine(phone);
    const conversation = line?.conversationId
      ? await server.deps.store.get(line.conversationId)
      : undefined;
    if (conversation?.intake.status !== 'active') break;
    const answer = answers[conversation.intake.step];
    if (answer === undefined) throw new Error(`no answer for ${conversation.intake.step}`);
    const reply = await send(server, { from: phone, body: answer });
    if (reply.status !== 200)
      throw new Error(`${conversation.intake.step}: ${reply.status} ${reply.xml}`);
    received.push(...reply.bodies);
  }
  return received;
}
