/**
 * Key design of Amparo's single DynamoDB table. Every item has a generic `pk` and `sk`; secondary
 * access uses `gsi1pk` / `gsi1sk`, and two sparse indexes their own keys (patterns 10 and 14). Every key is built here and nowhere else, and this list is
 * every access pattern there is.
 *
 * Conversations (functions/adapters/dynamo-store.ts)
 * 1. Read a conversation by id ............ GetItem  pk = CONV#<id>, sk = CONV
 * 2. Create a conversation ................ PutItem  condition attribute_not_exists(pk)
 * 3. Save a turn (optimistic locking) ..... PutItem  condition version = :expected
 *    (every update of every item is conditioned so: functions/adapters/dynamo-conditions.ts)
 * 4. Erase a conversation ("delete my data") DeleteItem pk = CONV#<id>, sk = CONV
 *
 * Texters' lines (functions/adapters/dynamo-sms-store.ts)
 * 5. A texter's line ...................... GetItem / Put in a transaction with its conversation:
 *                                           pk = PHONE#<e164>, sk = LINE (SMS), or
 *                                           pk = PHONE#whatsapp:<e164>, sk = LINE (WhatsApp)
 *
 * Leads (functions/adapters/dynamo-leads.ts)
 * 6. A lead by id ......................... GetItem  pk = LEAD#<id>, sk = LEAD; written in the
 *                                           transaction of the turn that qualified, then under
 *                                           its version (delivery, accept, decline, re-routing);
 *                                           erased by staff: DeleteItem under its version
 * 7. A day's leads, oldest first .......... Query gsi1  gsi1pk = LEADS#<day>, gsi1sk = <createdAt>#<id>
 *                                           (routing counts, the delivery worker, `npm run leads`)
 * 8. A phone's open lead .................. GetItem  pk = PHONE#<e164>, sk = LEAD (a pointer);
 *                                           erased with its lead: DeleteItem if it names the lead
 *
 * Limits across every process (functions/adapters/dynamo-limits.ts)
 * 9. A limit's uses or holder ............. GetItem / PutItem (conditioned) pk = LIMIT#<keyed hash>,
 *                                           sk = LIMIT: texts to a number an hour, the firm's
 *                                           hourly texting budget, on-call pages
 *
 * The escalation timer (functions/adapters/dynamo-leads.ts `listDue`; on AWS only: the index is
 * the stack's, infra/amparo-stack.ts, not ensureTable's)
 * 10. Leads the worker must look at ...... Query gsi2  duepk = DUE, dueAt <= now (a send or retry
 *                                           due, a stale claim, an event for the webhooks or
 *                                           Clio Grow owed or due again), or duepk = ESCALATE, dueAt <=
 *                                           now - escalationMinutes (an emergency sent and not
 *                                           accepted: dueAt is when it was routed). Sparse: a
 *                                           lead with nothing to wait for carries neither
 *                                           attribute and leaves the index.
 *
 * The staff console (functions/adapters/dynamo-staff.ts)
 * 11. A sign-in link ...................... PutItem / DeleteItem (ReturnValues ALL_OLD, so it is
 *                                           used once): pk = SIGNIN#<sha256 of its token>, sk = SIGNIN
 * 12. A console session ................... PutItem / GetItem / DeleteItem
 *                                           pk = SESSION#<sha256 of its cookie>, sk = SESSION
 * 13. A lead's audit trail ................ PutItem; Query pk = LEAD#<id>, begins_with(sk, AUDIT#)
 *                                           (beside the lead, sk = AUDIT#<at>#<random>); the
 *                                           console's own (sign-in, sign-out): pk = AUDIT#<day>
 *
 * Conversations for the console (functions/adapters/dynamo-store.ts `listStarted`; both
 * ensureTable's and the stack's)
 * 14. Conversations started on a day ...... Query gsi3  gsi3pk = CONVS#<day>, gsi3sk = <createdAt>#<id>
 *                                           (the firm's day; the funnel, conversations in progress).
 *                                           Written on the conversation item by the same PutItem
 *                                           as every turn, with a few summary attributes (step,
 *                                           status, consent, channel, language, last message,
 *                                           waiting for a person): the index projects only
 *                                           those (INCLUDE), never the transcript or the answers.
 *
 * The conflict list uploaded in the console (functions/adapters/dynamo-conflicts.ts)
 * 15. The current list's pointer ......... GetItem / PutItem (versioned) pk = CONFLICTS, sk = LIST:
 *                                           which upload, how many rows, who and when; read by
 *                                           lead turns at most once a minute per process
 * 16. An upload's rows .................... PutItem each part, then the pointer; Query
 *                                           pk = CONFLICTS#<uploadId>, begins_with(sk, PART#)
 *                                           (gzip'd JSON, up to 300 KB a part); the replaced
 *                                           upload's parts are deleted after the pointer moved
 *
 * Hearing reminders (functions/adapters/dynamo-leads.ts `listReminding`; kept on the lead item,
 * functions/core/reminders/reminders.ts)
 * 17. Leads with a reminder due ........... Query gsi3  gsi3pk = REMIND, gsi3sk <= now (the
 *                                           earliest reminder not gone yet, or a claim's end).
 *                                           The conversations index, overloaded: a lead item
 *                                           carries only its keys there (nothing of the lead is
 *                                           projected), so each lead found is then read by key.
 *                                           Sparse: a lead with no reminder waiting is not in it.
 *
 * Expiry: `expiresAt` (epoch seconds) is the table's TTL attribute. TTL deletion can lag by days,
 * so readers treat an item whose expiresAt has passed as absent. Leads, their pointers and
 * qualified conversations have one too (functions/core/retention.ts); an opted-out line never does.
 */
import { type EventSource, outboundDueAt } from '../core/integrations/events';

export const TTL_ATTRIBUTE = 'expiresAt';

export const conversationKey = (id: string) => ({ pk: `CONV#${id}`, sk: 'CONV' });

/** 5. Saved in one transaction with the conversation it points to, each under its own version. */
export const lineKey = (phone: string) => ({ pk: `PHONE#${phone}`, sk: 'LINE' });

export const leadKey = (leadId: string) => ({ pk: `LEAD#${leadId}`, sk: 'LEAD' });

/** 7. `day` is YYYY-MM-DD in the firm's time zone. */
export const leadsOfDayKey = (day: string) => `LEADS#${day}`;

/** 7. The lead's place in its day's list: by creation time, then id. */
export const leadDayIndex = (day: string, createdAt: string, leadId: string) => ({
  gsi1pk: leadsOfDayKey(day),
  gsi1sk: `${createdAt}#${leadId}`,
});

/** 10. The due-time index's name and its two partitions. */
export const DUE_INDEX = 'gsi2';
export const DUE_SEND = 'DUE';
export const DUE_ESCALATE = 'ESCALATE';

/**
 * 10. Where a lead sits in the due-time index, if anywhere: a pending lead at its next attempt
 * (at once when it has none), a claimed one when its claim runs out, an emergency sent but not
 * accepted at the time it was routed. Mirrors isDue and the escalation rule of
 * functions/core/leads/delivery.ts; the worker checks both again on what it reads. A lead with
 * events for the webhooks or Clio Grow waiting (outboundDueAt) is due by the earlier of the two;
 * an emergency waiting for both is in the send partition at the time it was routed, read each
 * minute until one of them is done (the worker escalates it on time all the same).
 */
export function leadDueIndex(
  lead: EventSource & {
    createdAt: string;
    urgency: string;
    status: string;
    routing: { at: string };
    delivery: { status: string; nextAttemptAt?: string; claimedUntil?: string };
  },
): { duepk: string; dueAt: string } | undefined {
  const email = emailDueIndex(lead);
  const events = outboundDueAt(lead);
  if (!events) return email;
  if (!email) return { duepk: DUE_SEND, dueAt: events };
  // ISO times: the earlier sorts first.
  const [dueAt = events] = [email.dueAt, events].sort();
  return { duepk: DUE_SEND, dueAt };
}

function emailDueIndex(lead: Parameters<typeof leadDueIndex>[0]) {
  const d = lead.delivery;
  if (d.status === 'pending') return { duepk: DUE_SEND, dueAt: d.nextAttemptAt ?? lead.createdAt };
  if (d.status === 'sending') return { duepk: DUE_SEND, dueAt: d.claimedUntil ?? lead.createdAt };
  if (d.status === 'sent' && lead.urgency === 'emergency' && lead.status === 'new')
    return { duepk: DUE_ESCALATE, dueAt: lead.routing.at };
  return undefined;
}

export const phoneLeadKey = (phone: string) => ({ pk: `PHONE#${phone}`, sk: 'LEAD' });

/** 9. `hash` is a keyed hash of what is limited: the table never holds the number or address. */
export const limitKey = (hash: string) => ({ pk: `LIMIT#${hash}`, sk: 'LIMIT' });

/** 11. A console sign-in link, by the hash of its token. */
export const signInKey = (hash: string) => ({ pk: `SIGNIN#${hash}`, sk: 'SIGNIN' });

/** 12. A console session, by the hash of its cookie's value. */
export const sessionKey = (hash: string) => ({ pk: `SESSION#${hash}`, sk: 'SESSION' });

/** 13. An audit entry: beside its lead, or in the console's day partition. */
export const AUDIT_PREFIX = 'AUDIT#';
export const auditKey = (entry: { at: string; leadId?: string }, unique: string) => ({
  pk: entry.leadId ? leadKey(entry.leadId).pk : `${AUDIT_PREFIX}${entry.at.slice(0, 10)}`,
  sk: `${AUDIT_PREFIX}${entry.at}#${unique}`,
});

/** 14. The conversations index's name. */
export const CONVERSATIONS_INDEX = 'gsi3';

/** 14. `day` is YYYY-MM-DD in the firm's time zone: the day the conversation started. */
export const conversationsOfDayKey = (day: string) => `CONVS#${day}`;

/** 14. A conversation's place in its day's list: by creation time, then id. */
export const conversationDayIndex = (day: string, createdAt: string, id: string) => ({
  gsi3pk: conversationsOfDayKey(day),
  gsi3sk: `${createdAt}#${id}`,
});

/**
 * 14. The summary a conversation item carries at its top level for the index, by field: what the
 * console lists and counts of a conversation, and nothing a client wrote.
 */
export const SUMMARY_ATTRIBUTES = {
  step: 'sumStep',
  status: 'sumStatus',
  consented: 'sumConsented',
  channel: 'sumChannel',
  language: 'sumLanguage',
  lastMessageAt: 'sumLastMessageAt',
  waiting: 'sumWaiting',
} as const;

/**
 * 14. What the index projects besides its keys and the table's: the conversation's id and start
 * (which never change), the summary, and the TTL attribute so a reader can leave out an expired
 * conversation. A change to one of these (or to a key) writes the index; a change to anything
 * else (the transcript, the answers) does not.
 */
export const CONVERSATIONS_INDEX_ATTRIBUTES = [
  'id',
  'createdAt',
  ...Object.values(SUMMARY_ATTRIBUTES),
  TTL_ATTRIBUTE,
];

/** 17. The reminders' partition of the conversations index, and a lead's place in it. */
export const REMINDING = 'REMIND';
export const leadReminderIndex = (due: string | undefined) =>
  due ? { gsi3pk: REMINDING, gsi3sk: due } : {};

/** 15. The uploaded conflict list's pointer. */
export const conflictListKey = () => ({ pk: 'CONFLICTS', sk: 'LIST' });

/** 16. A part of an uploaded conflict list's rows. */
export const CONFLICT_PART_PREFIX = 'PART#';
export const conflictPartKey = (uploadId: string, part: number) => ({
  pk: `CONFLICTS#${uploadId}`,
  sk: `${CONFLICT_PART_PREFIX}${String(part).padStart(4, '0')}`,
});
