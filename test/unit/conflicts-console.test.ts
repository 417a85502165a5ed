/**
 * The console's side of the conflict check, in node: a match as the lead's page and the board
 * write it (format.js conflictText, which still writes the older `{ name, role, matter }` and
 * text), and the `#/conflicts` screen's address.
 */
import { describe, expect, it } from 'vitest';
import { conflictText } from '../../functions/web/console/format.js';
import { parseHash } from '../../functions/web/console/route.js';

describe('a conflict in the console', () => {
  it("writes the check's match with its role, matter, the lead's name, score and why", () => {
    expect(
      conflictText({
        name: 'María López García',
        role: 'adverse',
        matter: '2023-114',
        against: 'Maria Lopez',
        as: 'client',
        score: 0.95,
        why: ['accents and case', 'second surname dropped'],
      }),
    ).toBe(
      'María López García (an adverse party, matter 2023-114) may be the client “Maria Lopez”: 95% — accents and case; second surname dropped',
    );
    expect(
      conflictText({
        name: 'Pepe Soto',
        role: 'former-client',
        matter: '',
        against: 'José Soto',
        as: 'adverse-party',
        score: 0.9,
        why: [],
      }),
    ).toBe('Pepe Soto (a former client) may be the adverse party named “José Soto”: 90%');
  });

  it('still writes a record without a match, and text', () => {
    expect(conflictText({ name: 'Luis Ramírez', role: 'former-client', matter: 'A-1' })).toBe(
      'Luis Ramírez, former-client: A-1',
    );
    expect(conflictText('Ramírez, adverse')).toBe('Ramírez, adverse');
  });

  it('has its own screen, #/conflicts', () => {
    expect(parseHash('#/conflicts')).toEqual({ screen: 'conflicts' });
  });
});
