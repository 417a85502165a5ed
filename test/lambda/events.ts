/**
 * Real-shaped Lambda events for the bundle tests: API Gateway HTTP API payload 2.0 requests (as
 * the `$default` route delivers them) and DynamoDB stream records.
 */
import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { APIGatewayProxyEventV2, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export const API_HOST = 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com';
export const API_URL = `https://${API_HOST}`;

export interface HttpEventOptions {
  headers?: Record<string, string>;
  body?: string;
  query?: string;
  /** API Gateway sends form bodies base64-encoded. */
  base64?: boolean;
  routeKey?: string;
}

export function httpEvent(
  method: string,
  path: string,
  options: HttpEventOptions = {},
): APIGatewayProxyEventV2 {
  const now = new Date();
  const body =
    options.body === undefined
      ? undefined
      : options.base64
        ? Buffer.from(options.body, 'utf8').toString('base64')
        : options.body;
  return {
    version: '2.0',
    routeKey: options.routeKey ?? '$default',
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers: {
      accept: '*/*',
      host: API_HOST,
      'user-agent': 'vitest',
      'x-amzn-trace-id': `Root=1-${randomUUID()}`,
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...(body === undefined
        ? {}
        : { 'content-length': String(Buffer.byteLength(options.body ?? '')) }),
      ...options.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      domainName: API_HOST,
      domainPrefix: 'a1b2c3d4e5',
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.7',
        userAgent: 'vitest',
      },
      requestId: randomUUID(),
      routeKey: options.routeKey ?? '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: Boolean(options.base64),
  };
}

let sequence = 100_000_000;

/** A stream record of an item as the table's NEW_IMAGE stream delivers it. */
export function streamRecord(
  item: Record<string, unknown>,
  eventName: 'INSERT' | 'MODIFY' = 'INSERT',
): DynamoDBRecord {
  sequence += 1;
  return {
    eventID: randomUUID().replace(/-/g, ''),
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
      NewImage: marshall(item, { removeUndefinedValues: true }) as never,
      SequenceNumber: String(sequence),
      SizeBytes: 512,
      StreamViewType: 'NEW_IMAGE',
    },
    eventSourceARN:
      'arn:aws:dynamodb:us-east-1:123456789012:table/Amparo-Table/stream/2026-11-25T00:00:00.000',
  };
}

export const streamEvent = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({
  Records: records,
});
