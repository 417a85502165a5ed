/**
 * The one-time link texted for "web" opens the chat for whoever has it, so it is a secret like a
 * token (DOMAIN.md "Safety rules"): stored only as a hash. The attack: read the table (a backup,
 * an export, a leaked copy) for a link that still works. The replies kept for a retried webhook
 * held the link itself. A retried webhook must still get the same link, which works once.
 */

import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebLink } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { newSid, sendSms, smsStep } from '../helpers/sms';
import { PII_ANSWERS } from './intakes';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const PHONE = '+12133734801';

async function table(): Promise<string> {
  const out = await server.client.send(new ScanCommand({ TableName: server.tableName }));
  return JSON.stringify(out.Items ?? []);
}

const open = (code: string) => openWebLink(server.url, code);

describe('the link texted for "web"', () => {
  it('is not in the table, yet a retried webhook gets the same link, good once', async () => {
    await sendSms(server, { from: PHONE, body: 'hello' });
    for (let i = 0; i < 10 && (await smsStep(server, PHONE)) !== 'aboutSelf'; i++) {
      const step = (await smsStep(server, PHONE)) ?? '';
      await sendSms(server, { from: PHONE, body: PII_ANSWERS[step] ?? 'yes' });
    }
    const sid = newSid();
    const reply = await sendSms(server, { from: PHONE, body: 'web', sid });
    const code = /amparo\.test\/\?continue=(\S+)/.exec(reply.bodies.join('\n'))?.[1] ?? '';
    const secret = code.split('.')[1] ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(16);

    expect(await table()).not.toContain(secret);

    const retried = await sendSms(server, { from: PHONE, body: 'web', sid });
    expect(retried.bodies).toEqual(reply.bodies);
    expect((await open(code)).status).toBe(200);
    expect((await open(code)).status).toBe(403);
  });
});
