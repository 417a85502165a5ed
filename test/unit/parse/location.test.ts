import { describe, expect, it } from 'vitest';
import { parseLocation } from '../../../functions/core/parse/location';
import { stateOfZip } from '../../../functions/core/parse/zip';

describe('parseLocation', () => {
  it.each([
    ['San Diego, CA', 'CA'],
    ['san diego, ca', 'CA'],
    ['Houston TX', 'TX'],
    ['houston tx', 'TX'],
    ['Houston, Texas', 'TX'],
    ['Los Angeles California', 'CA'],
    ['vivo en Los Ángeles, California', 'CA'],
    ['Nueva York', 'NY'],
    ['Brooklyn, New York', 'NY'],
    ['Charlotte, Carolina del Norte', 'NC'],
    ['Charlotte, North Carolina', 'NC'],
    ['Columbia, Carolina del Sur', 'SC'],
    ['Miami Florida', 'FL'],
    ['Miami, FL.', 'FL'],
    ['Charleston, West Virginia', 'WV'],
    ['Richmond, Virginia', 'VA'],
    ['Albuquerque, Nuevo México', 'NM'],
    ['Seattle, Washington', 'WA'],
    ['Washington, D.C.', 'DC'],
    ['Washington DC', 'DC'],
    ['Newark, Nueva Jersey', 'NJ'],
    ['Filadelfia, Pensilvania', 'PA'],
    ['Nueva Orleans, Luisiana', 'LA'],
    ['San Juan, Puerto Rico', 'PR'],
    ['Kansas City, MO', 'MO'],
    ['Portland OR', 'OR'],
    ['Está en Otay Mesa, California', 'CA'],
    ['Denver, Colorado', 'CO'],
    ['Boise, ID', 'ID'],
    ['Tulsa, OK', 'OK'],
  ])('finds the state in %j (%s)', (text, state) => {
    const result = parseLocation(text);
    expect(result).toEqual({ ok: true, value: { text: text.trim(), state } });
  });

  it.each([
    ['92101', 'CA'],
    ['San Diego 92101', 'CA'],
    ['77002', 'TX'],
    ['El Paso 88510', 'TX'],
    ['10001', 'NY'],
    ['33101', 'FL'],
    ['Austin 73301', 'TX'],
    ['02108', 'MA'],
    ['00901', 'PR'],
    ['20001', 'DC'],
    ['Kansas City 64105', 'MO'],
    ['96701', 'HI'],
    ['99501', 'AK'],
  ])('maps the ZIP code in %j to %s', (text, state) => {
    const zip = /\d{5}/.exec(text)?.[0];
    expect(parseLocation(text)).toEqual({ ok: true, value: { text, state, zip } });
  });

  it('prefers the code after the comma over a state name inside the city', () => {
    expect(parseLocation('Kansas City, MO 64105')).toEqual({
      ok: true,
      value: { text: 'Kansas City, MO 64105', state: 'MO', zip: '64105' },
    });
  });

  it('prefers the ZIP code over a state name inside the city', () => {
    expect(parseLocation('Kansas City 64105')).toEqual({
      ok: true,
      value: { text: 'Kansas City 64105', state: 'MO', zip: '64105' },
    });
  });

  it.each([
    'Otay Mesa Detention Center',
    'Adelanto',
    'Krome',
    'the detention center near the border',
    "I'm in Dallas, ok",
    'Tulsa, ok',
    'vivo en la',
    'Texas or Louisiana',
    'APO 09012',
  ])('keeps %j as a location even when no single state can be read', (text) => {
    const result = parseLocation(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.text).toBe(text);
      expect(result.value.state).toBeUndefined();
    }
  });

  it('keeps the text as typed, only trimmed', () => {
    expect(parseLocation('  Los Ángeles, CA  ')).toEqual({
      ok: true,
      value: { text: 'Los Ángeles, CA', state: 'CA' },
    });
  });

  it.each(['', ' ', 'a', '?', '...', '¿?'])('refuses %j, which names no place', (text) => {
    expect(parseLocation(text)).toEqual({ ok: false });
  });
});

describe('stateOfZip', () => {
  it.each([
    ['90001', 'CA'],
    ['96199', 'CA'],
    ['75001', 'TX'],
    ['79999', 'TX'],
    ['88500', 'TX'],
    ['10001', 'NY'],
    ['14999', 'NY'],
    ['33000', 'FL'],
    ['34999', 'FL'],
    ['05501', 'MA'],
    ['05601', 'VT'],
    ['73301', 'TX'],
    ['73101', 'OK'],
    ['20101', 'VA'],
    ['60601', 'IL'],
    ['85001', 'AZ'],
    ['98101', 'WA'],
  ])('maps %s to %s', (zip, state) => {
    expect(stateOfZip(zip)).toBe(state);
  });

  it.each(['96201', '09012', '34001', '96910', '00000', '1234', 'abcde'])(
    'has no state for %s (military, territory, unused or not a ZIP)',
    (zip) => {
      expect(stateOfZip(zip)).toBeUndefined();
    },
  );
});
