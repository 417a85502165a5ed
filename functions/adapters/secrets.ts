/**
 * Secrets Manager: the Twilio auth token and the link-signing secret, read once per cold start
 * and kept in memory for the life of the execution environment. The Lambda's environment holds
 * only the secrets' ARNs, never their values (infra/amparo-stack.ts).
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** A secret could not be read, or is empty. Carries the secret's id (an ARN), never its value. */
export class SecretError extends Error {
  override name = 'SecretError';
}

export interface SecretReader {
  /** The secret's string value; read from Secrets Manager the first time, from memory after. */
  get(secretId: string): Promise<string>;
}

/**
 * A reader that caches each secret for the life of the process (one cold start).
 *
 * @example const token = await secretReader().get(process.env.TWILIO_AUTH_TOKEN_SECRET_ARN);
 */
export function secretReader(
  client: Pick<SecretsManagerClient, 'send'> = new SecretsManagerClient({}),
): SecretReader {
  const cache = new Map<string, Promise<string>>();
  const read = async (secretId: string) => {
    let value: string | undefined;
    try {
      value = (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
    } catch (error) {
      throw new SecretError(`secret ${secretId} could not be read`, { cause: error });
    }
    if (!value?.trim()) throw new SecretError(`secret ${secretId} is empty`);
    return value.trim();
  };
  return {
    get(secretId) {
      let value = cache.get(secretId);
      if (!value) {
        value = read(secretId);
        // A failed read is not cached: the next invocation tries again.
        value.catch(() => cache.delete(secretId));
        cache.set(secretId, value);
      }
      return value;
    },
  };
}

/** Where one secret comes from: the plain variable (local, tests) or the ARN variable (AWS). */
export interface SecretSource {
  /** The plain variable's name and value, e.g. LINK_SECRET. */
  variable: string;
  value: string | undefined;
  /** The variable holding the secret's ARN, e.g. LINK_SECRET_ARN, and its value. */
  arnVariable: string;
  secretId: string | undefined;
}

/**
 * A secret from the environment in local and test runs (the plain variable), else from Secrets
 * Manager by the ARN the stack put in the environment.
 *
 * @example await secretFrom(reader, { variable: 'LINK_SECRET', value: undefined, arnVariable: 'LINK_SECRET_ARN', secretId: arn })
 */
export async function secretFrom(reader: SecretReader, source: SecretSource): Promise<string> {
  if (source.value) return source.value;
  if (!source.secretId) {
    throw new SecretError(
      `${source.variable} is not configured: set ${source.arnVariable} (or ${source.variable} locally)`,
    );
  }
  return reader.get(source.secretId);
}
