/**
 * The app's dependencies for a local process (the `npm start` server and the tests' servers): the
 * content, roster and web assets read from disk, then the one builder (functions/deps.ts).
 */
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'hono';
import { loadConflictsFile, loadNameTables } from '../adapters/conflicts-file';
import { loadContent, loadWebAssets } from '../adapters/content-files';
import { loadRoster } from '../adapters/roster-file';
import type { LeadEvents } from '../core/integrations/dispatch';
import type { Logger, Mailer, SmsSender } from '../core/ports';
import { buildAppDeps, buildConflictChecker } from '../deps';
import type { AppDeps } from '../http/app';

export interface LocalDepsOptions {
  client: DynamoDBClient;
  tableName: string;
  root: string;
  firmFile?: string;
  allowedOrigins?: string[];
  log?: Logger;
  now?: () => Date;
  twilio: { authToken: string; publicBaseUrl: string };
  /** Where outbound texts go: Twilio's REST API, or a local outbox. */
  sender: SmsSender;
  /** Where lead emails go. */
  mailer: Mailer;
  /** ROSTER_FILE, or the bundled example. */
  rosterFile?: string;
  /** CONFLICTS_FILE: the firm's conflict list (CSV); a list uploaded in the console wins. */
  conflictsFile?: string;
  linkSecret: string;
  mailFrom?: string;
  /** RATE_LIMITS: 'off' lifts the message limits; default 'on'. */
  rateLimits?: 'on' | 'off';
  /** The lead events' webhooks and Clio Grow (buildLeadEvents); absent: none. */
  events?: LeadEvents;
  /** With it (and limits on), /api requests are limited per client address. */
  clientAddress?: (c: Context) => string | undefined;
  /** TWILIO_WHATSAPP_FROM; default LOCAL_WHATSAPP_NUMBER (messages go to the outbox). */
  whatsAppFrom?: string;
  /** WHATSAPP_TEMPLATES, parsed: content SIDs by `<template>.<language>`. */
  whatsAppTemplates?: Record<string, string>;
}

/**
 * The firm's WhatsApp number when none is configured locally: a fictional one (555-01xx numbers
 * are reserved for fiction), so "continue on WhatsApp" can be tried with `npm run sms --
 * --whatsapp`; nothing is sent to it, everything goes to the outbox.
 */
export const LOCAL_WHATSAPP_NUMBER = '+15555550100';

export function localDeps(options: LocalDepsOptions): AppDeps {
  return buildAppDeps({
    config: {
      TABLE_NAME: options.tableName,
      PUBLIC_BASE_URL: options.twilio.publicBaseUrl,
      MAIL_FROM: options.mailFrom ?? 'intake@localhost',
      ALLOWED_ORIGINS: options.allowedOrigins ?? ['*'],
      RATE_LIMITS: options.rateLimits ?? 'on',
      TWILIO_WHATSAPP_FROM:
        'whatsAppFrom' in options ? options.whatsAppFrom : LOCAL_WHATSAPP_NUMBER,
      WHATSAPP_TEMPLATES: options.whatsAppTemplates ?? {},
    },
    client: options.client,
    content: loadContent({ root: options.root, firmFile: options.firmFile }),
    roster: loadRoster(options.rosterFile ?? join(options.root, 'prompts', 'roster.example.yaml')),
    assets: loadWebAssets(options.root),
    linkSecret: options.linkSecret,
    twilioAuthToken: options.twilio.authToken,
    mailer: options.mailer,
    sender: options.sender,
    now: options.now,
    log: options.log,
    clientAddress: options.clientAddress,
    events: options.events,
    conflicts: buildConflictChecker({
      client: options.client,
      tableName: options.tableName,
      rows: options.conflictsFile ? loadConflictsFile(options.conflictsFile) : [],
      tables: loadNameTables(options.root),
      now: options.now,
      log: options.log,
    }),
  });
}
