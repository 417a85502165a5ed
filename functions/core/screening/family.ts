/**
 * Family-based options (DOMAIN.md): `family-petition` (usFamily has spouse-usc, spouse-lpr,
 * parent-usc at any age, parent-lpr, or child-usc, who must be 21 or older) and
 * `citizenship-claim` (parentCitizen = yes or unsure).
 *
 * The categories (INA 201(b)(2)(A)(i), 203(a)(1)-(3)): a US citizen's spouse, unmarried child under
 * 21 and parent (petitioned by a son or daughter 21 or older) are immediate relatives; a citizen's
 * son or daughter 21 or older is F1 (unmarried) or F3 (married); a green-card holder's spouse or
 * unmarried child under 21 is F2A, an unmarried son or daughter 21 or older F2B. A green-card
 * holder cannot petition for a married son or daughter, nor for a parent.
 *
 * Judgement calls: marital status is not asked, so the reasons name the categories for both; the
 * client's age decides immediate relative against F1/F3 for a US-citizen parent, and a missing or
 * straddling birthDate raises the flag with a `missing` note naming both. A US-citizen parent may
 * mean the client is already a citizen, which `parentCitizen` asks and `citizenship-claim` raises.
 */
import type { Facts } from '../facts';
import {
  checkUnder21,
  criminalComplications,
  makeFlag,
  RECORD_MAY_WEAKEN,
  reentryComplications,
} from './common';
import type { Flag } from './schema';

const PREFERENCE =
  'a preference category has a wait for a visa number (the State Department Visa Bulletin), and adjustment in the US generally needs lawful status kept throughout (INA 245(c); INA 245(i) may help)';

function familyComplications(facts: Facts): string[] {
  const notes: string[] = [];
  if (facts.entryManner === 'without-inspection') {
    notes.push(
      'entryManner = without-inspection: adjustment of status in the US generally requires inspection and admission or parole (INA 245(a)); INA 245(i) may help if a petition or labor certification was filed on or before 2001-04-30, and leaving to process abroad may trigger the 3- or 10-year unlawful-presence bars (INA 212(a)(9)(B); provisional waiver I-601A)',
    );
  }
  if (facts.removalOrder === 'yes') {
    notes.push(
      'removalOrder = yes: a removal order generally has to be reopened before adjustment in the US, and leaving under it brings a bar that needs permission to reapply (INA 212(a)(9)(A); Form I-212)',
    );
  }
  if (facts.missedHearing === 'yes') {
    notes.push(
      'missedHearing = yes: an in absentia order can bar adjustment of status for 10 years (INA 240(b)(7))',
    );
  }
  return [
    ...notes,
    ...criminalComplications(facts, RECORD_MAY_WEAKEN),
    ...reentryComplications(
      facts,
      'the permanent bar (INA 212(a)(9)(C)) may apply, generally requiring 10 years abroad before reapplying, and the prior order may be reinstated (INA 241(a)(5))',
    ),
  ];
}

/** A petition by a US-citizen or green-card-holder spouse or parent, or a US-citizen adult child. */
export function screenFamilyPetition(facts: Facts, today: string): Flag[] {
  const family = facts.usFamily ?? [];
  const reasons: string[] = [];
  const missing: Array<string | undefined> = [];
  const under21 = checkUnder21(
    facts,
    today,
    'tell an immediate relative (under 21) from a preference category (21 or older)',
  );
  const age =
    under21.tri === 'yes' ? 'under 21' : under21.tri === 'no' ? '21 or older' : 'age not known';
  if (family.includes('spouse-usc')) {
    reasons.push(
      'usFamily includes spouse-usc: a US-citizen spouse may petition for the client as an immediate relative (INA 201(b)(2)(A)(i))',
    );
  }
  if (family.includes('spouse-lpr')) {
    reasons.push(
      `usFamily includes spouse-lpr: a green-card-holder spouse may petition for the client in category F2A (INA 203(a)(2)(A)); ${PREFERENCE}`,
    );
  }
  if (family.includes('parent-usc')) {
    const categories = {
      'under 21':
        'as an immediate relative while the client is under 21 and unmarried (INA 201(b)(2)(A)(i))',
      '21 or older': `in category F1 if the client is unmarried (INA 203(a)(1)) or F3 if married (INA 203(a)(3)); ${PREFERENCE}`,
      'age not known': `as an immediate relative if the client is under 21 and unmarried (INA 201(b)(2)(A)(i)); at 21 or older, in category F1 if unmarried (INA 203(a)(1)) or F3 if married (INA 203(a)(3)), where ${PREFERENCE}`,
    }[age];
    reasons.push(
      `usFamily includes parent-usc (client ${age}): a US-citizen parent may petition for the client ${categories}`,
    );
    if (under21.tri === 'unknown') missing.push(under21.missing);
  }
  if (family.includes('parent-lpr')) {
    reasons.push(
      `usFamily includes parent-lpr (client ${age}): a green-card-holder parent may petition for an unmarried child, under 21 in category F2A or 21 or older in F2B (INA 203(a)(2)(A)-(B)), not for a married one; ${PREFERENCE}`,
    );
  }
  // A US-citizen son or daughter can petition only at 21 (INA 201(b)(2)(A)(i)): with the oldest
  // such child's age known and under 21, the child raises nothing today.
  const childAge = facts.oldestUscChildAge;
  if (family.includes('child-usc') && childAge === undefined) {
    reasons.push(
      'usFamily includes child-usc: a US-citizen son or daughter may petition for the client only once the child is 21 or older (INA 201(b)(2)(A)(i)); the oldest child’s age was not given',
    );
  } else if (family.includes('child-usc') && childAge !== undefined && childAge >= 21) {
    reasons.push(
      `usFamily includes child-usc, the oldest ${childAge}: a US-citizen son or daughter 21 or older may petition for a parent as an immediate relative (INA 201(b)(2)(A)(i))`,
    );
  }
  if (reasons.length === 0) return [];
  if (facts.entryManner === undefined) {
    missing.push(
      'entryManner: how the client entered not given; adjustment of status generally requires inspection and admission or parole (INA 245(a))',
    );
  }
  reasons.push(
    'A possible option for attorney review: whether a petition can lead to a green card depends on how the client entered and on bars the attorney will check',
  );
  return [makeFlag('family-petition', reasons, familyComplications(facts), missing)];
}

/** A parent who was or became a US citizen in time may have made the client one. */
export function screenCitizenshipClaim(facts: Facts): Flag[] {
  const answer = facts.parentCitizen;
  if (answer !== 'yes' && answer !== 'unsure') return [];
  return [
    makeFlag(
      'citizenship-claim',
      [
        `parentCitizen = ${answer}: the client may already be a US citizen through a parent, by acquisition at birth abroad (INA 301; INA 309 for a child born to unmarried parents) or by derivation before 18 (INA 320; former INA 321 for those who turned 18 before 2001-02-27); a valid claim to citizenship is a complete defense to removal`,
        'The attorney will check the parent’s citizenship and when it began, the parent’s physical presence in the US before the birth (acquisition), and lawful permanent residence and custody before 18 (derivation); Form N-600 or a US passport documents it',
      ],
      [],
      answer === 'unsure'
        ? [
            'parentCitizen: the client is not sure when or whether a parent was a citizen; the parent’s naturalization or birth record would settle it',
          ]
        : [],
    ),
  ];
}
