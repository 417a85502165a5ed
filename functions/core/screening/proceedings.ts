/**
 * Custody and court-case flags (DOMAIN.md): `bond` (detained = yes), `reinstatement-risk`
 * (reenteredAfterRemoval = yes), `motion-to-reopen` (missedHearing = yes or removalOrder = yes),
 * `expedited-removal-risk` (hasCourtCase ≠ yes, entry without inspection or on parole, entryDate
 * less than 2 years ago) and `prosecutorial-discretion` (hasCourtCase = yes and criminalHistory =
 * no and (entryDate at least 10 years ago or usFamily is not none)).
 *
 * Judgement call: `expedited-removal-risk` is not raised for a green-card holder (isLpr = yes), who
 * has been admitted whatever the last entry was.
 *
 * Since May 2025 DHS has moved to dismiss court cases so that officers can arrest the person at
 * court and use expedited removal (INA 235(b)(1)), which has no judge: a dismissal is not simply
 * good news (NIPNLG practice alert, May 28, 2025). `prosecutorial-discretion` says so, and says
 * that administrative closure is the judge's decision (8 CFR 1003.18(c)), not DHS's.
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
import { APPEAL_DAYS, orderPhrase, orderWindow, REOPEN_DAYS } from './orders';
import type { Flag } from './schema';

/** What how the client entered means for a bond hearing before a judge. */
function entryBondComplications(facts: Facts): string[] {
  if (facts.entryManner === 'without-inspection') {
    return [
      'entryManner = without-inspection: whether people who entered without inspection can get a bond hearing is in active litigation: Matter of Yajure Hurtado, 29 I&N Dec. 216 (BIA 2025) holds that immigration judges lack bond authority, while Maldonado Bautista v. Santacruz (C.D. Cal.; class order of 2026-02-18) requires bond hearings under INA 236(a) for its class (see also Buenrostro-Mendez, 5th Cir., 2026-02-06); the answer depends on where the client is detained and is changing: check its current state',
    ];
  }
  if (facts.arrestSetting === 'border') {
    return [
      'arrestSetting = border or airport: someone stopped on arrival is generally an arriving alien, whose custody an immigration judge cannot redetermine (8 CFR 1003.19(h)(2)(i)(B)); ask ICE for parole instead (INA 212(d)(5); 8 CFR 212.5), and expedited removal may apply (INA 235(b)(1))',
    ];
  }
  if (facts.entryManner === 'parole') {
    return [
      'entryManner = parole: a parolee is generally treated as an arriving alien, and immigration judges cannot redetermine an arriving alien’s custody (8 CFR 1003.19(h)(2)(i)(B); Matter of Q. Li, 29 I&N Dec. 66 (BIA 2025)); ask ICE for parole instead (INA 212(d)(5); 8 CFR 212.5)',
    ];
  }
  return [];
}

/** Whether an immigration judge can hold a bond hearing: always an attorney question now. */
export function screenBond(facts: Facts): Flag[] {
  if (facts.detained !== 'yes') return [];
  return [
    makeFlag(
      'bond',
      [
        `detained = yes${facts.detainedSince ? ` since ${describeDate(facts.detainedSince)}` : ''}: a bond hearing before an immigration judge may or may not be available (8 CFR 1236.1(d), 1003.19); attorney review needed`,
        'Custody redetermination is separate from the removal case; where bond is available the minimum is $1,500 (INA 236(a)(2)(A))',
      ],
      [
        ...entryBondComplications(facts),
        ...criminalComplications(
          facts,
          'certain offenses, and under the Laken Riley Act certain arrests or charges, can mean mandatory detention without bond (INA 236(c))',
        ),
        ...reentryComplications(facts),
        ...(facts.bondSet === 'yes'
          ? [
              'bondSet = yes: ICE already set a bond (the amount is in the client’s words); a judge can be asked to lower it where bond jurisdiction exists (8 CFR 1236.1(d)(1))',
            ]
          : []),
        ...(facts.signedPapers === 'yes'
          ? [
              'signedPapers = yes: the client signed papers in detention; a stipulated removal order, voluntary return or a waiver of a hearing can end the case without a judge (8 CFR 1003.25(b)): see what was signed first',
            ]
          : []),
      ],
      facts.entryManner === undefined
        ? [
            'entryManner: how the client entered not given; after an entry without inspection or on parole a judge may not be able to hold a bond hearing (8 CFR 1003.19(h)(2)(i)(B); Matter of Yajure Hurtado)',
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
export function screenMotionToReopen(facts: Facts, today: string): Flag[] {
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
    const appeal = orderWindow(facts, today, APPEAL_DAYS);
    const reopen = orderWindow(facts, today, REOPEN_DAYS);
    if (appeal && reopen) {
      const open = (w: typeof appeal) =>
        w.open === 'yes' ? 'still open' : w.open === 'no' ? 'passed' : 'possibly open';
      reasons.push(
        `orderDate ${orderPhrase(appeal)}: the 30 days to appeal a judge’s order to the Board of Immigration Appeals (8 CFR 1003.38(b)) ran to ${appeal.lastDay} (${open(appeal)}); the 90 days for a motion to reopen (8 CFR 1003.23(b)(1)) to ${reopen.lastDay} (${open(reopen)})`,
      );
    }
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

/** A recent entry without inspection or on parole: expedited removal may be used (INA 235(b)(1)). */
function recentUnadmitted(facts: Facts, today: string) {
  const unadmitted = facts.entryManner === 'without-inspection' || facts.entryManner === 'parole';
  const entry = checkPastDate(
    facts,
    'entryDate',
    today,
    (arrival) => addYears(arrival, 2) > today,
    'check whether the client has been in the US less than 2 years (expedited removal)',
  );
  return { unadmitted, entry };
}

const EXPEDITED_LITIGATION =
  'The January 2025 expansion of expedited removal to people anywhere in the US for less than 2 years is in litigation: Make the Road New York v. Noem (D.D.C. stay of 2025-08-29; appeal No. 25-5320 in the D.C. Circuit, reported decided in 2026: check its current state); for parolees, CHIRLA v. Noem (D.D.C., 2025-08-01)';

/** No court case, not admitted and here under 2 years: removal without a judge is possible. */
export function screenExpeditedRemovalRisk(facts: Facts, today: string): Flag[] {
  // A green-card holder has been admitted: expedited removal is for people who were not.
  if (facts.hasCourtCase === 'yes' || facts.isLpr === 'yes') return [];
  const { unadmitted, entry } = recentUnadmitted(facts, today);
  if (!unadmitted || entry.tri === 'no') return [];
  const when =
    entry.value === undefined
      ? 'arrival date not given'
      : `arrived ${describeDate(entry.value)}, ${entry.tri === 'yes' ? 'less than' : 'possibly less than'} 2 years ago`;
  const court =
    facts.hasCourtCase === undefined
      ? 'court case not answered'
      : `hasCourtCase = ${facts.hasCourtCase}`;
  return [
    makeFlag(
      'expedited-removal-risk',
      [
        `entryManner = ${facts.entryManner}; ${when}; ${court}: DHS may try to remove the client by expedited removal, without a hearing before a judge (INA 235(b)(1); 8 CFR 235.3)`,
        EXPEDITED_LITIGATION,
        'Fear of return must be raised at once: it leads to a credible-fear interview (INA 235(b)(1)(A)(ii)); proof of time in the US matters',
      ],
      [],
      [entry.missing],
    ),
  ];
}

/** Asking DHS not to pursue the case (dismissal) or the judge to pause it (administrative closure). */
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
        `hasCourtCase = yes; ${record}; ${basis.join('; ')}: DHS may be asked to exercise prosecutorial discretion, and the judge to close the case administratively`,
        'Prosecutorial discretion is DHS’s, and enforcement policy changed in January 2025 (EO 14159 revoked the 2021 executive orders); whether a request can succeed now needs attorney assessment',
        'A DHS motion to dismiss is not simply good news: since May 2025 DHS has moved to dismiss cases so that officers can arrest the person at court and use expedited removal, without a judge (INA 235(b)(1); NIPNLG practice alert, May 28, 2025). The client should talk to a lawyer before agreeing; the motion may be opposed, and the judge decides it (8 CFR 1239.2(c))',
        'Administrative closure is the immigration judge’s decision, which the judge can grant even over DHS’s objection (8 CFR 1003.18(c), in force since 2024-07-29 under 89 FR 46742; Matter of Cruz-Valdez, 28 I&N Dec. 326 (A.G. 2021)); no later change found as of 2026-12-07',
      ],
      [
        ...dismissalComplications(facts, today),
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

/**
 * Those DHS has aimed dismissals at: people not admitted and here under 2 years, and parolees
 * (NIPNLG practice alert, May 28, 2025).
 */
function dismissalComplications(facts: Facts, today: string): string[] {
  const { unadmitted, entry } = recentUnadmitted(facts, today);
  if (!unadmitted || (entry.tri === 'no' && facts.entryManner !== 'parole')) return [];
  return [
    `entryManner = ${facts.entryManner}${entry.value ? `; arrived ${describeDate(entry.value)}` : ''}: if the case is dismissed, the client is the kind of person DHS has placed in expedited removal (INA 235(b)(1)): oppose a motion to dismiss unless a lawyer advises otherwise`,
  ];
}
