/**
 * Nothing a client typed reaches the logs: full intakes with recognisable fake data (web and SMS,
 * a lead and its email, "continue by text" and "web", a question in the client's own words,
 * bad requests and a database fault carrying the data, an erasure) against a test server, then
 * every line its logger wrote is searched for every form of every value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../functions/core/leads/delivery';
import type { LeadEmail } from '../../functions/core/leads/email';
import { UNLIMITED } from '../../functions/core/rate-limit';
import { injectFaults } from '../faults/inject';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms, textIntake } from '../helpers/sms';
import { PII_ANSWERS, webIntake } from './intakes';
import { e164, findPii, PERSON } from './pii';

let server: TestServer;
const emails: LeadEmail[] = [];
let refuseMail = true;
beforeAll(async () => {
  server = await startTestServer({
    mailer: {
      async send(message) {
        // A mail server refusal that quotes the client: the log must keep its code only.
        if (refuseMail) {
          refuseMail = false;
          throw Object.assign(new Error(`550 rejected: ${PERSON.name} <${PERSON.email}>`), {
            code: 'EENVELOPE',
          });
        }
        return { messageId: String(emails.push(message as LeadEmail)) };
      },
    },
  });
  server.deps.messageRule = UNLIMITED;
});
afterAll(() => server.close());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('the logs of a server that took in personal data', () => {
  it('hold none of it, in any form', async () => {
    // A qualified web intake: a lead, its email (refused once, then sent).
    const web = await webIntake(server.url);
    expect(web.state.done).toBe(true);
    const delivery = server.deps.delivery;
    if (!delivery) throw new Error('the test server has no delivery');
    await deliverDue(delivery);
    delivery.now = () => new Date(Date.now() + 3_600_000);
    await deliverDue(delivery);
    expect(emails).toHaveLength(1);
    expect(findPii(JSON.stringify(emails[0]))).toContain(PERSON.name.toLowerCase());

    // A qualified SMS intake from another number, and "web" by text.
    const texter = e164(PERSON.textPhone);
    await textIntake(server, texter, { ...PII_ANSWERS, phone: PERSON.textPhone }, 'hola');
    await sendSms(server, { from: texter, body: 'hola otra vez' });
    await sendSms(server, { from: texter, body: 'si' });
    await sendSms(server, { from: texter, body: 'web' });

    // "continue by text" from the web, the code typed, then erased.
    const linked = await webIntake(server.url, { until: 'aboutSelf' });
    await linked.say('continue by text');
    await linked.say(PERSON.phone);
    await linked.say(/\b(\d{6})\b/.exec(server.outbox.at(-1)?.body ?? '')?.[1] ?? '');
    await sendSms(server, { from: e164(PERSON.phone), body: PERSON.criminalStory });
    await linked.say('delete my data');
    await linked.say('yes');

    // Requests that fail while carrying the data: bad JSON, a text too long, a wrong token,
    // an unknown conversation, a throttled database.
    const { id, token } = await webIntake(server.url, { until: 'aNumber' });
    const auth = { authorization: `Bearer ${token}` };
    const path = `/api/conversations/${id}/messages`;
    expect((await post(path, `{"text": "${PERSON.name}`, auth)).status).toBe(400);
    expect((await post(path, JSON.stringify({ text: PERSON.name.repeat(200) }), auth)).status).toBe(
      400,
    );
    expect(
      (await post(path, JSON.stringify({ text: PERSON.aNumber, name: PERSON.name }), auth)).status,
    ).toBe(400);
    expect(
      (
        await post(path, JSON.stringify({ text: PERSON.aNumber }), {
          authorization: 'Bearer nope-nope-nope-nope',
        })
      ).status,
    ).toBe(401);
    const unknown = `/api/conversations/00000000-0000-4000-8000-000000000000/messages`;
    expect((await post(unknown, JSON.stringify({ text: PERSON.aNumber }), auth)).status).toBe(404);
    const faults = injectFaults(server.client);
    faults.fail('PutItemCommand', { kind: 'throttle', when: 'before' });
    expect((await post(path, JSON.stringify({ text: PERSON.aNumber }), auth)).status).toBe(503);
    faults.clear();

    const logs = server.logs.join('\n');
    // The logs did record all this: a scan of nothing would prove nothing.
    expect(server.logs.length).toBeGreaterThan(60);
    expect(logs).toContain('"lead_delivery_retry"');
    expect(logs).toContain('"lead_delivered"');
    expect(logs).toContain('"status":503');
    expect(findPii(logs)).toEqual([]);
  }, 60_000);
});
