/**
 * Recognisable fake personal data for the privacy suite, every form it could take in a log line
 * or a stored item (as typed, lowercased, digits only, E.164, URL-encoded), and a scanner that
 * says which of them a text holds.
 */

/** One person's answers, each value unlikely to occur anywhere by chance. */
export const PERSON = {
  name: 'Zyxwena Quomplex',
  phone: '(213) 373-4719',
  /** A second number: the SMS intake texts from it. */
  textPhone: '(213) 373-4728',
  email: 'zyxwena.quomplex@example.org',
  aNumber: 'A-208-417-396',
  location: 'Quenforth, CA 92154',
  adverseParties: 'Blorvex Tannoway',
  criminalStory: 'I was arrested in Glimmerdorf for shoplifting in 2019',
  question: 'Can Zyxwena Quomplex still apply after the Glimmerdorf arrest?',
} as const;

export const e164 = (phone: string) => `+1${phone.replace(/\D/g, '')}`;

/** Every needle to look for: a log or an item holding any of them holds personal data. */
export function needles(person: typeof PERSON = PERSON): string[] {
  const forms = new Set<string>();
  for (const phone of [person.phone, person.textPhone]) {
    const digits = phone.replace(/\D/g, '');
    forms.add(phone);
    forms.add(digits);
    forms.add(e164(phone));
    forms.add(digits.slice(3));
    forms.add(`${digits.slice(3, 6)}-${digits.slice(6)}`);
    forms.add(encodeURIComponent(e164(phone)));
  }
  const aDigits = person.aNumber.replace(/\D/g, '');
  forms.add(aDigits);
  forms.add(person.aNumber);
  forms.add(`A${aDigits}`);
  forms.add(aDigits.replace(/(\d{3})(\d{3})(\d{3})/, '$1-$2-$3'));
  forms.add(person.email);
  forms.add(encodeURIComponent(person.email));
  forms.add(person.email.split('@')[0] ?? person.email);
  for (const text of [
    person.name,
    person.location,
    person.adverseParties,
    person.criminalStory,
    person.question,
  ]) {
    forms.add(text);
    // Each distinctive word alone: a log that kept half a name still kept a name.
    for (const word of text.split(/[\s,]+/)) {
      if (/^(Zyx|Quo|Quen|Blor|Tann|Glim)/.test(word)) forms.add(word);
    }
  }
  return [...forms].map((f) => f.toLowerCase());
}

/** The needles found in `text`, compared without case and after URL-decoding. */
export function findPii(text: string, list = needles()): string[] {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // Not URL-encoded text: the raw text is searched.
  }
  const hay = `${text}\n${decoded}`.toLowerCase();
  return list.filter((needle) => hay.includes(needle));
}
