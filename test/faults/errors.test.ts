/**
 * What the adapters make of each DynamoDB failure: a lost race is a VersionConflictError, an
 * outage of any kind (throttling, a timeout, a refused or dropped connection, a 5xx) is a
 * StoreUnavailableError (503 with Retry-After), anything else stays what it was (500).
 */
import {
  ConditionalCheckFailedException,
  InternalServerError,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { translateStoreError } from '../../functions/adapters/dynamo-errors';
import { StoreUnavailableError, VersionConflictError } from '../../functions/core/errors';
import { faultError } from './inject';

const $metadata = { httpStatusCode: 400 };
const network = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('translateStoreError', () => {
  it.each([
    ['throttling', faultError('throttle')],
    ['a ThrottlingException', faultError('throttling-exception')],
    ['a timeout', faultError('timeout')],
    ['a refused connection', network('ECONNREFUSED')],
    ['a reset connection', network('ECONNRESET')],
    ['a broken pipe', network('EPIPE')],
    ['an unreachable host', network('EHOSTUNREACH')],
    ['a DNS failure to retry', network('EAI_AGAIN')],
    ['an internal server error', new InternalServerError({ message: 'x', $metadata })],
    [
      'an unnamed 503',
      Object.assign(new Error('x'), { name: 'Weird', $metadata: { httpStatusCode: 503 } }),
    ],
    [
      'a transaction cancelled for throttling',
      new TransactionCanceledException({
        message: 'x',
        $metadata,
        CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }],
      }),
    ],
  ])('reads %s as the database being unavailable', (_, error) => {
    const translated = translateStoreError(error);
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect(translated.cause).toBe(error);
  });

  it('reads a failed condition, alone or in a transaction, as a lost race', () => {
    expect(
      translateStoreError(new ConditionalCheckFailedException({ message: 'x', $metadata })),
    ).toBeInstanceOf(VersionConflictError);
    const cancelled = new TransactionCanceledException({
      message: 'x',
      $metadata,
      CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
    });
    expect(translateStoreError(cancelled)).toBeInstanceOf(VersionConflictError);
  });

  it('leaves any other error as it is, for a 500', () => {
    const error = Object.assign(new Error('bad'), { name: 'ValidationException', $metadata });
    expect(translateStoreError(error)).toBe(error);
  });
});
