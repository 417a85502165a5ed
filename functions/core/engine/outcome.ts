/**
 * What an intake comes to once the client confirms: the relief flags and urgency (screening),
 * and whether it is a qualified lead or a referral (DOMAIN.md "Qualified lead").
 */
import type { Content } from '../content';
import { type Facts, FactsSchema } from '../facts';
import { isFactStep } from '../flow';
import { parseLocation } from '../parse';
import { normalize } from '../parse/normalize';
import { screen } from '../screening/screening';
import { screenUrgency } from '../screening/urgency';
import type { IntakeState, Outcome } from './state';

/** The facts of DOMAIN.md's table among the answers, validated against their schema. */
export function factsOf(answers: Record<string, unknown>): Facts {
  const picked = Object.fromEntries(Object.entries(answers).filter(([id]) => isFactStep(id)));
  return FactsSchema.parse(picked);
}

/**
 * True when the answers so far make the intake an emergency (DOMAIN.md "Urgency"): what makes the
 * flow ask first what an attorney needs to act, and send the lead before the rest.
 */
export function isEmergency(answers: Record<string, unknown>, today: string): boolean {
  return screenUrgency(factsOf(answers), today, undefined).urgency === 'emergency';
}

/**
 * In the firm's service area: the client lives in a state the firm covers, or is detained in a
 * facility it covers. An unreadable location stays in scope: an attorney decides, a lead is not
 * lost to a typo.
 */
export function inServiceArea(content: Content, facts: Facts): boolean {
  const { serviceArea, coveredFacilities } = content.firm;
  if (facts.detained === 'yes' && facts.facility) {
    const facility = normalize(facts.facility);
    if (coveredFacilities.some((f) => facility.includes(normalize(f)))) return true;
  }
  if (!facts.location) return true;
  const loc = parseLocation(facts.location);
  const state = loc.ok ? loc.value.state : undefined;
  return state === undefined || serviceArea.states.includes(state);
}

/**
 * Decides the outcome of a confirmed intake.
 *
 * @example decideOutcome(content, state, '2026-11-25', now).status // 'qualified'
 */
export function decideOutcome(
  content: Content,
  state: IntakeState,
  today: string,
  at: string,
): Outcome {
  const facts = factsOf(state.answers);
  const screening = screen(facts, { today, ...content.tps });
  const represented = facts.represented === 'yes';
  const base = { screening, represented, handoff: state.handoff, at };
  const reachable = Boolean(facts.phone || facts.email);
  if (!inServiceArea(content, facts)) {
    return { ...base, status: 'referred', reasons: ['out-of-area'] };
  }
  if (!reachable) return { ...base, status: 'referred', reasons: ['no-contact'] };
  const reasons = ['consent', 'contact', 'in-scope'];
  if (represented) reasons.push('represented');
  if (state.handoff) reasons.push('asked-for-person');
  return { ...base, status: 'qualified', reasons };
}
