/**
 * The web chat API of API.md: start a conversation, send a message, read the transcript.
 */
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { newToken } from '../adapters/tokens';
import { sendMessage, startConversation } from '../core/channels/channels';
import { continueOnWeb, type LinkDeps, prepareTextLink } from '../core/channels/linking';
import {
  READ_BACK_MINUTES,
  type ReadBack,
  readBack,
  readConversation,
} from '../core/channels/web/reading';
import type { Conversation } from '../core/conversation';
import { isDone } from '../core/engine/state';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../core/errors';
import { LanguageSchema } from '../core/flow';
import { hashSecret } from '../core/secrets';
import { readJson } from './body';
import { RequestError } from './errors';

const StartSchema = z.strictObject({
  language: LanguageSchema.default('en'),
  channel: z.literal('web').default('web'),
});

const ContinueSchema = z.strictObject({
  code: z.string().regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{16,64}$/, 'is not a continue code'),
});

const MessageSchema = z.strictObject({
  text: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters')),
});

/** What continueOnWeb says of a wrong, used or expired link. */
const WRONG_LINK = 'This link is wrong, used or expired.';

/** Ids are random UUIDs; anything else cannot be a conversation, so it is not looked up. */
const IdSchema = z.uuid();

/**
 * API.md's State, and one addition: `person`, true while a person of the firm has the
 * conversation (the widget then reads new messages every few seconds).
 */
const state = (c: Conversation) => ({
  step: c.intake.step,
  done: isDone(c.intake),
  language: c.intake.language,
  ...(c.takeover ? { person: true } : {}),
});

type Entry = ReadBack['messages'][number] & { name?: string };
const message = ({ role, text, choices, name }: Entry) => ({
  role,
  text,
  ...(choices ? { choices } : {}),
  ...(role === 'staff' && name ? { name } : {}),
});

/**
 * The conversation as its token reads it: API.md's fields, and two more. `hidden` (when earlier
 * messages are left out): why, 'pause', 'link' or 'end'; `hidesIn`: seconds until what is shown
 * now is more than the token may read, when the widget reads it again.
 */
const view = (conversation: Conversation, read: ReadBack) => ({
  conversationId: conversation.id,
  language: conversation.intake.language,
  messages: read.messages.map(message),
  state: state(conversation),
  ...(read.hidden ? { hidden: read.hidden } : {}),
  hidesIn: read.hidesIn,
  seq: conversation.transcript.length,
});

/** `?after=<seq>`: only the messages since, while the token may read them (API addition). */
export const AfterSchema = z.coerce.number().int().nonnegative().max(100_000);

/** A message was just sent or the chat just started: all of it is readable for the window. */
const FULL_WINDOW = READ_BACK_MINUTES * 60;

function bearer(header: string | undefined): string {
  const match = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(header ?? '');
  if (!match?.[1]) throw new UnauthorizedError();
  return match[1];
}

function conversationId(raw: string): string {
  if (!IdSchema.safeParse(raw).success) throw new NotFoundError('conversation');
  return raw;
}

export function conversationRoutes(
  deps: LinkDeps & {
    /** The client's address, kept on the conversation only as a keyed hash (its origin). */
    clientAddress?: (c: Context) => string | undefined;
  },
) {
  return new Hono()
    .use('*', async (c, next) => {
      await next();
      // A transcript must never stay in a browser's or a proxy's cache, errors included.
      c.header('Cache-Control', 'no-store');
    })
    .post('/', async (c) => {
      const body = await readJson(c, StartSchema, { allowEmpty: true });
      const token = newToken();
      const { conversation, replies } = await startConversation(deps, {
        language: body.language,
        channel: body.channel,
        tokenHash: hashSecret(token),
        address: deps.clientAddress?.(c),
      });
      return c.json(
        {
          conversationId: conversation.id,
          token,
          messages: replies,
          state: state(conversation),
          hidesIn: FULL_WINDOW,
        },
        201,
      );
    })
    .post('/:id/messages', async (c) => {
      const id = conversationId(c.req.param('id'));
      // The token is checked before the body is read: a stranger learns nothing from errors.
      const token = bearer(c.req.header('authorization'));
      const body = await readJson(c, MessageSchema);
      const { conversation, replies } = await sendMessage(deps, id, body.text, token, (result) =>
        prepareTextLink(deps, result),
      );
      return c.json({
        messages: replies,
        state: state(conversation),
        hidesIn: FULL_WINDOW,
        seq: conversation.transcript.length,
      });
    })
    .post('/continue', async (c) => {
      // The one-time link texted for "web": <conversationId>.<secret>, good once for 30 minutes.
      const { code } = await readJson(c, ContinueSchema);
      const [id = '', secret = ''] = code.split('.');
      // A code naming no possible conversation is a wrong link like any other: 403, not 404.
      if (!IdSchema.safeParse(id).success) throw new ForbiddenError(WRONG_LINK);
      const token = newToken();
      const conversation = await continueOnWeb(deps, id, secret, hashSecret(token));
      return c.json({
        token,
        ...view(conversation, readBack(deps.content, conversation, deps.now())),
      });
    })
    .get('/:id', async (c) => {
      const id = conversationId(c.req.param('id'));
      const token = bearer(c.req.header('authorization'));
      const { conversation, read } = await readConversation(deps, id, token);
      const after = c.req.query('after');
      if (after === undefined) return c.json(view(conversation, read));
      // What came since the widget last looked (a person of the firm writing): only while the
      // token reads the transcript itself (not after a pause or the end, DOMAIN.md "Safety").
      const from = AfterSchema.safeParse(after);
      if (!from.success) {
        throw new RequestError(400, 'invalid_request', 'after: must be a whole number');
      }
      const since =
        read.hidden === 'pause' || read.hidden === 'end'
          ? []
          : conversation.transcript.slice(Math.max(from.data, conversation.readFrom ?? 0));
      return c.json({
        messages: since.map(message),
        state: state(conversation),
        hidesIn: read.hidesIn,
        seq: conversation.transcript.length,
      });
    });
}
