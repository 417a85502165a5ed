/**
 * The one write condition of the table: optimistic locking by `version`. Each item carries the
 * version it was saved at; a writer read version N and writes N+1.
 */
import { marshall } from '@aws-sdk/util-dynamodb';

/**
 * The condition for writing an item at `version`: version 1 is a create, so nothing may be there
 * yet (ids are random: a clash is a bug, or the same write retried); otherwise the stored item
 * must still be the version that was read (N - 1), so of two writers who read the same item only
 * the first one's write lands, and the other re-reads and applies again.
 *
 * @example { Put: { TableName, Item, ...versioned(conversation.version) } }
 */
export function versioned(version: number) {
  return version === 1
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        // attribute_exists says it outright: an update never creates the item.
        ConditionExpression: 'attribute_exists(pk) AND version = :expected',
        ExpressionAttributeValues: marshall({ ':expected': version - 1 }),
      };
}
