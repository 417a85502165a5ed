/**
 * Custody and court-case flags (DOMAIN.md): `bond` (detained = yes), `reinstatement-risk`
 * (reenteredAfterRemoval = yes), `motion-to-reopen` (missedHearing = yes or removalOrder = yes) and
 * `prosecutorial-discretion` (hasCourtCase = yes and criminalHistory = no and (entryDate at least
 * 10 years ago or usFamily is not none)).
 *
 * Judgement calls for `prosecutorial-discretion`: criminalHistory = yes keeps it down (the table
 * asks for "no"); 'prefer-not' and a missing answer are treated as unknown, so it is raised with a
 * "not disclosed" complication or a `missing` note. The "or" holds as soon as one side holds; when
 * neither side is known to hold and neither is known to fail, it is raised with a `missing` note for
 * each unknown side.
 */
import { addYears } from '../calendar';
import type { Facts } from '../facts';
import {
  checkPastDate,
  criminalComplications,
  describeDate,
  makeFlag,
  qualifyingRelatives,
  reentryComplications,
  type Tri,
} from './common';
import type { Flag } from './schema';

/** Whether an immigration judge can hold a bond hearing: always an attorney question now. */
export function screenBond(facts: Facts): Flag[] {
  if (facts.detained !== 'yes') return [];
  const complications: string[] = [];
  if (facts.entryManner === 'without-inspection') {
    complications.push(
      'entryManner = without-inspection: whether people who entered without inspection can get a bond hearing is in active litigation: Matter of Yajure Hurtado, 29 I&N Dec. 216 (BIA 2025) holds that immigration judges lack bond authority, while Maldonado Bautista v. Santacruz (C.D. Cal.) requires bond hearings under INA 236(a) for its class; the answer depends on where the client is detained',
    );
  }
  return [
    makeFlag(
      'bond',
      [
        `detained = yes${facts.detainedSince ? ` since ${describeDate(facts.detainedSince)}` : ''}: a bond hearing before an immigration judge may or may not be available (8 CFR 1236.1(d), 1003.19); attorney review needed`,
        'Custody redetermination is separate from the removal case; where bond is available the minimum is $1,500 (INA 236(a)(2)(A))',
      ],
      [
        ...complications,
        ...criminalComplications(
          facts,
          'certain offenses, and under the Laken Riley Act certain arrests or charges, can mean mandatory detention without bond (INA 236(c))',
        ),
        ...reentryComplications(facts),
      ],
      facts.entryManner === undefined
        ? [
            'entryManner: how the client entered not given; whether people who entered without inspection can get a bond hearing is in litigation',
          ]
        : [],
    ),
  ];
}

/** Re-entry after removal: the old order can be reinstated without a hearing. */
export function screenReinstatementRisk(facts: Facts): Flag[] {
  if (facts.reenteredAfterRemoval !== 'yes') return [];
  const fear =
    facts.fearOfReturn === 'yes'
      ? 'fearOfReturn = yes: a reasonable-fear interview with an asylum officer can lead to withholding of removal or CAT only (8 CFR 208.31)'
      : 'If the client fears return, a reasonable-fear interview can lead to withholding of removal or CAT only (8 CFR 208.31)';
  return [
    makeFlag(
      'reinstatement-risk',
      [
        'reenteredAfterRemoval = yes: the prior removal order may be reinstated and carried out without a hearing before a judge; a reinstated order cannot be reopened and generally bars other relief (INA 241(a)(5); 8 CFR 241.8)',
        fear,
      ],
      [],
      facts.fearOfReturn === undefined
        ? [
            'fearOfReturn: not answered; fear of return is the route to withholding of removal or CAT after reinstatement',
          ]
        : [],
    ),
  ];
}

/** A missed hearing or an existing order: reopening (and rescinding an in absentia order). */
export function screenMotionToReopen(facts: Facts): Flag[] {
  const missed = facts.missedHearing === 'yes';
  const ordered = facts.removalOrder === 'yes';
  if (!missed && !ordered) return [];
  const reasons: string[] = [];
  if (missed) {
    reasons.push(
      'missedHearing = yes: an in absentia removal order may have been entered; it can be rescinded by a motion to reopen filed within 180 days for exceptional circumstances, or at any time if notice was not received or the client was in custody (INA 240(b)(5)(C); 8 CFR 1240.15)',
    );
  }
  if (ordered) {
    reasons.push(
      'removalOrder = yes: a motion to reopen is generally limited to one, filed within 90 days of the final order (INA 240(c)(7)); the attorney will check the date of the order and any exception',
    );
  }
  reasons.push(
    'A possible option for attorney review; the date and kind of the order decide which deadlines still run',
  );
  return [
    makeFlag(
      'motion-to-reopen',
      reasons,
      reentryComplications(facts, 'a reinstated order cannot be reopened (INA 241(a)(5))'),
      !ordered && facts.removalOrder !== 'no'
        ? [
            `removalOrder: ${facts.removalOrder === 'unsure' ? 'client unsure' : 'not given'} whether an order was entered; the order and its date decide the deadlines (EOIR case line 1-800-898-7180)`,
          ]
        : [],
    ),
  ];
}

/** Asking DHS not to pursue the case (dismissal, administrative closure). */
export function screenProsecutorialDiscretion(facts: Facts, today: string): Flag[] {
  if (facts.hasCourtCase !== 'yes' || facts.criminalHistory === 'yes') return [];
  const entry = checkPastDate(
    facts,
    'entryDate',
    today,
    (arrival) => addYears(arrival, 10) <= today,
    'check whether the client arrived at least 10 years ago',
  );
  const relatives = qualifyingRelatives(facts.usFamily);
  const family: Tri =
    facts.usFamily === undefined ? 'unknown' : relatives.length > 0 ? 'yes' : 'no';
  if (entry.tri === 'no' && family === 'no') return [];

  const basis: string[] = [];
  const missing: Array<string | undefined> = [];
  if (entry.tri === 'yes')
    basis.push(`arrived ${describeDate(entry.value ?? '')}, at least 10 years ago`);
  if (family === 'yes') basis.push(`usFamily includes ${relatives.join(', ')}`);
  if (basis.length === 0) {
    // Neither side of the "or" is known to hold: say what would settle it.
    if (entry.tri === 'unknown') missing.push(entry.missing);
    if (family === 'unknown') {
      missing.push(
        'usFamily: US-citizen or green-card-holder family not given; family ties or 10 years in the US support a request',
      );
    }
    basis.push('long residence or US family not yet known');
  }
  if (facts.criminalHistory === undefined) {
    missing.push(
      'criminalHistory: not answered; a criminal record weighs heavily against prosecutorial discretion',
    );
  }
  const record =
    facts.criminalHistory === 'no' ? 'criminalHistory = no' : 'criminal history not known';
  return [
    makeFlag(
      'prosecutorial-discretion',
      [
        `hasCourtCase = yes; ${record}; ${basis.join('; ')}: DHS may be asked to exercise prosecutorial discretion (for example dismissal, or administrative closure under 8 CFR 1003.18(c))`,
        'Discretion is entirely DHS’s, and enforcement policy changed in January 2025 (EO 14159 revoked the 2021 executive orders); whether a request can succeed now needs attorney assessment',
      ],
      [
        ...criminalComplications(
          facts,
          'a record weighs heavily against a favourable exercise of discretion',
        ),
        ...reentryComplications(facts),
      ],
      missing,
    ),
  ];
}
