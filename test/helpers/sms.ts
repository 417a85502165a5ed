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
  const received: string[] = [];
  received.push(...(await sendSms(server, { from: phone, body: first })).bodies);
  for (let i = 0; i < 60; i++) {
    const line = await server.deps.sms.getLine(phone);
    const conversation = line?.conversationId
      ? await server.deps.store.get(line.conversationId)
      : undefined;
    if (conversation?.intake.status !== 'active') break;
    const answer = answers[conversation.intake.step];
    if (answer === undefined) throw new Error(`no answer for ${conversation.intake.step}`);
    const reply = await sendSms(server, { from: phone, body: answer });
    if (reply.status !== 200)
      throw new Error(`${conversation.intake.step}: ${reply.status} ${reply.xml}`);
    received.push(...reply.bodies);
  }
  return received;
}
