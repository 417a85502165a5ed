/**
 * The board's model: which leads need attention, the order of the groups, and a row (a card on a
 * phone, a table row on a desktop) from a lead's JSON. Pure: no `document`.
 */
import {
  channelLabel,
  conflictText,
  flagLabel,
  formatDateTime,
  languageLabel,
  offerLabel,
  statusLabel,
  urgencyInfo,
} from './format.js';
import { leadHash } from './route.js';
import { T } from './words.js';

const RANK = { emergency: 0, high: 1 };

/** Emergency or high urgency, and nobody has acted on it yet. */
export function needsAttention(lead) {
  return (
    Boolean(lead) &&
    lead.status === 'new' &&
    (lead.urgency === 'emergency' || lead.urgency === 'high')
  );
}

function time(lead) {
  const t = Date.parse(lead.createdAt);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * `{ attention, others }`: the leads that need attention (emergencies first, then high, newest
 * first within each), then every other lead in the server's order (newest first). A lead seen
 * twice (pages that overlap while new leads arrive) is kept once.
 */
export function groupLeads(leads) {
  const seen = new Set();
  const attention = [];
  const others = [];
  for (const lead of leads || []) {
    if (!lead || typeof lead.leadId !== 'string' || seen.has(lead.leadId)) continue;
    seen.add(lead.leadId);
    (needsAttention(lead) ? attention : others).push(lead);
  }
  attention.sort((a, b) => RANK[a.urgency] - RANK[b.urgency] || time(b) - time(a));
  return { attention, others };
}

/** The warnings a row carries: conflicts and a possible duplicate, each with its words. */
export function leadWarnings(lead) {
  const out = [];
  const conflicts = Array.isArray(lead.conflicts) ? lead.conflicts : [];
  if (conflicts.length)
    out.push({
      kind: 'conflict',
      text: T.conflict(conflicts.length),
      detail: conflicts.map(conflictText).filter(Boolean).join('; '),
    });
  if (lead.possibleDuplicateOf)
    out.push({
      kind: 'duplicate',
      text: T.duplicate,
      detail: '',
      href: leadHash(lead.possibleDuplicateOf),
    });
  return out;
}

/** What a row shows, as words, from one lead of `GET /api/staff/leads`. */
export function leadRow(lead, opts = {}) {
  const flags = Array.isArray(lead.flags) ? lead.flags : [];
  return {
    id: lead.leadId,
    href: leadHash(lead.leadId),
    name: lead.name || T.noName,
    named: Boolean(lead.name),
    createdAt: lead.createdAt || '',
    created: formatDateTime(lead.createdAt, opts),
    urgency: urgencyInfo(lead.urgency),
    status: statusLabel(lead.status),
    offer: offerLabel(lead.offer),
    flags: flags.map(flagLabel),
    language: languageLabel(lead.language),
    channel: channelLabel(lead.channel),
    location: lead.location || '',
    assigned: lead.routedTo?.name || T.unassigned,
    warnings: leadWarnings(lead),
    attention: needsAttention(lead),
  };
}
