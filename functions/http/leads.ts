/**
 * The signed links of the lead email (API.md "Leads"): the transcript view, accept and decline.
 * A bad or expired signature is a 403 before anything is read.
 */
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import * as z from 'zod';
import type { Catalog } from '../core/content';
import type { TranscriptEntry } from '../core/conversation';
import { type AnswerDeps, acceptLead, declineLead, holdsLead, nameOf } from '../core/leads/accept';
import { emailWords } from '../core/leads/email';
import { notices, sections } from '../core/leads/email-model';
import { DECLINE_REASONS, type Lead } from '../core/leads/lead';
import { type LeadAction, verifyLeadLink } from '../core/leads/links';
import type { AppPart } from './app';
import { errorBody } from './errors';

/**
 * Whether an id could be a stored lead's: DynamoDB refuses a key over 2048 bytes (a 500), and a
 * link signed for such an id names no lead.
 */
const storable = (id: string) => Buffer.byteLength(id, 'utf8') <= 1024;

const DeclineReasonSchema = z.enum(DECLINE_REASONS);
/** The decline form's choices, in DECLINE_REASONS order (the last is the default). */
const DECLINE_CHOICES: Array<[(typeof DECLINE_REASONS)[number], string]> = [
  ['conflict', 'A conflict of interest (the firm cannot take it)'],
  ['capacity', 'I cannot take more cases now'],
  ['outside-practice', 'Outside my practice'],
  ['other', 'Another reason'],
];

const page = (title: string, body: unknown) => html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;color:#1b1b1b}
.bot,.staff{background:#eef3f3;border-radius:.6rem;padding:.5rem .8rem;margin:.4rem 3rem .4rem 0;white-space:pre-wrap}
.staff{background:#fff6e0}
.user{background:#1d4e5f;color:#fff;border-radius:.6rem;padding:.5rem .8rem;margin:.4rem 0 .4rem 3rem;white-space:pre-wrap}
.danger{color:#b3261e;font-weight:600}.warn{color:#8a3f00}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.2rem .8rem}dt{color:#444}dd{margin:0}
small{color:#555}</style></head><body><main>${body}</main></body></html>`;

/**
 * A client's short answer as what it chose: "1" after a question with buttons reads
 * "1 → Migración (ICE) detuvo a alguien"; a value sent by a button, its label.
 */
function chosen(entries: TranscriptEntry[], index: number): string {
  const entry = entries[index] as TranscriptEntry;
  if (entry.role !== 'user') return entry.text;
  const asked = entries
    .slice(0, index)
    .reverse()
    .find((e) => e.role !== 'user');
  const choices = asked?.choices ?? [];
  const text = entry.text.trim();
  const byValue = choices.find((c) => c.value === text);
  if (byValue) return byValue.label;
  const n = /^\d{1,2}$/.test(text) ? Number(text) : 0;
  const byNumber = n >= 1 ? choices[n - 1] : undefined;
  return byNumber ? `${text} → ${byNumber.label}` : entry.text;
}

/** The transcript, its opening (introduction and consent) folded away. */
function transcriptHtml(entries: TranscriptEntry[]) {
  const firstAnswer = entries.findIndex((e) => e.role === 'user');
  const opening = firstAnswer > 0 ? entries.slice(0, firstAnswer) : [];
  const bubble = (e: TranscriptEntry, i: number) =>
    html`<div class="${e.role}">${e.role === 'staff' && e.name ? html`<small>${e.name}:</small> ` : ''}${chosen(entries, i)}</div>`;
  return html`${
    opening.length
      ? html`<details><summary>The assistant's introduction and the client's consent</summary>${opening.map(bubble)}</details>`
      : ''
  }${entries.map((e, i) => (i < opening.length ? '' : bubble(e, i)))}`;
}

/** The lead's summary as its email says it: what to read first, then each section's rows. */
function summaryHtml(lead: Lead, strings: Catalog) {
  const words = emailWords(strings, 'en');
  const rows = sections(lead, words).flatMap((s) =>
    (s.kind === 'rows' || s.kind === 'glance') && s.rows.length ? [s] : [],
  );
  return html`${notices(lead, words).map((n) => html`<p class="${n.tone}">${n.text}</p>`)}
  ${rows.map((s) => html`<h2>${s.title}</h2><dl>${s.rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`)}`;
}

/**
 * The signed lead links as a part of the app (functions/http/app.ts AppPart): served by the
 * local server and, on AWS, by the staff function (attorneys open them, not clients), so the
 * clients' API bundle carries neither these pages nor the lead email's model.
 */
export const leadLinkPart: AppPart = (app, deps) => {
  if (deps.delivery) app.route('/leads', leadRoutes({ ...deps, delivery: deps.delivery }));
};

export function leadRoutes(deps: AnswerDeps) {
  const verified = (action: LeadAction, leadId: string, sig: string | undefined) =>
    verifyLeadLink(deps.delivery.linkSecret, leadId, action, sig, deps.delivery.now());
  const forbidden = {
    error: errorBody('forbidden', 'This link is wrong or has expired.'),
    status: 403 as const,
  };

  const noSuchLead = (c: Context) => c.json(errorBody('not_found', 'There is no such lead.'), 404);

  /** The lead a signed link names, and who it was sent to; or the 403/404 to answer. */
  const signedLead = async (c: Context, action: LeadAction) => {
    const id = c.req.param('id') ?? '';
    const who = verified(action, id, c.req.query('sig'));
    if (!who) return c.json(forbidden.error, forbidden.status);
    if (!storable(id)) return noSuchLead(c);
    const lead = await deps.delivery.leads.get(id);
    if (!lead) return c.json(errorBody('not_found', 'There is no such lead.'), 404);
    return { who, lead };
  };

  /**
   * The emailed accept and decline links open a page with one button that posts back: mail
   * security scanners open every link in incoming mail, and a GET must not take a lead.
   */
  const confirm = (action: 'accept' | 'decline', label: string) => async (c: Context) => {
    const signed = await signedLead(c, action);
    if (signed instanceof Response) return signed;
    const { lead } = signed;
    c.header('Cache-Control', 'no-store');
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    );
    // Which lead this is, in words an attorney recognises: the client's name and where held.
    const name = lead.contact.name ?? lead.facts.name ?? 'Name not given';
    const place = lead.facts.facility ?? lead.facts.location;
    const reasons =
      action === 'decline'
        ? html`<fieldset style="margin:1rem 0"><legend>Why? (a conflict stops it being offered to anyone else at the firm)</legend>
        ${DECLINE_CHOICES.map(
          ([value, text], i) =>
            html`<p><label><input type="radio" name="reason" value="${value}"${i === DECLINE_CHOICES.length - 1 ? ' checked' : ''}> ${text}</label></p>`,
        )}</fieldset>`
        : '';
    return c.html(
      page(
        label,
        html`<h1>${label}?</h1><p><strong>${name}</strong>${place ? html` · ${place}` : ''}</p>
        <p><small>Lead ${lead.leadId} · ${lead.urgency}</small></p>
        <form method="post">${reasons}<button type="submit" style="font-size:1.2rem;padding:.8rem 1.6rem">${label}</button></form>`,
      ),
    );
  };

  /** A link from an email the lead has moved on from: nothing is changed (409). */
  const movedOn = (c: Context) =>
    c.html(
      page(
        'Moved on',
        html`<p>This lead has moved on to someone else since this email, so nothing was changed.</p>`,
      ),
      409,
    );

  return new Hono()
    .get('/:id/accept', confirm('accept', 'Accept this lead'))
    .get('/:id/decline', confirm('decline', 'Decline this lead'))
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const who = verified('view', id, c.req.query('sig'));
      if (!who) return c.json(forbidden.error, forbidden.status);
      if (!storable(id)) return noSuchLead(c);
      const lead = await deps.delivery.leads.get(id);
      if (!lead) return c.json(errorBody('not_found', 'There is no such lead.'), 404);
      // The transcript is for whoever holds the lead now; an older email's link stops working.
      if (!holdsLead(lead, who, deps.delivery.roster)) {
        return c.json(errorBody('forbidden', 'This lead has moved on to someone else.'), 403);
      }
      const conversation = await deps.store.get(lead.conversationId);
      const entries = conversation?.transcript ?? [];
      c.header('Cache-Control', 'no-store');
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      return c.html(
        page(
          `Lead ${lead.leadId}`,
          html`<h1>${lead.contact.name ?? lead.facts.name ?? 'Name not given'}</h1><p><small>Lead ${lead.leadId} · ${lead.urgency} · ${lead.status}</small></p>
          ${summaryHtml(lead, deps.delivery.strings)}
          <h2>Transcript</h2>
          ${entries.length ? transcriptHtml(entries) : html`<p>The conversation was erased at the client's request or has expired.</p>`}`,
        ),
      );
    })
    .post('/:id/accept', async (c) => {
      const signed = await signedLead(c, 'accept');
      if (signed instanceof Response) return signed;
      const { result, lead } = await acceptLead(deps, signed.lead, signed.who);
      const client = lead.contact.name ?? lead.facts.name ?? 'the client';
      if (result === 'accepted') {
        return c.html(
          page(
            'Accepted',
            html`<p>Thank you. ${client}${lead.facts.facility ? html` (${lead.facts.facility})` : ''} is yours to call; the others it was sent to have been told.</p>`,
          ),
        );
      }
      if (result === 'moved-on') return movedOn(c);
      const by = lead.acceptedBy
        ? nameOf(deps.delivery.roster, lead.acceptedBy.attorneyId)
        : 'someone';
      return c.html(
        page('Already accepted', html`<p>This lead was already accepted by ${by}.</p>`),
      );
    })
    .post('/:id/decline', async (c) => {
      const signed = await signedLead(c, 'decline');
      if (signed instanceof Response) return signed;
      const form = await c.req.parseBody().catch(() => ({}));
      const picked = DeclineReasonSchema.safeParse((form as Record<string, unknown>).reason);
      const reason = picked.success ? picked.data : 'other';
      const { result, lead } = await declineLead(deps, signed.lead, signed.who, reason);
      if (result === 'moved-on') return movedOn(c);
      if (result === 'already-accepted') {
        return c.html(
          page(
            'Already accepted',
            html`<p>This lead was already accepted, so it stays where it is.</p>`,
          ),
        );
      }
      if (lead.status === 'declined') {
        return c.html(
          page(
            'Declined',
            html`<p>Declined for a conflict: it will not be offered to anyone else at the firm.</p>`,
          ),
        );
      }
      const next = lead.routing.attorneyId
        ? nameOf(deps.delivery.roster, lead.routing.attorneyId)
        : 'the intake team';
      return c.html(page('Declined', html`<p>Declined. It goes to ${next} next.</p>`));
    });
}
