/**
 * The Secrets Manager adapter: one read per secret for the life of the process, a failed read
 * retried on the next call, an empty secret refused, and the environment used in local runs.
 */
import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SecretError, secretFrom, secretReader } from '../../functions/adapters/secrets';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:LinkSecret-AbCdEf';
const sm = mockClient(SecretsManagerClient);

beforeEach(() => sm.reset());

describe('secretReader', () => {
  it('reads a secret once and answers later calls from memory', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: ' s3cret-value \n' });
    const reader = secretReader(new SecretsManagerClient({ region: 'us-east-1' }));
    const values = await Promise.all([reader.get(ARN), reader.get(ARN), reader.get(ARN)]);
    expect(values).toEqual(['s3cret-value', 's3cret-value', 's3cret-value']);
    expect(sm.commandCalls(GetSecretValueCommand, { SecretId: ARN })).toHaveLength(1);
  });

  it('tries again after a failed read, and never puts the value in the error', async () => {
    sm.on(GetSecretValueCommand)
      .rejectsOnce(new ResourceNotFoundException({ message: 'not found', $metadata: {} }))
      .resolves({ SecretString: 'second-try' });
    const reader = secretReader(new SecretsManagerClient({ region: 'us-east-1' }));
    await expect(reader.get(ARN)).rejects.toThrow(SecretError);
    await expect(reader.get(ARN)).resolves.toBe('second-try');
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('refuses an empty secret', async () => {
    sm.on(GetSecretValueCommand).resolves({ SecretString: '   ' });
    const reader = secretReader(new SecretsManagerClient({ region: 'us-east-1' }));
    await expect(reader.get(ARN)).rejects.toThrow(/is empty/);
  });
});

describe('secretFrom', () => {
  const reader = { get: async (id: string) => `from-manager:${id}` };
  const link = (value: string | undefined, secretId: string | undefined) => ({
    variable: 'LINK_SECRET',
    value,
    arnVariable: 'LINK_SECRET_ARN',
    secretId,
  });

  it('uses the plain variable in local and test runs', async () => {
    await expect(secretFrom(reader, link('direct', ARN))).resolves.toBe('direct');
  });

  it('reads Secrets Manager by ARN on AWS', async () => {
    await expect(secretFrom(reader, link(undefined, ARN))).resolves.toBe(`from-manager:${ARN}`);
  });

  it('names the missing setting when neither is given', async () => {
    await expect(secretFrom(reader, link(undefined, undefined))).rejects.toThrow(
      'LINK_SECRET is not configured: set LINK_SECRET_ARN',
    );
  });
});
