/**
 * Key design of Amparo's single DynamoDB table. Every item has a generic `pk` and `sk`; secondary
 * access uses `gsi1pk` / `gsi1sk`. Every key is built here and nowhere else.
 *
 * Access patterns:
 * 1. Read a conversation by id ............ GetItem  pk = CONV#<id>, sk = CONV
 * 2. Create a conversation ................ PutItem  condition attribute_not_exists(pk)
 * 3. Save a turn (optimistic locking) ..... PutItem  condition version = :expected
 * 4. Erase a conversation ("delete my data") DeleteItem pk = CONV#<id>, sk = CONV
 * Expiry: `expiresAt` (epoch seconds) is the table's TTL attribute. TTL deletion can lag by days,
 * so readers treat an item whose expiresAt has passed as absent.
 *
 * 5. A texter's line .................... see lineKey below
 * Reserved for the leads issue: LEAD#<id> items and gsi1 for leads by delivery status.
 */
export const conversationKey = (id: string) => ({ pk: `CONV#${id}`, sk: 'CONV' });

export const TTL_ATTRIBUTE = 'expiresAt';

/** 5. A texter's line (SMS): pk = PHONE#<e164>, sk = LINE. Saved in one transaction with the
 * conversation it points to (TransactWriteItems), each under its own version condition. */
export const lineKey = (phone: string) => ({ pk: `PHONE#${phone}`, sk: 'LINE' });
