/**
 * Routing (DOMAIN.md "Routing"): which attorney a lead goes to, and why, from the roster and
 * today's counts. Pure and deterministic: the roster, the counts, the turn and the clock come in.
 *
 * The rules, in DOMAIN.md's order, split into what an attorney must meet to take the lead at all
 * and what makes one a better fit, so a preference never sends a lead to the intake team while
 * someone able to take it is free:
 * 1. Must: not already offered this lead (`exclude`, for an emergency re-offered after the
 *    escalation time).
 * 2. Must: speak the client's language, or have interpreter access.
 * 3. Must: cover the lead's facility, court or state (skipped when the lead names none of them:
 *    an unreadable location is not a reason to lose a lead, as in the service-area check).
 * 4. Must: be under today's cap.
 * 5. Prefer: who speaks the language over who needs an interpreter ("else one with interpreter
 *    access" applies once no speaker is left after 2–4, not only when no one on the roster speaks it).
 * 6. Prefer: the most specific coverage (facility, then court, then state).
 * 7. Prefer: the top flag's focus (`FLAG_FOCUS`); when no one left has it, the next flag's focus,
 *    and so on; when no flag's focus is held by anyone left, focus is not applied. A focused
 *    attorney at their cap therefore yields to one with room, rather than the lead waiting.
 * 8. Prefer: a `crimmigration` focus when criminalHistory = yes (a second preference).
 * 9. The fewest new leads today; ties in turn (round robin over the roster's order, starting after
 *    `lastAssigned`; the caller stores each decision's `attorneyId` as the next `lastAssigned`).
 * Emergencies also go to the roster's on-call address. No one left: the intake team's address.
 */
import type { Facts } from '../facts';
import type { RoutingDecision } from '../leads/lead';
import { FLAG_PRIORITY, type FlagId, type Urgency } from '../screening/screening';
import { COVERAGE_LEVELS, coverageLevel, describePlaces, placesOf } from './coverage';
import { FLAG_FOCUS } from './focus';
import { languageLabel, speaks } from './language';
import type { Attorney, Roster } from './roster';

export { COVERAGE_LEVELS, type CoverageLevel, type Places, placesOf } from './coverage';
export { FLAG_FOCUS } from './focus';
export { languageKey, speaks } from './language';

/** What routing reads of a lead. */
export interface RoutingInput {
  facts: Facts;
  urgency: Urgency;
  /** In `FLAG_PRIORITY` order (re-sorted here all the same); the first is the top flag. */
  flags: readonly { id: FlagId }[];
  /** 'en', 'es' or another language as the client named it (the lead's `language`). */
  language: string;
}

/** The state of the day the decision depends on, kept by the caller. */
export interface RoutingContext {
  /** ISO time of the decision; becomes its `at`. */
  now: string;
  /** New leads each attorney got today, by attorney id; a missing id counts as 0. */
  countsToday: Readonly<Record<string, number>>;
  /** The attorney the previous lead went to (any lead), or null at the start: the turn marker. */
  lastAssigned: string | null;
  /** Attorneys not to offer this lead again (those it was offered to and did not accept). */
  exclude?: readonly string[];
}

const list = (attorneys: readonly Attorney[]): string => attorneys.map((a) => a.name).join(', ');
const countOf = (context: RoutingContext, a: Attorney): number => context.countsToday[a.id] ?? 0;
const priority = (id: FlagId): number => (FLAG_PRIORITY as readonly FlagId[]).indexOf(id);

/** The one after `lastAssigned` in the roster's order, wrapping round; the first if none. */
function nextInTurn(tied: readonly Attorney[], roster: Roster, last: string | null): Attorney {
  const order = (a: Attorney) => roster.attorneys.findIndex((b) => b.id === a.id);
  const lastIndex = roster.attorneys.findIndex((a) => a.id === last);
  const sorted = [...tied].sort((a, b) => order(a) - order(b));
  return sorted.find((a) => order(a) > lastIndex) ?? (sorted[0] as Attorney);
}

/** Rules 7–8: the focus of the first flag someone left holds, then crimmigration. */
function preferFocus(pool: Attorney[], input: RoutingInput, reasons: string[]): Attorney[] {
  const flags = [...input.flags].sort((a, b) => priority(a.id) - priority(b.id));
  const [top] = flags;
  if (!top) reasons.push('No relief flags: focus not applied.');
  else {
    const match = flags.find(({ id }) => pool.some((a) => a.focus.includes(FLAG_FOCUS[id])));
    const topFocus = `${FLAG_FOCUS[top.id]} (top flag ${top.id})`;
    if (!match) {
      reasons.push(
        `No attorney left has focus ${topFocus} or any other flag's: focus not applied.`,
      );
    } else {
      const focus = FLAG_FOCUS[match.id];
      pool = pool.filter((a) => a.focus.includes(focus));
      reasons.push(
        FLAG_FOCUS[match.id] === FLAG_FOCUS[top.id]
          ? `Focus ${topFocus}: ${list(pool)}.`
          : `No attorney left has focus ${topFocus}; next flag ${match.id} needs ${focus}: ${list(pool)}.`,
      );
    }
  }
  if (input.facts.criminalHistory === 'yes') {
    const crimmigration = pool.filter((a) => a.focus.includes('crimmigration'));
    if (crimmigration.length === 0) {
      reasons.push('Criminal history: no one left has a crimmigration focus.');
    } else {
      pool = crimmigration;
      reasons.push(`Criminal history: crimmigration focus: ${list(pool)}.`);
    }
  }
  return pool;
}

/**
 * Routes a lead to one attorney (or the intake team), with the reasons rule by rule. See the
 * file header for the rules and the judgement calls.
 *
 * @example
 * // With prompts/roster.example.yaml: Ana Robles speaks Spanish, visits Otay Mesa, focus detained.
 * route(
 *   { facts: { detained: 'yes', facility: 'Otay Mesa Detention Center' }, urgency: 'emergency',
 *     flags: [{ id: 'bond' }], language: 'es' },
 *   roster,
 *   { now: '2026-11-25T08:00:00Z', countsToday: {}, lastAssigned: null },
 * );
 * // → { attorneyId: 'ana-robles', to: ['ana.robles@example.com', 'oncall@example.com'],
 * //     reasons: [
 * //       'Language Spanish: spoken by Ana Robles, Lucía Ferreira, Sofía Quintero; through an
 * //         interpreter: Marcus Whitfield; neither: Daniel Okonkwo.',
 * //       'Location (facility "Otay Mesa Detention Center"): covered by Ana Robles (facility);
 * //         not by Marcus Whitfield, Lucía Ferreira, Sofía Quintero.',
 * //       'Daily cap: room for Ana Robles (0 of 4 today).',
 * //       'Focus detained (top flag bond): Ana Robles.',
 * //       'Fewest new leads today (0): Ana Robles.',
 * //       'Goes to Ana Robles.',
 * //       'Emergency: also sent to the on-call address oncall@example.com (on call: Ana Robles).
 * //         If no one accepts it within 30 minutes, it is offered to the next matching attorney
 * //         and the on-call address again (paged at most once an hour for one conversation or
 * //         address).'],
 * //     at: '2026-11-25T08:00:00Z' }
 */
export function route(
  input: RoutingInput,
  roster: Roster,
  context: RoutingContext,
): RoutingDecision {
  const reasons: string[] = [];
  const emergency = input.urgency === 'emergency';
  const why: string[] = [];
  const decide = (attorney: Attorney | null): RoutingDecision => {
    const to = attorney ? [attorney.email] : [roster.intakeEmail];

    if (emergency) {
      if (!to.includes(roster.onCallEmail)) to.push(roster.onCallEmail);
      const onCall = roster.attorneys.filter((a) => a.onCall);
      reasons.push(
        `Emergency: also sent to the on-call address ${roster.onCallEmail}` +
          (onCall.length ? ` (on call: ${list(onCall)})` : '') +
          `. If no one accepts it within ${roster.escalationMinutes} minutes, it is offered to the ` +
          'next matching attorney, and the on-call address again (paged at most once an hour for ' +
          'one conversation or address).',
      );
    }
    const because = `${attorney ? attorney.name : 'the intake team'}: ${why.join(', ')}`;
    return { attorneyId: attorney?.id ?? null, to, reasons, because, at: context.now };
  };
  const noMatch = (reason: string): RoutingDecision => {
    reasons.push(`No attorney matched (${reason}), so it goes to the intake team.`);
    why.push(`no attorney matched (${reason})`);
    return decide(null);
  };

  // 1. Not already offered.
  let pool = [...roster.attorneys];
  if (pool.length === 0) return noMatch('the roster lists no attorneys');
  const excluded = new Set(context.exclude ?? []);
  const offered = pool.filter((a) => excluded.has(a.id));
  if (offered.length) {
    pool = pool.filter((a) => !excluded.has(a.id));
    reasons.push(`Re-offered: not to ${list(offered)}, who already had it.`);
    if (pool.length === 0) return noMatch('every attorney was already offered it');
  }

  // 2. Language, or interpreter access.
  // Not given (a lead should always carry one): everyone counts as speaking it, nothing is lost.
  const given = input.language.trim() !== '';
  const label = given ? languageLabel(input.language) : 'not given';
  const speakers = pool.filter((a) => !given || speaks(a.languages, input.language));
  const interpreted = pool.filter((a) => !speakers.includes(a) && a.interpreterAccess);
  const unable = pool.filter((a) => !speakers.includes(a) && !interpreted.includes(a));
  reasons.push(
    given
      ? `Language ${label}: ${speakers.length ? `spoken by ${list(speakers)}` : 'spoken by no one'}` +
          (interpreted.length ? `; through an interpreter: ${list(interpreted)}` : '') +
          (unable.length ? `; neither: ${list(unable)}` : '') +
          '.'
      : 'Language not given, so it is not checked.',
  );
  pool = pool.filter((a) => speakers.includes(a) || interpreted.includes(a));
  if (pool.length === 0) return noMatch(`no one speaks ${label} or has interpreter access`);

  // 3. Coverage.
  const places = placesOf(input.facts);
  const level = new Map(pool.map((a) => [a, coverageLevel(a, places)]));
  if (Object.keys(places).length === 0) {
    reasons.push('Location: no state, facility or court given, so coverage is not checked.');
  } else {
    const covered = pool.filter((a) => level.get(a));
    const notCovered = pool.filter((a) => !level.get(a));
    reasons.push(
      `Location (${describePlaces(places)}): ` +
        (covered.length
          ? `covered by ${covered.map((a) => `${a.name} (${level.get(a)})`).join(', ')}`
          : 'covered by no one') +
        (notCovered.length ? `; not by ${list(notCovered)}` : '') +
        '.',
    );
    pool = covered;
    if (pool.length === 0) return noMatch('no one left covers the location');
  }

  // 4. Daily cap.
  const usage = (a: Attorney) => `${a.name} (${countOf(context, a)} of ${a.dailyCap} today)`;
  const room = pool.filter((a) => countOf(context, a) < a.dailyCap);
  const full = pool.filter((a) => !room.includes(a));
  reasons.push(
    'Daily cap: ' +
      (room.length ? `room for ${room.map(usage).join(', ')}` : 'no one has room') +
      (full.length ? `; full: ${full.map(usage).join(', ')}` : '') +
      '.',
  );
  pool = room;
  if (pool.length === 0) return noMatch('no one left has room under the daily cap');

  // 5. Speakers before interpreters.
  if (!pool.some((a) => speakers.includes(a))) {
    reasons.push(`No one left speaks ${label}: the consultation needs an interpreter.`);
  } else if (pool.some((a) => !speakers.includes(a))) {
    pool = pool.filter((a) => speakers.includes(a));
    reasons.push(`Speaks ${label} (preferred to an interpreter): ${list(pool)}.`);
  }

  // 6. Most specific coverage.
  const best = COVERAGE_LEVELS.find((l) => pool.some((a) => level.get(a) === l));
  if (best && pool.some((a) => level.get(a) !== best)) {
    pool = pool.filter((a) => level.get(a) === best);
    reasons.push(`Closest coverage (the ${best}): ${list(pool)}.`);
  }

  // 7–8. Focus.
  pool = preferFocus(pool, input, reasons);

  // 9. Fewest today, ties in turn.
  const fewest = Math.min(...pool.map((a) => countOf(context, a)));
  pool = pool.filter((a) => countOf(context, a) === fewest);
  reasons.push(`Fewest new leads today (${fewest}): ${list(pool)}.`);
  const chosen = nextInTurn(pool, roster, context.lastAssigned);
  if (given)
    why.push(speakers.includes(chosen) ? `speaks ${label}` : `has an interpreter for ${label}`);
  const covers = level.get(chosen);
  if (covers) why.push(`covers ${describePlaces(places)}`);
  const focus = input.flags.map((f) => FLAG_FOCUS[f.id]).find((f) => chosen.focus.includes(f));
  if (focus) why.push(`focus ${focus}`);
  why.push(`fewest new leads today (${fewest})`);
  if (pool.length > 1) {
    const last = roster.attorneys.find((a) => a.id === context.lastAssigned);
    reasons.push(
      `Tie broken in turn: ${chosen.name} is next after ${last ? last.name : 'the start of the roster'}.`,
    );
  }
  reasons.push(`Goes to ${chosen.name}.`);
  return decide(chosen);
}

/**
 * When an emergency lead routed at `at` is offered again if nobody accepted it: the caller then
 * calls `route` with the attorneys already offered in `exclude`.
 *
 * @example escalationDueAt('2026-11-25T08:00:00.000Z', roster) // '2026-11-25T08:30:00.000Z'
 */
export function escalationDueAt(at: string, roster: Pick<Roster, 'escalationMinutes'>): string {
  return new Date(Date.parse(at) + roster.escalationMinutes * 60_000).toISOString();
}
