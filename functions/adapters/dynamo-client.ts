/**
 * The DynamoDB client: the given endpoint (DynamoDB Local) with dummy credentials, or AWS itself
 * with the Lambda's role when no endpoint is set. Every request has a deadline: a database that
 * hangs must turn into a retry and then a 503, never a turn that waits forever.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Deadlines of one attempt. DynamoDB answers in milliseconds; an attempt that takes seconds is
 * hung, and the SDK's standard retry (3 attempts) tries again. Worst case for one call is about
 * 3 × 2 s plus backoff, well inside Twilio's 15-second webhook limit.
 */
export const DYNAMO_TIMEOUTS = {
  /** To open the TCP (and TLS) connection. */
  connectionTimeout: 1_000,
  /** From sending the request to the whole response; without throwOnRequestTimeout it only warns. */
  requestTimeout: 2_000,
  throwOnRequestTimeout: true,
} as const;

/** Attempts per call, the first included (the SDK's standard retry mode, with backoff). */
export const DYNAMO_MAX_ATTEMPTS = 3;

export function dynamoClient(endpoint: string | undefined, region: string): DynamoDBClient {
  const common = { region, maxAttempts: DYNAMO_MAX_ATTEMPTS, requestHandler: DYNAMO_TIMEOUTS };
  if (!endpoint) return new DynamoDBClient(common);
  return new DynamoDBClient({
    ...common,
    endpoint,
    // DynamoDB Local accepts any credentials; fixed ones keep a developer's AWS profile out of it.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}
