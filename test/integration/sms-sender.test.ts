/**
 * Outbound SMS: the Twilio REST call as Twilio's API receives it (a real local HTTP server
 * standing in for api.twilio.com), and the local outbox.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxSender, SmsSendError, twilioRestSender } from '../../functions/adapters/sms-sender';

const received: { url: string; auth: string; form: URLSearchParams }[] = [];
let status = 201;
const fake = createServer(async (req: IncomingMessage, res) => {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  received.push({
    url: req.url ?? '',
    auth: req.headers.authorization ?? '',
    form: new URLSearchParams(raw),
  });
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify(status < 300 ? { sid: 'SM0123' } : { code: 21610, message: 'unsubscribed' }),
  );
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((done) => fake.listen(0, '127.0.0.1', () => done()));
  base = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => fake.close(() => done())));

describe('sending an SMS through the Twilio REST API', () => {
  const sender = () =>
    twilioRestSender({
      accountSid: 'AC123',
      authToken: 'secret',
      from: '+12135550142',
      baseUrl: base,
    });

  it('posts To, From and Body to the account Messages resource with basic auth', async () => {
    status = 201;
    expect(await sender().send({ to: '+12133734253', body: 'Su código: 123456 ñ' })).toEqual({
      id: 'SM0123',
    });
    const call = received.at(-1);
    expect(call?.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(call?.auth).toBe(`Basic ${Buffer.from('AC123:secret').toString('base64')}`);
    expect(Object.fromEntries(call?.form ?? [])).toEqual({
      To: '+12133734253',
      From: '+12135550142',
      Body: 'Su código: 123456 ñ',
    });
  });

  it('fails with Twilio status and code only, never the number or the text', async () => {
    status = 400;
    const error = await sender()
      .send({ to: '+12133734253', body: 'secret text' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect(String(error)).toContain('21610');
    expect(String(error)).not.toMatch(/2133734253|secret text/);
  });
});

describe('the local SMS outbox', () => {
  it('writes one JSON file per message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sms-outbox-'));
    const sender = outboxSender(dir, () => new Date('2026-11-25T18:00:00Z'));
    const { id } = await sender.send({ to: '+12133734253', body: 'hola' });
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const saved = JSON.parse(await readFile(join(dir, files[0] ?? ''), 'utf8'));
    expect(saved).toEqual({ id, at: '2026-11-25T18:00:00.000Z', to: '+12133734253', body: 'hola' });
  });
});
