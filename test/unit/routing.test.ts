import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { RoutingDecisionSchema } from '../../functions/core/leads/lead';
import { FOCUS_AREAS, parseRoster, type Roster } from '../../functions/core/routing/roster';
import {
  escalationDueAt,
  FLAG_FOCUS,
  type RoutingContext,
  type RoutingInput,
  route,
} from '../../functions/core/routing/routing';
import { FLAG_IDS } from '../../functions/core/screening/screening';

const NOW = '2026-11-25T16:00:00.000Z';

/** An attorney who speaks English, covers CA, has no focus and room for 5; `over` changes that. */
function attorney(id: string, over: Record<string, unknown> = {}) {
  const name = id.replace(
    /(^|-)(\w)/g,
    (_, dash: string, c: string) => (dash ? ' ' : '') + c.toUpperCase(),
  );
  return {
    id,
    name,
    email: `${id}@example.com`,
    languages: ['en'],
    coverage: { states: ['CA'] },
    dailyCap: 5,
    ...over,
  };
}
const rosterOf = (...attorneys: ReturnType<typeof attorney>[]): Roster =>
  parseRoster({ intakeEmail: 'intake@example.com', onCallEmail: 'oncall@example.com', attorneys });

const lead = (over: Partial<RoutingInput> = {}): RoutingInput => ({
  facts: { location: 'San Diego, CA 92101' },
  urgency: 'normal',
  flags: [],
  language: 'en',
  ...over,
});
const context = (over: Partial<RoutingContext> = {}): RoutingContext => ({
  now: NOW,
  countsToday: {},
  lastAssigned: null,
  ...over,
});
const reasonsOf = (decision: { reasons: string[] }): string => decision.reasons.join('\n');

describe('route: language', () => {
  it('sends a Spanish-speaking client to the attorney who speaks Spanish', () => {
    const roster = rosterOf(
      attorney('amy-chen'),
      attorney('bruno-diaz', { languages: ['en', 'es'] }),
    );
    const decision = route(lead({ language: 'es' }), roster, context());
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(decision.to).toEqual(['bruno-diaz@example.com']);
    expect(reasonsOf(decision)).toContain(
      'Language Spanish: spoken by Bruno Diaz; neither: Amy Chen.',
    );
  });

  it('matches a language the client named in Spanish to the code in the roster', () => {
    const roster = rosterOf(attorney('amy-chen'), attorney('bruno-diaz', { languages: ['pt'] }));
    expect(route(lead({ language: 'Portugués' }), roster, context()).attorneyId).toBe('bruno-diaz');
  });

  it('falls back to an attorney with interpreter access when no one speaks the language', () => {
    const roster = rosterOf(
      attorney('amy-chen', { languages: ['en', 'es'] }),
      attorney('bruno-diaz', { interpreterAccess: true }),
    );
    const decision = route(lead({ language: 'Mam' }), roster, context());
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(reasonsOf(decision)).toContain(
      'Language Mam: spoken by no one; through an interpreter: Bruno Diaz; neither: Amy Chen.',
    );
    expect(reasonsOf(decision)).toContain(
      'No one left speaks Mam: the consultation needs an interpreter.',
    );
  });

  it('takes an interpreter who covers the location over a speaker who does not', () => {
    const roster = rosterOf(
      attorney('amy-chen', { languages: ['es'], coverage: { states: ['AZ'] } }),
      attorney('bruno-diaz', { interpreterAccess: true }),
    );
    expect(route(lead({ language: 'es' }), roster, context()).attorneyId).toBe('bruno-diaz');
  });

  it('prefers a speaker to an interpreter even when the speaker has more leads today', () => {
    const roster = rosterOf(
      attorney('amy-chen', { interpreterAccess: true }),
      attorney('bruno-diaz', { languages: ['es'] }),
    );
    const decision = route(
      lead({ language: 'es' }),
      roster,
      context({ countsToday: { 'bruno-diaz': 3 } }),
    );
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(reasonsOf(decision)).toContain(
      'Speaks Spanish (preferred to an interpreter): Bruno Diaz.',
    );
  });
  it('does not check the language when the lead carries none', () => {
    const roster = rosterOf(attorney('amy-chen', { languages: ['es'] }));
    const decision = route(lead({ language: ' ' }), roster, context());
    expect(decision.attorneyId).toBe('amy-chen');
    expect(reasonsOf(decision)).toContain('Language not given, so it is not checked.');
  });
});

describe('route: location', () => {
  it("covers by the client's state", () => {
    const roster = rosterOf(
      attorney('amy-chen', { coverage: { states: ['AZ'] } }),
      attorney('bruno-diaz'),
    );
    const decision = route(lead({ facts: { location: 'Chula Vista 91910' } }), roster, context());
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(reasonsOf(decision)).toContain(
      'Location (state CA): covered by Bruno Diaz (state); not by Amy Chen.',
    );
  });

  it('covers by the detention facility, ignoring case and accents', () => {
    const roster = rosterOf(
      attorney('amy-chen'),
      attorney('bruno-diaz', { coverage: { facilities: ['Otay Mesa'] } }),
    );
    const facts = {
      detained: 'yes',
      facility: 'OTÁY mesa detention center',
      location: 'Houston, TX',
    } as const;
    const decision = route(lead({ facts }), roster, context());
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(reasonsOf(decision)).toContain('covered by Bruno Diaz (facility); not by Amy Chen.');
  });

  it('covers by the immigration court city', () => {
    const roster = rosterOf(
      attorney('amy-chen', { coverage: { courts: ['Los Angeles'] } }),
      attorney('bruno-diaz', { coverage: { courts: ['San Diego'] } }),
    );
    const facts = { court: 'san diego immigration court', location: 'Tijuana' };
    expect(route(lead({ facts }), roster, context()).attorneyId).toBe('bruno-diaz');
  });

  it('prefers the attorney who visits the facility to one who only covers the state', () => {
    const roster = rosterOf(
      attorney('amy-chen'),
      attorney('bruno-diaz', { coverage: { states: ['CA'], facilities: ['Adelanto'] } }),
    );
    const facts = {
      detained: 'yes',
      facility: 'Adelanto ICE Processing Center',
      location: 'Fresno, CA',
    } as const;
    const decision = route(lead({ facts }), roster, context({ countsToday: { 'bruno-diaz': 2 } }));
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(reasonsOf(decision)).toContain('Closest coverage (the facility): Bruno Diaz.');
  });

  it('does not match a facility name inside another word', () => {
    const roster = rosterOf(attorney('amy-chen', { coverage: { facilities: ['Imperial'] } }));
    const facts = { detained: 'yes', facility: 'Imperialville jail' } as const;
    expect(route(lead({ facts }), roster, context()).attorneyId).toBeNull();
  });

  it('skips the coverage rule when the lead names no state, facility or court', () => {
    const roster = rosterOf(attorney('amy-chen', { coverage: { states: ['AZ'] } }));
    const decision = route(lead({ facts: { location: 'near the border' } }), roster, context());
    expect(decision.attorneyId).toBe('amy-chen');
    expect(reasonsOf(decision)).toContain(
      'Location: no state, facility or court given, so coverage is not checked.',
    );
  });
});

describe('route: focus', () => {
  it("matches the top flag's focus: a detained client (bond) goes to the detained practice", () => {
    const roster = rosterOf(
      attorney('amy-chen', { focus: ['asylum'] }),
      attorney('bruno-diaz', { focus: ['detained'] }),
    );
    const flags = [{ id: 'bond' }, { id: 'asylum' }] as const;
    const decision = route(lead({ flags: [...flags] }), roster, context());
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(reasonsOf(decision)).toContain('Focus detained (top flag bond): Bruno Diaz.');
  });

  it('takes the top flag by FLAG_PRIORITY even when the flags come unordered', () => {
    const roster = rosterOf(
      attorney('amy-chen', { focus: ['family'] }),
      attorney('bruno-diaz', { focus: ['appeals'] }),
    );
    const decision = route(
      lead({ flags: [{ id: 'family-petition' }, { id: 'motion-to-reopen' }] }),
      roster,
      context(),
    );
    expect(decision.attorneyId).toBe('bruno-diaz');
  });

  it("falls back to the next flag's focus when no one has the top flag's", () => {
    const roster = rosterOf(
      attorney('amy-chen', { focus: ['family'] }),
      attorney('bruno-diaz', { focus: ['asylum'] }),
    );
    const decision = route(
      lead({ flags: [{ id: 'bond' }, { id: 'asylum-late' }] }),
      roster,
      context(),
    );
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(reasonsOf(decision)).toContain(
      'No attorney left has focus detained (top flag bond); next flag asylum-late needs asylum: Bruno Diaz.',
    );
  });

  it("drops the focus rule, saying so, when no one has any flag's focus", () => {
    const roster = rosterOf(
      attorney('amy-chen', { focus: ['family'] }),
      attorney('bruno-diaz', { focus: ['youth'] }),
    );
    const decision = route(
      lead({ flags: [{ id: 'bond' }] }),
      roster,
      context({ countsToday: { 'amy-chen': 1 } }),
    );
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(reasonsOf(decision)).toContain(
      "No attorney left has focus detained (top flag bond) or any other flag's: focus not applied.",
    );
  });

  it('says focus is not applied when the lead has no relief flags', () => {
    const decision = route(lead(), rosterOf(attorney('amy-chen')), context());
    expect(reasonsOf(decision)).toContain('No relief flags: focus not applied.');
  });

  it('prefers a crimmigration focus, second to the top flag, when the client has a criminal history', () => {
    const roster = rosterOf(
      attorney('amy-chen', { focus: ['detained'] }),
      attorney('bruno-diaz', { focus: ['detained', 'crimmigration'] }),
      attorney('carla-ruiz', { focus: ['crimmigration'] }),
    );
    const facts = { location: 'San Diego, CA', criminalHistory: 'yes' } as const;
    const decision = route(lead({ facts, flags: [{ id: 'bond' }] }), roster, context());
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(reasonsOf(decision)).toContain('Criminal history: crimmigration focus: Bruno Diaz.');
  });

  it('lets a focused attorney at their cap yield to one with room instead of the intake team', () => {
    const roster = rosterOf(
      attorney('amy-chen', { focus: ['detained'], dailyCap: 2 }),
      attorney('bruno-diaz', { focus: ['family'] }),
    );
    const decision = route(
      lead({ flags: [{ id: 'bond' }] }),
      roster,
      context({ countsToday: { 'amy-chen': 2 } }),
    );
    expect(decision.attorneyId).toBe('bruno-diaz');
  });

  it('maps every flag to one of the roster focus areas', () => {
    for (const id of FLAG_IDS) expect(FOCUS_AREAS).toContain(FLAG_FOCUS[id]);
  });
});

describe('route: daily cap, fewest today and turn', () => {
  it('skips an attorney who reached the daily cap, and one whose cap is 0', () => {
    const roster = rosterOf(
      attorney('amy-chen', { dailyCap: 2 }),
      attorney('bruno-diaz', { dailyCap: 0 }),
      attorney('carla-ruiz', { dailyCap: 5 }),
    );
    const decision = route(
      lead(),
      roster,
      context({ countsToday: { 'amy-chen': 2, 'carla-ruiz': 4 } }),
    );
    expect(decision.attorneyId).toBe('carla-ruiz');
    expect(reasonsOf(decision)).toContain(
      'Daily cap: room for Carla Ruiz (4 of 5 today); full: Amy Chen (2 of 2 today), Bruno Diaz (0 of 0 today).',
    );
  });

  it('gives the lead to the attorney with the fewest new leads today', () => {
    const roster = rosterOf(attorney('amy-chen'), attorney('bruno-diaz'), attorney('carla-ruiz'));
    const countsToday = { 'amy-chen': 3, 'bruno-diaz': 1, 'carla-ruiz': 2 };
    const decision = route(lead(), roster, context({ countsToday }));
    expect(decision.attorneyId).toBe('bruno-diaz');
    expect(reasonsOf(decision)).toContain('Fewest new leads today (1): Bruno Diaz.');
  });

  it('breaks a tie in turn: the next after the last assigned, in roster order, wrapping round', () => {
    const roster = rosterOf(attorney('amy-chen'), attorney('bruno-diaz'), attorney('carla-ruiz'));
    const turnAfter = (lastAssigned: string | null) =>
      route(lead(), roster, context({ lastAssigned })).attorneyId;
    expect(turnAfter(null)).toBe('amy-chen');
    expect(turnAfter('amy-chen')).toBe('bruno-diaz');
    expect(turnAfter('bruno-diaz')).toBe('carla-ruiz');
    expect(turnAfter('carla-ruiz')).toBe('amy-chen');
    expect(turnAfter('someone-who-left')).toBe('amy-chen');
    const decision = route(lead(), roster, context({ lastAssigned: 'amy-chen' }));
    expect(reasonsOf(decision)).toContain('Tie broken in turn: Bruno Diaz is next after Amy Chen.');
  });

  it('takes the turn from the roster order when the last assigned is not among the tied', () => {
    const roster = rosterOf(attorney('amy-chen'), attorney('bruno-diaz'), attorney('carla-ruiz'));
    const countsToday = { 'bruno-diaz': 4 };
    const decision = route(lead(), roster, context({ countsToday, lastAssigned: 'bruno-diaz' }));
    expect(decision.attorneyId).toBe('carla-ruiz');
  });

  it('advances the turn as the caller records each decision', () => {
    const roster = rosterOf(attorney('amy-chen'), attorney('bruno-diaz'), attorney('carla-ruiz'));
    const countsToday: Record<string, number> = {};
    let lastAssigned: string | null = null;
    const order: (string | null)[] = [];
    for (let i = 0; i < 6; i += 1) {
      const { attorneyId } = route(
        lead(),
        roster,
        context({ countsToday: { ...countsToday }, lastAssigned }),
      );
      order.push(attorneyId);
      if (attorneyId) countsToday[attorneyId] = (countsToday[attorneyId] ?? 0) + 1;
      lastAssigned = attorneyId;
    }
    expect(order).toEqual([
      'amy-chen',
      'bruno-diaz',
      'carla-ruiz',
      'amy-chen',
      'bruno-diaz',
      'carla-ruiz',
    ]);
  });
});

describe('route: emergencies and re-offers', () => {
  const roster = rosterOf(
    attorney('amy-chen', { focus: ['detained'], onCall: true }),
    attorney('bruno-diaz', { focus: ['detained'] }),
  );
  const emergency = lead({ urgency: 'emergency', flags: [{ id: 'bond' }] });

  it('also sends an emergency lead to the on-call address, naming who is on call', () => {
    const decision = route(emergency, roster, context());
    expect(decision.attorneyId).toBe('amy-chen');
    expect(decision.to).toEqual(['amy-chen@example.com', 'oncall@example.com']);
    expect(reasonsOf(decision)).toContain(
      'Emergency: also sent to the on-call address oncall@example.com (on call: Amy Chen). ' +
        'If no one accepts it within 30 minutes, it is offered to the next matching attorney, and the on-call address again (paged at most once an hour for one conversation or address).',
    );
  });

  it('does not copy the on-call address on a lead that is not an emergency', () => {
    expect(route(lead({ urgency: 'high' }), roster, context()).to).toEqual([
      'amy-chen@example.com',
    ]);
  });

  it('re-offers an emergency to the next matching attorney and on-call again', () => {
    const first = route(emergency, roster, context());
    const again = route(
      emergency,
      roster,
      context({ now: escalationDueAt(first.at, roster), exclude: [first.attorneyId ?? ''] }),
    );
    expect(again.attorneyId).toBe('bruno-diaz');
    expect(again.to).toEqual(['bruno-diaz@example.com', 'oncall@example.com']);
    expect(again.at).toBe('2026-11-25T16:30:00.000Z');
    expect(reasonsOf(again)).toContain('Re-offered: not to Amy Chen, who already had it.');
  });

  it('sends a re-offer to the intake team and on-call once every attorney was offered it', () => {
    const decision = route(emergency, roster, context({ exclude: ['amy-chen', 'bruno-diaz'] }));
    expect(decision.attorneyId).toBeNull();
    expect(decision.to).toEqual(['intake@example.com', 'oncall@example.com']);
    expect(reasonsOf(decision)).toContain(
      'No attorney matched (every attorney was already offered it), so it goes to the intake team.',
    );
  });
});

describe('route: no match', () => {
  it('sends the lead to the intake team, saying no one speaks the language or has an interpreter', () => {
    const roster = rosterOf(attorney('amy-chen'), attorney('bruno-diaz', { languages: ['es'] }));
    const decision = route(lead({ language: "K'iche'" }), roster, context());
    expect(decision).toEqual({
      attorneyId: null,
      to: ['intake@example.com'],
      reasons: [
        "Language K'iche': spoken by no one; neither: Amy Chen, Bruno Diaz.",
        "No attorney matched (no one speaks K'iche' or has interpreter access), so it goes to the intake team.",
      ],
      because:
        "the intake team: no attorney matched (no one speaks K'iche' or has interpreter access)",
      at: NOW,
    });
  });

  it('says in one line why the attorney got it: language, coverage, focus, fewest today', () => {
    const roster = rosterOf(
      attorney('amy-chen', { languages: ['es'], focus: ['detained'] }),
      attorney('bruno-diaz', { languages: ['es'] }),
    );
    const decision = route(
      lead({ language: 'es', urgency: 'emergency', flags: [{ id: 'bond' }] }),
      roster,
      context(),
    );
    expect(decision.because).toMatch(
      /^Amy Chen: speaks Spanish, covers .+, focus detained, fewest new leads today \(0\)$/,
    );
  });

  it('says the location rule eliminated everyone, and who covers what', () => {
    const roster = rosterOf(attorney('amy-chen'), attorney('bruno-diaz'));
    const decision = route(lead({ facts: { location: 'El Paso, TX' } }), roster, context());
    expect(decision.attorneyId).toBeNull();
    expect(decision.reasons.slice(1)).toEqual([
      'Location (state TX): covered by no one; not by Amy Chen, Bruno Diaz.',
      'No attorney matched (no one left covers the location), so it goes to the intake team.',
    ]);
  });

  it('says the daily cap eliminated everyone, and copies on-call for an emergency', () => {
    const roster = rosterOf(attorney('amy-chen', { dailyCap: 1 }));
    const decision = route(
      lead({ urgency: 'emergency' }),
      roster,
      context({ countsToday: { 'amy-chen': 1 } }),
    );
    expect(decision.to).toEqual(['intake@example.com', 'oncall@example.com']);
    expect(reasonsOf(decision)).toContain(
      'No attorney matched (no one left has room under the daily cap), so it goes to the intake team.',
    );
  });

  it('sends every lead to the intake team when the roster lists no attorneys', () => {
    const decision = route(lead(), rosterOf(), context());
    expect(decision.attorneyId).toBeNull();
    expect(decision.to).toEqual(['intake@example.com']);
  });
});

describe('route: the decision', () => {
  it('is a valid RoutingDecision stamped with the context clock, the same for the same input', () => {
    const roster = rosterOf(attorney('amy-chen'), attorney('bruno-diaz', { languages: ['es'] }));
    const input = lead({ language: 'es', urgency: 'emergency', flags: [{ id: 'bond' }] });
    const decision = route(input, roster, context());
    expect(RoutingDecisionSchema.parse(decision).at).toBe(NOW);
    expect(route(input, roster, context())).toEqual(decision);
    expect(decision.reasons.at(-2)).toBe('Goes to Bruno Diaz.');
  });

  it('routes a detained Spanish speaker at Otay Mesa to the example roster’s detained attorney', () => {
    const example = parseRoster(
      YAML.parse(
        readFileSync(new URL('../../prompts/roster.example.yaml', import.meta.url), 'utf8'),
      ),
    );
    const facts = {
      detained: 'yes',
      facility: 'Otay Mesa Detention Center',
      location: 'San Diego, CA',
    } as const;
    const decision = route(
      { facts, urgency: 'emergency', flags: [{ id: 'bond' }], language: 'es' },
      example,
      context(),
    );
    expect(decision.attorneyId).toBe('ana-robles');
    expect(decision.to).toEqual(['ana.robles@example.com', 'oncall@example.com']);
  });
});
