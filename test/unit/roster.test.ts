import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { FirmSchema } from '../../functions/core/content';
import { parseRoster, RosterError, RosterSchema } from '../../functions/core/routing/roster';

const read = (path: string): unknown =>
  YAML.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const example = read('prompts/roster.example.yaml');

const valid = {
  intakeEmail: 'intake@example.com',
  onCallEmail: 'oncall@example.com',
  attorneys: [
    {
      id: 'ana-robles',
      name: 'Ana Robles',
      email: 'ana@example.com',
      languages: ['en', 'es'],
      coverage: { states: ['CA'] },
      focus: ['detained'],
      dailyCap: 4,
    },
  ],
};
type AttorneyInput = (typeof valid.attorneys)[number];
const withAttorney = (change: (a: Record<string, unknown>) => void): unknown => {
  const attorney: Record<string, unknown> = structuredClone(valid.attorneys[0] as AttorneyInput);
  change(attorney);
  return { ...valid, attorneys: [attorney] };
};

/** The paths of the issues, joined like the error message writes them. */
const failingFields = (data: unknown): string[] => {
  const result = RosterSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('prompts/roster.example.yaml', () => {
  it('validates against RosterSchema', () => {
    const result = RosterSchema.safeParse(example);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('lists 4 to 5 fictional attorneys at reserved example domains, one of them on call', () => {
    const roster = parseRoster(example);
    expect(roster.attorneys.length).toBeGreaterThanOrEqual(4);
    expect(roster.attorneys.length).toBeLessThanOrEqual(5);
    const emails = [
      roster.intakeEmail,
      roster.onCallEmail,
      ...roster.attorneys.map((a) => a.email),
    ];
    for (const email of emails) expect(email).toMatch(/@example\.(com|org)$/);
    expect(roster.intakeEmail).toMatch(/^intake@/);
    expect(roster.onCallEmail).toMatch(/^oncall@/);
    expect(roster.attorneys.filter((a) => a.onCall)).toHaveLength(1);
    expect(roster.escalationMinutes).toBe(30);
  });

  it('mixes languages and focus: Spanish speakers and not, at least four focus areas', () => {
    const roster = parseRoster(example);
    const spanish = roster.attorneys.filter((a) => a.languages.includes('es'));
    expect(spanish.length).toBeGreaterThan(0);
    expect(spanish.length).toBeLessThan(roster.attorneys.length);
    expect(new Set(roster.attorneys.flatMap((a) => a.focus)).size).toBeGreaterThanOrEqual(4);
  });

  it("covers the firm's service area and every facility the firm covers", () => {
    const firm = FirmSchema.parse(read('prompts/firm.yaml'));
    const roster = parseRoster(example);
    for (const state of firm.serviceArea.states) {
      expect(
        roster.attorneys.some((a) => a.coverage.states.includes(state)),
        state,
      ).toBe(true);
    }
    for (const facility of firm.coveredFacilities) {
      expect(
        roster.attorneys.some((a) => a.coverage.facilities.includes(facility)),
        facility,
      ).toBe(true);
    }
  });
});

describe('RosterSchema', () => {
  it('fills the defaults: 30 minutes to escalate, no interpreter, not on call, no focus', () => {
    const roster = parseRoster(
      withAttorney((a) => {
        delete a.focus;
      }),
    );
    expect(roster.escalationMinutes).toBe(30);
    expect(roster.attorneys[0]).toMatchObject({
      interpreterAccess: false,
      onCall: false,
      focus: [],
      coverage: { states: ['CA'], courts: [], facilities: [] },
    });
  });

  it('rejects an attorney without an email, naming the field', () => {
    expect(
      failingFields(
        withAttorney((a) => {
          delete a.email;
        }),
      ),
    ).toEqual(['attorneys.0.email']);
  });

  it('rejects an unknown focus, naming the field', () => {
    expect(failingFields(withAttorney((a) => Object.assign(a, { focus: ['tax'] })))).toEqual([
      'attorneys.0.focus.0',
    ]);
  });

  it('rejects a negative daily cap, naming the field, and accepts 0 (on leave)', () => {
    expect(failingFields(withAttorney((a) => Object.assign(a, { dailyCap: -1 })))).toEqual([
      'attorneys.0.dailyCap',
    ]);
    expect(failingFields(withAttorney((a) => Object.assign(a, { dailyCap: 1.5 })))).toEqual([
      'attorneys.0.dailyCap',
    ]);
    expect(failingFields(withAttorney((a) => Object.assign(a, { dailyCap: 0 })))).toEqual([]);
  });

  it('rejects a bad intake address, a zero escalation time and a misspelled key', () => {
    expect(failingFields({ ...valid, intakeEmail: 'intake' })).toEqual(['intakeEmail']);
    expect(failingFields({ ...valid, escalationMinutes: 0 })).toEqual(['escalationMinutes']);
    expect(failingFields(withAttorney((a) => Object.assign(a, { langauges: ['es'] })))).toEqual([
      'attorneys.0',
    ]);
  });

  it('rejects an id that is not kebab-case and an id used twice', () => {
    expect(failingFields(withAttorney((a) => Object.assign(a, { id: 'Ana Robles' })))).toEqual([
      'attorneys.0.id',
    ]);
    const twice = { ...valid, attorneys: [valid.attorneys[0], valid.attorneys[0]] };
    expect(failingFields(twice)).toEqual(['attorneys.1.id']);
  });

  it('rejects an attorney who covers nothing, a lowercase state and no languages', () => {
    expect(failingFields(withAttorney((a) => Object.assign(a, { coverage: {} })))).toEqual([
      'attorneys.0.coverage',
    ]);
    expect(
      failingFields(withAttorney((a) => Object.assign(a, { coverage: { states: ['ca'] } }))),
    ).toEqual(['attorneys.0.coverage.states.0']);
    expect(failingFields(withAttorney((a) => Object.assign(a, { languages: [] })))).toEqual([
      'attorneys.0.languages',
    ]);
  });
});

describe('parseRoster', () => {
  it('throws a RosterError whose message names each bad field', () => {
    const bad = withAttorney((a) => {
      delete a.email;
      a.dailyCap = -2;
    });
    expect(() => parseRoster(bad, 'prompts/roster.yaml')).toThrow(RosterError);
    expect(() => parseRoster(bad, 'prompts/roster.yaml')).toThrow(
      /prompts\/roster\.yaml is invalid:\n {2}attorneys\.0\.email: .+\n {2}attorneys\.0\.dailyCap: /,
    );
  });
});
