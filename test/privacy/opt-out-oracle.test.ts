/**
 * The opt-out oracle (DOMAIN.md "Safety rules", "Texting on request"): anyone can open the web
 * chat and ask for a code to any number. If the answer differed for a number that texted STOP, a
 * stranger (or an abuser) could learn that a person has been in contact with a deportation firm.
 * The attack: text STOP from the victim's number, then ask the web chat to text a code to it and
 * to a number that never wrote; the two answers must read the same, and nothing goes to the
 * number that opted out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say, start } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms } from '../helpers/sms';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Asks the web chat to go on by text at `typed`; the reply with the number masked. */
async function askForCode(typed: string, language: 'en' | 'es') {
  const { conversationId: id, token } = await start(server.url, { language });
  await say(server.url, id, token, language === 'es' ? 'sí' : 'yes');
  await say(server.url, id, token, language === 'es' ? 'seguir por texto' : 'continue by text');
  const reply = await say(server.url, id, token, typed);
  return {
    state: reply.state.step,
    texts: reply.messages.map((m) => m.text.replace(/\(\d{3}\) \d{3}-\d{4}/g, '<number>')),
  };
}

describe('asking for a code to a number that opted out', () => {
  it.each(['en', 'es'] as const)('answers exactly as for any other number (%s)', async (lang) => {
    const victim = lang === 'en' ? '+12133734281' : '+12133734282';
    const stranger = lang === 'en' ? '+12133734283' : '+12133734284';
    await sendSms(server, { from: victim, body: 'hola' });
    await sendSms(server, { from: victim, body: 'STOP' });
    expect((await server.deps.sms.getLine(victim))?.optedOut).toBe(true);
    const sentBefore = server.outbox.filter((m) => m.to === victim).length;

    const toVictim = await askForCode(
      `(${victim.slice(2, 5)}) ${victim.slice(5, 8)}-${victim.slice(8)}`,
      lang,
    );
    const toStranger = await askForCode(
      `(${stranger.slice(2, 5)}) ${stranger.slice(5, 8)}-${stranger.slice(8)}`,
      lang,
    );

    expect(toVictim).toEqual(toStranger);
    expect(toVictim.state).toBe('linkCode');
    // Still nothing is ever sent to a number that opted out.
    expect(server.outbox.filter((m) => m.to === victim).length).toBe(sentBefore);
    expect(server.outbox.filter((m) => m.to === stranger)).toHaveLength(1);
  });
});
