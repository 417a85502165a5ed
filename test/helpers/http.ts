/** A tiny client for the web chat API as API.md defines it. */
export interface ApiState {
  step: string;
  done: boolean;
  language: 'en' | 'es';
}

export interface Started {
  conversationId: string;
  token: string;
  messages: { role: string; text: string; choices?: { value: string; label: string }[] }[];
  state: ApiState;
}

export async function start(base: string, body: unknown = { language: 'en' }): Promise<Started> {
  const res = await fetch(`${base}/api/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`start: ${res.status} ${await res.text()}`);
  return (await res.json()) as Started;
}

export function send(base: string, id: string, token: string, text: string) {
  return fetch(`${base}/api/conversations/${id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ text }),
  });
}

/** Opens the one-time link texted for "web" (`<conversationId>.<secret>`): the raw response. */
export function openWebLink(base: string, code: string) {
  return fetch(`${base}/api/conversations/continue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
}

export async function say(base: string, id: string, token: string, text: string) {
  const res = await send(base, id, token, text);
  if (res.status !== 200) throw new Error(`say ${text}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { messages: Started['messages']; state: ApiState };
}

/**
 * Starts a web chat and answers each question from `answers` (by step) until the intake ends;
 * returns the conversation and the last reply's text. The loop every lead-making test needs.
 */
export async function answerIntake(base: string, answers: Record<string, string>) {
  const started = await start(base);
  let state = started.state;
  let last = '';
  while (!state.done) {
    const answer = answers[state.step];
    if (answer === undefined) throw new Error(`no answer for ${state.step}`);
    const reply = await say(base, started.conversationId, started.token, answer);
    state = reply.state;
    last = reply.messages.map((m) => m.text).join('\n');
  }
  return { conversationId: started.conversationId, token: started.token, state, last };
}
