/**
 * Victim and juvenile relief (DOMAIN.md): `u-visa` (crimeVictim = yes, or abusedByFamily = yes),
 * `t-visa` (trafficking = yes), `vawa` (abusedByFamily = yes) and `sijs` (under 21 today and
 * abusedByParent = yes).
 *
 * Judgement calls: helpedPolice = no is a complication of `u-visa`, never a bar: certification
 * covers a victim who has been, is being or is likely to be helpful (INA 101(a)(15)(U)(i)(III);
 * 8 CFR 214.14(b)(3)). People abused by family rarely call it "a crime", but domestic violence is a
 * qualifying one (INA 101(a)(15)(U)(iii)), so abusedByFamily = yes raises `u-visa` too, with the
 * same complication (helpedPolice is not asked about the abuse). `sijs` is triggered by
 * abusedByParent = yes; a missing birthDate raises it with a `missing` note, a partial one that
 * straddles the 21st birthday too.
 */
import { addYears, daysBetween } from '../calendar';
import type { Facts } from '../facts';
import {
  checkUnder21,
  criminalComplications,
  dayCount,
  describeDate,
  makeFlag,
  RECORD_MAY_WEAKEN,
  reentryComplications,
} from './common';
import type { Flag } from './schema';

function usualComplications(facts: Facts, criminalEffect = RECORD_MAY_WEAKEN): string[] {
  return [...criminalComplications(facts, criminalEffect), ...reentryComplications(facts)];
}

const HELPFULNESS =
  'a U visa needs a law-enforcement certification (Form I-918 Supplement B) that the victim has been, is being or is likely to be helpful in the investigation or prosecution (INA 101(a)(15)(U)(i)(III); 8 CFR 214.14(b)(3)): a victim willing to help now may still qualify';

/** U visa for victims of qualifying crimes (domestic violence among them) who can help police. */
export function screenUVisa(facts: Facts): Flag[] {
  const victim = facts.crimeVictim === 'yes';
  // Family violence is a qualifying crime whoever did it; VAWA needs a citizen or LPR abuser.
  const abused = facts.abusedByFamily === 'yes' || facts.familyHarm === 'yes';
  const who = facts.abusedByFamily === 'yes' ? 'abusedByFamily = yes' : 'familyHarm = yes';
  if (!victim && !abused) return [];
  const reasons: string[] = [];
  const complications: string[] = [];
  const missing: string[] = [];
  if (victim) {
    const helped =
      facts.helpedPolice === undefined
        ? 'helpedPolice not answered'
        : `helpedPolice = ${facts.helpedPolice}`;
    reasons.push(
      `crimeVictim = yes; ${helped}: possible U visa (INA 101(a)(15)(U)) for a victim of a qualifying crime who has been, is being or is likely to be helpful to law enforcement`,
    );
    if (facts.helpedPolice === 'no') complications.push(`helpedPolice = no: ${HELPFULNESS}`);
    if (facts.helpedPolice === undefined) {
      missing.push(
        'helpedPolice: whether the client reported the crime, helped police or would help now not given; a U visa requires helpfulness to law enforcement',
      );
    }
  }
  if (abused) {
    reasons.push(
      `${who}: domestic violence is a qualifying crime for a U visa (INA 101(a)(15)(U)(iii); 8 CFR 214.14(a)(9)), whether or not the client calls it a crime, and whatever the abuser's status`,
    );
    complications.push(
      `${who}: whether the abuse was reported, or the client would help police now, was not asked; ${HELPFULNESS}`,
    );
  }
  reasons.push(
    'Also needed: a qualifying crime, substantial physical or mental abuse, and the certification, which the agency signs at its discretion; the annual cap is 10,000, with a waiting list beyond it',
  );
  return [makeFlag('u-visa', reasons, [...complications, ...usualComplications(facts)], missing)];
}

/** T visa for trafficking victims. */
export function screenTVisa(facts: Facts): Flag[] {
  if (facts.trafficking !== 'yes') return [];
  return [
    makeFlag(
      't-visa',
      [
        'trafficking = yes: possible T visa (INA 101(a)(15)(T)) for a victim of severe sex or labor trafficking',
        'Also needed: presence in the US on account of the trafficking, compliance with reasonable requests from law enforcement (not required under 18 or when traumatized), and extreme hardship involving unusual and severe harm on removal (Form I-914)',
      ],
      usualComplications(facts),
    ),
  ];
}

/** VAWA self-petition or VAWA cancellation for people abused by a USC/LPR family member. */
export function screenVawa(facts: Facts): Flag[] {
  if (facts.abusedByFamily !== 'yes') return [];
  return [
    makeFlag(
      'vawa',
      [
        'abusedByFamily = yes: possible VAWA self-petition (Form I-360) by the abused spouse (or ex-spouse) or child of a US citizen or green-card holder (INA 204(a)(1)(A)(iii)-(iv), (B)(ii)-(iii)), or by the abused parent of a US-citizen son or daughter 21 or older (INA 204(a)(1)(A)(vii))',
        'VAWA cancellation of removal covers only abuse by a US-citizen or green-card-holder spouse or parent, not by a son or daughter (INA 240A(b)(2)), and needs 3 years of continuous physical presence',
        'Also needed for a self-petition: abuse, shared residence, good moral character and, for a spouse, a good-faith marriage; a child of the abuser must file before 21, or before 25 if the abuse was a central reason for the delay (INA 204(a)(1)(D)(v)). The abuser is not notified (8 U.S.C. 1367)',
      ],
      usualComplications(facts, 'a record bears on the good moral character VAWA requires'),
    ),
  ];
}

/** Special Immigrant Juvenile Status for young people abused, abandoned or neglected by a parent. */
export function screenSijs(facts: Facts, today: string): Flag[] {
  if (facts.abusedByParent !== 'yes') return [];
  const under21 = checkUnder21(facts, today, 'check that the client is under 21');
  if (under21.tri === 'no') return [];
  let age = 'under 21 today';
  if (under21.range && under21.value !== undefined) {
    const turns21 = addYears(under21.range.earliest, 21);
    age =
      under21.tri === 'yes'
        ? `born ${describeDate(under21.value)}, under 21 today (turns 21 on ${turns21}${under21.range.earliest === under21.range.latest ? '' : ' at the earliest'}, in ${dayCount(daysBetween(today, turns21))})`
        : `born ${describeDate(under21.value)}, possibly under 21 today`;
  } else {
    age = 'age not known';
  }
  return [
    makeFlag(
      'sijs',
      [
        `abusedByParent = yes; ${age}: possible Special Immigrant Juvenile Status (INA 101(a)(27)(J)); time-sensitive, as it ends at 21`,
        'Also needed: unmarried and in the US, and a state juvenile court order finding that reunification with one or both parents is not viable because of abuse, neglect, abandonment or similar, and that return is not in the young person’s best interest; DHS must consent',
        'In flux: USCIS ended deferred action for SIJ beneficiaries on 2025-06-06; that change was stayed on 2025-11-19 (A.C.R. v. Noem, E.D.N.Y.)',
      ],
      usualComplications(facts),
      [under21.missing],
    ),
  ];
}
