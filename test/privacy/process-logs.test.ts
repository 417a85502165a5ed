/**
 * The same privacy check on the real `npm start` process: full intakes with recognisable fake
 * data (a web intake that becomes a lead and is emailed by the in-process worker, an SMS intake,
 * "continue by text", a bad request carrying the data), then everything the process wrote to
 * stdout and stderr, start to exit, is searched for every form of every value.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '../../functions/adapters/dynamo-client';
import { createDynamoSmsStore } from '../../functions/adapters/dynamo-sms-store';
import { createDynamoStore } from '../../functions/adapters/dynamo-store';
import { freePort } from '../../functions/local/dynamodb-local';
import { type Amparo, alive, killAll, startAmparo, until } from '../faults/process';
import type { TestServer } from '../helpers/server';
import { sendSms, textIntake } from '../helpers/sms';
import { PII_ANSWERS, webIntake } from './intakes';
import { e164, findPii, PERSON } from './pii';

const dataDir = mkdtempSync(join(tmpdir(), 'amparo-privacy-'));
let amparo: Amparo | undefined;
afterAll(async () => {
  await killAll();
  if (amparo) expect(alive(amparo.javaPid)).toBe(false);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('everything `npm start` writes while taking in personal data', () => {
  it('holds none of it, in any form', async () => {
    amparo = await startAmparo({ port: await freePort(), dataDir });
    const { url } = amparo;

    const web = await webIntake(url);
    expect(web.state.done).toBe(true);
    // The worker emails the lead at once: the .eml holds the data, as it should; the logs not.
    const outbox = join(dataDir, 'outbox');
    await until(
      () => existsSync(outbox) && readdirSync(outbox).some((f) => f.endsWith('.eml')),
      15_000,
      'the lead email',
    );
    const eml = readdirSync(outbox).find((f) => f.endsWith('.eml')) ?? '';
    expect(findPii(readFileSync(join(outbox, eml), 'utf8'))).toContain(PERSON.email);

    // An SMS intake, read step by step from the process's own database.
    const endpoint = readFileSync(join(dataDir, 'dynamodb-endpoint'), 'utf8').trim();
    const client = dynamoClient(endpoint, 'us-east-1');
    const deps = {
      sms: createDynamoSmsStore({ client, tableName: 'amparo' }),
      store: createDynamoStore({ client, tableName: 'amparo', now: () => new Date() }),
    };
    const texter = e164(PERSON.textPhone);
    const server = { url, deps } as unknown as TestServer;
    await textIntake(server, texter, { ...PII_ANSWERS, phone: PERSON.textPhone }, 'hola');
    client.destroy();

    // "continue by text", and a request that fails while carrying the data.
    const linked = await webIntake(url, { until: 'aboutSelf' });
    await linked.say('continue by text');
    await linked.say(PERSON.phone);
    await sendSms({ url }, { from: e164(PERSON.phone), body: PERSON.criminalStory });
    const bad = await fetch(`${url}/api/conversations/${linked.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${linked.token}` },
      body: `{"text": "${PERSON.name} ${PERSON.aNumber}`,
    });
    expect(bad.status).toBe(400);

    amparo.kill('SIGTERM');
    expect((await amparo.exited).code).toBe(0);
    const output = amparo.output();
    // The process did log the requests: a scan of nothing would prove nothing.
    expect(output).toContain('Amparo is running');
    expect(output.match(/"event":"request"/g)?.length ?? 0).toBeGreaterThan(60);
    expect(output).toContain('"lead_delivered"');
    expect(findPii(output)).toEqual([]);
  }, 120_000);
});
