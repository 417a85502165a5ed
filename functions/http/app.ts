/**
 * The composition root of the HTTP app: `createApp(deps, parts)` builds the Hono app from its
 * dependencies, with the parts a runtime serves besides the clients' API (the staff console:
 * functions/http/console.ts). The local server and the Lambda entries each build `deps` once and
 * call it; tests pass their own.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { SmsDeps } from '../core/channels/inbound';
import type { WebAssets } from '../core/content';
import type { DeliveryDeps } from '../core/leads/delivery';
import type { Logger } from '../core/ports';
import type { RateRule } from '../core/rate-limit';
import type { ReminderDeps } from '../core/reminders/send';
import type { TakeoverDeps } from '../core/staff/takeover';
import { MAX_BODY_BYTES, MAX_LIST_BYTES } from './body';
import { conversationRoutes } from './conversations';
import { errorBody, RequestError, respondToError } from './errors';
import { knowledgeRoutes } from './knowledge';
import { addressLimit } from './limits';
import type { StaffRouteDeps } from './staff';
import { type TwilioConfig, twilioRoutes } from './twilio';
import { webRoutes } from './web';

export interface AppDeps extends SmsDeps {
  /** Lead delivery and the signed lead links; without it the /leads routes are not served. */
  delivery?: DeliveryDeps;
  /** Hearing reminders' sending (the local worker's pass; the timer Lambda's on AWS). */
  reminders?: ReminderDeps;
  twilio: TwilioConfig;
  assets: WebAssets;
  /** Origins allowed to call the API from a browser (the widget on a firm's site); '*' = any. */
  allowedOrigins: string[];
  /** The staff console's API and sign-in link (functions/http/staff.ts); absent: not served. */
  staff?: StaffRouteDeps;
  /** Live takeover of conversations from the console (functions/http/staff-conversations.ts). */
  staffLive?: TakeoverDeps;
  /** False: nothing at `/` (a firm's production deployment); default true, the demo page. */
  demoPage?: boolean;
  log: Logger;
  /**
   * The client's address as the server saw it; with it, /api requests are limited per address
   * (functions/http/limits.ts). The Twilio webhook is not: every text arrives from Twilio.
   */
  clientAddress?: (c: Context) => string | undefined;
  /** The per-address allowance; default ADDRESS_RULE. */
  addressRule?: RateRule;
}

/**
 * A part of the app served only where it is mounted: the staff console (functions/http/
 * console.ts) is on the local server and in its own Lambda, not in the clients' API function,
 * whose bundle and cold start stay the clients'.
 */
export type AppPart = (app: Hono, deps: AppDeps) => void;

export function createApp(deps: AppDeps, parts: AppPart[] = []) {
  const app = new Hono();
  app.use(requestId());
  // The chat's page is framed by the firm's sites: its CSP's frame-ancestors says which (web.ts),
  // and X-Frame-Options, which can name none of them, must not say SAMEORIGIN over it.
  app.use('/chat', async (c, next) => {
    await next();
    c.res.headers.delete('X-Frame-Options');
  });
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // Method, route and status only: paths carry ids, never what a client typed.
    deps.log.info('request', {
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      requestId: c.get('requestId'),
    });
  });
  app.use(
    '/api/*',
    cors({
      origin: deps.allowedOrigins.includes('*') ? '*' : deps.allowedOrigins,
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );
  // API.md: a body over 16 KiB is a 413, before it is read; the conflict list's upload, 2 MiB.
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new RequestError(413, 'payload_too_large', `The body is over ${maxSize} bytes.`);
      },
    });
  const limit = limitOf(MAX_BODY_BYTES);
  const listLimit = limitOf(MAX_LIST_BYTES);
  app.use('/api/*', (c, next) =>
    c.req.method === 'PUT' && c.req.path === '/api/staff/conflicts'
      ? listLimit(c, next)
      : limit(c, next),
  );
  if (deps.clientAddress) {
    app.use('/api/*', addressLimit({ address: deps.clientAddress, rule: deps.addressRule }));
  }

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/api/conversations', conversationRoutes(deps));
  app.route('/api/knowledge', knowledgeRoutes(deps.content));
  app.use('/webhooks/*', limit);
  app.route('/webhooks/twilio', twilioRoutes(deps, deps.twilio));
  for (const part of parts) part(app, deps);
  app.route(
    '/',
    webRoutes(deps.assets, deps.content.strings, deps.allowedOrigins, deps.demoPage !== false),
  );

  app.notFound((c) => c.json(errorBody('not_found', 'There is nothing at this address.'), 404));
  app.onError((error, c) => respondToError(c, error, deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;
