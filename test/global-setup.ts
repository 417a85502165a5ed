/**
 * Starts one real DynamoDB Local (in memory) for the whole test run; integration tests each make
 * their own table on it so they never see each other's data.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../functions/local/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
