/**
 * Secrets Manager: the Twilio auth token, the link-signing secret and the others, kept in memory
 * for SECRET_MAX_AGE_MS and then read again, so a value put into a secret reaches warm functions
 * within minutes, not at their next cold start. The value before it (Secrets Manager's
 * AWSPREVIOUS stage, which put-secret-value moves the old value to) is read only when asked:
 * during a rotation a webhook or link made with the old value still works
 * (functions/lambda/api-handler.ts). The Lambda's environment holds only the secrets' ARNs,
 * never their values (infra/amparo-stack.ts).
 */
import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

/** How long a value read is used before it is read again (one call per secret per 5 minutes). */
export const SECRET_MAX_AGE_MS = 5 * 60_000;

/** A secret could not be read, or is empty. Carries the secret's id (an ARN), never its value. */
export class SecretError extends Error {
  override name = 'SecretError';
}

export interface SecretReader {
  /** The secret's current value; from memory for SECRET_MAX_AGE_MS after each read. */
  get(secretId: string): Promise<string>;
  /** The value it had before the last put (AWSPREVIOUS), or undefined when it has none. */
  previous?(secretId: string): Promise<string | undefined>;
}

interface Cached {
  value: Promise<string | undefined>;
  at: number;
}

/**
 * A reader that keeps each value for `maxAgeMs`, then reads it again. A failed read is not kept:
 * the next call tries again, and meanwhile the last good value, if any, is used (a Secrets Manager
 * hiccup must not turn every webhook into a 403).
 *
 * @example const token = await secretReader().get(process.env.TWILIO_AUTH_TOKEN_SECRET_ARN);
 */
export function secretReader(
  client: Pick<SecretsManagerClient, 'send'> = new SecretsManagerClient({}),
  options: { maxAgeMs?: number; now?: () => number } = {},
): SecretReader {
  const maxAgeMs = options.maxAgeMs ?? SECRET_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Cached>();
  const read = async (secretId: string, stage: 'AWSCURRENT' | 'AWSPREVIOUS') => {
    let value: string | undefined;
    try {
      value = (
        await client.send(
          new GetSecretValueCommand({
            SecretId: secretId,
            ...(stage === 'AWSPREVIOUS' ? { VersionStage: stage } : {}),
          }),
        )
      )?.SecretString;
    } catch (error) {
      // A secret never put twice has no previous value.
      if (stage === 'AWSPREVIOUS' && error instanceof ResourceNotFoundException) return undefined;
      throw new SecretError(`secret ${secretId} could not be read`, { cause: error });
    }
    if (stage === 'AWSPREVIOUS') return value?.trim() || undefined;
    if (!value?.trim()) throw new SecretError(`secret ${secretId} is empty`);
    return value.trim();
  };
  const cached = async (secretId: string, stage: 'AWSCURRENT' | 'AWSPREVIOUS') => {
    const key = `${stage}:${secretId}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < maxAgeMs) return hit.value;
    const value = read(secretId, stage);
    cache.set(key, { value, at: now() });
    try {
      return await value;
    } catch (error) {
      const stale = hit ? await hit.value.catch(() => undefined) : undefined;
      if (stale === undefined) {
        cache.delete(key);
        throw error;
      }
      // Kept with its old time: the next call tries Secrets Manager again.
      cache.set(key, hit as Cached);
      return stale;
    }
  };
  return {
    get: async (secretId) => (await cached(secretId, 'AWSCURRENT')) as string,
    previous: (secretId) => cached(secretId, 'AWSPREVIOUS'),
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

/**
 * The value before the current one, from Secrets Manager only (a plain variable has none), and
 * only when it differs from the current value.
 *
 * @example await previousSecretFrom(reader, { variable: 'LINK_SECRET', value: undefined, arnVariable: 'LINK_SECRET_ARN', secretId: arn })
 */
export async function previousSecretFrom(
  reader: SecretReader,
  source: SecretSource,
): Promise<string | undefined> {
  if (source.value || !source.secretId || !reader.previous) return undefined;
  const [current, previous] = await Promise.all([
    reader.get(source.secretId),
    reader.previous(source.secretId),
  ]);
  return previous && previous !== current ? previous : undefined;
}
