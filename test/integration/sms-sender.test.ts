/**
 * Outbound SMS: the Twilio REST call as Twilio's API receives it (a real local HTTP server
 * standing in for api.twilio.com, which accepts only the API key's credentials), and the local
 * outbox. Texts go out with an API key: the account's auth token, the master key of the whole
 * Twilio account, is never sent anywhere (it only checks webhook signatures).
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configuredSender,
  outboxSender,
  SmsSendError,
  twilioRestSender,
} from '../../functions/adapters/sms-sender';
import { ConfigError, loadConfig } from '../../functions/config';
import { lambdaRuntime } from '../../functions/lambda/runtime';

const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
const AUTH_TOKEN = 'the-account-auth-token-0123456789';
const API_KEY_SID = `SK${'b2'.repeat(16)}`;
const API_KEY_SECRET = 'the-api-key-secret-0123456789abc';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const received: { url: string; auth: string; form: URLSearchParams }[] = [];
let status = 201;
const fake = createServer(async (req: IncomingMessage, res) => {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  const auth = req.headers.authorization ?? '';
  received.push({ url: req.url ?? '', auth, form: new URLSearchParams(raw) });
  // As Twilio does: 401 with code 20003 for credentials it does not know.
  if (auth !== basic(API_KEY_SID, API_KEY_SECRET)) {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 20003, message: 'Authenticate' }));
    return;
  }
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
  const env = {
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_FROM_NUMBER: '+12135550142',
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_KEY_SID: API_KEY_SID,
    TWILIO_API_KEY_SECRET: API_KEY_SECRET,
  };
  /** The sender `npm start` builds from these variables, pointed at the local peer. */
  const sender = () => {
    const config = loadConfig(env);
    return configuredSender(config, config.TWILIO_API_KEY_SECRET, '/nonexistent', {
      baseUrl: base,
    });
  };

  it('posts To, From and Body to the account Messages resource with the API key', async () => {
    status = 201;
    expect(await sender().send({ to: '+12133734253', body: 'Su código: 123456 ñ' })).toEqual({
      id: 'SM0123',
    });
    const call = received.at(-1);
    expect(call?.url).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(call?.auth).toBe(basic(API_KEY_SID, API_KEY_SECRET));
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

  it('never sends the auth token, and is refused by Twilio with it', async () => {
    status = 201;
    const tokenSender = twilioRestSender({
      accountSid: ACCOUNT_SID,
      apiKeySid: ACCOUNT_SID,
      apiKeySecret: AUTH_TOKEN,
      from: '+12135550142',
      baseUrl: base,
    });
    const refused = await tokenSender.send({ to: '+12133734253', body: 'x' }).catch((e) => e);
    expect(String(refused)).toContain('401 (code 20003)');
    received.length = 0;
    await sender().send({ to: '+12133734253', body: 'y' });
    expect(received.map((r) => Buffer.from(r.auth.slice(6), 'base64').toString())).toEqual([
      `${API_KEY_SID}:${API_KEY_SECRET}`,
    ]);
    expect(JSON.stringify(received)).not.toContain(AUTH_TOKEN);
  });

  it('will not start sending texts without an API key', () => {
    const { TWILIO_API_KEY_SID: _sid, TWILIO_API_KEY_SECRET: _secret, ...withToken } = env;
    expect(() => loadConfig(withToken)).toThrow(/TWILIO_API_KEY_SID: is required to send texts/);
    const config = loadConfig({ ...withToken, TWILIO_API_KEY_SID: API_KEY_SID });
    expect(() => configuredSender(config, undefined, '/nonexistent')).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, TWILIO_API_KEY_SID: ACCOUNT_SID })).toThrow(/SK/);
  });

  it('reads the key secret on Lambda from the ARN the stack sets, only when texts are sent', async () => {
    const secrets = mockClient(SecretsManagerClient);
    const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:TwilioApiKeySecret-AbCdEf';
    secrets.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: API_KEY_SECRET });
    try {
      const { TWILIO_API_KEY_SECRET: _secret, TWILIO_AUTH_TOKEN: _token, ...stack } = env;
      const sending = lambdaRuntime({ ...stack, TWILIO_API_KEY_SECRET_ARN: ARN });
      expect(await sending.twilioApiKeySecret()).toBe(API_KEY_SECRET);
      const silent = lambdaRuntime({ TWILIO_API_KEY_SECRET_ARN: ARN });
      expect(await silent.twilioApiKeySecret()).toBeUndefined();
      expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    } finally {
      secrets.restore();
    }
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
