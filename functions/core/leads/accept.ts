/**
 * What an attorney's answer to a lead does (API.md "Leads"): accept takes it, once, and tells the
 * client by text when that is how they came and it is safe; decline offers it to the next match.
 * The signed links (functions/http/leads.ts) and, later, the staff console call these.
 */
import type { SmsLine } from '../channels/sms/line';
import { renderSms } from '../channels/sms/render';
import type { Content } from '../content';
import { t } from '../engine/render';
import { BusyError } from '../errors';
import type { ConversationStore, SmsSender, SmsStore } from '../ports';
import { retryOnConflict } from '../retry';
import { type DeliveryDeps, reroute } from './delivery';
import type { Lead } from './lead';

export interface AnswerDeps {
  delivery: DeliveryDeps;
  store: ConversationStore;
  sms: SmsStore;
  sender: SmsSender;
  content: Content;
}

/** Tells the client, by text if that is how they came and it is safe, that an attorney took it. */
async function tellClient(deps: AnswerDeps, lead: Lead) {
  const phone = lead.contact.phone;
  if (lead.channel !== 'sms' || !phone || lead.contact.safeToContact === 'no') return;
  const line: SmsLine | undefined = await deps.sms.getLine(phone);
  if (!line || line.optedOut) return;
  const language = line.language;
  const text = t(deps.content, { language, answers: {} }, 'lead.accepted');
  for (const body of renderSms([{ role: 'bot', text }], language))
    await deps.sender.send({ to: phone, body });
}

/**
 * Accepts a lead for `attorneyId`. The delivery worker may save the lead at the same moment, so a
 * lost race re-reads and applies again; a lead someone already accepted stays theirs.
 *
 * @example await acceptLead(deps, lead, 'ana') // { accepted: true, lead }
 */
export async function acceptLead(
  deps: AnswerDeps,
  read: Lead,
  attorneyId: string,
): Promise<{ accepted: boolean; lead: Lead }> {
  return retryOnConflict(async (attempt) => {
    const lead = attempt === 1 ? read : await deps.delivery.leads.get(read.leadId);
    // Leads are never deleted; were one gone, the answer is the same as for a busy lead.
    if (!lead) throw new BusyError();
    if (lead.status === 'accepted') return { accepted: false, lead };
    const at = deps.delivery.now().toISOString();
    const next: Lead = {
      ...lead,
      version: lead.version + 1,
      status: 'accepted',
      acceptedBy: { attorneyId, at },
    };
    await deps.delivery.leads.save(next);
    await tellClient(deps, lead);
    return { accepted: true, lead: next };
  }, 5);
}

/**
 * Declines a lead for `attorneyId`: it goes to the next match (DOMAIN.md "Routing"). An accepted
 * lead stays where it is.
 */
export async function declineLead(
  deps: AnswerDeps,
  lead: Lead,
  attorneyId: string,
): Promise<{ declined: boolean; lead: Lead }> {
  if (lead.status === 'accepted') return { declined: false, lead };
  return { declined: true, lead: await reroute(deps.delivery, lead, `declined by ${attorneyId}`) };
}
