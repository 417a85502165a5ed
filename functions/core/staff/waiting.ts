/**
 * A client who asks for a person ("persona", "talk to a person") shows up as waiting in the
 * console (functions/core/staff/conversations.ts), and the on-call attorney is emailed once per
 * conversation that someone waits (API.md "Staff", live takeover). The email names no client and
 * quotes nothing they wrote: only the channel, the language and where to take it over.
 */
import type { Conversation } from '../conversation';
import type { LimitStore, Logger, Mailer } from '../ports';
import type { Roster } from '../routing/roster';

/** One email per conversation a day, however often the client asks. */
export const WAITING_NOTICE_SECONDS = 86_400;

export interface WaitingDeps {
  limits: LimitStore;
  mailer: Mailer;
  roster: Roster;
  mailFrom: string;
  firmName: string;
  publicBaseUrl: string;
  now: () => Date;
  log: Logger;
}

const LANGUAGES: Record<string, string> = { en: 'English', es: 'Spanish' };

/** Emails the on-call address that a client waits for a person; never throws (it is logged). */
export async function tellOnCallWaiting(deps: WaitingDeps, conversation: Conversation) {
  try {
    const first = await deps.limits.take(
      `waiting:${conversation.id}`,
      1,
      WAITING_NOTICE_SECONDS,
      deps.now(),
    );
    if (!first) return;
    const channel = { sms: 'text message', whatsapp: 'WhatsApp', web: 'web chat' }[
      conversation.intake.channel
    ];
    const language = LANGUAGES[conversation.intake.language] ?? conversation.intake.language;
    const link = `${deps.publicBaseUrl}/console#/conversations?waiting=true`;
    await deps.mailer.send({
      from: deps.mailFrom,
      to: [deps.roster.onCallEmail],
      subject: `[Waiting] A client asked to talk to a person (${channel}, ${language})`,
      text: [
        `A client of ${deps.firmName} asked to talk to a person, by ${channel}, in ${language}.`,
        '',
        `Take the conversation over in the console: ${link}`,
        '',
        'Until someone does, the assistant goes on with the contact questions so an attorney can call back.',
      ].join('\n'),
      headers: { 'X-Amparo-Message': 'waiting' },
    });
    deps.log.info('waiting_notice_sent', { conversationId: conversation.id });
  } catch (error) {
    deps.log.error('waiting_notice_failed', {
      conversationId: conversation.id,
      error: (error as Error).name,
    });
  }
}
