/**
 * Which practice focus a relief flag calls for. The roster's six focus areas are coarser than
 * the seventeen flags, so each flag goes to the practice that would handle the case:
 * - custody first: `bond` is a detained case, and `expedited-removal-risk` (removal without a
 *   judge, with credible-fear interviews) is the same rapid-response work;
 * - prior orders: `motion-to-reopen` and `reinstatement-risk` are motion and appellate work
 *   (reopening, rescinding in absentia orders, reasonable-fear review of a reinstated order);
 * - fear-based protection: `asylum`, `asylum-late` (withholding and CAT live there too);
 * - age-based: `sijs`, `daca`;
 * - everything that rests on family ties, long residence or humanitarian status (`cancellation-*`,
 *   `family-petition`, `citizenship-claim`, `vawa`, `u-visa`, `t-visa`, `tps`,
 *   `prosecutorial-discretion`) is the firm's general removal-defense practice, which the roster
 *   calls `family`. VAWA is a family self-petition; a claim to citizenship through a parent turns
 *   on family records; U and T visas and TPS have no focus of their own among the six.
 * `crimmigration` is no flag's focus: a criminal history is a second preference (see `route`).
 */

import type { FlagId } from '../screening/screening';
import type { Focus } from './roster';

export const FLAG_FOCUS: Readonly<Record<FlagId, Focus>> = {
  bond: 'detained',
  'reinstatement-risk': 'appeals',
  'motion-to-reopen': 'appeals',
  asylum: 'asylum',
  'asylum-late': 'asylum',
  'u-visa': 'family',
  't-visa': 'family',
  vawa: 'family',
  sijs: 'youth',
  'cancellation-lpr': 'family',
  'cancellation-non-lpr': 'family',
  tps: 'family',
  daca: 'youth',
  'family-petition': 'family',
  'citizenship-claim': 'family',
  'expedited-removal-risk': 'detained',
  'prosecutorial-discretion': 'family',
};
