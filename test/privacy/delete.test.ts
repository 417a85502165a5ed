/**
 * "delete my data" / "borrar mis datos": after the confirmation no item of that conversation is
 * left in the table and none of the client's data is anywhere in it, on the web and by text.
 * What must stay is a texter's line (so STOP stays honoured and a redelivered text is not taken
 * for a new conversation): it may hold the number it is keyed by and nothing else of theirs.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNLIMITED } from '../../functions/core/rate-limit';
import { scanTable } from '../faults/inject';
import { openWebLink } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms, textIntake } from '../helpers/sms';
import { PII_ANSWERS, webIntake } from './intakes';
import { e164, findPii, PERSON } from './pii';

let server: TestServer;
beforeEach(async () => {
  // A table per test: "nothing of theirs anywhere in it" is checked on the whole table.
  server = await startTestServer();
  server.deps.messageRule = UNLIMITED;
});
afterEach(() => server.close());

const table = () => scanTable(server.client, server.tableName);
const mentions = (items: unknown[], text: string) =>
  items.filter((i) => JSON.stringify(i).includes(text));

/** The table holds PERSON's data nowhere, but for the key of the texter's own line. */
async function expectNoPii(except?: { phone: string }) {
  const items = await table();
  for (const item of items) {
    const { pk, phone, ...rest } = item;
    const isLine = except && pk === `PHONE#${except.phone}` && item.sk === 'LINE';
    expect(isLine ? phone : undefined).toBe(isLine ? except?.phone : undefined);
    expect(findPii(JSON.stringify(isLine ? rest : item)), JSON.stringify(item)).toEqual([]);
  }
  return items;
}

describe('delete my data on the web', () => {
  it('erases every item of a conversation that holds all of the client data', async () => {
    const { id, say, state } = await webIntake(server.url, { until: 'confirm' });
    expect(state.step).toBe('confirm');
    // The data is there before: otherwise the checks below prove nothing.
    const before = await table();
    expect(mentions(before, id)).toHaveLength(1);
    expect(findPii(JSON.stringify(before))).toContain(PERSON.name.toLowerCase());
    await say('delete my data');
    expect((await table()).length).toBe(before.length);
    await say('yes');
    const after = await expectNoPii();
    expect(mentions(after, id)).toEqual([]);
    expect(after).toEqual([]);
    const gone = await fetch(`${server.url}/api/conversations/${id}`, {
      headers: { authorization: 'Bearer x'.padEnd(30, 'x') },
    });
    expect(gone.status).toBe(404);
  });

  it('erases it in Spanish ("borrar mis datos"), and keeps everything when the answer is no', async () => {
    const { id, say } = await webIntake(server.url, { until: 'email', language: 'es' });
    await say('borrar mis datos');
    await say('no');
    expect(findPii(JSON.stringify(await table()))).toContain(PERSON.name.toLowerCase());
    await say('borrar mis datos');
    await say('sí');
    expect(mentions(await expectNoPii(), id)).toEqual([]);
  });

  it('leaves no client data after a web chat that went on by text, and the phone starts afresh', async () => {
    const phone = e164(PERSON.textPhone);
    const { id, say } = await webIntake(server.url, { until: 'aboutSelf' });
    await say('continue by text');
    await say(PERSON.textPhone);
    const code = /\b(\d{6})\b/.exec(server.outbox.at(-1)?.body ?? '')?.[1] ?? '';
    await say(code);
    for (const body of ['1', 'no', PERSON.location, PERSON.aNumber]) {
      expect((await sendSms(server, { from: phone, body })).status).toBe(200);
    }
    expect(findPii(JSON.stringify(await table()))).toContain('quenforth');
    await say('delete my data');
    await say('yes');
    const after = await expectNoPii({ phone });
    expect(after.filter((i) => String(i.pk).startsWith('CONV#'))).toEqual([]);
    // The line keeps the number only: it no longer points at the erased conversation.
    expect((await server.deps.sms.getLine(phone))?.conversationId).toBeUndefined();
    // A text after the erasure starts a new conversation; nothing of the old one comes back.
    const next = await sendSms(server, { from: phone, body: 'hello' });
    expect(next.bodies.join('\n')).toMatch(/intake assistant/);
    const line = await server.deps.sms.getLine(phone);
    expect(line?.conversationId).not.toBe(id);
    const fresh = await server.deps.store.get(line?.conversationId ?? '');
    expect(fresh?.transcript.filter((m) => m.role === 'user').map((m) => m.text)).toEqual([
      'hello',
    ]);
  });
});

describe('borrar mis datos by text', () => {
  it('erases the conversation; the line keeps the number only, and STOP is still honoured after', async () => {
    const phone = e164(PERSON.phone);
    // Erased at the closing summary, after every reply that repeats their data was sent.
    const answers = { ...PII_ANSWERS, confirm: 'borrar mis datos', deleteConfirm: 'si' };
    const received = await textIntake(server, phone, answers, 'hola');
    expect(findPii(received.join('\n'))).toContain(PERSON.name.toLowerCase());
    const items = await expectNoPii({ phone });
    expect(items.filter((i) => String(i.pk).startsWith('CONV#'))).toEqual([]);
    const line = await server.deps.sms.getLine(phone);
    expect(line?.conversationId).toBeUndefined();
    expect((await sendSms(server, { from: phone, body: 'STOP' })).bodies).toHaveLength(1);
    expect((await sendSms(server, { from: phone, body: 'hola' })).bodies).toEqual([]);
    await expectNoPii({ phone });
  });

  it('spends the one-time web link with the conversation it opened', async () => {
    const phone = e164(PERSON.textPhone);
    for (const body of ['hello', 'yes', '2', '1', 'no', PERSON.location]) {
      await sendSms(server, { from: phone, body });
    }
    const reply = await sendSms(server, { from: phone, body: 'web' });
    const code = /amparo\.test\/\?continue=([^\s]+)/.exec(reply.bodies.join('\n'))?.[1] ?? '';
    expect(code).toMatch(/^[0-9a-f-]{36}\./);
    await sendSms(server, { from: phone, body: 'borrar mis datos' });
    await sendSms(server, { from: phone, body: 'si' });
    await expectNoPii({ phone });
    const opened = await openWebLink(server.url, code);
    expect(opened.status).toBe(403);
  });
});
