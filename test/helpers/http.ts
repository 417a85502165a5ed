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

export async function say(base: string, id: string, token: string, text: string) {
  const res = await send(base, id, token, text);
  if (res.status !== 200) throw new Error(`say ${text}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { messages: Started['messages']; state: ApiState };
}
