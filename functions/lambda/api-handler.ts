/**
 * The API Lambda's handler, apart from its cold start so it can be tested with any secrets: the
 * same `createApp(deps)` as the local server, wrapped by hono/aws-lambda, built for the secrets'
 * current values and built again when one changes (the runtime reads them again every few
 * minutes: functions/adapters/secrets.ts), so a rotated Twilio token or link secret reaches warm
 * functions without a redeploy.
 *
 * During a rotation two values are valid: a Twilio webhook signed with the previous auth token
 * (Twilio signs with the old one until the new one is promoted in its console) and a lead link
 * signed with the previous link secret (sent in the last 14 days) are answered by an app built
 * with that previous value, after the current one refused them with a 403. Both refusals happen
 * before anything is parsed or stored (functions/http/twilio.ts, functions/http/leads.ts), so
 * the second try changes nothing the first did.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from 'aws-lambda';
import { getConnInfo, handle } from 'hono/aws-lambda';
import { jsonLogger } from '../adapters/log';
import { configuredSender, notConfiguredSender } from '../adapters/sms-sender';
import type { ConflictChecker } from '../core/conflicts/source';
import type { Content, WebAssets } from '../core/content';
import type { Logger, Mailer } from '../core/ports';
import type { Roster } from '../core/routing/roster';
import { buildAppDeps } from '../deps';
import { type AppPart, createApp } from '../http/app';
import { EDGE_VIEWER_HEADER, viewerAddress } from './edge';
import type { LambdaRuntime } from './runtime';

/** The Twilio webhook's path, and the signed lead links' (functions/http/app.ts). */
const WEBHOOK_PATH = '/webhooks/twilio/sms';
const LEAD_LINKS = '/leads/';

export interface ApiParts {
  content: Content;
  roster: Roster;
  assets: WebAssets;
  client: DynamoDBClient;
  /** The CloudFront-to-API secret, when behind CloudFront (functions/lambda/edge.ts). */
  behindEdge: boolean;
  /**
   * Staff sign-in links and the notices of an accept or decline (SES on AWS); absent, nothing is
   * mailed from here (lead emails always go out from the delivery function).
   */
  mailer?: Mailer;
  log?: Logger;
  /** The conflict check, in the staff function only (the upload; the clients' API checks none). */
  conflicts?: ConflictChecker;
  /** What this function serves besides the clients' API: the staff console in its own function. */
  routes?: AppPart[];
}

type Handler = (event: APIGatewayProxyEventV2, context?: Context) => Promise<APIGatewayProxyResult>;

interface Secrets {
  twilioAuthToken: string;
  linkSecret: string;
  twilioApiKeySecret: string | undefined;
}

// Without a mailer: lead emails go out from the stream, and nothing else is mailed from here.
const noMail: Mailer = {
  send: () => Promise.reject(new Error('the API function does not send lead emails')),
};

/**
 * The handler: builds the app for the secrets' values on first use and whenever one changes.
 *
 * @example export const handler = throughEdgeOnly(rotatingApiHandler(runtime, parts), edgeSecret);
 */
export function rotatingApiHandler(runtime: LambdaRuntime, parts: ApiParts): Handler {
  const { config } = runtime;
  const log = parts.log ?? jsonLogger();
  const built = new Map<string, Handler>();
  const handlerFor = (secrets: Secrets): Handler => {
    const key = JSON.stringify(secrets);
    const existing = built.get(key);
    if (existing) return existing;
    // At most the current and the previous values' apps, and one more during a change.
    if (built.size >= 3) built.clear();
    const sender = config.TWILIO_ACCOUNT_SID
      ? configuredSender(config, secrets.twilioApiKeySecret, '/tmp/sms-outbox')
      : notConfiguredSender(log);
    const app = createApp(
      buildAppDeps({
        config,
        client: parts.client,
        content: parts.content,
        roster: parts.roster,
        assets: parts.assets,
        linkSecret: secrets.linkSecret,
        twilioAuthToken: secrets.twilioAuthToken,
        mailer: parts.mailer ?? noMail,
        conflicts: parts.conflicts,
        // Texts go out with the API key; the auth token only checks the webhook's signatures.
        sender,
        log,
        // API Gateway's sourceIp: the address the request came from, not a header a client can
        // set; behind CloudFront that is CloudFront's, and the client's is CloudFront's header.
        clientAddress: (c) =>
          viewerAddress(
            c.req.header(EDGE_VIEWER_HEADER),
            parts.behindEdge,
            getConnInfo(c).remote.address,
          ),
      }),
      parts.routes,
    );
    const handler = handle(app) as unknown as Handler;
    built.set(key, handler);
    return handler;
  };
  const current = async (): Promise<Secrets> => {
    const [twilioAuthToken, linkSecret, twilioApiKeySecret] = await Promise.all([
      runtime.twilioAuthToken(),
      runtime.linkSecret(),
      runtime.twilioApiKeySecret(),
    ]);
    return { twilioAuthToken, linkSecret, twilioApiKeySecret };
  };
  return async (event, context) => {
    const secrets = await current();
    const answer = await handlerFor(secrets)(event, context);
    if (answer.statusCode !== 403) return answer;
    const path = event.rawPath ?? '';
    if (path === WEBHOOK_PATH) {
      const previous = await runtime.previousTwilioAuthToken();
      if (previous) return handlerFor({ ...secrets, twilioAuthToken: previous })(event, context);
    } else if (path.startsWith(LEAD_LINKS)) {
      const previous = await runtime.previousLinkSecret();
      if (previous) return handlerFor({ ...secrets, linkSecret: previous })(event, context);
    }
    return answer;
  };
}
