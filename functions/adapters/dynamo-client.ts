import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * A DynamoDB client: the given endpoint (DynamoDB Local) with dummy credentials, or AWS itself
 * with the Lambda's role when no endpoint is set.
 */
export function dynamoClient(endpoint: string | undefined, region: string): DynamoDBClient {
  if (!endpoint) return new DynamoDBClient({ region });
  return new DynamoDBClient({
    region,
    endpoint,
    // DynamoDB Local accepts any credentials; fixed ones keep a developer's AWS profile out of it.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
}
