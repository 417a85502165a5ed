import { describe, expect, it } from 'vitest';
import { type DateOptions, parseDate } from '../../../functions/core/parse/date';

// A Wednesday.
const today = '2027-03-10';
const any: DateOptions = { today };
const future: DateOptions = { today, direction: 'future' };
const past: DateOptions = { today, direction: 'past' };
const partialPast: DateOptions = { today, direction: 'past', allowPartial: true };

describe('parseDate', () => {
  it.each([
    ['03/14/2027', '2027-03-14'],
    ['3/14/2027', '2027-03-14'],
    ['3/14/27', '2027-03-14'],
    ['3-14-2027', '2027-03-14'],
    ['03-14-27', '2027-03-14'],
    ['3 / 14 / 2027', '2027-03-14'],
    ['2027-03-14', '2027-03-14'],
    ['2027/3/14', '2027-03-14'],
    ['Mar 14 2027', '2027-03-14'],
    ['Mar. 14, 2027', '2027-03-14'],
    ['March 14th, 2027', '2027-03-14'],
    ['march 14 2027', '2027-03-14'],
    ['14 March 2027', '2027-03-14'],
    ['the 14th of March, 2027', '2027-03-14'],
    ['14 de marzo de 2027', '2027-03-14'],
    ['14 de marzo del 2027', '2027-03-14'],
    ['el 14 de marzo de 2027', '2027-03-14'],
    ['marzo 14, 2027', '2027-03-14'],
    ['14-mar-2027', '2027-03-14'],
    ['Sunday, March 14, 2027', '2027-03-14'],
    ['domingo 14 de marzo de 2027', '2027-03-14'],
    ['It is on March 14, 2027', '2027-03-14'],
    ['es el 14 de marzo de 2027', '2027-03-14'],
    ['March 14, 2027 at 8:30 AM', '2027-03-14'],
    ['14 de marzo de 2027 a las 9 de la mañana', '2027-03-14'],
    ['14 de marzo de 2027 a las 8:30', '2027-03-14'],
    ['sept 5 2026', '2026-09-05'],
    ['5 set 2026', '2026-09-05'],
    ['1 ene 2027', '2027-01-01'],
    ['2 de abr de 2026', '2026-04-02'],
    ['15 ago 2026', '2026-08-15'],
    ['24 dic 2026', '2026-12-24'],
  ])('reads the full date %j as %s', (text, value) => {
    expect(parseDate(text, any)).toEqual({ ok: true, value });
  });

  describe('numeric order', () => {
    it('reads "03/04/2027" in US order, as March 4, whatever the language', () => {
      expect(parseDate('03/04/2027', any)).toEqual({ ok: true, value: '2027-03-04' });
    });

    it.each([
      ['14/03/2027', '2027-03-14'],
      ['14.03.2027', '2027-03-14'],
      ['31/12/2026', '2026-12-31'],
      ['25-12-2026', '2026-12-25'],
    ])('reads %j as day/month because the first number cannot be a month', (text, value) => {
      expect(parseDate(text, any)).toEqual({ ok: true, value });
    });

    it.each(['13/13/2027', '14/15/2027', '00/10/2027'])(
      'refuses %j, which has no month',
      (text) => {
        expect(parseDate(text, any)).toEqual({ ok: false });
      },
    );

    it.each([
      ['3/14/85', '1985-03-14'],
      ['3/14/05', '2005-03-14'],
      ['12/1/99', '1999-12-01'],
    ])('reads the two-digit year in the birth date %j as %s', (text, value) => {
      expect(parseDate(text, past)).toEqual({ ok: true, value });
    });
  });

  describe('without a year', () => {
    it.each([
      ['March 14', '2027-03-14'],
      ['march 14th', '2027-03-14'],
      ['14 de marzo', '2027-03-14'],
      ['el 14 de marzo', '2027-03-14'],
      ['marzo 14', '2027-03-14'],
      ['3/14', '2027-03-14'],
      ['the 14th of March', '2027-03-14'],
      ['el 1ro de mayo', '2027-05-01'],
      ['primero de mayo', '2027-05-01'],
      ['March 10', '2027-03-10'],
      ['January 5', '2028-01-05'],
      ['5 de enero', '2028-01-05'],
      ['Feb 29', '2028-02-29'],
    ])('reads %j as the next such day when the date must be in the future', (text, value) => {
      expect(parseDate(text, future)).toEqual({ ok: true, value });
    });

    it.each([
      ['March 14', '2026-03-14'],
      ['14 de marzo', '2026-03-14'],
      ['January 5', '2027-01-05'],
      ['5 de enero', '2027-01-05'],
      ['March 10', '2027-03-10'],
      ['Feb 29', '2024-02-29'],
    ])('reads %j as the last such day when the date must be in the past', (text, value) => {
      expect(parseDate(text, past)).toEqual({ ok: true, value });
    });

    it.each([
      ['March 14', '2027-03-14'],
      ['March 1', '2027-03-01'],
      ['September 20', '2026-09-20'],
      ['August 1', '2027-08-01'],
    ])('reads %j as the nearest such day when the direction is open', (text, value) => {
      expect(parseDate(text, any)).toEqual({ ok: true, value });
    });

    it.each(['Feb 30', '30 de febrero', '2/30', 'April 31', 'March 32'])(
      'refuses the impossible day %j',
      (text) => {
        expect(parseDate(text, future)).toEqual({ ok: false });
      },
    );
  });

  describe('relative to today', () => {
    it.each([
      ['today', '2027-03-10'],
      ['Today!', '2027-03-10'],
      ['hoy', '2027-03-10'],
      ['tomorrow', '2027-03-11'],
      ['mañana', '2027-03-11'],
      ['manana', '2027-03-11'],
      ['mañana en la mañana', '2027-03-11'],
      ['tomorrow at 9am', '2027-03-11'],
      ['pasado mañana', '2027-03-12'],
      ['the day after tomorrow', '2027-03-12'],
      ['in 3 days', '2027-03-13'],
      ['en 3 días', '2027-03-13'],
      ['en tres dias', '2027-03-13'],
      ['in two weeks', '2027-03-24'],
      ['en dos semanas', '2027-03-24'],
      ['dentro de 2 semanas', '2027-03-24'],
      ['in a week', '2027-03-17'],
      ['en quince días', '2027-03-25'],
      ['3 days from now', '2027-03-13'],
      ['in 2 months', '2027-05-10'],
      ['next Tuesday', '2027-03-16'],
      ['el próximo martes', '2027-03-16'],
      ['el martes que viene', '2027-03-16'],
      ['este martes', '2027-03-16'],
      ['this Tuesday', '2027-03-16'],
      ['on Friday', '2027-03-12'],
      ['el viernes', '2027-03-12'],
      ['next Wednesday', '2027-03-17'],
      ['Wednesday', '2027-03-10'],
    ])('reads %j as %s from a Wednesday', (text, value) => {
      expect(parseDate(text, future)).toEqual({ ok: true, value });
    });

    it.each([
      ['yesterday', '2027-03-09'],
      ['ayer', '2027-03-09'],
      ['anteayer', '2027-03-08'],
      ['3 days ago', '2027-03-07'],
      ['hace 3 días', '2027-03-07'],
      ['hace tres dias', '2027-03-07'],
      ['desde hace 3 días', '2027-03-07'],
      ['since yesterday', '2027-03-09'],
      ['desde ayer', '2027-03-09'],
      ['hace una semana', '2027-03-03'],
      ['a week ago', '2027-03-03'],
      ['a couple of days ago', '2027-03-08'],
      ['hace como 2 semanas', '2027-02-24'],
      ['last Tuesday', '2027-03-09'],
      ['el martes pasado', '2027-03-09'],
      ['el pasado lunes', '2027-03-08'],
      ['el lunes', '2027-03-08'],
      ['Wednesday', '2027-03-10'],
      ['2 years ago', '2025-03-10'],
    ])('reads %j as %s from a Wednesday', (text, value) => {
      expect(parseDate(text, past)).toEqual({ ok: true, value });
    });

    it.each([
      ['hace 2 años', '2025'],
      ['2 years ago', '2025'],
      ['hace 3 meses', '2026-12'],
      ['el año pasado', '2026'],
      ['last year', '2026'],
      ['este año', '2027'],
      ['el mes pasado', '2027-02'],
      ['hace 10 días', '2027-02-28'],
    ])('keeps only the precision %j carries when partial dates are allowed (%s)', (text, value) => {
      expect(parseDate(text, partialPast)).toEqual({ ok: true, value });
    });

    it.each([
      'last week',
      'la semana pasada',
      'next week',
      'la semana que viene',
      'soon',
      'pronto',
    ])('does not read %j, which names no day', (text) => {
      expect(parseDate(text, any)).toEqual({ ok: false });
    });
  });

  describe('partial dates', () => {
    it.each([
      ['2015', '2015'],
      ['in 2015', '2015'],
      ['en 2015', '2015'],
      ['en el 2015', '2015'],
      ['since 2015', '2015'],
      ['desde 2015', '2015'],
      ['around 2015', '2015'],
      ['a principios de 2015', '2015'],
      ['el año 2015', '2015'],
      ['March 2015', '2015-03'],
      ['march of 2015', '2015-03'],
      ['marzo de 2015', '2015-03'],
      ['marzo del 2015', '2015-03'],
      ['en marzo de 2015', '2015-03'],
      ['Mar 2015', '2015-03'],
      ['dic 2019', '2019-12'],
      ['03/2015', '2015-03'],
      ['3/2015', '2015-03'],
      ['2015-03', '2015-03'],
      ['in December', '2026-12'],
      ['en marzo', '2027-03'],
      ['March 14, 2015', '2015-03-14'],
    ])('reads %j as %s when only the year or month is needed', (text, value) => {
      expect(parseDate(text, partialPast)).toEqual({ ok: true, value });
    });

    it.each(['2015', 'March 2015', 'marzo de 2015', '3/2015', 'en marzo', 'last year'])(
      'refuses %j when the question needs a full date',
      (text) => {
        expect(parseDate(text, past)).toEqual({ ok: false });
      },
    );

    it('treats the current year as past, because it has already started', () => {
      expect(parseDate('2027', partialPast)).toEqual({ ok: true, value: '2027' });
    });
  });

  describe('limits', () => {
    it.each([
      ['03/14/2027', past],
      ['tomorrow', past],
      ['next Tuesday', past],
      ['in 3 days', past],
      ['2028', partialPast],
      ['April 2027', partialPast],
    ])('refuses %j when the date must be in the past', (text, opts) => {
      expect(parseDate(text, opts)).toEqual({ ok: false });
    });

    it.each(['03/01/2027', 'yesterday', 'ayer', 'hace 3 días', 'last Tuesday', 'March 9, 2027'])(
      'refuses %j when the date must be in the future',
      (text) => {
        expect(parseDate(text, future)).toEqual({ ok: false });
      },
    );

    it.each([
      ['1899', { today, allowPartial: true }],
      ['01/01/1899', any],
      ['2033', { today, allowPartial: true }],
      ['03/14/2040', any],
      ['in 10 years', any],
    ])('refuses %j, outside 1900 to five years from now', (text, opts) => {
      expect(parseDate(text, opts)).toEqual({ ok: false });
    });

    it('accepts a year five years from now', () => {
      expect(parseDate('2032', { today, allowPartial: true })).toEqual({ ok: true, value: '2032' });
    });
  });

  it.each([
    'what is the date?',
    'when is my hearing?',
    '¿cuándo es?',
    'no sé',
    "I don't know",
    'soon',
    'the 14th',
    'el 14',
    '14',
    '123',
    '2015 or 2016',
    'March or April',
    'March 14 or 15',
    'marzo abril',
    'A123456789',
    '(213) 373-4253',
    'yes',
    '',
    '   ',
  ])('does not read %j as a date', (text) => {
    expect(parseDate(text, { today, allowPartial: true })).toEqual({ ok: false });
  });

  it('throws on a malformed "today", which is a programming error, not an answer', () => {
    expect(() => parseDate('today', { today: '03/10/2027' })).toThrow(TypeError);
  });
});

describe('a month or year inside a sentence, where only that much is wanted', () => {
  const past = { today: '2026-11-25', allowPartial: true, direction: 'past' as const };
  it.each([
    ['llegue en el 2008', '2008'],
    ['i came in 2008', '2008'],
    ['back in 2008', '2008'],
    ['like 2008', '2008'],
    ['summer 2008', '2008'],
    ['llegué en marzo del 2019', '2019-03'],
    ['i may have come in 2008', '2008'],
  ])('reads "%s" as %s', (text, value) => {
    expect(parseDate(text, past)).toEqual({ ok: true, value });
  });

  it.each(['2 kids since 2008', 'i came in 2008 or 2009', 'llegue en 2030'])(
    'does not guess at "%s"',
    (text) => {
      expect(parseDate(text, past).ok).toBe(false);
    },
  );

  it('needs partial dates to be allowed', () => {
    expect(parseDate('i came in 2008', { today: '2026-11-25', direction: 'past' }).ok).toBe(false);
  });
});
