/**
 * Words that name JavaScript's own object properties ("constructor" is also Spanish for a
 * builder) must read as words at every step: a lookup table keyed by what a client typed must
 * never hand back Object.prototype's functions.
 */
import { describe, expect, it } from 'vitest';
import { advance } from '../../../functions/core/engine/engine';
import type { IntakeState } from '../../../functions/core/engine/state';
import { content } from '../../helpers/content';
import { intake, NOW, RESIDENT } from '../../helpers/intake';

const NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  'prototype',
];
const MESSAGES = [
  ...NAMES,
  ...NAMES.map((n) => n.toLowerCase()),
  'soy constructor',
  'trabajo de constructor en texas',
  'constructor 5 de mayo',
  'what is a constructor?',
  'el 3 de constructor',
  'hace constructor años',
];

/** Every state a resident's intake passes through, in both languages. */
function states(): IntakeState[] {
  const out: IntakeState[] = [];
  for (const language of ['en', 'es'] as const) {
    const run = intake({ language });
    for (let i = 0; i < 100 && run.state.status === 'active'; i++) {
      out.push(structuredClone(run.state));
      const answer = RESIDENT[run.state.step];
      if (answer === undefined) break;
      run.say(answer);
    }
  }
  return out;
}

describe('words that name object properties', () => {
  const ctx = { content: content(), now: NOW };
  const all = states();

  it('walks a whole intake to test on', () => {
    expect(all.length).toBeGreaterThan(30);
  });

  it('are read as plain words at every step, and store only plain data', () => {
    for (const state of all) {
      for (const text of MESSAGES) {
        let next: IntakeState;
        try {
          next = advance(ctx, state, text).state;
        } catch (error) {
          throw new Error(`step ${state.step}, "${text}": ${(error as Error).message}`);
        }
        // Only JSON-safe values: a function or a prototype would not survive a round trip.
        expect(JSON.parse(JSON.stringify(next.answers)), `${state.step} "${text}"`).toEqual(
          next.answers,
        );
        for (const value of Object.values(next.answers)) {
          expect(typeof value, `${state.step} "${text}"`).not.toBe('function');
        }
      }
    }
  });

  it('find no article and break no search', () => {
    for (const text of MESSAGES) {
      for (const lang of ['en', 'es'] as const) {
        expect(() => ctx.content.knowledge.search(text, lang)).not.toThrow();
      }
    }
  });
});
