/**
 * Leads end to end: a web intake stored as a lead in the same transaction, delivered through a
 * real SMTP server (smtp-server, in this process) and read back with mailparser; the SMTP server
 * refusing mail for a while; signed accept and decline links; an emergency nobody accepts.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../functions/adapters/mail';
import { deliverDue } from '../../functions/core/leads/delivery';
import { LeadJsonSchema } from '../../functions/core/leads/json';
import type { Lead } from '../../functions/core/leads/lead';
import { leadLinks } from '../../functions/core/leads/links';
import { answerIntake } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, TEST_LINK_SECRET, type TestServer } from '../helpers/server';
import { textIntake } from '../helpers/sms';

interface Received {
  to: string[];
  raw: string;
}
const inbox: Received[] = [];
let refusing = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onRcptTo(_address, _session, callback) {
    // A mail server that is down for a while: temporary failure, try again later.
    if (refusing) return callback(Object.assign(new Error('try later'), { responseCode: 451 }));
    callback();
  },
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    stream.on('end', () => {
      inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
  logger: false,
});

let server: TestServer;
let clock = new Date('2026-11-25T18:00:00Z');
beforeAll(async () => {
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', () => done()));
  const port = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({
    now: () => clock,
    // A test mail server on this machine, without STARTTLS: the explicit local opt-out
    // (SMTP_TLS=local-plain); test/privacy/smtp-tls.test.ts covers TLS.
    mailer: createMailer({
      transport: 'smtp',
      smtpUrl: `smtp://127.0.0.1:${port}`,
      tls: 'local-plain',
    }),
  });
});
afterAll(async () => {
  await server.close();
  await new Promise<void>((done) => smtp.close(() => done()));
});

async function intake(answers: Record<string, string>) {
  const { conversationId: id } = await answerIntake(server.url, answers);
  const conversation = await server.deps.store.get(id);
  const leads = await server.deps.delivery?.leads.listDay('2026-11-25');
  return { id, conversation, lead: leads?.find((l) => l.conversationId === id) };
}

/** The signed links the lead's email carries, for the attorney it is routed to now. */
const linksFor = (lead: Lead | undefined) =>
  leadLinks('', TEST_LINK_SECRET, lead?.leadId ?? '', lead?.routing.attorneyId ?? 'intake', clock);

/** Sends whatever earlier tests left pending, then empties the inbox. */
async function drain() {
  await deliverDue(delivery());
  inbox.length = 0;
}

const delivery = () => {
  if (!server.deps.delivery) throw new Error('no delivery');
  return server.deps.delivery;
};

describe('a qualified web intake', () => {
  it('is stored as a lead and produces exactly one email to the right attorney with its flags', async () => {
    inbox.length = 0;
    const { lead, conversation } = await intake({ ...RESIDENT, phone: '(213) 373-4001' });
    expect(conversation?.intake.status).toBe('qualified');
    expect(lead?.delivery.status).toBe('pending');
    expect(lead?.routing.attorneyId).toBeTruthy();
    await deliverDue(delivery());
    await deliverDue(delivery());
    expect(inbox).toHaveLength(1);
    const mail = await simpleParser(inbox[0]?.raw ?? '');
    expect(inbox[0]?.to).toEqual(lead?.routing.to);
    expect(mail.headers.get('x-amparo-lead-id')).toBe(lead?.leadId);
    expect(mail.subject).toMatch(/^\[NORMAL\]/);
    const attachment = mail.attachments.find((a) => a.filename === 'lead.json');
    const json = LeadJsonSchema.parse(JSON.parse(attachment?.content.toString('utf8') ?? '{}'));
    expect(json.flags.map((f) => f.id)).toEqual(
      expect.arrayContaining(['cancellation-non-lpr', 'family-petition']),
    );
    expect((await delivery().leads.get(lead?.leadId ?? ''))?.delivery.status).toBe('sent');
  });

  it('makes a lead of its own for a second web intake with the same typed phone', async () => {
    // A number typed on the web is not proven the client's (test/hostile/lead-takeover.test.ts
    // merges by text, from the phone itself).
    const first = await intake({ ...RESIDENT, phone: '(213) 373-4002' });
    const second = await intake({ ...RESIDENT, phone: '(213) 373-4002', citizenship: 'Honduras' });
    expect(second.lead?.leadId).toBeTruthy();
    expect(second.lead?.leadId).not.toBe(first.lead?.leadId);
    const stored = await delivery().leads.get(first.lead?.leadId ?? '');
    expect(stored?.facts.citizenship).toBe('MX');
    expect(stored?.conversationId).toBe(first.id);
    expect(second.lead?.phoneProven).toBe(false);
  });
});

describe('when the mail server refuses for a while', () => {
  it('retries with backoff and still sends exactly one email per lead once it recovers', async () => {
    await drain();
    refusing = true;
    const a = await intake({ ...RESIDENT, phone: '(213) 373-4003' });
    const b = await intake({ ...RESIDENT, phone: '(213) 373-4004', name: 'Rosa Diaz' });
    await deliverDue(delivery());
    const failed = await delivery().leads.get(a.lead?.leadId ?? '');
    expect(failed?.delivery).toMatchObject({ status: 'pending', attempts: 1 });
    expect(inbox).toHaveLength(0);
    refusing = false;
    // Not yet due: the backoff holds it back.
    await deliverDue(delivery());
    expect(inbox).toHaveLength(0);
    clock = new Date(clock.getTime() + 60_000);
    await Promise.all([deliverDue(delivery()), deliverDue(delivery())]);
    await deliverDue(delivery());
    const ids = await Promise.all(
      inbox.map(async (m) => (await simpleParser(m.raw)).headers.get('x-amparo-lead-id')),
    );
    expect(ids.sort()).toEqual([a.lead?.leadId, b.lead?.leadId].sort());
  });
});

describe('the signed links', () => {
  it('accepts with a valid link, refuses a tampered one, and declining re-routes', async () => {
    const { lead } = await intake({ ...RESIDENT, phone: '(213) 373-4005' });
    const id = lead?.leadId ?? '';
    const links = linksFor(lead);
    const tampered = await fetch(`${server.url}${links.accept.replace(/sig=\d/, 'sig=9')}`, {
      method: 'POST',
    });
    expect(tampered.status).toBe(403);
    // Opening the link (as a mail scanner would) only shows a page with a button.
    const opened = await fetch(`${server.url}${links.accept}`);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('<form method="post">');
    expect((await delivery().leads.get(id))?.status).toBe('new');
    const view = await fetch(`${server.url}${links.transcript}`);
    expect(view.status).toBe(200);
    expect(await view.text()).toContain('Maria Lopez');

    const declined = await fetch(`${server.url}${links.decline}`, { method: 'POST' });
    expect(declined.status).toBe(200);
    const rerouted = await delivery().leads.get(id);
    expect(rerouted?.routing.attorneyId).not.toBe(lead?.routing.attorneyId);
    expect(rerouted?.offeredTo).toContain(lead?.routing.attorneyId);
    expect(rerouted?.delivery.status).toBe('pending');

    const next = linksFor(rerouted);
    const accepted = await fetch(`${server.url}${next.accept}`, { method: 'POST' });
    expect(accepted.status).toBe(200);
    const final = await delivery().leads.get(id);
    expect(final?.status).toBe('accepted');
    expect(final?.acceptedBy?.attorneyId).toBe(rerouted?.routing.attorneyId ?? 'intake');
  });

  it('escapes what the client typed in the transcript view', async () => {
    const { lead } = await intake({
      ...RESIDENT,
      phone: '(213) 373-4006',
      name: '<script>alert(1)</script> Lopez',
    });
    const links = linksFor(lead);
    const page = await (await fetch(`${server.url}${links.transcript}`)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;');
  });
});

describe('an emergency nobody accepts', () => {
  it('is offered to the next matching attorney after the escalation time, on-call once an hour', async () => {
    await drain();
    const { lead } = await intake({
      ...RESIDENT,
      phone: '(213) 373-4007',
      detained: 'yes',
      facility: 'Otay Mesa',
      detainedSince: 'yesterday',
    });
    expect(lead?.urgency).toBe('emergency');
    const onCall = delivery().roster.onCallEmail;
    await deliverDue(delivery());
    // One email to the attorney and one to on-call, each with links of its own.
    expect(inbox.map((m) => m.to)).toEqual([
      lead?.routing.to[0] ? [lead.routing.to[0]] : [],
      [onCall],
    ]);
    clock = new Date(clock.getTime() + 29 * 60_000);
    await deliverDue(delivery());
    expect(inbox).toHaveLength(2);
    clock = new Date(clock.getTime() + 2 * 60_000);
    await deliverDue(delivery());
    // The next attorney now; on-call was paged for it half an hour ago.
    expect(inbox).toHaveLength(3);
    const moved = await delivery().leads.get(lead?.leadId ?? '');
    expect(moved?.routing.attorneyId).not.toBe(lead?.routing.attorneyId);
    expect(inbox[2]?.to).toEqual([moved?.routing.to[0]]);
    expect(moved?.routing.to).not.toContain(onCall);
    expect(moved?.routing.reasons[0]).toMatch(/not accepted within 30 minutes/);
    expect(moved?.routing.reasons.at(-1)).toMatch(/Not paged to the on-call address/);
    // Half an hour later still nobody took it: offered on, and on-call paged again.
    clock = new Date(clock.getTime() + 31 * 60_000);
    await deliverDue(delivery());
    expect(inbox.slice(3).map((m) => m.to[0])).toContain(onCall);
  });
});

describe('a lead whose email keeps failing', () => {
  it('is retried, copies the intake team after 5 failures, and is logged by id only', async () => {
    await drain();
    refusing = true;
    const { lead } = await intake({ ...RESIDENT, phone: '(213) 373-4008' });
    for (let i = 0; i < 5; i++) {
      await deliverDue(delivery());
      clock = new Date(clock.getTime() + 11 * 60_000);
    }
    refusing = false;
    const stuck = await delivery().leads.get(lead?.leadId ?? '');
    expect(stuck?.delivery.attempts).toBe(5);
    expect(stuck?.routing.to).toContain(delivery().roster.intakeEmail);
    const logged = server.logs.filter((l) => l.includes('lead_delivery_retry'));
    expect(logged.length).toBeGreaterThanOrEqual(5);
    expect(logged.join('\n')).toContain(lead?.leadId ?? 'x');
    expect(logged.join('\n')).not.toMatch(/Maria|Lopez|373-4008|2133734008/);
    await deliverDue(delivery());
    const sent = await delivery().leads.get(lead?.leadId ?? '');
    expect(sent?.delivery.status).toBe('sent');
    expect(inbox.at(-1)?.to).toContain(delivery().roster.intakeEmail);
  });
});

describe('accepting a lead that came by text', () => {
  it('tells the client by text that an attorney will contact them', async () => {
    const phone = '+12133734009';
    await textIntake(server, phone, RESIDENT, 'hi');
    const leads = await delivery().leads.listDay('2026-11-25');
    const lead = leads.find((l) => l.contact.phone === phone);
    expect(lead?.channel).toBe('sms');
    const links = linksFor(lead);
    const before = server.outbox.length;
    const res = await fetch(`${server.url}${links.accept}`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(server.outbox.slice(before)).toEqual([
      {
        to: phone,
        body: expect.stringMatching(/an attorney received your information and will call/),
      },
    ]);
  });
});
