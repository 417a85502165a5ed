/**
 * `npm start`: the whole product on one machine. Starts the embedded DynamoDB Local (data under
 * .data/), creates the table if missing, and serves the web chat on PORT.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { dynamoClient } from '../adapters/dynamo-client';
import { ensureTable } from '../adapters/dynamo-store';
import { configuredMailer } from '../adapters/mail';
import { configuredSender } from '../adapters/sms-sender';
import { ConfigError, loadConfig } from '../config';
import { buildLeadEvents } from '../deps';
import { createApp } from '../http/app';
import { consoleRoutes } from '../http/console';
import { leadLinkPart } from '../http/leads';
import { startDeliveryWorker } from './delivery-worker';
import { LOCAL_WHATSAPP_NUMBER, localDeps } from './deps';
import { JavaMissingError, type RunningDynamo, startDynamoLocal } from './dynamodb-local';

/** A secret kept across restarts in .data/, so signed links and tokens survive a restart. */
function localSecret(dataDir: string, name: string): string {
  const path = join(dataDir, name);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function main() {
  const config = loadConfig();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const linkSecret = config.LINK_SECRET ?? localSecret(config.DATA_DIR, 'link-secret');
  const twilioToken = config.TWILIO_AUTH_TOKEN ?? localSecret(config.DATA_DIR, 'twilio-dev-token');

  let dynamo: RunningDynamo | undefined;
  let endpoint = config.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    console.log('Starting the embedded DynamoDB Local (data in %s/dynamodb)…', config.DATA_DIR);
    dynamo = await startDynamoLocal({ dataDir: join(config.DATA_DIR, 'dynamodb') });
    endpoint = dynamo.endpoint;
  }
  const client = dynamoClient(endpoint, config.AWS_REGION);
  await ensureTable(client, config.TABLE_NAME);
  // Where tools like `npm run leads` find the running database.
  writeFileSync(join(config.DATA_DIR, 'dynamodb-endpoint'), `${endpoint}\n`);

  const deps = localDeps({
    client,
    tableName: config.TABLE_NAME,
    root: process.cwd(),
    firmFile: config.FIRM_FILE,
    allowedOrigins: config.ALLOWED_ORIGINS,
    twilio: { authToken: twilioToken, publicBaseUrl: config.PUBLIC_BASE_URL },
    sender: configuredSender(
      config,
      config.TWILIO_API_KEY_SECRET,
      join(config.DATA_DIR, 'sms-outbox'),
    ),
    // Lead emails locally: .eml files under .data/outbox (default) or a real SMTP server.
    mailer: configuredMailer(config),
    rosterFile: config.ROSTER_FILE,
    conflictsFile: config.CONFLICTS_FILE,
    linkSecret,
    mailFrom: config.MAIL_FROM,
    rateLimits: config.RATE_LIMITS,
    // Lead events to the firm's webhooks and Clio Grow (http allowed here, for local receivers).
    events: buildLeadEvents({
      config,
      webhookSecret: config.LEAD_WEBHOOK_SECRET,
      clioToken: config.CLIO_GROW_INBOX_TOKEN,
      httpsOnly: false,
    }),
    // Requests to /api are limited per client address, as the socket saw it.
    clientAddress: (c) => getConnInfo(c).remote.address,
    // WhatsApp: the firm's sender, or (no Twilio account: all goes to the outbox) a fictional one.
    whatsAppFrom:
      config.TWILIO_WHATSAPP_FROM ??
      (config.TWILIO_ACCOUNT_SID ? undefined : LOCAL_WHATSAPP_NUMBER),
    whatsAppTemplates: config.WHATSAPP_TEMPLATES,
  });
  // The in-process delivery worker: each new lead at once, and every few seconds whatever is due
  // (retries after a mail failure, emergency leads nobody accepted in time).
  const worker = startDeliveryWorker(deps);
  deps.onLead = (lead) => worker.kick(lead.leadId);
  const app = createApp(deps, [consoleRoutes, leadLinkPart]);
  const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
    console.log(`\nAmparo is running for ${deps.content.firm.name}.`);
    console.log(`  Web chat:      http://localhost:${info.port}/`);
    console.log(`  Widget:        http://localhost:${info.port}/widget.js`);
    console.log(
      `  SMS webhook:   ${config.PUBLIC_BASE_URL}/webhooks/twilio/sms (try it: npm run sms)`,
    );
    console.log(`  DynamoDB:      ${endpoint} (table ${config.TABLE_NAME})`);
    if (!config.TWILIO_AUTH_TOKEN)
      console.log(`  Twilio dev token (TWILIO_AUTH_TOKEN): ${twilioToken}`);
    console.log('Press Ctrl+C to stop.\n');
  });

  const stop = async () => {
    worker.stop();
    server.close();
    client.destroy();
    await dynamo?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof JavaMissingError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
