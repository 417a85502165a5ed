/**
 * The staff console's items on the one table (functions/core/ports.ts StaffStore; keys.ts patterns
 * 11 to 13): sign-in links and sessions, each stored under a hash of its secret and expiring by
 * TTL (and treated as absent once past its time, since TTL lags), and the audit trail.
 */

import { randomUUID } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AuditEntry, StaffSession, StaffStore } from '../core/ports';
import { translateStoreError } from './dynamo-errors';
import { queryAll } from './dynamo-query';
import { AUDIT_PREFIX, auditKey, leadKey, sessionKey, signInKey } from './keys';

const epoch = (at: Date | string) => Math.ceil(new Date(at).getTime() / 1000);

export function createDynamoStaffStore(options: {
  client: DynamoDBClient;
  tableName: string;
}): StaffStore {
  const { client, tableName } = options;
  const run = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw translateStoreError(error);
    }
  };
  return {
    async putSignIn(hash, email, expiresAt) {
      await run(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({
              ...signInKey(hash),
              type: 'sign-in',
              email,
              until: expiresAt.toISOString(),
              expiresAt: epoch(expiresAt),
            }),
          }),
        ),
      );
    },

    async takeSignIn(hash, now) {
      // Deleted as it is read: a second use of the same link finds nothing.
      let old: Record<string, unknown> | undefined;
      try {
        const out = await client.send(
          new DeleteItemCommand({
            TableName: tableName,
            Key: marshall(signInKey(hash)),
            ConditionExpression: 'attribute_exists(pk)',
            ReturnValues: 'ALL_OLD',
          }),
        );
        old = out.Attributes ? unmarshall(out.Attributes) : undefined;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        throw translateStoreError(error);
      }
      if (!old || String(old.until) <= now.toISOString()) return undefined;
      return String(old.email);
    },

    async putSession(session) {
      await run(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({
              ...sessionKey(session.hash),
              type: 'session',
              email: session.email,
              createdAt: session.createdAt,
              until: session.expiresAt,
              expiresAt: epoch(session.expiresAt),
            }),
          }),
        ),
      );
    },

    async getSession(hash, now) {
      const out = await run(() =>
        client.send(new GetItemCommand({ TableName: tableName, Key: marshall(sessionKey(hash)) })),
      );
      if (!out.Item) return undefined;
      const item = unmarshall(out.Item);
      if (String(item.until) <= now.toISOString()) return undefined;
      const session: StaffSession = {
        hash,
        email: String(item.email),
        createdAt: String(item.createdAt),
        expiresAt: String(item.until),
      };
      return session;
    },

    async deleteSession(hash) {
      await run(() =>
        client.send(
          new DeleteItemCommand({ TableName: tableName, Key: marshall(sessionKey(hash)) }),
        ),
      );
    },

    async audit(entry, keepUntil) {
      await run(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall(
              {
                ...auditKey(entry, randomUUID().slice(0, 8)),
                type: 'audit',
                ...entry,
                ...(keepUntil ? { expiresAt: epoch(keepUntil) } : {}),
              },
              { removeUndefinedValues: true },
            ),
          }),
        ),
      );
    },

    async history(leadId) {
      const items = await run(() =>
        queryAll(client, {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
          ExpressionAttributeValues: marshall({
            ':pk': leadKey(leadId).pk,
            ':audit': AUDIT_PREFIX,
          }),
        }),
      );
      return items.map(
        (item): AuditEntry => ({
          at: String(item.at),
          by: String(item.by),
          action: String(item.action),
          leadId,
          ...(item.detail ? { detail: String(item.detail) } : {}),
        }),
      );
    },
  };
}
