/**
 * The clients' API Lambda: the web chat, the knowledge search, the Twilio webhook and the signed
 * lead links, the same `createApp(deps)` as the local server wrapped by hono/aws-lambda (API
 * Gateway HTTP API, payload 2.0), behind CloudFront and its WAF (http-function.ts). Lead emails
 * are not sent from here: the delivery function does it from the table's stream. The staff
 * console is its own function (staff.ts), so this bundle and its cold start stay the clients'.
 */
import { httpFunction } from './http-function';

export const handler = await httpFunction();
