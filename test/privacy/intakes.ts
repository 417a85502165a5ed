/**
 * Intakes full of PERSON's data (test/privacy/pii.ts), over the web chat API and by text, for a
 * test server or a spawned `npm start`: the free-text story about an arrest is typed where the
 * criminal-history question is asked, and a question naming the client is asked mid-intake.
 */

import type { ApiState, Started } from '../helpers/http';
import { openWebLink } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import type { TestServer } from '../helpers/server';
import { sendSms, smsStep } from '../helpers/sms';
import { PERSON } from './pii';

/** RESIDENT's answers with PERSON's data, and fear of return (so adverse parties are asked). */
export const PII_ANSWERS: Record<string, string> = {
  ...RESIDENT,
  aNumber: PERSON.aNumber,
  location: PERSON.location,
  fearOfReturn: 'yes',
  adverseParties: PERSON.adverseParties,
  name: PERSON.name,
  phone: PERSON.phone,
  email: PERSON.email,
};

/** Messages typed at a step before its answer: a story where yes/no was asked, a question. */
export const PII_ASIDES: Record<string, string[]> = {
  criminalHistory: [PERSON.criminalStory],
  citizenship: [PERSON.question],
};

const json = { 'content-type': 'application/json' };

/**
 * A web intake until `until` (or the end); returns the id, the token and the state it is in.
 * Fails on an answer the server refuses.
 */
export async function webIntake(
  url: string,
  options: { until?: string; answers?: Record<string, string>; language?: 'en' | 'es' } = {},
) {
  const answers = options.answers ?? PII_ANSWERS;
  const res = await fetch(`${url}/api/conversations`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ language: options.language ?? 'en' }),
  });
  if (res.status !== 201) throw new Error(`start: ${res.status}`);
  const { conversationId: id, token } = (await res.json()) as Started;
  let state: ApiState = { step: 'consent', done: false, language: options.language ?? 'en' };
  const say = async (text: string) => {
    const r = await fetch(`${url}/api/conversations/${id}/messages`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token}` },
      body: JSON.stringify({ text }),
    });
    if (r.status !== 200) throw new Error(`${state.step}: ${r.status} ${await r.text()}`);
    state = ((await r.json()) as { state: ApiState }).state;
  };
  const asides = structuredClone(PII_ASIDES);
  for (let i = 0; i < 80 && !state.done && state.step !== options.until; i++) {
    const aside = asides[state.step]?.shift();
    if (aside) {
      await say(aside);
      continue;
    }
    const answer = answers[state.step];
    if (answer === undefined) throw new Error(`no answer for ${state.step}`);
    await say(answer);
  }
  return { id, token, state, say };
}

/**
 * A texter's intake with PERSON's data until `until` (the arrest story typed where the
 * criminal-history question is asked), then "web" from the phone and its one-time link opened:
 * the answer of `POST /api/conversations/continue`.
 */
export async function textThenOpenOnWeb(server: TestServer, phone: string, until: string) {
  const asides = structuredClone(PII_ASIDES);
  await sendSms(server, { from: phone, body: 'hello' });
  for (let i = 0; i < 60; i++) {
    const step = (await smsStep(server, phone)) ?? '';
    if (step === until) break;
    const answer = asides[step]?.shift() ?? PII_ANSWERS[step];
    if (answer === undefined) throw new Error(`no answer for ${step}`);
    await sendSms(server, { from: phone, body: answer });
  }
  if ((await smsStep(server, phone)) !== until)
    throw new Error(`the intake never reached ${until}`);
  const reply = await sendSms(server, { from: phone, body: 'web' });
  const code = /amparo\.test\/\?continue=([^\s]+)/.exec(reply.bodies.join('\n'))?.[1] ?? '';
  return openWebLink(server.url, code);
}
