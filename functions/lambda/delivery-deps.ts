/**
 * The delivery functions' dependencies, built by the one builder (functions/deps.ts): the roster,
 * firm and strings from content.json (no knowledge index: these functions only send mail), the
 * link secret from Secrets Manager and the mailer MAIL_TRANSPORT names (`ses` on AWS, with the SES
 * client made here), counted by the function's metrics. The link secret is read again every few
 * minutes (functions/adapters/secrets.ts) and the dependencies built again when it changed, so
 * after a rotation warm functions sign links with the new secret.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { loadBundledNameTables } from '../adapters/conflicts-bundle';
import { readContentBundle } from '../adapters/content-bundle';
import { dynamoClient } from '../adapters/dynamo-client';
import { createDynamoLeadStore } from '../adapters/dynamo-leads';
import { createDynamoSmsStore } from '../adapters/dynamo-sms-store';
import { configuredMailer } from '../adapters/mail';
import { configuredSender, notConfiguredSender } from '../adapters/sms-sender';
import type { LeadEvents } from '../core/integrations/dispatch';
import type { DeliveryDeps } from '../core/leads/delivery';
import type { ReminderDeps } from '../core/reminders/send';
import { buildConflictChecker, buildDeliveryDeps, buildLeadEvents } from '../deps';
import { meteredMailer } from './metrics';
import type { LambdaRuntime } from './runtime';

/**
 * The dependencies for the link secret's current value: call it on each invocation.
 *
 * @example const deps = deliveryDeps(runtime); export const handler = (e) => streamHandler(await deps())(e);
 */
export function deliveryDeps(runtime: LambdaRuntime): () => Promise<DeliveryDeps> {
  const { config } = runtime;
  const bundle = readContentBundle(runtime.contentDir);
  const client = dynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION);
  // Every email refused is counted: the stack alarms on it (infra/alarms.ts).
  const mailer = meteredMailer(
    configuredMailer(
      config,
      config.MAIL_TRANSPORT === 'ses'
        ? { sesClient: new SESv2Client({ region: config.AWS_REGION }), SendEmailCommand }
        : undefined,
    ),
    runtime.metrics,
  );
  // The conflict list uploaded in the console (no CONFLICTS_FILE on Lambda), checked when a
  // lead's email is sent, with the names written beside the bundle.
  const conflicts = buildConflictChecker({
    client,
    tableName: config.TABLE_NAME,
    rows: [],
    tables: loadBundledNameTables(runtime.contentDir),
  });
  let built: { linkSecret: string; deps: DeliveryDeps } | undefined;
  // The lead events' targets, built again when the webhook secret or Clio's token changed.
  let events: { key: string; settings: LeadEvents } | undefined;
  const eventsNow = async () => {
    const webhookSecret = await runtime.leadWebhookSecret();
    const clioToken = await runtime.clioGrowInboxToken();
    const key = JSON.stringify([webhookSecret, clioToken]);
    if (events?.key !== key) {
      // On AWS only https: an http URL stops the function (the stack refuses one at synth).
      const settings = buildLeadEvents({ config, webhookSecret, clioToken, httpsOnly: true });
      events = { key, settings };
    }
    return events.settings;
  };
  let combined: { deps: DeliveryDeps; settings: LeadEvents; all: DeliveryDeps } | undefined;
  return async () => {
    const linkSecret = await runtime.linkSecret();
    if (built?.linkSecret !== linkSecret) {
      const deps = buildDeliveryDeps({
        config,
        client,
        roster: bundle.roster,
        firm: bundle.firm,
        strings: bundle.strings,
        linkSecret,
        mailer,
        conflicts,
      });
      // The stack's table has the due-time index (DUE_INDEX=on): the timer reads only the leads
      // due. A table made by ensureTable (local runs, tests) has not: the week is read.
      const leads = runtime.dueIndex
        ? createDynamoLeadStore({
            client,
            tableName: config.TABLE_NAME,
            timeZone: bundle.firm.timeZone,
            retentionDays: bundle.firm.retentionDays,
            now: deps.now,
            dueIndex: true,
          })
        : deps.leads;
      built = { linkSecret, deps: { ...deps, leads } };
    }
    const settings = await eventsNow();
    // The same object while nothing changed: the timer builds the reminders' deps once per it.
    if (combined?.deps !== built.deps || combined.settings !== settings)
      combined = { deps: built.deps, settings, all: { ...built.deps, events: settings } };
    return combined.all;
  };
}

/**
 * The hearing reminders' dependencies for the timer function: lead delivery's (the leads, the
 * mailer, the clock, the log), the texters' lines (a STOP stops them), the firm's words, and the
 * Twilio sender (TWILIO_ACCOUNT_SID and an API key, as the API function's; without them a text
 * reminder fails visibly in the console and the log, never silently).
 *
 * @example const reminders = await reminderDeps(runtime, await deps())
 */
export async function reminderDeps(
  runtime: LambdaRuntime,
  delivery: DeliveryDeps,
): Promise<ReminderDeps> {
  const { config } = runtime;
  const bundle = readContentBundle(runtime.contentDir);
  const client = dynamoClient(config.DYNAMODB_ENDPOINT, config.AWS_REGION);
  const { log } = delivery;
  const sender = config.TWILIO_ACCOUNT_SID
    ? configuredSender(config, await runtime.twilioApiKeySecret(), '/tmp/sms-outbox')
    : notConfiguredSender(log);
  return {
    leads: delivery.leads,
    lines: createDynamoSmsStore({
      client,
      tableName: config.TABLE_NAME,
      timeZone: bundle.firm.timeZone,
      retentionDays: bundle.firm.retentionDays,
    }),
    sender,
    mailer: delivery.mailer,
    mailFrom: delivery.mailFrom,
    content: { strings: bundle.strings, firm: bundle.firm },
    now: delivery.now,
    log,
    whatsAppTemplates: config.WHATSAPP_TEMPLATES,
  };
}
