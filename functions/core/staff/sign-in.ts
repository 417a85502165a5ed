/**
 * Signing in to the staff console without passwords (API.md "Staff"): a roster email gets a
 * one-time link, valid 15 minutes, by the mail transport; the link makes a server-side session of
 * 12 hours, stored under a hash of its cookie so signing out ends it. An address not on the roster
 * gets nothing, and the caller answers the same either way (no enumeration).
 */

import type { LimitStore, Logger, Mailer, StaffSession, StaffStore } from '../ports';
import type { Roster, StaffRole } from '../routing/roster';
import { hashSecret } from '../secrets';

export const SIGN_IN_MINUTES = 15;
export const SESSION_HOURS = 12;
/** Links one address may be sent an hour: a script cannot fill an attorney's inbox. */
export const SIGN_INS_PER_HOUR = 5;

/** Who is signed in: a roster attorney or a `staff:` entry, with their console role. */
export interface StaffMember {
  email: string;
  name: string;
  role: StaffRole;
  /** Set for an attorney of the roster. */
  attorneyId?: string;
}

export interface StaffDeps {
  staff: StaffStore;
  roster: Roster;
  mailer: Mailer;
  limits: LimitStore;
  now: () => Date;
  /** A fresh random secret (functions/adapters/tokens.ts newToken). */
  newToken: () => string;
  mailFrom: string;
  firmName: string;
  publicBaseUrl: string;
  log: Logger;
}

/** The roster's person with this email (any case), or undefined. A `staff:` entry's role wins. */
export function staffMember(roster: Roster, email: string): StaffMember | undefined {
  const wanted = email.trim().toLowerCase();
  const entry = roster.staff.find((s) => s.email.toLowerCase() === wanted);
  const attorney = roster.attorneys.find((a) => a.email.toLowerCase() === wanted);
  if (!entry && !attorney) return undefined;
  return {
    email: wanted,
    name: entry?.name ?? attorney?.name ?? wanted,
    role: entry?.role ?? 'attorney',
    ...(attorney ? { attorneyId: attorney.id } : {}),
  };
}

/** The sign-in email: the link, how long it works, and what to do if it was not asked for. */
export function signInEmail(deps: StaffDeps, to: string, link: string) {
  return {
    from: deps.mailFrom,
    to: [to],
    subject: `Sign in to ${deps.firmName}'s Amparo console`,
    text: [
      `Someone asked to sign in to ${deps.firmName}'s Amparo console with this address.`,
      '',
      `Sign in: ${link}`,
      '',
      `The link works once, for ${SIGN_IN_MINUTES} minutes, and signs you in for ${SESSION_HOURS} hours on the device that opens it.`,
      'If you did not ask for it, ignore this email: nobody can sign in without the link.',
    ].join('\n'),
    headers: { 'X-Amparo-Message': 'sign-in' },
  };
}

/**
 * Sends a sign-in link to `email` if it is the roster's, within SIGN_INS_PER_HOUR; otherwise
 * does nothing. Either way the caller answers 202: nothing tells who is on the roster.
 */
export async function requestSignIn(deps: StaffDeps, email: string): Promise<void> {
  const member = staffMember(deps.roster, email);
  if (!member) {
    deps.log.info('staff_sign_in_unknown');
    return;
  }
  const now = deps.now();
  if (!(await deps.limits.take(`sign-in:${member.email}`, SIGN_INS_PER_HOUR, 3_600, now))) {
    deps.log.info('staff_sign_in_limited');
    return;
  }
  const token = deps.newToken();
  await deps.staff.putSignIn(
    hashSecret(token),
    member.email,
    new Date(now.getTime() + SIGN_IN_MINUTES * 60_000),
  );
  const link = `${deps.publicBaseUrl}/console/sign-in?token=${encodeURIComponent(token)}`;
  await deps.mailer.send(signInEmail(deps, member.email, link));
}

/**
 * Uses a sign-in link's token: a new session and the cookie value that names it, or undefined
 * when the link is unknown, used or expired, or its address left the roster meanwhile.
 */
export async function signIn(
  deps: StaffDeps,
  token: string,
): Promise<{ cookie: string; session: StaffSession; member: StaffMember } | undefined> {
  const now = deps.now();
  const email = await deps.staff.takeSignIn(hashSecret(token), now);
  const member = email ? staffMember(deps.roster, email) : undefined;
  if (!member) return undefined;
  const cookie = deps.newToken();
  const session: StaffSession = {
    hash: hashSecret(cookie),
    email: member.email,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
  };
  await deps.staff.putSession(session);
  await deps.staff.audit({ at: now.toISOString(), by: member.email, action: 'sign-in' });
  return { cookie, session, member };
}

/** The signed-in person of a cookie's value, while the session lives and they are on the roster. */
export async function sessionOf(
  deps: StaffDeps,
  cookie: string | undefined,
): Promise<{ session: StaffSession; member: StaffMember } | undefined> {
  if (!cookie || cookie.length > 200) return undefined;
  const session = await deps.staff.getSession(hashSecret(cookie), deps.now());
  // Taken off the roster: the session ends with it.
  const member = session ? staffMember(deps.roster, session.email) : undefined;
  return session && member ? { session, member } : undefined;
}

/** Ends the session of a cookie's value (nothing to end is fine). */
export async function signOut(deps: StaffDeps, cookie: string | undefined): Promise<void> {
  const found = await sessionOf(deps, cookie);
  if (!found) return;
  await deps.staff.deleteSession(found.session.hash);
  await deps.staff.audit({
    at: deps.now().toISOString(),
    by: found.member.email,
    action: 'sign-out',
  });
}
