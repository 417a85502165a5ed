/**
 * The conflict list uploaded in the console, on the one table (keys.ts patterns 15 and 16): its
 * rows as gzip'd JSON in parts of at most 300 KB (an item holds 400 KB), then a pointer naming
 * the upload, written under its version. Readers read the pointer, then its parts; the parts of
 * the list it replaced are deleted once the pointer moved.
 */
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import { type ConflictRow, ConflictRowSchema } from '../core/conflicts/conflicts';
import type { ConflictListMeta, ConflictListStore } from '../core/conflicts/source';
import { VersionConflictError } from '../core/errors';
import { versioned } from './dynamo-conditions';
import { translateStoreError } from './dynamo-errors';
import { queryAll } from './dynamo-query';
import { CONFLICT_PART_PREFIX, conflictListKey, conflictPartKey } from './keys';

const PART_BYTES = 300 * 1024;

export function createDynamoConflictStore(options: {
  client: DynamoDBClient;
  tableName: string;
}): ConflictListStore {
  const { client, tableName } = options;
  // Made here, not at the top of the module: a bundle that imports it but never builds the
  // store (the clients' API function) carries none of it.
  const MetaSchema = z.object({
    uploadId: z.string(),
    count: z.number().int().nonnegative(),
    uploadedAt: z.string(),
    uploadedBy: z.string(),
    parts: z.number().int().positive(),
    version: z.number().int().positive(),
  });

  const RowsSchema = z.array(ConflictRowSchema);
  const run = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw translateStoreError(error, () => new VersionConflictError('conflict list', 0));
    }
  };

  const readParts = async (uploadId: string) => {
    const items = await run(() =>
      queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :part)',
        ExpressionAttributeValues: marshall({
          ':pk': conflictPartKey(uploadId, 0).pk,
          ':part': CONFLICT_PART_PREFIX,
        }),
        ConsistentRead: true,
      }),
    );
    return items.map((item) => Buffer.from(item.data as Uint8Array));
  };

  return {
    async meta() {
      const out = await run(() =>
        client.send(new GetItemCommand({ TableName: tableName, Key: marshall(conflictListKey()) })),
      );
      return out.Item ? MetaSchema.parse(unmarshall(out.Item)) : undefined;
    },

    async rows(meta) {
      const parts = await readParts(meta.uploadId);
      if (parts.length !== meta.parts) return undefined;
      const json = gunzipSync(Buffer.concat(parts)).toString('utf8');
      return RowsSchema.parse(JSON.parse(json));
    },

    async replace(rows: ConflictRow[], who, expected) {
      const uploadId = randomUUID();
      const data = gzipSync(Buffer.from(JSON.stringify(rows), 'utf8'));
      const chunks: Buffer[] = [];
      for (let at = 0; at < data.length || chunks.length === 0; at += PART_BYTES) {
        chunks.push(data.subarray(at, at + PART_BYTES));
      }
      // The parts first: a reader never finds a pointer whose rows are not all there.
      for (const [i, chunk] of chunks.entries()) {
        await run(() =>
          client.send(
            new PutItemCommand({
              TableName: tableName,
              Item: marshall({
                ...conflictPartKey(uploadId, i),
                type: 'conflict-part',
                data: chunk,
              }),
            }),
          ),
        );
      }
      const meta: ConflictListMeta = {
        uploadId,
        count: rows.length,
        uploadedAt: who.at,
        uploadedBy: who.by,
        parts: chunks.length,
        version: (expected?.version ?? 0) + 1,
      };
      // Written over the pointer that was read (optimistic locking): a lost race is retried.
      await run(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({ ...conflictListKey(), type: 'conflict-list', ...meta }),
            ...versioned(meta.version),
          }),
        ),
      );
      if (expected) {
        // The replaced upload's parts. A reader that read the old pointer just now finds them
        // gone and reads the pointer again.
        for (let i = 0; i < expected.parts; i++) {
          await run(() =>
            client.send(
              new DeleteItemCommand({
                TableName: tableName,
                Key: marshall(conflictPartKey(expected.uploadId, i)),
              }),
            ),
          ).catch(() => undefined);
        }
      }
      return meta;
    },
  };
}
