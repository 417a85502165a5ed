/**
 * The API bundle as deployed behind CloudFront and its WAF (infra/edge.ts): built as the stack
 * builds it, imported with the stack's environment (EDGE_SECRET_ARN, PUBLIC_BASE_URL the
 * CloudFront URL), called with real-shaped HTTP API events against DynamoDB Local.
 *
 * The attack: a script skips CloudFront, and with it the WAF's rate rules, by calling the HTTP
 * API's own execute-api URL. It must get nothing there. Through CloudFront, the app's own
 * per-address limit must count the person's address, not CloudFront's, and Twilio's signature
 * (over the CloudFront URL Twilio calls) must still check out.
 */
import { pathToFileURL } from 'node:url';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, APIGatewayProxyResult } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { expectedSignature } from '../../functions/adapters/twilio-signature';
import { freshTable } from '../helpers/server';
import { type BuiltLambda, buildLambda } from './build';
import { httpEvent } from './events';

const ARN = (name: string) => `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`;
const EDGE_SECRET = 'edge-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const TWILIO_TOKEN = 'edge-test-twilio-token-0123456789';
const EDGE_URL = 'https://d111111abcdef8.cloudfront.net';

type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResult>;

const savedEnv = { ...process.env };
const secrets = mockClient(SecretsManagerClient);
let table: Awaited<ReturnType<typeof freshTable>>;
let api: BuiltLambda;
let handler: ApiHandler;

beforeAll(async () => {
  table = await freshTable();
  const values: Record<string, string> = {
    [ARN('TwilioAuthToken')]: TWILIO_TOKEN,
    [ARN('LinkSecret')]: 'edge-test-link-secret-0123456789abcdefghij',
    [ARN('EdgeOriginSecret')]: EDGE_SECRET,
  };
  for (const [id, value] of Object.entries(values)) {
    secrets.on(GetSecretValueCommand, { SecretId: id }).resolves({ SecretString: value });
  }
  api = await buildLambda('api');
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    TABLE_NAME: table.tableName,
    PUBLIC_BASE_URL: EDGE_URL,
    MAIL_FROM: 'intake@firm.example',
    TWILIO_AUTH_TOKEN_SECRET_ARN: ARN('TwilioAuthToken'),
    LINK_SECRET_ARN: ARN('LinkSecret'),
    EDGE_SECRET_ARN: ARN('EdgeOriginSecret'),
    ALLOWED_ORIGINS: 'https://www.firm.example',
    CONTENT_DIR: api.dir,
  });
  const module = (await import(/* @vite-ignore */ pathToFileURL(api.file).href)) as {
    handler: ApiHandler;
  };
  handler = module.handler;
});

afterAll(() => {
  secrets.restore();
  api?.remove();
  table?.client.destroy();
  process.env = savedEnv;
});

/** A request as CloudFront passes it on: its secret, and the viewer's address it set. */
function viaEdge(event: APIGatewayProxyEventV2, viewer = '198.51.100.20', edgeIp = '130.176.0.1') {
  event.headers['x-amparo-edge'] = EDGE_SECRET;
  event.headers['x-amparo-viewer'] = viewer;
  event.requestContext.http.sourceIp = edgeIp;
  return event;
}

const newConversation = () =>
  httpEvent('POST', '/api/conversations', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ language: 'en' }),
  });

describe('the API behind CloudFront and its WAF', () => {
  it("refuses requests sent straight to the API's execute-api URL, around the WAF", async () => {
    const direct = await handler(newConversation());
    expect(direct.statusCode).toBe(403);
    expect(direct.body).not.toContain('conversationId');
    const forged = newConversation();
    forged.headers['x-amparo-edge'] = 'a-guess-at-the-secret-0123456789abcdefghijk';
    expect((await handler(forged)).statusCode).toBe(403);
    // Nothing was stored for either.
    const { Count } = await table.client.send(
      new ScanCommand({ TableName: table.tableName, Select: 'COUNT' }),
    );
    expect(Count).toBe(0);
  });

  it('serves requests that came through CloudFront', async () => {
    const created = await handler(viaEdge(newConversation()));
    expect(created.statusCode).toBe(201);
    expect(JSON.parse(created.body).conversationId).toEqual(expect.any(String));
  });

  it("limits /api per viewer address, not per CloudFront's own address", async () => {
    const search = (viewer: string, edgeIp: string) =>
      viaEdge(
        httpEvent('GET', '/api/knowledge/search', { query: 'q=bond&lang=en' }),
        viewer,
        edgeIp,
      );
    const statuses: number[] = [];
    // The clock stands still: on a loaded machine 61 requests can take long enough for the
    // bucket to refill one token (120 a minute), and the 61st would pass.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      for (let i = 0; i < 61; i++) {
        // One person, through whichever CloudFront edge address.
        statuses.push((await handler(search('198.51.100.77', `130.176.0.${i}`))).statusCode);
      }
      expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
      expect(statuses[60]).toBe(429);
      // Someone else, through the very same CloudFront address, is not held back.
      expect((await handler(search('198.51.100.78', '130.176.0.1'))).statusCode).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('checks the Twilio signature over the CloudFront URL Twilio calls', async () => {
    const params = {
      MessageSid: `SM${'ab'.repeat(16)}`,
      From: '+12135550199',
      To: '+12135550142',
      Body: 'hola',
    };
    const body = new URLSearchParams(params).toString();
    const webhook = (signature: string) =>
      viaEdge(
        httpEvent('POST', '/webhooks/twilio/sms', {
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': signature,
          },
          body,
          base64: true,
          routeKey: 'POST /webhooks/twilio/sms',
        }),
        // Twilio's own address; its webhook is outside the WAF's per-address rule.
        '54.172.60.1',
      );
    const signedForEdge = expectedSignature(
      TWILIO_TOKEN,
      `${EDGE_URL}/webhooks/twilio/sms`,
      params,
    );
    const ok = await handler(webhook(signedForEdge));
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('<Response');
    // Signed for the execute-api URL instead: not what Twilio calls, refused.
    const api = expectedSignature(
      TWILIO_TOKEN,
      'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/webhooks/twilio/sms',
      params,
    );
    expect((await handler(webhook(api))).statusCode).toBe(403);
  });
});
