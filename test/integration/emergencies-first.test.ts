/**
 * Emergencies first, end to end (DOMAIN.md "Emergencies first", "Lead updates"): over the real
 * HTTP API and the SMS webhook, on DynamoDB Local, with the delivery worker run by hand on a
 * clock the test moves. A relative who stops answering right after the phone still reaches the
 * attorney and the on-call address; one who goes on sends the rest as a marked, diffed update.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../../functions/core/leads/delivery';
import type { LeadEmail } from '../../functions/core/leads/email';
import { EARLY_HOLD_SECONDS } from '../../functions/core/leads/leads';
import { leadLinks } from '../../functions/core/leads/links';
import { type ApiState, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, TEST_LINK_SECRET, type TestServer } from '../helpers/server';
import { sendSms, smsStep } from '../helpers/sms';

let server: TestServer;
let clock = new Date('2026-11-26T10:30:00Z'); // 2:30 a.m. in California
const later = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

const delivery = () => {
  if (!server.deps.delivery) throw new Error('no delivery');
  return server.deps.delivery;
};

/**
 * A wife writes at night that ICE took her husband, in her own words. Her first message is said
 * back and she confirms it, so who it is about, the relationship and detained are not asked.
 */
const WIFE: Record<string, string> = {
  ...RESIDENT,
  matter: 'ICE detained my husband',
  heard: 'yes',
  aboutSelf: 'my husband',
  writerRelationship: 'his wife',
  detained: 'yes',
  facility: 'Otay Mesa',
  name: 'Jose Ramirez',
  writerName: 'Ana Ramirez',
  safeToContact: 'yes',
  preferredLanguage: 'spanish',
  arrestSetting: 'at work',
  detainedSince: 'yesterday',
  bondSet: 'not sure',
  signedPapers: 'no',
  healthNeeds: 'yes, he takes insulin every day',
  removalOrder: 'yes',
  orderDate: '2015',
  priorRemovalKind: 'he was deported in 2015',
  reenteredAfterRemoval: 'yes',
};

/** Answers web questions until the intake asks `until` (or ends); returns the questions asked. */
async function webUntil(answers: Record<string, string>, until?: string) {
  const { conversationId: id, token } = await start(server.url);
  let state: ApiState = { step: 'consent', done: false, language: 'en' };
  const asked: string[] = [];
  while (!state.done && state.step !== until) {
    asked.push(state.step);
    const answer = answers[state.step];
    if (answer === undefined) throw new Error(`no answer for ${state.step}`);
    state = (await say(server.url, id, token, answer)).state;
  }
  return { id, token, asked, state };
}

const leadOf = async (conversationId: string) => {
  const conversation = await server.deps.store.get(conversationId);
  const leadId = conversation?.intake.leadId;
  return leadId ? delivery().leads.get(leadId) : undefined;
};
const emailsFor = (leadId: string | undefined): LeadEmail[] =>
  server.emails.filter((e) => e.headers['X-Amparo-Lead-Id'] === leadId);

describe('a relative who stops answering right after the phone number', () => {
  it('still reaches the attorney and the on-call address, marked as still answering', async () => {
    const { id, asked } = await webUntil({ ...WIFE, phone: '(213) 373-4801' }, 'safeToContact');
    // The say-back of her first message answered who, the relationship and detained.
    expect(asked).toEqual([
      'consent',
      'matter',
      'heard',
      'facility',
      'name',
      'writerName',
      'phone',
    ]);
    const lead = await leadOf(id);
    expect(lead?.urgency).toBe('emergency');
    expect(lead?.intake).toBe('in-progress');
    expect(lead?.facts.writerRelationship).toBe('spouse');
    expect(lead?.contact.safeToContact).toBeUndefined();
    // Held a few minutes for "is it safe to call?": nothing goes out yet.
    await deliverDue(delivery());
    expect(emailsFor(lead?.leadId)).toEqual([]);
    // She never answers again.
    later(EARLY_HOLD_SECONDS + 1);
    await deliverDue(delivery());
    const sent = emailsFor(lead?.leadId);
    const onCall = server.deps.delivery?.roster.onCallEmail;
    expect(sent.flatMap((e) => e.to)).toEqual(expect.arrayContaining([onCall]));
    expect(sent.length).toBe(lead?.routing.to.length);
    for (const email of sent) {
      expect(email.subject).toMatch(/^\[EMERGENCY\] Detained — Jose R\., Otay Mesa/);
      expect(email.text).toContain('NOT ASKED YET whether it is safe to call');
      expect(email.text).toContain('the client is still answering');
      const json = JSON.parse(email.attachments[0].content);
      expect(json.intake).toBe('in-progress');
      expect(json.facts.phone).toBe('+12133734801');
    }
  });
});

describe('a relative who answers the contact questions at once', () => {
  it('sends one email per recipient as soon as the language is given, then the rest as an update', async () => {
    const before = server.emails.length;
    const run = await webUntil({ ...WIFE, phone: '(213) 373-4802' }, 'arrestSetting');
    const lead = await leadOf(run.id);
    expect(lead?.delivery.nextAttemptAt).toBe(clock.toISOString());
    await deliverDue(delivery());
    const first = emailsFor(lead?.leadId);
    expect(first.length).toBe(lead?.routing.to.length);
    expect(first[0]?.subject).not.toMatch(/UPDATED/);
    expect(first[0]?.text).not.toContain('NOT ASKED YET');
    // The rest of the intake, a few minutes later.
    later(300);
    let state = run.state;
    while (!state.done) {
      const answer = WIFE[state.step];
      if (answer === undefined) throw new Error(`no answer for ${state.step}`);
      state = (await say(server.url, run.id, run.token, answer)).state;
    }
    const updated = await leadOf(run.id);
    expect(updated?.leadId).toBe(lead?.leadId);
    expect(updated?.intake).toBe('complete');
    expect(updated?.updates).toHaveLength(1);
    expect(updated?.said?.priorRemovalKind).toBe('he was deported in 2015');
    await deliverDue(delivery());
    const update = emailsFor(lead?.leadId).slice(first.length);
    expect(update.length).toBe(lead?.routing.to.length);
    const [mail] = update;
    expect(mail?.subject).toMatch(/^\[UPDATED\] \[EMERGENCY\] Detained/);
    expect(mail?.text.split('\n')[0]).toBe('WHAT CHANGED');
    expect(mail?.text).toContain('Intake: still answering → finished');
    expect(mail?.text).toContain('Where arrested: not given → At work');
    // The year the client gave stays readable beside the parsed answer.
    expect(mail?.text).toContain('“he was deported in 2015”');
    expect(mail?.text).toContain('“yes, he takes insulin every day”');
    expect(mail?.html).toContain('UPDATED LEAD');
    expect(server.emails.length - before).toBe(first.length + update.length);
  });
});

describe('a relative who says the number is not safe', () => {
  it('keeps it not safe in the update when the answer is changed at the summary', async () => {
    const run = await webUntil(
      { ...WIFE, phone: '(213) 373-4803', safeToContact: 'no', safeContactAlternative: 'email' },
      'confirm',
    );
    await deliverDue(delivery());
    // At the summary she changes "safe to contact" to yes: the lead keeps "no" for staff.
    const summary = await say(server.url, run.id, run.token, 'change');
    const line = summary.messages
      .map((m) => m.text)
      .join('\n')
      .match(/(\d+)\. Safe to contact/);
    await say(server.url, run.id, run.token, line?.[1] ?? '');
    await say(server.url, run.id, run.token, 'yes');
    let state: ApiState = { step: 'confirm', done: false, language: 'en' };
    for (let i = 0; i < 5 && !state.done; i++) {
      state = (await say(server.url, run.id, run.token, WIFE[state.step] ?? 'yes')).state;
    }
    const lead = await leadOf(run.id);
    expect(lead?.intake).toBe('complete');
    expect(lead?.contact.safeToContact).toBe('no');
  });
});

describe('a relative who texts at night', () => {
  it('reaches an attorney when they stop after the phone number, by SMS', async () => {
    const phone = '+12133734804';
    await sendSms(server, { from: phone, body: 'hola, detuvieron a mi esposo' });
    const answers: Record<string, string> = {
      consent: 'si',
      matter: 'detuvieron a mi esposo',
      heard: 'si',
      aboutSelf: 'mi esposo',
      writerRelationship: 'soy su esposa',
      detained: 'si',
      facility: 'otay mesa',
      name: 'Jose Ramirez',
      writerName: 'Ana Ramirez',
      phone: '2133734804',
    };
    const asked: string[] = [];
    for (let step = await smsStep(server, phone); step && step !== 'safeToContact'; ) {
      asked.push(step);
      const answer = answers[step];
      if (answer === undefined) throw new Error(`no answer for ${step}`);
      await sendSms(server, { from: phone, body: answer });
      step = await smsStep(server, phone);
    }
    // Her first message is said back and confirmed; by SMS the phone is the number she texts
    // from, never asked: safe to call comes right after her name.
    expect(asked).toEqual(['consent', 'matter', 'heard', 'facility', 'name', 'writerName']);
    const line = await server.deps.sms.getLine(phone);
    const lead = await leadOf(line?.conversationId ?? '');
    expect(lead?.channel).toBe('sms');
    expect(lead?.phoneProven).toBe(true);
    later(EARLY_HOLD_SECONDS + 1);
    await deliverDue(delivery());
    const sent = emailsFor(lead?.leadId);
    expect(sent.flatMap((e) => e.to)).toEqual(
      expect.arrayContaining([server.deps.delivery?.roster.onCallEmail]),
    );
    expect(sent[0]?.subject).toMatch(/^\[EMERGENCY\]/);
  });
});

describe('answering an emergency lead', () => {
  /** An emergency lead sent to its attorney and the on-call address; returns it and its links. */
  async function sentLead(phone: string) {
    const run = await webUntil({ ...WIFE, phone }, 'arrestSetting');
    await deliverDue(delivery());
    const lead = await leadOf(run.id);
    if (!lead?.routing.attorneyId) throw new Error('the lead went to no attorney');
    const links = leadLinks(
      server.url,
      TEST_LINK_SECRET,
      lead.leadId,
      lead.routing.attorneyId,
      clock,
    );
    return { lead, links };
  }

  it('shows the client’s name and facility before accepting, and tells the others who took it', async () => {
    const { lead, links } = await sentLead('(213) 373-4805');
    const page = await (await fetch(links.accept)).text();
    expect(page).toContain('Jose Ramirez');
    expect(page).toContain('Otay Mesa');
    const before = server.emails.length;
    const done = await (await fetch(links.accept, { method: 'POST' })).text();
    expect(done).toContain('Jose Ramirez (Otay Mesa) is yours');
    const notices = server.emails.slice(before);
    const attorney = server.deps.delivery?.roster.attorneys.find(
      (a) => a.id === lead.routing.attorneyId,
    );
    // The on-call address is told, by name, never by id; the attorney who took it is not.
    expect(notices.map((e) => e.to[0])).toEqual([server.deps.delivery?.roster.onCallEmail]);
    expect(notices[0]?.subject).toMatch(new RegExp(`^\\[TAKEN by ${attorney?.name}\\]`));
    expect(notices[0]?.text).toContain(`${attorney?.name} accepted lead ${lead.leadId}`);
    expect(notices[0]?.text).not.toContain(lead.routing.attorneyId);
    // Accepting again names who has it.
    const again = await (await fetch(links.accept, { method: 'POST' })).text();
    expect(again).toContain(`already accepted by ${attorney?.name}`);
  });

  it('asks why on decline; a conflict offers it to no one else at the firm', async () => {
    const { lead, links } = await sentLead('(213) 373-4806');
    const form = await (await fetch(links.decline)).text();
    expect(form).toContain('name="reason" value="conflict"');
    const res = await fetch(links.decline, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'reason=conflict',
    });
    expect(await res.text()).toContain('will not be offered to anyone else');
    const stored = await delivery().leads.get(lead.leadId);
    expect(stored?.status).toBe('declined');
    expect(stored?.declines?.[0]?.reason).toBe('conflict');
    // No lead ends unseen: the intake team is told who declared the conflict.
    const intake = server.deps.delivery?.roster.intakeEmail;
    const notice = emailsFor(lead.leadId).find((e) => e.to.includes(intake ?? ''));
    expect(notice?.subject).toMatch(/^\[CONFLICT declared by [^\]]+\]/);
    expect(notice?.text).toContain('for a conflict of interest');
    // Past the escalation time, nobody is offered it.
    const before = server.emails.length;
    later(60 * 60);
    await deliverDue(delivery());
    expect(emailsFor(lead.leadId).length).toBe(emailsFor(lead.leadId).length);
    expect(
      server.emails.slice(before).filter((e) => e.headers['X-Amparo-Lead-Id'] === lead.leadId),
    ).toEqual([]);
  });

  it('passes it on by name for another reason, saying why', async () => {
    const { lead, links } = await sentLead('(213) 373-4807');
    const res = await fetch(links.decline, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'reason=capacity',
    });
    const page = await res.text();
    const stored = await delivery().leads.get(lead.leadId);
    const next = server.deps.delivery?.roster.attorneys.find(
      (a) => a.id === stored?.routing.attorneyId,
    );
    expect(page).toContain(`It goes to ${next?.name ?? 'the intake team'} next`);
    const first = server.deps.delivery?.roster.attorneys.find(
      (a) => a.id === lead.routing.attorneyId,
    );
    expect(stored?.routing.reasons[0]).toBe(`declined by ${first?.name} (capacity)`);
  });
});
