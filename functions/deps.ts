/**
 * The one place the app's dependencies are assembled: the DynamoDB stores on one client and table,
 * lead delivery, the SMS channel, secrets and limits. The local server and the tests' servers
 * (functions/local/deps.ts, which reads the content from disk first), the API Lambda and the
 * delivery Lambdas (functions/lambda/) each call it once; they differ only in what they hand in:
 * where the content comes from (YAML or content.json), the secrets (.data/ or Secrets Manager),
 * the mailer and the text sender.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'hono';
import { createDynamoConflictStore } from './adapters/dynamo-conflicts';
import { createDynamoLeadStore } from './adapters/dynamo-leads';
import { createDynamoLimitStore } from './adapters/dynamo-limits';
import { createDynamoSmsStore } from './adapters/dynamo-sms-store';
import { createDynamoStaffStore } from './adapters/dynamo-staff';
import { createDynamoStore } from './adapters/dynamo-store';
import { createHttpSender, refusedUrl } from './adapters/http-post';
import { jsonLogger } from './adapters/log';
import { newCode, newToken } from './adapters/tokens';
import { type Config, ConfigError } from './config';
import type { ConflictRow } from './core/conflicts/conflicts';
import type { NameTables } from './core/conflicts/names';
import { type ConflictChecker, conflictChecker } from './core/conflicts/source';
import type { Catalog, Content, Firm, WebAssets } from './core/content';
import { type LeadEvents, leadEvents } from './core/integrations/dispatch';
import type { DeliveryDeps } from './core/leads/delivery';
import type { Logger, Mailer, SmsSender } from './core/ports';
import { UNLIMITED } from './core/rate-limit';
import type { Roster } from './core/routing/roster';
import { hashSecret, keyedHash } from './core/secrets';
import { tellOnCallWaiting, type WaitingDeps } from './core/staff/waiting';
import type { AppDeps } from './http/app';

/** What every runtime has: the configuration's values, the table, the clock and the log. */
export interface BaseInputs {
  config: Pick<Config, 'TABLE_NAME' | 'PUBLIC_BASE_URL' | 'MAIL_FROM'>;
  client: DynamoDBClient;
  roster: Roster;
  linkSecret: string;
  mailer: Mailer;
  now?: () => Date;
  log?: Logger;
  /**
   * The conflict check (buildConflictChecker): leads are checked when drafted and again when
   * their email is sent. Absent: no check, and no upload in the console.
   */
  conflicts?: ConflictChecker;
  /** The lead events' webhooks and Clio Grow (buildLeadEvents), for the runtimes that deliver leads. */
  events?: LeadEvents;
}

/**
 * The conflict check on the table's uploaded list, else CONFLICTS_FILE's rows, with the names of
 * knowledge/names.yaml. Built by the runtimes that check leads, and handed to the builders below
 * (a function of its own, so a bundle that does not call it does not carry the matcher).
 *
 * @example buildConflictChecker({ client, tableName, rows: loadConflictsFile(path), tables })
 */
export function buildConflictChecker(options: {
  client: DynamoDBClient;
  tableName: string;
  rows: ConflictRow[];
  tables: NameTables;
  now?: () => Date;
  log?: Logger;
}): ConflictChecker {
  return conflictChecker({
    store: createDynamoConflictStore({ client: options.client, tableName: options.tableName }),
    fileRows: options.rows,
    tables: options.tables,
    now: options.now ?? (() => new Date()),
    log: options.log,
  });
}

/**
 * Lead delivery's dependencies: all the delivery Lambdas need (they load no knowledge index).
 *
 * @example buildDeliveryDeps({ config, client, roster, linkSecret, mailer, firm, strings })
 */
export function buildDeliveryDeps(
  inputs: BaseInputs & {
    firm: Pick<Firm, 'name' | 'timeZone' | 'retentionDays'>;
    strings: Catalog;
  },
): DeliveryDeps {
  const { config, client, firm } = inputs;
  const now = inputs.now ?? (() => new Date());
  return {
    leads: createDynamoLeadStore({
      client,
      tableName: config.TABLE_NAME,
      timeZone: firm.timeZone,
      retentionDays: firm.retentionDays,
      now,
    }),
    limits: createDynamoLimitStore({
      client,
      tableName: config.TABLE_NAME,
      secret: inputs.linkSecret,
    }),
    roster: inputs.roster,
    mailer: inputs.mailer,
    linkSecret: inputs.linkSecret,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    firmName: firm.name,
    strings: inputs.strings,
    mailFrom: config.MAIL_FROM,
    timeZone: firm.timeZone,
    now,
    log: inputs.log ?? jsonLogger(),
    conflicts: inputs.conflicts,
    events: inputs.events,
  };
}

/**
 * The lead events' targets from the configuration: LEAD_WEBHOOK_URLS signed with the webhook
 * secret, and Clio Grow with its inbox token. `httpsOnly` (on AWS) refuses an http URL at start,
 * and the sender refuses one at every POST too. Built with no target at all, it still settles
 * events left waiting for a target no longer configured.
 *
 * @example buildLeadEvents({ config, webhookSecret, clioToken: config.CLIO_GROW_INBOX_TOKEN, httpsOnly: false })
 */
export function buildLeadEvents(inputs: {
  config: Pick<Config, 'LEAD_WEBHOOK_URLS' | 'CLIO_GROW_URL'>;
  webhookSecret: string | undefined;
  clioToken: string | undefined;
  httpsOnly: boolean;
  newId?: () => string;
}): LeadEvents {
  const { config, webhookSecret, clioToken, httpsOnly } = inputs;
  const urls = config.LEAD_WEBHOOK_URLS;
  const problems: string[] = [];
  if (urls.length > 0 && !webhookSecret)
    problems.push(
      '  LEAD_WEBHOOK_SECRET: is required with LEAD_WEBHOOK_URLS (it signs each event)',
    );
  for (const url of urls) {
    const refused = refusedUrl(url, httpsOnly);
    if (refused) problems.push(`  LEAD_WEBHOOK_URLS: ${url}: ${refused}`);
  }
  if (clioToken && refusedUrl(config.CLIO_GROW_URL, httpsOnly))
    problems.push(`  CLIO_GROW_URL: ${refusedUrl(config.CLIO_GROW_URL, httpsOnly)}`);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return leadEvents({
    webhooks: urls.length > 0 && webhookSecret ? { urls, secret: webhookSecret } : undefined,
    clio: clioToken ? { url: config.CLIO_GROW_URL, token: clioToken } : undefined,
    sender: createHttpSender({ httpsOnly }),
    newId: inputs.newId ?? randomUUID,
  });
}

export interface AppInputs extends BaseInputs {
  config: BaseInputs['config'] &
    Pick<Config, 'ALLOWED_ORIGINS' | 'RATE_LIMITS'> &
    Partial<Pick<Config, 'DEMO_PAGE' | 'TWILIO_WHATSAPP_FROM' | 'WHATSAPP_TEMPLATES'>>;
  content: Content;
  assets: WebAssets;
  twilioAuthToken: string;
  sender: SmsSender;
  /**
   * The client's address as the server saw it (the socket's, or API Gateway's sourceIp, never a
   * header a client can set); with RATE_LIMITS=on, /api requests are limited per address.
   */
  clientAddress?: (c: Context) => string | undefined;
}

/**
 * The whole app's dependencies, for `createApp(deps)`.
 *
 * @example createApp(buildAppDeps({ config, client, content, roster, assets, ... }))
 */
export function buildAppDeps(inputs: AppInputs): AppDeps {
  const { config, client, content } = inputs;
  const now = inputs.now ?? (() => new Date());
  const log = inputs.log ?? jsonLogger();
  const { timeZone, retentionDays } = content.firm;
  const delivery = buildDeliveryDeps({
    ...inputs,
    now,
    log,
    firm: content.firm,
    strings: content.strings,
  });
  const limited = config.RATE_LIMITS === 'on';
  const store = createDynamoStore({
    client,
    tableName: config.TABLE_NAME,
    now,
    timeZone,
    retentionDays,
  });
  const sms = createDynamoSmsStore({
    client,
    tableName: config.TABLE_NAME,
    timeZone,
    retentionDays,
  });
  const staff = createDynamoStaffStore({ client, tableName: config.TABLE_NAME });
  const waiting: WaitingDeps = {
    limits: delivery.limits,
    mailer: inputs.mailer,
    roster: inputs.roster,
    mailFrom: config.MAIL_FROM,
    firmName: content.firm.name,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    now,
    log,
  };
  return {
    store,
    sms,
    onWaiting: (conversation) => void tellOnCallWaiting(waiting, conversation),
    staff: {
      auth: {
        staff,
        roster: inputs.roster,
        mailer: inputs.mailer,
        limits: delivery.limits,
        now,
        newToken,
        mailFrom: config.MAIL_FROM,
        firmName: content.firm.name,
        publicBaseUrl: config.PUBLIC_BASE_URL,
        log,
      },
      leads: {
        leads: delivery.leads,
        store,
        staff,
        roster: inputs.roster,
        strings: content.strings,
        timeZone,
        retentionDays,
        now,
      },
      erase: { leads: delivery.leads, store, sms, now, log },
      answer: {
        delivery,
        store,
        sms,
        sender: inputs.sender,
        content,
        whatsAppTemplates: config.WHATSAPP_TEMPLATES,
      },
    },
    staffLive: {
      store,
      sms,
      sender: inputs.sender,
      content,
      now,
      log,
      whatsAppTemplates: config.WHATSAPP_TEMPLATES,
    },
    leads: {
      leads: delivery.leads,
      roster: inputs.roster,
      newId: randomUUID,
      now,
      timeZone,
      texting: inputs.sender.available !== false,
      // Read only when a lead is drafted, at most once a minute: never on an ordinary turn.
      conflicts: inputs.conflicts,
    },
    delivery,
    reminders: {
      leads: delivery.leads,
      lines: sms,
      sender: inputs.sender,
      mailer: inputs.mailer,
      mailFrom: config.MAIL_FROM,
      content,
      now,
      log,
      whatsAppTemplates: config.WHATSAPP_TEMPLATES,
    },
    newTokenHash: () => hashSecret(newToken()),
    limits: delivery.limits,
    originOf: (address) => keyedHash(inputs.linkSecret, `address:${address}`),
    twilio: { authToken: inputs.twilioAuthToken, publicBaseUrl: config.PUBLIC_BASE_URL },
    sender: inputs.sender,
    texting: inputs.sender.available !== false,
    whatsAppNumber: config.TWILIO_WHATSAPP_FROM,
    newCode,
    // 32 characters (192 bits) of a keyed hash: the table never holds a working link.
    webLinkSecret: (id, sid) => keyedHash(inputs.linkSecret, `web-link:${id}:${sid}`).slice(0, 32),
    publicBaseUrl: config.PUBLIC_BASE_URL,
    content,
    assets: inputs.assets,
    now,
    newId: randomUUID,
    allowedOrigins: config.ALLOWED_ORIGINS,
    demoPage: config.DEMO_PAGE !== 'off',
    log,
    clientAddress: inputs.clientAddress,
    ...(limited ? {} : { messageRule: UNLIMITED, addressRule: UNLIMITED }),
  };
}
