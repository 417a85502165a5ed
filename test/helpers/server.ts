/**
 * Real servers for integration and end-to-end tests: the real Hono app on a real HTTP port,
 * backed by a fresh table on the real DynamoDB Local started by test/global-setup.ts.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import { inject } from 'vitest';
import { dynamoClient } from '../../functions/adapters/dynamo-client';
import { ensureTable } from '../../functions/adapters/dynamo-store';
import type { LeadEmail } from '../../functions/core/leads/email';
import type { Mailer, OutboundMessage } from '../../functions/core/ports';
import { UNLIMITED } from '../../functions/core/rate-limit';
import { type AppDeps, createApp } from '../../functions/http/app';
import { consoleRoutes } from '../../functions/http/console';
import { leadLinkPart } from '../../functions/http/leads';
import { localDeps } from '../../functions/local/deps';
import { memoryLogger } from './log';

/** The Twilio auth token test servers check signatures against; PUBLIC_BASE_URL is amparo.test. */
export const TWILIO_TEST_TOKEN = 'test-twilio-auth-token-0123456789';
export const TEST_PUBLIC_BASE_URL = 'http://amparo.test';

export interface TestServer {
  url: string;
  deps: AppDeps;
  client: DynamoDBClient;
  tableName: string;
  logs: string[];
  /** Every lead email sent through the default test mailer, in order. */
  emails: LeadEmail[];
  /** Every text message the server sent, in order. */
  outbox: OutboundMessage[];
  close(): Promise<void>;
}

/** A fresh table on the shared DynamoDB Local, and a client for it. */
export async function freshTable(): Promise<{ client: DynamoDBClient; tableName: string }> {
  const client = dynamoClient(inject('dynamoEndpoint'), 'us-east-1');
  const tableName = `test-${randomUUID()}`;
  await ensureTable(client, tableName);
  return { client, tableName };
}

export const TEST_LINK_SECRET = 'test-link-secret-0123456789abcdefghijklmnop';

export async function startTestServer(
  options: {
    now?: () => Date;
    mailer?: Mailer;
    /** Keep the production abuse limits; by default tests type faster than any person may. */
    limits?: boolean;
    /** WhatsApp template SIDs by `<template>.<language>` (WHATSAPP_TEMPLATES); default none. */
    whatsAppTemplates?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  const { client, tableName } = await freshTable();
  const logs: string[] = [];
  const outbox: OutboundMessage[] = [];
  const emails: LeadEmail[] = [];
  const deps = localDeps({
    client,
    tableName,
    root: process.cwd(),
    log: memoryLogger(logs),
    now: options.now,
    twilio: { authToken: TWILIO_TEST_TOKEN, publicBaseUrl: TEST_PUBLIC_BASE_URL },
    sender: { send: async (message) => ({ id: String(outbox.push(message)) }) },
    mailer: options.mailer ?? {
      send: async (message) => ({ messageId: String(emails.push(message as LeadEmail)) }),
    },
    linkSecret: TEST_LINK_SECRET,
    whatsAppTemplates: options.whatsAppTemplates,
  });
  if (!options.limits) deps.messageRule = UNLIMITED;
  const app = createApp(deps, [consoleRoutes, leadLinkPart]);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((done) => server.once('listening', () => done()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    client,
    tableName,
    logs,
    outbox,
    emails,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      client.destroy();
    },
  };
}
