/**
 * DynamoDB errors as domain errors: a failed condition is a lost race (VersionConflictError),
 * throttling or an unreachable database is StoreUnavailableError; nothing above the adapters sees
 * an SDK exception.
 */
import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { StoreUnavailableError, VersionConflictError } from '../core/errors';

const UNAVAILABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'TransactionInProgressException',
]);

/**
 * Node's network failures: the database refused, dropped or never answered the connection (a
 * restart of DynamoDB Local, a network blip). The SDK has retried them already; what is left is
 * an outage, which the client should retry later, not an internal error.
 */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

export function translateStoreError(
  error: unknown,
  conflict = () => new VersionConflictError('item', 0),
): Error {
  if (error instanceof ConditionalCheckFailedException)
    return Object.assign(conflict(), { cause: error });
  if (error instanceof TransactionCanceledException) {
    const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
    if (codes.includes('ConditionalCheckFailed') || codes.includes('TransactionConflict')) {
      return Object.assign(conflict(), { cause: error });
    }
    if (codes.includes('ThrottlingError') || codes.includes('ProvisionedThroughputExceeded')) {
      return new StoreUnavailableError('the database is busy', { cause: error });
    }
  }
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: string })?.code;
  // Any 5xx from DynamoDB is on its side, whatever its name.
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  if (UNAVAILABLE.has(name) || NETWORK.has(code ?? '') || (status !== undefined && status >= 500)) {
    return new StoreUnavailableError('the database is busy or unreachable', { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}
