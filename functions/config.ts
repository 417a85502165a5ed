/**
 * Configuration from the environment (API.md "Configuration"), parsed once at start with zod.
 * A bad value stops the start with a message naming the variable.
 */
import * as z from 'zod';
import { TEMPLATE_LIST, TEMPLATE_NAMES, templateSids } from './core/channels/whatsapp/outbound';

const Url = z.url({ protocol: /^https?$/ });

export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DYNAMODB_ENDPOINT: Url.optional(),
    TABLE_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,255}$/)
      .default('amparo'),
    /** Unset: http://localhost:<PORT>, so a server on another port signs and prints its own URL. */
    PUBLIC_BASE_URL: Url.optional(),
    TWILIO_AUTH_TOKEN: z.string().min(16).optional(),
    /** Addition (README): outbound SMS through Twilio's REST API; unset = .data/sms-outbox/. */
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'is not a Twilio account SID')
      .optional(),
    TWILIO_FROM_NUMBER: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'is not an E.164 number')
      .optional(),
    /**
     * Addition (README): the API key outbound texts authenticate with (the auth token only checks
     * webhook signatures). On Lambda the secret comes from TWILIO_API_KEY_SECRET_ARN.
     */
    TWILIO_API_KEY_SID: z
      .string()
      .regex(/^SK[0-9a-fA-F]{32}$/, 'is not a Twilio API key SID (SK…)')
      .optional(),
    TWILIO_API_KEY_SECRET: z.string().min(16).optional(),
    /**
     * Addition (README "WhatsApp"): the firm's WhatsApp sender, E.164. With it "continue on
     * WhatsApp" is offered and messages the firm starts to WhatsApp clients go from it. Locally
     * (npm start) a fictional 555 number stands in when unset: everything goes to the outbox.
     */
    TWILIO_WHATSAPP_FROM: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'is not an E.164 number')
      .optional(),
    /**
     * Addition (README "WhatsApp"): approved WhatsApp templates by content SID, as
     * `accepted.en=HX…,reminder.es=HX…` (names: accepted, reminder, staffMessage; their words
     * are prompts/strings.*.yaml `whatsapp.templates`).
     */
    WHATSAPP_TEMPLATES: z
      .string()
      .regex(
        TEMPLATE_LIST,
        `is not a list of <template>.<en|es>=HX… (templates: ${TEMPLATE_NAMES.join(', ')})`,
      )
      .optional()
      .transform(templateSids),
    MAIL_TRANSPORT: z.enum(['file', 'smtp', 'ses']).default('file'),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /**
     * Addition (README): `required` = smtps:// or STARTTLS on smtp://, certificate verified;
     * `local-plain` = plain SMTP allowed, to a test server on this machine only (adapters/mail.ts).
     */
    SMTP_TLS: z.enum(['required', 'local-plain']).default('required'),
    MAIL_FROM: z.string().min(3).default('intake@localhost'),
    LINK_SECRET: z.string().min(32).optional(),
    ROSTER_FILE: z.string().min(1).optional(),
    /** API.md "Outbound integrations": the firm's conflict list, a CSV of name,role,matter. */
    CONFLICTS_FILE: z.string().min(1).optional(),
    /**
     * API.md "Outbound integrations": URLs every lead event is POSTed to, signed with
     * LEAD_WEBHOOK_SECRET (on Lambda, the secret LEAD_WEBHOOK_SECRET_ARN names; https only there).
     */
    LEAD_WEBHOOK_URLS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .pipe(z.array(Url)),
    LEAD_WEBHOOK_SECRET: z.string().min(24).optional(),
    /** API.md "Outbound integrations": Clio Grow's Lead Inbox token; new leads are posted there. */
    CLIO_GROW_INBOX_TOKEN: z.string().min(8).optional(),
    /** Clio Grow's Lead Inbox endpoint (US; eu., au., ca.grow.clio.com for other regions). */
    CLIO_GROW_URL: Url.default('https://grow.clio.com/inbox_leads'),
    /** Addition (README): the firm's settings file; default prompts/firm.yaml. */
    FIRM_FILE: z.string().min(1).optional(),
    /** Addition (README): origins allowed to embed the widget (comma-separated); default any. */
    ALLOWED_ORIGINS: z
      .string()
      .default('*')
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    /** Addition (README): where local data lives (DynamoDB Local files, outbox, secrets). */
    DATA_DIR: z.string().min(1).default('.data'),
    AWS_REGION: z.string().default('us-east-1'),
    /**
     * Addition (README): 'off' serves no demo page at `/` (a firm's production deployment:
     * infra/config.ts demoPage); the chat page (/chat) and the widget are served either way.
     */
    DEMO_PAGE: z.enum(['on', 'off']).default('on'),
    /** Addition (README): 'off' lifts the abuse limits, for load tests and scripted runs only. */
    RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  })
  .superRefine((c, ctx) => {
    // Both or neither: one alone would quietly send nothing while the chat says a code was texted.
    if (Boolean(c.TWILIO_ACCOUNT_SID) !== Boolean(c.TWILIO_FROM_NUMBER)) {
      const missing = c.TWILIO_ACCOUNT_SID ? 'TWILIO_FROM_NUMBER' : 'TWILIO_ACCOUNT_SID';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `is required with ${missing === 'TWILIO_FROM_NUMBER' ? 'TWILIO_ACCOUNT_SID' : 'TWILIO_FROM_NUMBER'}: texts are sent with both, or neither is set`,
      });
    }
    if (c.TWILIO_ACCOUNT_SID && c.TWILIO_FROM_NUMBER && !c.TWILIO_API_KEY_SID) {
      ctx.addIssue({
        code: 'custom',
        path: ['TWILIO_API_KEY_SID'],
        message: 'is required to send texts (TWILIO_ACCOUNT_SID and TWILIO_FROM_NUMBER are set)',
      });
    }
    if (c.MAIL_TRANSPORT === 'smtp' && !c.SMTP_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message: 'is required when MAIL_TRANSPORT=smtp',
      });
    }
  })
  .transform(({ PUBLIC_BASE_URL, ...c }) => ({
    ...c,
    PUBLIC_BASE_URL: (PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
  }));
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment; throws ConfigError naming each bad variable.
 *
 * @example loadConfig({ PORT: '8080' }).PORT // 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" (a blank line in an .env file must not become a value).
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = ConfigSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
