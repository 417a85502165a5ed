/**
 * The deployment's configuration, validated with zod at synth. Each key comes from CDK context
 * (`cdk deploy -c senderAddress=...`), else the environment variable AMPARO_<KEY IN UPPER SNAKE
 * CASE>, else the firm's committed deployment file (`firm/deploy.json`, or the file the `config`
 * context or AMPARO_CONFIG names), so a redeploy without `-c` deploys the same values.
 * The example firm, roster and values are refused (infra/deploy-check.ts) unless `demo=true`
 * (infra/README.md "Configuration").
 */
import * as z from 'zod';
import { TEMPLATE_LIST } from '../functions/core/channels/whatsapp/outbound';

/** The firm's committed deployment file, relative to the project (infra/deploy.example.json). */
export const DEPLOY_FILE = 'firm/deploy.json';

/**
 * An origin as browsers send it: scheme, lower-case host and a port other than the default
 * (`https://WWW.Firm.com:443/` is `https://www.firm.com`). A path, query, fragment, credentials or
 * a wildcard is refused: CORS and frame-ancestors compare origins exactly, so any of them would
 * quietly match nothing, or too much.
 */
const Origin = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const bad = (why: string) => {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} ${why}` });
      return z.NEVER;
    };
    if (value.includes('*')) return bad("has a wildcard: list each origin of the firm's site");
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return bad('is not an origin like https://www.example.com');
    }
    if (url.username || url.password) return bad('has credentials in it');
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
      return bad('has a path, query or fragment: an origin is only https://host[:port]');
    const local = url.hostname === 'localhost';
    if (url.protocol !== 'https:' && !(local && url.protocol === 'http:'))
      return bad('is not https (only http://localhost may be plain)');
    return url.origin;
  });

/** An SES identity ARN (arn:aws:ses:region:account:identity/name). */
const IDENTITY_ARN = /^arn:aws[a-z-]*:ses:[a-z0-9-]+:\d{12}:identity\/(.+)$/;
/** A DynamoDB table name, and a stream ARN whose table is group 1. */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
const STREAM_ARN =
  /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/([A-Za-z0-9_.-]{3,255})\/stream\/\S+$/;
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const EXAMPLE_CONFIG = {
  senderAddress: 'intake@example.com',
  allowedOrigins: 'https://www.example.com',
  alarmEmail: 'admin@example.com',
} as const;

export const InfraConfigSchema = z
  .object({
    stackName: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/)
      .default('Amparo'),
    /** Shown in the alarm topic and the stack's description; default: the name in the firm file. */
    firmName: z.string().min(1).max(100).optional(),
    /** The firm's settings file (FIRM_FILE), relative to the project root. */
    firmFile: z.string().min(1).optional(),
    /** The attorney roster, relative to the project root. */
    rosterFile: z.string().min(1).optional(),
    /** `true` deploys the example firm, roster and values: a demonstration, never a firm. */
    demo: z
      .preprocess(
        (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
        z.union([z.boolean(), z.enum(['true', 'false'])]),
      )
      .transform((v) => v === true || v === 'true')
      .default(false),
    /** The From address of lead emails (MAIL_FROM). */
    senderAddress: z.email().default(EXAMPLE_CONFIG.senderAddress),
    /**
     * The SES identity the functions may send as: a domain, an address or the identity's ARN;
     * default the sender's domain. It must cover the sender (the address, its domain or a parent).
     */
    sesIdentity: z
      .string()
      .trim()
      .min(3)
      .transform((v) => {
        const arn = IDENTITY_ARN.exec(v);
        return { arn: arn ? v : undefined, name: (arn?.[1] ?? v).toLowerCase() };
      })
      .refine((i) => z.email().safeParse(i.name).success || DOMAIN.test(i.name), {
        message: 'is not a domain, an email address or an SES identity ARN',
      })
      .optional(),
    /** Origins of the firm's site(s) that embed the widget, comma-separated. */
    allowedOrigins: z
      // A list in cdk.json's context, or one comma-separated string from -c or the environment.
      .preprocess((v) => (Array.isArray(v) ? v.join(',') : v), z.string())
      .default(EXAMPLE_CONFIG.allowedOrigins)
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(Origin).min(1)),
    /** Where alarms are emailed (an SNS subscription the admin confirms once). */
    alarmEmail: z.email().default(EXAMPLE_CONFIG.alarmEmail),
    logRetentionDays: z.coerce
      .number()
      .pipe(
        z.union([
          z.literal(7),
          z.literal(14),
          z.literal(30),
          z.literal(60),
          z.literal(90),
          z.literal(180),
          z.literal(365),
        ]),
      )
      .default(30),
    /** Outbound SMS through Twilio's REST API (codes, confirmations); unset = not sent. */
    twilioAccountSid: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/)
      .optional(),
    twilioFromNumber: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/)
      .optional(),
    /**
     * The firm's WhatsApp sender (E.164) in Twilio (README "WhatsApp"): with it, "continue on
     * WhatsApp" is offered and messages the firm starts go from it; unset: WhatsApp clients are
     * still answered (the webhook replies), and firm-started messages fall back to SMS.
     */
    twilioWhatsAppFrom: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/)
      .optional(),
    /**
     * Approved WhatsApp templates by content SID: `accepted.en=HX…,reminder.es=HX…` (the API's
     * WHATSAPP_TEMPLATES; their words are prompts/strings.*.yaml `whatsapp.templates`).
     */
    whatsAppTemplates: z.string().regex(TEMPLATE_LIST).optional(),
    /** The Twilio API key (SK…) texts are sent with; its secret goes into a secret after deploy. */
    twilioApiKeySid: z
      .string()
      .regex(/^SK[0-9a-fA-F]{32}$/)
      .optional(),
    /**
     * The firm's own name for Amparo (e.g. intake.firm.com), on the CloudFront distribution with
     * its ACM certificate (in us-east-1, as CloudFront requires): every public URL (the widget tag,
     * the Twilio webhook, lead links) then survives a replaced distribution. Both or neither.
     */
    domainName: z
      .string()
      .trim()
      .toLowerCase()
      .regex(DOMAIN, 'is not a host name like intake.firm.com')
      .optional(),
    certificateArn: z
      .string()
      .trim()
      .regex(
        CERTIFICATE_ARN,
        'is not an ACM certificate ARN in us-east-1 (arn:aws:acm:us-east-1:<account>:certificate/<id>): CloudFront only uses certificates from us-east-1',
      )
      .optional(),
    /** The demo page at `/`; default on only for a demonstration (demo=true). */
    demoPage: z
      .preprocess(
        (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
        z.union([z.boolean(), z.enum(['true', 'false'])]),
      )
      .transform((v) => v === true || v === 'true')
      .optional(),
    /**
     * LEAD_WEBHOOK_URLS (README "Signed webhooks"): https URLs every lead event is POSTed to,
     * signed with the secret the stack generates (LeadWebhookSecret). A list in deploy.json or
     * cdk.json, or one comma-separated string from -c or the environment.
     */
    leadWebhookUrls: z
      .preprocess((v) => (Array.isArray(v) ? v.join(',') : v), z.string())
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https$/, error: 'is not an https URL' }))),
    /**
     * Clio Grow's Lead Inbox (README "Clio Grow"): the stack makes the secret ClioGrowInboxToken,
     * which the admin fills with the firm's inbox token after deploy; `clioGrowUrl` outside the US.
     */
    clioGrow: z
      .preprocess(
        (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
        z.union([z.boolean(), z.enum(['true', 'false'])]),
      )
      .transform((v) => v === true || v === 'true')
      .default(false),
    clioGrowUrl: z.url({ protocol: /^https$/, error: 'is not an https URL' }).optional(),
    /**
     * A table restored from point-in-time recovery (infra/README.md "Restoring the table"): the
     * stack then uses it instead of the table it made (which it keeps), with its stream
     * (`tableStreamArn`) for lead delivery. Both or neither.
     */
    tableName: z
      .string()
      .trim()
      .regex(TABLE_NAME, 'is not a DynamoDB table name (3 to 255 of A-Z a-z 0-9 _ . -)')
      .optional(),
    tableStreamArn: z
      .string()
      .trim()
      .regex(
        STREAM_ARN,
        'is not a DynamoDB stream ARN (arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>): enable the stream, then copy LatestStreamArn from aws dynamodb describe-table',
      )
      .optional(),
  })
  .superRefine((c, ctx) => {
    const identity = c.sesIdentity?.name;
    const sender = c.senderAddress.toLowerCase();
    const senderDomain = sender.split('@')[1] ?? '';
    if (
      identity &&
      !(identity.includes('@')
        ? identity === sender
        : senderDomain === identity || senderDomain.endsWith(`.${identity}`))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['sesIdentity'],
        message: `${identity} does not cover the sender ${c.senderAddress}: SES would refuse every lead email (use the sender's address or its domain)`,
      });
    }
    if (Boolean(c.domainName) !== Boolean(c.certificateArn)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.domainName ? 'certificateArn' : 'domainName'],
        message:
          'is needed too: a custom domain is served with its certificate (domainName and certificateArn go together; infra/README.md "Your own domain")',
      });
    }
    // A restored table needs its stream: without it no lead would ever be emailed.
    if (Boolean(c.tableName) !== Boolean(c.tableStreamArn)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.tableName ? 'tableStreamArn' : 'tableName'],
        message:
          'is needed too: a restored table is used with its stream (tableName and tableStreamArn go together; infra/README.md "Restoring the table")',
      });
    } else if (c.tableName && c.tableStreamArn) {
      const streamTable = STREAM_ARN.exec(c.tableStreamArn)?.[1];
      if (streamTable !== c.tableName) {
        ctx.addIssue({
          code: 'custom',
          path: ['tableStreamArn'],
          message: `is the stream of table ${streamTable}, not of ${c.tableName}`,
        });
      }
    }
    // Sending needs all three; the auth token only checks webhook signatures.
    const sending = [c.twilioAccountSid, c.twilioFromNumber, c.twilioApiKeySid];
    if (sending.some(Boolean) && !sending.every(Boolean)) {
      for (const key of ['twilioAccountSid', 'twilioFromNumber', 'twilioApiKeySid'] as const) {
        if (!c[key]) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message:
              'is needed to send texts (twilioAccountSid, twilioFromNumber and twilioApiKeySid go together)',
          });
        }
      }
    }
  })
  .transform((c) => ({
    ...c,
    sesIdentity:
      c.sesIdentity?.name ?? (c.senderAddress.split('@')[1] ?? c.senderAddress).toLowerCase(),
    /** The identity's ARN when it was given as one (its region and account kept as written). */
    sesIdentityArn: c.sesIdentity?.arn,
    demoPage: c.demoPage ?? c.demo,
  }));
export type InfraConfig = z.infer<typeof InfraConfigSchema>;

export class InfraConfigError extends Error {
  override name = 'InfraConfigError';
}

const envName = (key: string) => `AMPARO_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** The keys a deployment file may hold: every key of the configuration. */
export const CONFIG_KEYS = Object.keys(InfraConfigSchema.in.shape);

/**
 * Reads each key from CDK context, else from AMPARO_<KEY>, else from the deployment file's values
 * (`file`, already read; `fileName` only names it in errors); throws naming every bad key.
 *
 * @example infraConfig((k) => app.node.tryGetContext(k), process.env, readDeployFile(root, env, context).values)
 */
export function infraConfig(
  context: (key: string) => unknown,
  env: Record<string, string | undefined> = process.env,
  file: Record<string, unknown> = {},
  fileName = DEPLOY_FILE,
): InfraConfig {
  const raw = Object.fromEntries(
    CONFIG_KEYS.map((key) => [key, context(key) ?? env[envName(key)] ?? file[key]] as const).filter(
      ([, v]) => v !== undefined && v !== '',
    ),
  );
  const parsed = InfraConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(
    (i) =>
      `  ${String(i.path[0] ?? '')} (context, ${envName(String(i.path[0] ?? ''))} or ${fileName}): ${i.message}`,
  );
  throw new InfraConfigError(`Invalid deployment configuration:\n${lines.join('\n')}`);
}

/** The environment variable of a key, for messages: `senderAddress` → AMPARO_SENDER_ADDRESS. */
export { envName };

/** The keys still at their example values: a deployment with them cannot deliver anything. */
export function exampleKeys(config: InfraConfig): string[] {
  const used: string[] = [];
  if (config.senderAddress === EXAMPLE_CONFIG.senderAddress) used.push('senderAddress');
  if (config.alarmEmail === EXAMPLE_CONFIG.alarmEmail) used.push('alarmEmail');
  if (config.allowedOrigins.join(',') === EXAMPLE_CONFIG.allowedOrigins)
    used.push('allowedOrigins');
  return used;
}
