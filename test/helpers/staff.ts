/**
 * A staff member of the test server's roster signed in through the emailed link, as the console
 * does it, and calls to /api/staff with their cookie from the console's origin.
 */
import { expect } from 'vitest';
import { TEST_PUBLIC_BASE_URL, type TestServer } from './server';

export const CONSOLE_ORIGIN = new URL(TEST_PUBLIC_BASE_URL).origin;

/** The sign-in link of the last email to `to`. */
export function lastSignInLink(server: TestServer, to: string): string | undefined {
  const mail = [...server.emails].reverse().find((m) => m.to.includes(to.toLowerCase()));
  return /https?:\/\/\S+\/console\/sign-in\?token=\S+/.exec(mail?.text ?? '')?.[0];
}

export function askSignInLink(server: TestServer, email: string) {
  return fetch(`${server.url}/api/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
}

/** Signs in as `email` through the emailed link; the session cookie (`amparo_staff=…`). */
export async function signInAs(server: TestServer, email: string): Promise<string> {
  expect((await askSignInLink(server, email)).status).toBe(202);
  const link = lastSignInLink(server, email);
  if (!link) throw new Error(`no sign-in link for ${email}`);
  const url = new URL(link);
  const res = await fetch(`${server.url}${url.pathname}${url.search}`, { redirect: 'manual' });
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] as string;
}

/** A call to /api/staff/<path> with the cookie; a body is JSON, and changes come from the console. */
export function staffApi(
  server: TestServer,
  cookie: string,
  path: string,
  init: { method?: string; body?: unknown; origin?: string | null } = {},
) {
  const origin = init.origin === undefined ? CONSOLE_ORIGIN : init.origin;
  return fetch(`${server.url}/api/staff${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      cookie,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(origin ? { origin } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
