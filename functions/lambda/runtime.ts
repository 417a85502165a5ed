/**
 * What every Lambda entry builds once per cold start: the configuration (functions/config.ts plus
 * the Lambda-only variables below), the secrets (Secrets Manager by ARN on AWS; the plain variables
 * in local and test runs), the DynamoDB client and the prebuilt content (content.json, written
 * into each function's asset by infra/content.ts).
 */
import * as z from 'zod';
import {
  previousSecretFrom,
  type SecretReader,
  type SecretSource,
  secretFrom,
  secretReader,
} from '../adapters/secrets';
import { type Config, ConfigError, loadConfig } from '../config';
import { emfMetrics, type Metrics } from './metrics';

/** Set by the stack (infra/amparo-stack.ts): ARNs only, never secret values. */
const LambdaEnvSchema = z.object({
  TWILIO_AUTH_TOKEN_SECRET_ARN: z.string().min(1).optional(),
  TWILIO_API_KEY_SECRET_ARN: z.string().min(1).optional(),
  /** The secret CloudFront sends the API with every request (infra/edge.ts). */
  EDGE_SECRET_ARN: z.string().min(1).optional(),
  LINK_SECRET_ARN: z.string().min(1).optional(),
  /** The lead webhooks' signing secret, and Clio Grow's Lead Inbox token (the delivery functions). */
  LEAD_WEBHOOK_SECRET_ARN: z.string().min(1).optional(),
  CLIO_GROW_INBOX_TOKEN_SECRET_ARN: z.string().min(1).optional(),
  /** Where content.json, widget.js and demo.html are: the function's own directory by default. */
  CONTENT_DIR: z.string().min(1).optional(),
  LAMBDA_TASK_ROOT: z.string().min(1).optional(),
  /**
   * `on` when the table has the due-time index (the stack's does, infra/amparo-stack.ts): the
   * escalation timer then reads only the leads due. Off for a table made by ensureTable.
   */
  DUE_INDEX: z.enum(['on', 'off']).default('off'),
  /** The stack's name: the dimension of the functions' metrics (functions/lambda/metrics.ts). */
  METRICS_DEPLOYMENT: z.string().min(1).default('local'),
});

export interface LambdaRuntime {
  config: Config;
  contentDir: string;
  /**
   * The link-signing secret (LINK_SECRET, or the secret LINK_SECRET_ARN names), read again every
   * few minutes (functions/adapters/secrets.ts), so a rotation reaches warm functions.
   */
  linkSecret(): Promise<string>;
  /** The link secret before the last rotation (Secrets Manager's AWSPREVIOUS), if any. */
  previousLinkSecret(): Promise<string | undefined>;
  /** The Twilio auth token (TWILIO_AUTH_TOKEN, or the secret TWILIO_AUTH_TOKEN_SECRET_ARN names). */
  twilioAuthToken(): Promise<string>;
  /** The auth token before the last rotation, if any. */
  previousTwilioAuthToken(): Promise<string | undefined>;
  /**
   * The Twilio API key's secret that texts are sent with (TWILIO_API_KEY_SECRET, or the secret
   * TWILIO_API_KEY_SECRET_ARN names); undefined, and not read, when texts are not sent.
   */
  twilioApiKeySecret(): Promise<string | undefined>;
  /**
   * The secret lead webhooks are signed with (LEAD_WEBHOOK_SECRET, or the secret
   * LEAD_WEBHOOK_SECRET_ARN names); undefined, and not read, without LEAD_WEBHOOK_URLS.
   */
  leadWebhookSecret(): Promise<string | undefined>;
  /** Clio Grow's inbox token (CLIO_GROW_INBOX_TOKEN, or CLIO_GROW_INBOX_TOKEN_SECRET_ARN's secret). */
  clioGrowInboxToken(): Promise<string | undefined>;
  /** The CloudFront-to-API secret (EDGE_SECRET_ARN); undefined when not behind CloudFront. */
  edgeSecret(): Promise<string | undefined>;
  /** The function's CloudWatch metrics, one EMF line per flush. */
  metrics: Metrics;
  /** Whether the table has the due-time index (DUE_INDEX=on). */
  dueIndex: boolean;
}

export function lambdaRuntime(
  env: Record<string, string | undefined> = process.env,
  reader: SecretReader = secretReader(),
): LambdaRuntime {
  const config = loadConfig(env);
  const parsed = LambdaEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const lambdaEnv = parsed.data;
  const link: SecretSource = {
    variable: 'LINK_SECRET',
    value: config.LINK_SECRET,
    arnVariable: 'LINK_SECRET_ARN',
    secretId: lambdaEnv.LINK_SECRET_ARN,
  };
  const twilio: SecretSource = {
    variable: 'TWILIO_AUTH_TOKEN',
    value: config.TWILIO_AUTH_TOKEN,
    arnVariable: 'TWILIO_AUTH_TOKEN_SECRET_ARN',
    secretId: lambdaEnv.TWILIO_AUTH_TOKEN_SECRET_ARN,
  };
  return {
    config,
    contentDir: lambdaEnv.CONTENT_DIR ?? lambdaEnv.LAMBDA_TASK_ROOT ?? process.cwd(),
    linkSecret: () => secretFrom(reader, link),
    previousLinkSecret: () => previousSecretFrom(reader, link),
    twilioAuthToken: () => secretFrom(reader, twilio),
    previousTwilioAuthToken: () => previousSecretFrom(reader, twilio),
    twilioApiKeySecret: async () =>
      config.TWILIO_ACCOUNT_SID && config.TWILIO_FROM_NUMBER
        ? secretFrom(reader, {
            variable: 'TWILIO_API_KEY_SECRET',
            value: config.TWILIO_API_KEY_SECRET,
            arnVariable: 'TWILIO_API_KEY_SECRET_ARN',
            secretId: lambdaEnv.TWILIO_API_KEY_SECRET_ARN,
          })
        : undefined,
    leadWebhookSecret: async () =>
      config.LEAD_WEBHOOK_URLS.length > 0
        ? secretFrom(reader, {
            variable: 'LEAD_WEBHOOK_SECRET',
            value: config.LEAD_WEBHOOK_SECRET,
            arnVariable: 'LEAD_WEBHOOK_SECRET_ARN',
            secretId: lambdaEnv.LEAD_WEBHOOK_SECRET_ARN,
          })
        : undefined,
    clioGrowInboxToken: async () =>
      config.CLIO_GROW_INBOX_TOKEN || lambdaEnv.CLIO_GROW_INBOX_TOKEN_SECRET_ARN
        ? secretFrom(reader, {
            variable: 'CLIO_GROW_INBOX_TOKEN',
            value: config.CLIO_GROW_INBOX_TOKEN,
            arnVariable: 'CLIO_GROW_INBOX_TOKEN_SECRET_ARN',
            secretId: lambdaEnv.CLIO_GROW_INBOX_TOKEN_SECRET_ARN,
          })
        : undefined,
    metrics: emfMetrics({ deployment: lambdaEnv.METRICS_DEPLOYMENT }),
    dueIndex: lambdaEnv.DUE_INDEX === 'on',
    edgeSecret: async () =>
      lambdaEnv.EDGE_SECRET_ARN ? reader.get(lambdaEnv.EDGE_SECRET_ARN) : undefined,
  };
}
