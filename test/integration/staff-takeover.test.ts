/**
 * Live takeover on both channels, end to end (API.md "Staff"): the real server on DynamoDB Local,
 * the web chat's API as the widget calls it, the real signed SMS webhook and the text outbox. A
 * person of the firm takes over, the assistant pauses, messages go both ways by the client's
 * channel, and a release hands back at the pending question.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say, start } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms } from '../helpers/sms';
import { signInAs, staffApi } from '../helpers/staff';

let server: TestServer;
let ana: string;
let rosa: string;
beforeAll(async () => {
  server = await startTestServer();
  ana = await signInAs(server, 'ana.robles@example.com');
  rosa = await signInAs(server, 'rosa.mendez@example.com');
});
afterAll(() => server.close());

/** What the widget reads when it polls: the messages after `seq`. */
async function poll(id: string, token: string, seq: number) {
  const res = await fetch(`${server.url}/api/conversations/${id}?after=${seq}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return res.json() as Promise<{
    messages: { role: string; text: string; name?: string }[];
    state: { step: string; person?: boolean };
    seq: number;
  }>;
}

describe('taking over a web conversation', () => {
  it('pauses the assistant, carries messages both ways, and hands back at the pending question', async () => {
    const client = await start(server.url, { language: 'es' });
    const consented = await say(server.url, client.conversationId, client.token, 'sí');
    const step = consented.state.step;
    let seq = (await poll(client.conversationId, client.token, 0)).seq;

    const taken = await staffApi(server, ana, `/conversations/${client.conversationId}/takeover`, {
      body: {},
    });
    expect(taken.status).toBe(200);
    expect((await taken.json()).takeover).toMatchObject({
      by: 'ana.robles@example.com',
      name: 'Ana Robles',
    });

    // The widget's next poll shows that a person joined, in the client's language.
    let read = await poll(client.conversationId, client.token, seq);
    expect(read.messages).toEqual([
      expect.objectContaining({
        role: 'bot',
        text: expect.stringMatching(/^Ana Robles, de .+ se unió/),
      }),
    ]);
    expect(read.state.person).toBe(true);
    seq = read.seq;

    // The client writes: no answer from the assistant; the console sees it.
    const sent = await say(
      server.url,
      client.conversationId,
      client.token,
      'necesito hablar con alguien ya',
    );
    expect(sent.messages).toEqual([]);
    expect(sent.state.step).toBe(step);
    const live = await (
      await staffApi(server, ana, `/conversations/${client.conversationId}`)
    ).json();
    expect(live.messages.at(-1)).toMatchObject({
      role: 'user',
      text: 'necesito hablar con alguien ya',
    });

    // Staff write back: the widget shows it with their name.
    seq = (await poll(client.conversationId, client.token, seq)).seq;
    const wrote = await staffApi(server, ana, `/conversations/${client.conversationId}/messages`, {
      body: { text: 'Hola, soy Ana. ¿Dónde está su esposo ahora?' },
    });
    expect(wrote.status).toBe(200);
    expect((await wrote.json()).delivery).toEqual({ by: 'web' });
    read = await poll(client.conversationId, client.token, seq);
    expect(read.messages).toEqual([
      { role: 'staff', text: 'Hola, soy Ana. ¿Dónde está su esposo ahora?', name: 'Ana Robles' },
    ]);
    seq = read.seq;

    // Someone else at the firm cannot write into Ana's conversation, nor release it.
    expect(
      (
        await staffApi(server, rosa, `/conversations/${client.conversationId}/messages`, {
          body: { text: 'hola' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await staffApi(server, rosa, `/conversations/${client.conversationId}/release`, {
          body: {},
        })
      ).status,
    ).toBe(409);

    // Released: the assistant says so and asks its pending question again; answers go on.
    expect(
      (await staffApi(server, ana, `/conversations/${client.conversationId}/release`, { body: {} }))
        .status,
    ).toBe(200);
    read = await poll(client.conversationId, client.token, seq);
    expect(read.messages[0]).toMatchObject({
      role: 'bot',
      text: expect.stringMatching(/Ana Robles salió/),
    });
    expect(read.messages.length).toBeGreaterThan(1);
    expect(read.state.person).toBeUndefined();
    const next = await say(server.url, client.conversationId, client.token, '1');
    expect(next.messages.length).toBeGreaterThan(0);
    expect(next.state.step).not.toBe(step);

    // The whole transcript says who wrote what.
    const transcript = (
      await (await staffApi(server, ana, `/conversations/${client.conversationId}`)).json()
    ).messages as { role: string }[];
    expect(transcript.map((m) => m.role)).toContain('staff');
  });

  it('needs a session, the console origin, and a conversation that exists and is going on', async () => {
    const client = await start(server.url);
    const path = `/conversations/${client.conversationId}/takeover`;
    expect((await staffApi(server, 'amparo_staff=nope', path, { body: {} })).status).toBe(401);
    expect(
      (await staffApi(server, ana, path, { body: {}, origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(
      (
        await staffApi(
          server,
          ana,
          '/conversations/7d1c0c8e-0000-4000-8000-000000000000/takeover',
          { body: {} },
        )
      ).status,
    ).toBe(404);
    expect(
      (await staffApi(server, ana, '/conversations/not-an-id/takeover', { body: {} })).status,
    ).toBe(404);
    expect(
      (
        await staffApi(server, ana, `/conversations/${client.conversationId}/messages`, {
          body: { text: 'hi' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await staffApi(server, ana, `/conversations/${client.conversationId}/messages`, {
          body: { text: ' ' },
        })
      ).status,
    ).toBe(400);
    // Nothing changed for the client.
    const read = await poll(client.conversationId, client.token, 0);
    expect(read.state.person).toBeUndefined();
  });
});

describe('taking over an SMS conversation', () => {
  const PHONE = '+12135550188';

  it('a conversation texted once is on the console at once (its first write carries the summary)', async () => {
    const phone = '+12135550177';
    await sendSms(server, { from: phone, body: 'Hola, necesito ayuda' });
    const id = (await server.deps.sms.getLine(phone))?.conversationId;
    const list = await (await staffApi(server, ana, '/conversations')).json();
    expect(list.conversations).toContainEqual(
      expect.objectContaining({ conversationId: id, channel: 'sms', language: 'es' }),
    );
  });

  it('texts the client, takes their texts without an assistant reply, and stops at STOP', async () => {
    await sendSms(server, { from: PHONE, body: 'Hola' });
    await sendSms(server, { from: PHONE, body: 'sí' });
    const line = await server.deps.sms.getLine(PHONE);
    const id = line?.conversationId ?? '';
    expect(id).not.toBe('');

    const before = server.outbox.length;
    const taken = await (
      await staffApi(server, ana, `/conversations/${id}/takeover`, { body: {} })
    ).json();
    expect(taken.delivery).toEqual({ by: 'sms', sent: true });
    expect(server.outbox.slice(before)).toEqual([
      { to: PHONE, body: expect.stringMatching(/^Ana Robles, de .+ se unio/) },
    ]);

    // The client's text: an empty TwiML reply (nothing from the assistant), seen in the console.
    const reply = await sendSms(server, { from: PHONE, body: 'ok gracias, estoy aqui' });
    expect(reply.status).toBe(200);
    expect(reply.bodies).toEqual([]);
    const live = await (await staffApi(server, ana, `/conversations/${id}`)).json();
    expect(live.messages.at(-1)).toMatchObject({ role: 'user', text: 'ok gracias, estoy aqui' });

    const wrote = await (
      await staffApi(server, ana, `/conversations/${id}/messages`, {
        body: { text: 'Le llamo en 5 minutos' },
      })
    ).json();
    expect(wrote.delivery).toEqual({ by: 'sms', sent: true });
    expect(server.outbox.at(-1)).toEqual({ to: PHONE, body: 'Le llamo en 5 minutos' });

    // STOP: nothing more is texted, and the console is told why.
    await sendSms(server, { from: PHONE, body: 'STOP' });
    const count = server.outbox.length;
    const after = await (
      await staffApi(server, ana, `/conversations/${id}/messages`, {
        body: { text: '¿Sigue ahí?' },
      })
    ).json();
    expect(after.delivery).toMatchObject({ by: 'sms', sent: false });
    expect(server.outbox.length).toBe(count);
  });
});

describe('a client who asks for a person', () => {
  const waitingMails = () => server.emails.filter((m) => m.subject.startsWith('[Waiting]'));

  it('is on the console as waiting, and the on-call attorney is emailed once, with nothing they wrote', async () => {
    const before = waitingMails().length;
    const client = await start(server.url, { language: 'es' });
    await say(server.url, client.conversationId, client.token, 'sí');
    await say(server.url, client.conversationId, client.token, 'quiero hablar con una persona');
    await expect.poll(() => waitingMails().length).toBe(before + 1);
    const mail = waitingMails().at(-1);
    expect(mail?.to).toEqual(['oncall@example.com']);
    expect(mail?.text).toContain('/console#/conversations?waiting=true');
    expect(mail?.text).toContain('Spanish');
    const list = await (await staffApi(server, ana, '/conversations?waiting=true')).json();
    expect(list.conversations.map((c: { conversationId: string }) => c.conversationId)).toContain(
      client.conversationId,
    );
    // Asking again sends nothing more.
    await say(server.url, client.conversationId, client.token, 'persona');
    await new Promise((r) => setTimeout(r, 300));
    expect(waitingMails().length).toBe(before + 1);
  });

  it('by text too', async () => {
    const before = waitingMails().length;
    const phone = '+12135550166';
    await sendSms(server, { from: phone, body: 'Hola' });
    await sendSms(server, { from: phone, body: 'sí' });
    await sendSms(server, { from: phone, body: 'persona' });
    await expect.poll(() => waitingMails().length).toBe(before + 1);
    expect(waitingMails().at(-1)?.text).toContain('by text message');
  });
});

describe('whoever picks up the device an hour later', () => {
  it('reads none of what the firm wrote after the client went quiet (the read-back rule)', async () => {
    let now = new Date();
    const later = await startTestServer({ now: () => now });
    try {
      const staffCookie = await signInAs(later, 'ana.robles@example.com');
      const client = await start(later.url);
      await say(later.url, client.conversationId, client.token, 'yes');
      const seq = (
        await fetch(`${later.url}/api/conversations/${client.conversationId}?after=0`, {
          headers: { authorization: `Bearer ${client.token}` },
        }).then((r) => r.json())
      ).seq as number;
      await staffApi(later, staffCookie, `/conversations/${client.conversationId}/takeover`, {
        body: {},
      });
      // 61 minutes after the client's last message, the firm writes something personal.
      now = new Date(now.getTime() + 61 * 60_000);
      await staffApi(later, staffCookie, `/conversations/${client.conversationId}/messages`, {
        body: { text: 'About your husband at Otay Mesa: his hearing is on Monday.' },
      });
      const read = await fetch(
        `${later.url}/api/conversations/${client.conversationId}?after=${seq}`,
        {
          headers: { authorization: `Bearer ${client.token}` },
        },
      ).then((r) => r.json());
      expect(read.messages).toEqual([]);
      expect(JSON.stringify(read)).not.toContain('Otay Mesa');
    } finally {
      await later.close();
    }
  });
});
