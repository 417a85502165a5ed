/**
 * The questions issue 13 added are asked only when their answer can change a flag or the
 * urgency: `orderDate` after a removal order, `firstEntryDate` when the last arrival is too recent
 * for a cancellation clock that may have started earlier, `parentCitizen` when a parent is a US
 * citizen; and "without papers" at the manner of entry is asked about, not taken for a crossing.
 */
import { describe, expect, it } from 'vitest';
import { intake, RESIDENT } from '../../helpers/intake';

const ORDERED = { ...RESIDENT, removalOrder: 'yes', reenteredAfterRemoval: 'no' };

describe('orderDate', () => {
  it.each([
    ['en', '2 weeks ago'],
    ['es', 'hace 2 semanas'],
  ] as const)('is asked in %s right after a removal order', (language, answer) => {
    const chat = intake({ language });
    chat.answer(ORDERED, 'orderDate');
    expect(chat.state.step).toBe('orderDate');
    chat.say(answer);
    expect(chat.state.answers.orderDate).toBe('2026-11-11');
    // Within the 30-day appeal window: an emergency, so the contact questions come first.
    expect(chat.state.step).toBe('name');
  });

  it('is not asked without a removal order', () => {
    for (const removalOrder of ['no', 'not sure']) {
      const chat = intake();
      chat.answer({ ...RESIDENT, removalOrder }, 'missedHearing');
      expect(chat.state.history).not.toContain('orderDate');
    }
  });

  it('makes an order from two weeks ago an emergency', () => {
    const chat = intake();
    chat.answer({ ...ORDERED, orderDate: '2 weeks ago' });
    expect(chat.state.outcome?.screening?.urgency).toBe('emergency');
  });
});

describe('firstEntryDate', () => {
  const recent = { ...RESIDENT, entryDate: 'March 2020', firstEntryDate: '2012' };

  it('is asked of a non-resident with US family whose last arrival is under 10 years ago', () => {
    const chat = intake();
    chat.answer(recent, 'firstEntryDate');
    expect(chat.state.step).toBe('firstEntryDate');
    chat.answer(recent);
    expect(chat.state.answers.firstEntryDate).toBe('2012');
    expect(chat.state.outcome?.screening?.flags.map((f) => f.id)).toContain('cancellation-non-lpr');
  });

  it('takes "no" as no earlier time in the US', () => {
    const chat = intake({ language: 'es' });
    chat.answer({ ...recent, firstEntryDate: 'no' });
    expect(chat.state.skipped).toContain('firstEntryDate');
  });

  it('is not asked after 10 years, or without a qualifying relative', () => {
    for (const answers of [RESIDENT, { ...recent, usFamily: '7' }]) {
      const chat = intake();
      chat.answer(answers);
      expect(chat.state.history).not.toContain('firstEntryDate');
    }
  });

  it('is asked of a green-card holder of 5 to 7 years back from a recent trip, and not otherwise', () => {
    const lpr = { ...recent, isLpr: 'yes', entryDate: 'October 2026', lprSince: '2020' };
    const asked = intake();
    asked.answer(lpr);
    expect(asked.state.history).toContain('firstEntryDate');
    expect(asked.state.outcome?.screening?.flags.map((f) => f.id)).toContain('cancellation-lpr');
    // A green card of 7 years or more settles it; one of under 5 years rules it out.
    for (const lprSince of ['2018', '2023']) {
      const chat = intake();
      chat.answer({ ...lpr, lprSince });
      expect(chat.state.history, lprSince).not.toContain('firstEntryDate');
    }
  });
});

describe('parentCitizen', () => {
  it.each([
    ['en', '3', 'not sure', 'unsure'],
    ['es', '3', 'si', 'yes'],
  ] as const)('is asked in %s when a parent is a US citizen', (language, family, answer, value) => {
    const chat = intake({ language });
    chat.answer({ ...RESIDENT, usFamily: family }, 'parentCitizen');
    expect(chat.state.step).toBe('parentCitizen');
    chat.say(answer);
    expect(chat.state.answers.parentCitizen).toBe(value);
  });

  it('is not asked without a US-citizen parent', () => {
    const chat = intake();
    chat.answer({ ...RESIDENT, usFamily: '4' });
    expect(chat.state.history).not.toContain('parentCitizen');
  });
});

describe('entryManner: "without papers" is not an answer', () => {
  it.each([
    ['es', 'sin papeles', /entró con visa/i],
    ['es', 'sin visa', /entró con visa/i],
    ['en', 'without papers', /come in with a visa/i],
    ['en', 'I was undocumented', /come in with a visa/i],
  ] as const)('in %s, asks which after "%s"', (language, answer, follow) => {
    const chat = intake({ language });
    chat.answer(RESIDENT, 'entryManner');
    chat.say(answer);
    expect(chat.state.step).toBe('entryManner');
    expect(chat.state.answers).not.toHaveProperty('entryManner');
    expect(chat.last).toMatch(follow);
    expect(chat.last).not.toMatch(/did not understand|no entendí/i);
    chat.say('1');
    expect(chat.state.answers.entryManner).toBe('inspected');
  });

  it.each([
    ['crucé sin papeles', 'without-inspection'],
    ['vine con visa y me quedé sin papeles', 'inspected'],
    ['crossed the border without papers', 'without-inspection'],
  ])('reads "%s" as %s', (answer, value) => {
    const chat = intake({ language: 'es' });
    chat.answer(RESIDENT, 'entryManner');
    chat.say(answer);
    expect(chat.state.answers.entryManner).toBe(value);
  });
});
