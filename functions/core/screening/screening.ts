/**
 * Screening: the relief flags and urgency of DOMAIN.md computed from an intake's facts. Pure and
 * deterministic — today's date and the TPS list come in the context, nothing is read or fetched.
 *
 * The rules live in `./screening/*.ts`, one module per group, each with the judgement calls it
 * makes where facts are missing or partial. The shared convention (see `./screening/common.ts`): a
 * flag is raised only when its trigger facts are given and hold; a condition that is unknown (fact
 * missing, unreadable, or a partial date straddling a threshold) still raises it, with a `missing`
 * note naming the fact; a condition known to fail keeps it down.
 */
import type { Facts } from '../facts';
import { screenAsylum } from './asylum';
import { screenCancellationLpr, screenCancellationNonLpr } from './cancellation';
import { screenCitizenshipClaim, screenFamilyPetition } from './family';
import { screenSijs, screenTVisa, screenUVisa, screenVawa } from './humanitarian';
import {
  screenBond,
  screenExpeditedRemovalRisk,
  screenMotionToReopen,
  screenProsecutorialDiscretion,
  screenReinstatementRisk,
} from './proceedings';
import {
  FLAG_PRIORITY,
  type Flag,
  type Screening,
  type ScreeningContext,
  ScreeningContextSchema,
} from './schema';
import { screenDaca, screenTps } from './status';
import { screenUrgency } from './urgency';

export {
  FLAG_IDS,
  FLAG_PRIORITY,
  type Flag,
  type FlagId,
  FlagIdSchema,
  FlagSchema,
  type Screening,
  type ScreeningContext,
  ScreeningContextSchema,
  ScreeningSchema,
  URGENCIES,
  type Urgency,
  UrgencySchema,
} from './schema';

const priorityOf = (flag: Flag): number => (FLAG_PRIORITY as readonly string[]).indexOf(flag.id);

/**
 * Screens an intake's facts for possible relief options and urgency. Flags are possible options for
 * an attorney to review, never promises; they come in `FLAG_PRIORITY` order.
 *
 * @throws ZodError when `ctx.today` is not a real 'YYYY-MM-DD' date or a TPS code is malformed.
 * @example
 * screen(
 *   { detained: 'yes', fearOfReturn: 'yes', entryDate: '2026-03-02' },
 *   { today: '2026-11-25', tpsCountries: ['HT'] },
 * );
 * // → { urgency: 'emergency', urgencyReasons: ['detained = yes: …'],
 * //     flags: [{ id: 'bond', … }, { id: 'asylum', reasons: ['fearOfReturn = yes; arrived
 * //       2026-03-02, 98 days left of the one-year asylum filing deadline (INA 208(a)(2)(B)),
 * //       counting the last day', …], … }] }
 */
export function screen(facts: Facts, ctx: ScreeningContext): Screening {
  const { today } = ScreeningContextSchema.parse(ctx);
  const asylum = screenAsylum(facts, today);
  const flags = [
    ...asylum.flags,
    ...screenCancellationNonLpr(facts, today),
    ...screenCancellationLpr(facts, today),
    ...screenUVisa(facts),
    ...screenTVisa(facts),
    ...screenVawa(facts),
    ...screenDaca(facts, today),
    ...screenSijs(facts, today),
    ...screenTps(facts, ctx),
    ...screenFamilyPetition(facts, today),
    ...screenBond(facts),
    ...screenCitizenshipClaim(facts),
    ...screenMotionToReopen(facts, today),
    ...screenReinstatementRisk(facts),
    ...screenExpeditedRemovalRisk(facts, today),
    ...screenProsecutorialDiscretion(facts, today),
  ].sort((a, b) => priorityOf(a) - priorityOf(b));
  return { ...screenUrgency(facts, today, asylum.daysLeft), flags };
}
