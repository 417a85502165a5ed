/**
 * What an attorney's answer to a lead does (API.md "Leads"): accept takes it, once, and tells the
 * client by text when that is how they came and it is safe; decline offers it to the next match.
 * Only the lead's current attorney (or the intake team, for a lead routed to nobody), or the
 * on-call or intake address it was sent to, may answer or read it (DOMAIN.md "Safety rules"): the links of an email that went to someone before are
 * stale, so a replayed decline moves it no further and who declined cannot take it back. The
 * signed links (functions/http/leads.ts) and, later, the staff console call these.
 */

import { whatsAppAddress } from '../channels/address';
import type { SmsLine } from '../channels/sms/line';
import { renderSms } from '../channels/sms/render';
import { messageWhatsAppClient, type TemplateSids } from '../channels/whatsapp/outbound';
import type { Content } from '../content';
import { t } from '../engine/render';
import { BusyError } from '../errors';
import type { ConversationStore, SmsSender, SmsStore } from '../ports';
import { retryOnConflict } from '../retry';
import type { Roster } from '../routing/roster';
import { type DeliveryDeps, recipientsOf, reroute } from './delivery';
import { buildNoticeEmail } from './email';
import type { DeclineReason, Lead } from './lead';

export interface AnswerDeps {
  delivery: DeliveryDeps;
  store: ConversationStore;
  sms: SmsStore;
  sender: SmsSender;
  content: Content;
  /** WhatsApp template SIDs (WHATSAPP_TEMPLATES): the acceptance to a WhatsApp client. */
  whatsAppTemplates?: TemplateSids;
}

/**
 * Whether `who` (whom a link was signed for: an attorney's id, 'on-call' or 'intake') holds the
 * lead now: its current attorney (the intake team when none matched), or the on-call or intake
 * address its current routing went to.
 */
export function holdsLead(
  lead: Lead,
  who: string,
  roster: Pick<Roster, 'onCallEmail' | 'intakeEmail'>,
): boolean {
  return recipientsOf(lead, roster).some((r) => r.who === who);
}

/**
 * Tells the client, by text or WhatsApp if that is how they came and it is safe, that an attorney
 * took it. By WhatsApp it is the `accepted` template (the firm starts this message), or a text to
 * a safe number without one (functions/core/channels/whatsapp/outbound.ts).
 */
async function tellClient(deps: AnswerDeps, lead: Lead) {
  const phone = lead.contact.phone;
  // Only the phone the conversation proves (texted or written from): a number changed at the
  // summary may be anyone's, and "an attorney received your information" must not reach them.
  if (!lead.phoneProven) return;
  if (lead.channel === 'whatsapp' && phone && lead.contact.safeToContact !== 'no') {
    const line = await deps.sms.getLine(whatsAppAddress(phone));
    if (!line) return;
    const language = line.language;
    await messageWhatsAppClient(
      { ...deps, now: deps.delivery.now, templates: deps.whatsAppTemplates },
      {
        phone,
        language,
        text: t(deps.content, { language, answers: {} }, 'lead.accepted'),
        template: 'accepted',
        variables: [deps.content.firm.name],
        safeToText: lead.contact.safeToContact === 'yes',
      },
    );
    return;
  }
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
): Promise<{ result: 'accepted' | 'already-accepted' | 'moved-on'; lead: Lead }> {
  return retryOnConflict(async (attempt) => {
    const lead = attempt === 1 ? read : await deps.delivery.leads.get(read.leadId);
    // Erased (or expired) between the link's read and now: the same answer as for a busy lead.
    if (!lead) throw new BusyError();
    if (lead.status === 'accepted') return { result: 'already-accepted', lead };
    if (!holdsLead(lead, attorneyId, deps.delivery.roster)) return { result: 'moved-on', lead };
    const at = deps.delivery.now().toISOString();
    const next: Lead = {
      ...lead,
      version: lead.version + 1,
      status: 'accepted',
      acceptedBy: { attorneyId, at },
    };
    await deps.delivery.leads.save(next);
    await tellClient(deps, lead);
    await tellOthers(deps, next, attorneyId);
    return { result: 'accepted', lead: next };
  }, 5);
}

/** The name of whoever a link was signed for: an attorney's name, never an id. */
export function nameOf(roster: Roster, who: string): string {
  if (who === 'on-call') return 'the on-call attorney';
  if (who === 'intake') return 'the intake team';
  return roster.attorneys.find((a) => a.id === who)?.name ?? who;
}

/**
 * After an accept, everyone else the lead was sent to (the on-call address, attorneys it was
 * offered to before) is told who took it, so nobody calls the family twice (DOMAIN.md "Lead
 * updates"). A mail failure does not undo the accept: it is logged by id.
 */
async function tellOthers(deps: AnswerDeps, lead: Lead, takenBy: string) {
  const { roster } = deps.delivery;
  const taker = recipientsOf(lead, roster).find((r) => r.who === takenBy)?.address;
  const earlier = (lead.offeredTo ?? []).flatMap(
    (id) => roster.attorneys.find((a) => a.id === id)?.email ?? [],
  );
  const others = [...new Set([...(lead.delivery.sentTo ?? lead.routing.to), ...earlier])].filter(
    (address) => address !== taker,
  );
  await notify(deps, lead, 'taken', nameOf(roster, takenBy), others);
}

/** Sends a notice about a lead to `addresses`; a mail failure is logged by id, never thrown. */
async function notify(
  deps: AnswerDeps,
  lead: Lead,
  kind: 'taken' | 'conflict',
  who: string,
  addresses: string[],
) {
  if (!addresses.length) return;
  const email = buildNoticeEmail(lead, kind, who, {
    firmName: deps.delivery.firmName,
    from: deps.delivery.mailFrom,
    timeZone: deps.delivery.timeZone,
    strings: deps.delivery.strings,
  });
  for (const address of addresses) {
    try {
      await deps.delivery.mailer.send({ ...email, to: [address] });
    } catch (error) {
      deps.delivery.log.error('lead_notice_failed', {
        leadId: lead.leadId,
        kind,
        error: error instanceof Error ? error.name : 'Error',
      });
    }
  }
}

/**
 * Declines a lead for `attorneyId`: it goes to the next match (DOMAIN.md "Routing"). An accepted
 * lead stays where it is, and so does one that already moved on from `attorneyId`. The re-routing
 * is saved under the version read, so two declines at once move it once.
 */
export async function declineLead(
  deps: AnswerDeps,
  lead: Lead,
  attorneyId: string,
  reason: DeclineReason = 'other',
): Promise<{ result: 'declined' | 'already-accepted' | 'moved-on'; lead: Lead }> {
  return retryOnConflict<{ result: 'declined' | 'already-accepted' | 'moved-on'; lead: Lead }>(
    async (attempt) => {
      const current = attempt === 1 ? lead : await deps.delivery.leads.get(lead.leadId);
      if (!current) throw new BusyError();
      if (current.status === 'accepted') return { result: 'already-accepted', lead: current };
      if (!holdsLead(current, attorneyId, deps.delivery.roster))
        return { result: 'moved-on', lead: current };
      const at = deps.delivery.now().toISOString();
      const declines = [...(current.declines ?? []), { attorneyId, reason, at }];
      if (reason === 'conflict') {
        // A conflict of interest is the firm's, not one attorney's: offered to no one else.
        const next: Lead = {
          ...current,
          version: current.version + 1,
          status: 'declined',
          declines,
        };
        await deps.delivery.leads.save(next);
        // No lead ends unseen: the intake team is told, and decides what the client hears.
        await notify(deps, next, 'conflict', nameOf(deps.delivery.roster, attorneyId), [
          deps.delivery.roster.intakeEmail,
        ]);
        return { result: 'declined', lead: next };
      }
      const name = nameOf(deps.delivery.roster, attorneyId);
      const next = await reroute(
        deps.delivery,
        { ...current, declines },
        `declined by ${name} (${reason.replace('-', ' ')})`,
      );
      return { result: 'declined', lead: next };
    },
    5,
  );
}
