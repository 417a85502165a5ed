/**
 * After "web", the phone must not keep a line into the conversation (DOMAIN.md "Safety rules":
 * whatever goes out by SMS never carries an A-number, criminal history or adverse parties). The
 * attack: a texter's intake almost to its end, "web", the link opened in a browser (the
 * conversation is now a web chat), then one more text from the phone, which used to be applied
 * to the web conversation with its web rendering: the closing summary, A-number and all, by SMS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms } from '../helpers/sms';
import { PII_ANSWERS, textThenOpenOnWeb } from './intakes';
import { e164, findPii, PERSON } from './pii';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('texts after the conversation moved to the web', () => {
  it('never reach the web conversation, and no SMS carries its answers', async () => {
    const phone = e164(PERSON.textPhone);
    const opened = await textThenOpenOnWeb(server, phone, 'preferredLanguage');
    expect(opened.status).toBe(200);
    const { conversationId } = (await opened.json()) as { conversationId: string };
    const before = await server.deps.store.get(conversationId);

    // The phone answers the last question, as if the intake were still its own.
    const after = await sendSms(server, {
      from: phone,
      body: PII_ANSWERS.preferredLanguage ?? '1',
    });
    expect(after.status).toBe(200);
    expect(findPii(after.bodies.join('\n'))).toEqual([]);
    // The web conversation did not move; the phone no longer points at it.
    const now = await server.deps.store.get(conversationId);
    expect(now?.intake.step).toBe(before?.intake.step);
    expect(now?.texts).toBeUndefined();
    expect((await server.deps.sms.getLine(phone))?.conversationId).not.toBe(conversationId);
  });
});
