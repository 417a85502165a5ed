/**
 * Staff erase a lead and everything it points to (DOMAIN.md "Safety rules"): every conversation
 * of it (the latest, whose transcript its email links to, and the earlier ones merged into it),
 * the phone's pointer to it, and the lead itself. A texter's line stays, taken off the erased
 * conversation, holding only its number and its opt-out, so STOP stays honoured: the same erasure
 * as "delete my data" (functions/core/channels/channels.ts eraseConversation).
 *
 * Safe to retry and to run twice at once: the lead goes last, and only at the version read, so
 * an erase that stopped half way is finished by the next one, and a lead that took in another
 * intake meanwhile is read again and that conversation erased too. Other leads are not touched,
 * not even one marked as a possible duplicate of this one: it is someone else's intake.
 */
import { eraseConversation, phonesOf } from '../channels/channels';
import type { ConversationStore, LeadStore, Logger, SmsStore } from '../ports';
import { retryOnConflict } from '../retry';

export interface EraseDeps {
  leads: LeadStore;
  store: ConversationStore;
  /** The SMS lines, to take them off the erased conversations. */
  sms?: SmsStore;
  now: () => Date;
  log: Logger;
}

/**
 * Erases lead `leadId` for `by` (who asked: a staff member's id, never a client's data), and logs
 * that it did with ids only. 'not-found' when there is no such lead, or it was erased already.
 *
 * @example await eraseLead(deps, '6f1c…', 'ana-ruiz') // 'erased'
 */
export async function eraseLead(
  deps: EraseDeps,
  leadId: string,
  by: string,
): Promise<'erased' | 'not-found'> {
  return retryOnConflict(async () => {
    // Also one past its retention that TTL has not deleted yet: erased means gone now.
    const lead = await deps.leads.get(leadId, { expired: true });
    if (!lead) return 'not-found';
    const ids = [...new Set([...(lead.earlierConversationIds ?? []), lead.conversationId])];
    for (const id of ids) {
      await retryOnConflict(async () => {
        // An expired conversation reads as absent, but its line may still point at it.
        const conversation = await deps.store.get(id);
        const phones = conversation ? phonesOf(conversation) : [];
        await eraseConversation(deps, id, [...phones, lead.contact.phone]);
      });
    }
    await deps.leads.delete(lead);
    // Ids only: who erased which lead and its conversations, and when.
    deps.log.info('lead_erased', {
      leadId,
      conversationIds: ids,
      by,
      at: deps.now().toISOString(),
    });
    return 'erased';
  });
}
