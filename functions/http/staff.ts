/**
 * The staff console's API (API.md "Staff"): sign-in by emailed link, the session cookie, and the
 * leads. Every /api/staff call but sign-in needs a live session (401); a call that changes
 * anything must come from the console's own origin (403), on top of the SameSite=Strict cookie.
 * Each view of a lead and each action on it is recorded with who and when.
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import { NotFoundError } from '../core/errors';
import { type AnswerDeps, acceptLead, declineLead } from '../core/leads/accept';
import { type EraseDeps, eraseLead } from '../core/leads/erase';
import { DECLINE_REASONS } from '../core/leads/lead';
import {
  changeLead,
  LeadChangeRequestSchema,
  LeadFilterSchema,
  leadPage,
  listLeads,
  record,
  type StaffLeadDeps,
  UnknownAttorneyError,
} from '../core/staff/leads';
import {
  requestSignIn,
  SESSION_HOURS,
  type StaffDeps,
  type StaffMember,
  sessionOf,
  signIn,
  signOut,
} from '../core/staff/sign-in';
import { readJson, validated } from './body';
import { errorBody, RequestError } from './errors';

export const STAFF_COOKIE = 'amparo_staff';

export interface StaffRouteDeps {
  auth: StaffDeps;
  leads: StaffLeadDeps;
  erase: EraseDeps;
  /** The email's accept and decline, for the signed-in attorney (functions/core/leads/accept.ts). */
  answer?: AnswerDeps;
}

const DeclineSchema = z.strictObject({ reason: z.enum(DECLINE_REASONS).default('other') });

/** What a signed-in request carries: who is signed in. */
export type StaffEnv = { Variables: { member: StaffMember } };
type Env = StaffEnv;

const SignInSchema = z.strictObject({ email: z.string().max(320) });

/** A lead id as the table could hold it (a longer one names no lead: 404, not a 500). */
const storable = (id: string) => id.length > 0 && Buffer.byteLength(id, 'utf8') <= 1024;

/**
 * A live session (401), and for a change, a request from the console's own origin (403). Every
 * /api/staff route is behind it; a request it already let through (a route of another sub-app
 * mounted under /api/staff after staffRoutes' own) is not checked, nor its session read, twice.
 */
export function signedIn(auth: StaffDeps): MiddlewareHandler<Env> {
  const base = new URL(auth.publicBaseUrl);
  return async (c, next) => {
    if (c.get('member')) return next();
    const found = await sessionOf(auth, getCookie(c, STAFF_COOKIE));
    if (!found) return c.json(errorBody('unauthorized', 'Sign in to the console first.'), 401);
    // The console's own origin: the public one, or the one this request came to (a browser
    // cannot set another page's Origin, nor this request's Host).
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && origin !== base.origin && origin !== new URL(c.req.url).origin) {
      return c.json(errorBody('forbidden', 'This request did not come from the console.'), 403);
    }
    c.set('member', found.member);
    c.header('Cache-Control', 'no-store');
    await next();
  };
}

export function staffRoutes(deps: StaffRouteDeps) {
  const base = new URL(deps.auth.publicBaseUrl);
  const secure = base.protocol === 'https:';

  const leadId = (c: Context) => {
    const id = c.req.param('id') ?? '';
    if (!storable(id)) throw new NotFoundError('The lead');
    return id;
  };
  const noSuchLead = (c: Context) => c.json(errorBody('not_found', 'There is no such lead.'), 404);

  /** Accepts or declines a lead as the signed-in attorney, as the email's links do. */
  const answer = async (c: Context<Env>, action: 'accept' | 'decline') => {
    const me = c.get('member');
    const { reason } =
      action === 'decline' ? await readJson(c, DeclineSchema) : { reason: 'other' as const };
    if (!me.attorneyId || !deps.answer) {
      return c.json(errorBody('forbidden', 'Only the attorney a lead is with can answer it.'), 403);
    }
    const lead = await deps.leads.leads.get(leadId(c));
    if (!lead) return noSuchLead(c);
    const done =
      action === 'accept'
        ? await acceptLead(deps.answer, lead, me.attorneyId)
        : await declineLead(deps.answer, lead, me.attorneyId, reason);
    if (done.result === 'moved-on') {
      return c.json(errorBody('moved-on', 'This lead is with someone else now.'), 409);
    }
    if (done.result === 'already-accepted' && action === 'decline') {
      return c.json(errorBody('already-accepted', 'This lead was already accepted.'), 409);
    }
    await record(deps.leads, done.lead, me, action, action === 'decline' ? reason : undefined);
    return c.json(await leadPage(deps.leads, done.lead, me));
  };

  const api = new Hono<Env>()
    .post('/sign-in', async (c) => {
      // The same 202 whoever asks: nothing here tells who is on the roster.
      const { email } = await readJson(c, SignInSchema);
      await requestSignIn(deps.auth, email);
      return c.json({ ok: true }, 202);
    })
    .use('*', signedIn(deps.auth))
    .get('/me', (c) => {
      const me = c.get('member');
      return c.json({
        email: me.email,
        name: me.name,
        role: me.role,
        ...(me.attorneyId ? { attorneyId: me.attorneyId } : {}),
      });
    })
    .post('/sign-out', async (c) => {
      await signOut(deps.auth, getCookie(c, STAFF_COOKIE));
      deleteCookie(c, STAFF_COOKIE, { path: '/', secure });
      return c.body(null, 204);
    })
    .get('/leads', async (c) => {
      const filter = validated(LeadFilterSchema, c.req.query(), 'query');
      return c.json(await listLeads(deps.leads, filter));
    })
    .get('/leads/:id', async (c) => {
      const lead = await deps.leads.leads.get(leadId(c));
      if (!lead) return noSuchLead(c);
      const me = c.get('member');
      await record(deps.leads, lead, me, 'view');
      return c.json(await leadPage(deps.leads, lead, me));
    })
    .post('/leads/:id', async (c) => {
      const id = leadId(c);
      const change = await readJson(c, LeadChangeRequestSchema);
      const me = c.get('member');
      try {
        const lead = await changeLead(deps.leads, id, change, me);
        if (!lead) return noSuchLead(c);
        return c.json(await leadPage(deps.leads, lead, me));
      } catch (error) {
        if (error instanceof UnknownAttorneyError) {
          throw new RequestError(400, 'invalid_request', 'assignTo: no such attorney');
        }
        throw error;
      }
    })
    // The lead email's Accept and Decline, here for the attorney it is with now.
    .post('/leads/:id/accept', async (c) => answer(c, 'accept'))
    .post('/leads/:id/decline', async (c) => answer(c, 'decline'))
    .delete('/leads/:id', async (c) => {
      const me = c.get('member');
      if (me.role !== 'admin') {
        return c.json(errorBody('forbidden', 'Only an admin can erase a lead.'), 403);
      }
      const id = leadId(c);
      const lead = await deps.leads.leads.get(id, { expired: true });
      if (!lead) return noSuchLead(c);
      const result = await eraseLead(deps.erase, id, me.email);
      if (result === 'not-found') return noSuchLead(c);
      await record(deps.leads, lead, me, 'erase');
      return c.body(null, 204);
    });

  /** The emailed link: a session cookie and on to the console, or back to sign in again. */
  const console = new Hono().get('/sign-in', async (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const token = c.req.query('token') ?? '';
    const signed = token && token.length <= 200 ? await signIn(deps.auth, token) : undefined;
    if (!signed) return c.redirect('/console?signin=expired', 303);
    setCookie(c, STAFF_COOKIE, signed.cookie, {
      httpOnly: true,
      sameSite: 'Strict',
      secure,
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect('/console', 303);
  });

  return { api, console };
}
