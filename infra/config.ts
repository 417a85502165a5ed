/**
 * The deployment's configuration: CDK context (`cdk deploy -c senderAddress=...`) or, for each
 * key, the environment variable AMPARO_<KEY IN UPPER SNAKE CASE>, validated with zod at synth.
 * Example values let `npm run synth` run offline with no configuration; the stack warns when one
 * is still in use (infra/README.md "Configuration").
 */
import * as z from 'zod';

const Origin = z
  .string()
  .trim()
  .regex(
    /^(https:\/\/[^/\s]+|http:\/\/localhost(:\d+)?)$/,
    'is not an origin like https://www.example.com',
  );

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
    /** The firm's settings file (FIRM_FILE); default prompts/firm.yaml. */
    firmFile: z.string().min(1).optional(),
    /** The attorney roster, relative to the project root. */
    rosterFile: z.string().min(1).default('prompts/roster.example.yaml'),
    /** The From address of lead emails (MAIL_FROM). */
    senderAddress: z.email().default(EXAMPLE_CONFIG.senderAddress),
    /** The SES identity the functions may send as: a domain or an address; default the sender's domain. */
    sesIdentity: z.string().min(3).optional(),
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
    /** The Twilio API key (SK…) texts are sent with; its secret goes into a secret after deploy. */
    twilioApiKeySid: z
      .string()
      .regex(/^SK[0-9a-fA-F]{32}$/)
      .optional(),
  })
  .superRefine((c, ctx) => {
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
    sesIdentity: c.sesIdentity ?? c.senderAddress.split('@')[1] ?? c.senderAddress,
  }));
export type InfraConfig = z.infer<typeof InfraConfigSchema>;

export class InfraConfigError extends Error {
  override name = 'InfraConfigError';
}

const envName = (key: string) => `AMPARO_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/**
 * Reads each key from CDK context, else from AMPARO_<KEY>; throws naming every bad key.
 *
 * @example infraConfig((k) => app.node.tryGetContext(k), process.env).allowedOrigins
 */
export function infraConfig(
  context: (key: string) => unknown,
  env: Record<string, string | undefined> = process.env,
): InfraConfig {
  const keys = Object.keys(InfraConfigSchema.in.shape);
  const raw = Object.fromEntries(
    keys
      .map((key) => [key, context(key) ?? env[envName(key)]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = InfraConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(
    (i) =>
      `  ${String(i.path[0] ?? '')} (context or ${envName(String(i.path[0] ?? ''))}): ${i.message}`,
  );
  throw new InfraConfigError(`Invalid deployment configuration:\n${lines.join('\n')}`);
}

/** The keys still at their example values: a deployment with them cannot deliver anything. */
export function exampleKeys(config: InfraConfig): string[] {
  const used: string[] = [];
  if (config.senderAddress === EXAMPLE_CONFIG.senderAddress) used.push('senderAddress');
  if (config.alarmEmail === EXAMPLE_CONFIG.alarmEmail) used.push('alarmEmail');
  if (config.allowedOrigins.join(',') === EXAMPLE_CONFIG.allowedOrigins)
    used.push('allowedOrigins');
  return used;
}
