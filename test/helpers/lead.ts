import { type Lead, LeadSchema } from '../../functions/core/leads/lead';

/** When the default lead was created (and routed). */
export const LEAD_AT = '2027-03-14T17:22:05.000Z';

export type LeadOverrides = Partial<Omit<Lead, 'routing'>> & { routing?: Partial<Lead['routing']> };

/**
 * A stored lead, checked with LeadSchema: by default a new emergency web intake about a detained
 * Spanish speaker, routed to the intake team and not yet emailed. Fields given replace the
 * defaults whole (`facts`, `contact`, `flags`...), except `routing`, which is merged; `updatedAt`
 * and `routing.at` follow `createdAt`, and `conversationId` follows `leadId`.
 *
 * @example aLead({ leadId: 'L-1', facts: { detained: 'no' } })
 */
export function aLead(overrides: LeadOverrides = {}): Lead {
  const { routing, ...rest } = overrides;
  const leadId = rest.leadId ?? 'L01HX7';
  const at = rest.createdAt ?? LEAD_AT;
  return LeadSchema.parse({
    leadId,
    conversationId: `C-${leadId}`,
    createdAt: at,
    updatedAt: at,
    version: 1,
    channel: 'web',
    language: 'es',
    urgency: 'emergency',
    urgencyReasons: ['detained = yes: the client is in immigration detention'],
    flags: [],
    facts: { detained: 'yes', preferredLanguage: 'es' },
    contact: {},
    questions: [],
    represented: false,
    handoff: false,
    status: 'new',
    delivery: { status: 'pending', attempts: 0 },
    ...rest,
    routing: {
      attorneyId: null,
      to: ['intake@firm.example'],
      reasons: ['no match'],
      at,
      ...routing,
    },
  });
}
