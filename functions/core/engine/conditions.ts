import { addYears, ageOn, partialDateRange } from '../calendar';
import type { Condition } from '../flow';

/** What a condition may need beyond the answers: the firm's service area. */
export interface ConditionEnv {
  outsideServiceArea?: (answers: Record<string, unknown>) => boolean;
}

/**
 * Evaluates a flow condition against the answers so far. A condition on a step that has no
 * answer is false (except `answered: false` and `isNot`, which hold for a missing answer), so a
 * question that depends on an unanswered one is not asked.
 *
 * @example holds({ step: 'detained', is: 'yes' }, { detained: 'yes' }, '2026-11-25') // true
 */
export function holds(
  cond: Condition,
  answers: Record<string, unknown>,
  today: string,
  env: ConditionEnv = {},
): boolean {
  if ('all' in cond) return cond.all.every((c) => holds(c, answers, today, env));
  if ('any' in cond) return cond.any.some((c) => holds(c, answers, today, env));
  if ('not' in cond) return !holds(cond.not, answers, today, env);
  if ('outsideServiceArea' in cond) return env.outsideServiceArea?.(answers) ?? false;
  const value = answers[cond.step];
  if ('answered' in cond) return (value !== undefined) === cond.answered;
  if ('is' in cond) return matches(value, cond.is);
  if ('isNot' in cond) return !matches(value, cond.isNot);
  if ('includesAny' in cond) {
    return Array.isArray(value) && value.some((v) => cond.includesAny.includes(String(v)));
  }
  if ('atLeastYearsAgo' in cond) {
    const range = dateRange(value, today);
    return range !== undefined && addYears(range.latest, cond.atLeastYearsAgo) <= today;
  }
  if ('underYearsAgo' in cond) {
    const range = dateRange(value, today);
    return range !== undefined && addYears(range.earliest, cond.underYearsAgo) > today;
  }
  // ageUnder: only a full date can say how old someone is today.
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    ageOn(value, today) < cond.ageUnder
  );
}

/** The days a stored (possibly partial) date can stand for, or undefined for anything else. */
function dateRange(value: unknown, today: string) {
  if (typeof value !== 'string') return undefined;
  const range = partialDateRange(value);
  return range && range.earliest <= today ? range : undefined;
}

function matches(value: unknown, expected: string | string[]): boolean {
  if (typeof value !== 'string') return false;
  return Array.isArray(expected) ? expected.includes(value) : value === expected;
}
