/**
 * Sends signed Twilio webhook requests to a test server, as Twilio would, and reads the TwiML.
 */
import { randomBytes } from 'node:crypto';
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
  const signature =
    options.signature ??
    expectedSignature(
      options.token ?? TWILIO_TEST_TOKEN,
      `${TEST_PUBLIC_BASE_URL}/webhooks/twilio/sms`,
      params,
    );
  const res = await fetch(`${server.url}/webhooks/twilio/sms`, {
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

/** The step the texter's conversation is on, read from the store. */
export async function smsStep(server: TestServer, phone: string): Promise<string | undefined> {
  const line = await server.deps.sms.getLine(phone);
  if (!line?.conversationId) return undefined;
  return (await server.deps.store.get(line.conversationId))?.intake.step;
}
