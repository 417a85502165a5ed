/**
 * Live takeover in the console (API.md "Staff"): a conversation's live transcript, taking it
 * over, writing to the client and releasing it (functions/core/staff/takeover.ts). Behind the
 * same session and origin check as every /api/staff route; each step is in the audit trail.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { NotFoundError } from '../core/errors';
import type { StaffDeps } from '../core/staff/sign-in';
import {
  liveView,
  release,
  staffSays,
  type TakeoverDeps,
  TakeoverError,
  takeOver,
} from '../core/staff/takeover';
import { readJson } from './body';
import { AfterSchema } from './conversations';
import { errorBody, RequestError } from './errors';
import { type StaffEnv, signedIn } from './staff';

const IdSchema = z.uuid();
const MessageSchema = z.strictObject({
  text: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters')),
});

export function staffConversationRoutes(deps: { auth: StaffDeps; live: TakeoverDeps }) {
  const id = (raw: string | undefined) => {
    if (!IdSchema.safeParse(raw).success) throw new NotFoundError('The conversation');
    return raw as string;
  };
  const audit = (by: string, action: string, conversationId: string) =>
    deps.auth.staff.audit({
      at: deps.auth.now().toISOString(),
      by,
      action,
      detail: conversationId,
    });
  const refused = (error: unknown) => {
    if (!(error instanceof TakeoverError)) throw error;
    return { body: errorBody(error.reason, error.message), status: 409 as const };
  };

  return new Hono<StaffEnv>()
    .use('/conversations/*', signedIn(deps.auth))
    .get('/conversations/:id', async (c) => {
      const conversation = await deps.live.store.get(id(c.req.param('id')));
      if (!conversation) throw new NotFoundError('The conversation');
      const after = c.req.query('after');
      const from =
        after === undefined ? { success: true as const, data: 0 } : AfterSchema.safeParse(after);
      if (!from.success)
        throw new RequestError(400, 'invalid_request', 'after: must be a whole number');
      return c.json(liveView(conversation, from.data));
    })
    .post('/conversations/:id/takeover', async (c) => {
      const me = c.get('member');
      const conversationId = id(c.req.param('id'));
      try {
        const { conversation, delivery } = await takeOver(deps.live, conversationId, me);
        await audit(me.email, 'takeover', conversationId);
        return c.json({ ...liveView(conversation), delivery });
      } catch (error) {
        const r = refused(error);
        return c.json(r.body, r.status);
      }
    })
    .post('/conversations/:id/messages', async (c) => {
      const me = c.get('member');
      const conversationId = id(c.req.param('id'));
      const { text } = await readJson(c, MessageSchema);
      try {
        const { conversation, delivery } = await staffSays(deps.live, conversationId, me, text);
        await audit(me.email, 'message', conversationId);
        return c.json({ ...liveView(conversation, conversation.transcript.length - 1), delivery });
      } catch (error) {
        const r = refused(error);
        return c.json(r.body, r.status);
      }
    })
    .post('/conversations/:id/release', async (c) => {
      const me = c.get('member');
      const conversationId = id(c.req.param('id'));
      try {
        const { conversation, delivery } = await release(deps.live, conversationId, me);
        await audit(me.email, 'release', conversationId);
        return c.json({ ...liveView(conversation), delivery });
      } catch (error) {
        const r = refused(error);
        return c.json(r.body, r.status);
      }
    });
}
