/**
 * The API Lambda: the same `createApp(deps)` as the local server, wrapped by hono/aws-lambda
 * (API Gateway HTTP API, payload 2.0), behind CloudFront and its WAF: a request that did not come
 * through CloudFront is refused (functions/lambda/edge.ts). Dependencies are built once per cold start by the one
 * builder (functions/deps.ts): the content from the prebuilt content.json (no YAML parser in this
 * bundle), the secrets from Secrets Manager. Lead emails are not sent from here: the delivery
 * function does it from the table's stream.
 */
import { getConnInfo, handle } from 'hono/aws-lambda';
import { loadBundledContent } from '../adapters/content-bundle';
import { dynamoClient } from '../adapters/dynamo-client';
import { configuredSender } from '../adapters/sms-sender';
import type { Mailer } from '../core/ports';
import { buildAppDeps } from '../deps';
import { createApp } from '../http/app';
import { EDGE_VIEWER_HEADER, throughEdgeOnly, viewerAddress } from './edge';
import { lambdaRuntime } from './runtime';

const runtime = lambdaRuntime();
const { config } = runtime;

const [twilioAuthToken, linkSecret, twilioApiKeySecret, edgeSecret] = await Promise.all([
  runtime.twilioAuthToken(),
  runtime.linkSecret(),
  runtime.twilioApiKeySecret(),
  runtime.edgeSecret(),
]);
const { content, roster, assets } = loadBundledContent(runtime.contentDir);

// The lead links (accept, decline) only save the lead; its email goes out from the stream.
const noMail: Mailer = {
  send: () => Promise.reject(new Error('the API function does not send lead emails')),
};

const app = createApp(
  buildAppDeps({
    config,
    client: dynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION),
    content,
    roster,
    assets,
    linkSecret,
    twilioAuthToken,
    mailer: noMail,
    // Texts go out with the API key; the auth token only checks the webhook's signatures.
    sender: configuredSender(config, twilioApiKeySecret, '/tmp/sms-outbox'),
    // API Gateway's sourceIp: the address the request came from, not a header a client can set;
    // behind CloudFront that is CloudFront's, and the client's is the header CloudFront sets.
    clientAddress: (c) =>
      viewerAddress(
        c.req.header(EDGE_VIEWER_HEADER),
        Boolean(edgeSecret),
        getConnInfo(c).remote.address,
      ),
  }),
);

export const handler = throughEdgeOnly(handle(app), edgeSecret);
