/**
 * SMS pumping (DOMAIN.md "Safety rules", "Texting on request"): "continue by text" texts a code to
 * any number typed, so a script can make the firm pay for texts to premium numbers abroad, or
 * flood a person's phone. The attacks, over HTTP from anonymous web chats: codes to numbers in
 * other countries; one conversation asking again and again; a new code to get 5 more tries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say, start } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let clock = new Date('2026-11-25T18:00:00Z').getTime();
beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(clock) });
});
afterAll(() => server.close());

async function chat() {
  const { conversationId: id, token } = await start(server.url);
  await say(server.url, id, token, 'yes');
  return { id, say: (text: string) => say(server.url, id, token, text) };
}

describe('texting codes on request', () => {
  it('texts no code to a number outside the countries the firm allows', async () => {
    const before = server.outbox.length;
    for (const number of [
      '+44 20 7946 0958',
      '+7 495 123-45-67',
      '+234 803 123 4567',
      '+62 812 3456 7890',
    ]) {
      const c = await chat();
      await c.say('continue by text');
      const reply = await c.say(number);
      expect(reply.state.step).not.toBe('linkCode');
    }
    expect(server.outbox.length).toBe(before);
  });

  it('texts at most 3 codes in one conversation', async () => {
    const c = await chat();
    const phone = '+12133734401';
    for (let i = 0; i < 6; i++) {
      await c.say('continue by text');
      const asked = await c.say('(213) 373-4401');
      if (asked.state.step === 'linkCode') await c.say('back');
    }
    expect(server.outbox.filter((m) => m.to === phone)).toHaveLength(3);
  });

  it('does not give 5 more tries with a new code', async () => {
    const c = await chat();
    await c.say('continue by text');
    await c.say('(213) 373-4402');
    for (let i = 0; i < 4; i++) await c.say('000000');
    await c.say('back');
    await c.say('continue by text');
    const again = await c.say('(213) 373-4402');
    // The tries are the conversation's, not the code's: one wrong code more and it is over.
    const code = /\b(\d{6})\b/.exec(server.outbox.at(-1)?.body ?? '')?.[1] ?? '';
    if (again.state.step === 'linkCode') {
      const last = await c.say(code === '111111' ? '222222' : '111111');
      expect(last.state.step).not.toBe('linkCode');
    }
    const after = await c.say(code);
    expect(after.state.step).not.toBe('aboutSelf');
    expect((await server.deps.store.get(c.id))?.intake.channel).toBe('web');
  });

  it('texts one number at most 3 codes an hour, whichever conversations ask', async () => {
    const phone = '+12133734403';
    const replies: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await chat();
      await c.say('continue by text');
      const asked = await c.say('(213) 373-4403');
      replies.push(asked.messages.map((m) => m.text).join(' '));
    }
    expect(server.outbox.filter((m) => m.to === phone)).toHaveLength(3);
    // The chat reads the same for the codes not sent: it tells nobody that others asked.
    expect(new Set(replies).size).toBe(1);
    clock += 61 * 60_000;
    const later = await chat();
    await later.say('continue by text');
    await later.say('(213) 373-4403');
    expect(server.outbox.filter((m) => m.to === phone)).toHaveLength(4);
  });

  it("texts no more than the firm's hourly budget, spread over any numbers", async () => {
    clock += 2 * 3_600_000;
    const firm = server.deps.content.firm;
    const budget = firm.textsPerHour;
    firm.textsPerHour = 4;
    try {
      const before = server.outbox.length;
      for (let i = 0; i < 7; i++) {
        const c = await chat();
        await c.say('continue by text');
        const asked = await c.say(`(213) 373-${4410 + i}`);
        expect(asked.state.step).toBe('linkCode');
      }
      expect(server.outbox.length - before).toBe(4);
      expect(server.logs.join('\n')).toContain('firm-hourly-budget');
    } finally {
      firm.textsPerHour = budget;
    }
  });
});
