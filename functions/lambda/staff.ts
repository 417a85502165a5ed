/**
 * The staff console's Lambda (functions/http/console.ts): the console page, its sign-in link and
 * /api/staff, on the same app and dependencies as the clients' API function (http-function.ts),
 * which does not carry the console. CloudFront and API Gateway send /console* and /api/staff/*
 * here (infra/amparo-stack.ts).
 */
import { consoleRoutes } from '../http/console';
import { httpFunction } from './http-function';

export const handler = await httpFunction([consoleRoutes]);
