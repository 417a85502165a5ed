/**
 * The funnel's and the conversations' models: what the charts and tables show, from the API's
 * JSON (`GET /api/staff/funnel`, `GET /api/staff/conversations`). Pure: no `document`.
 */
import { channelLabel, formatDateTime, languageLabel } from './format.js';
import { MEASURES, STEPS } from './words.js';

/** The stages a conversation goes through to a client retained, each a share of the first. */
export const STAGES = ['started', 'consented', 'qualified', 'accepted', 'retained'];
/** Where the conversations started stand now; together they are all of them. */
export const OUTCOMES = ['inProgress', 'qualified', 'referred', 'declined', 'abandoned'];
/** The columns of the tables, in the order of a conversation. */
export const COLUMNS = [
  'started',
  'consented',
  'inProgress',
  'qualified',
  'referred',
  'declined',
  'abandoned',
  'accepted',
  'retained',
  'remindersOn',
  'remindersSent',
  'remindersFailed',
  'remindersOptedOut',
];

const num = (v) => (Number.isFinite(v) && v > 0 ? v : 0);

/** "42%" of `of`, or "–" when there is nothing to take a share of. */
export function percent(n, of) {
  return num(of) ? `${Math.round((num(n) / of) * 100)}%` : '–';
}

/** 'Dec 7' for '2026-12-07' (a calendar day: no time zone can move it). */
export function formatDay(day, opts = {}) {
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return String(day ?? '');
  const at = new Date(`${day}T12:00:00Z`);
  const thisYear = String(opts.year ?? new Date().getUTCFullYear());
  return new Intl.DateTimeFormat(opts.locale, {
    month: 'short',
    day: 'numeric',
    year: day.startsWith(thisYear) ? undefined : 'numeric',
    timeZone: 'UTC',
  }).format(at);
}

export function measureLabel(key) {
  return Object.hasOwn(MEASURES, key) ? MEASURES[key] : String(key);
}

/** The step's words: the server's (the intake summary's label), the console's, or its id. */
export function stepName(step, labels) {
  const given = labels && Object.hasOwn(labels, step) ? labels[step] : '';
  if (given && given !== step) return given;
  return Object.hasOwn(STEPS, step) ? STEPS[step] : String(step ?? '');
}

/** `[{ key, label, value, share, percent }]` for `keys`, shares of `totals.started`. */
export function bars(totals, keys) {
  const started = num(totals?.started);
  return keys.map((key) => {
    const value = num(totals?.[key]);
    return {
      key,
      label: measureLabel(key),
      value,
      share: started ? Math.min(1, value / started) : 0,
      percent: percent(value, started),
    };
  });
}

/** The abandoned by the step they stopped at, the most first. */
export function abandonedSteps(totals, labels) {
  const at =
    totals?.abandonedAt && typeof totals.abandonedAt === 'object' ? totals.abandonedAt : {};
  return Object.entries(at)
    .map(([step, count]) => ({ step, label: stepName(step, labels), count: num(count) }))
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The per-day chart's columns and the busiest day. */
export function dayColumns(byDay, opts = {}) {
  const days = Array.isArray(byDay) ? byDay : [];
  const columns = days.map((d) => ({
    day: d.day,
    label: formatDay(d.day, opts),
    started: num(d.started),
    qualified: num(d.qualified),
  }));
  const busiest = columns.reduce((best, c) => (c.started > (best?.started ?? 0) ? c : best), null);
  return { columns, max: busiest?.started ?? 0, busiest };
}

/** The totals table: a row per measure, a column for all and for each channel and language. */
export function totalsTable(funnel) {
  const groups = [
    { key: 'all', counts: funnel?.totals },
    ...Object.entries(funnel?.byChannel ?? {}).map(([k, counts]) => ({
      key: `channel-${k}`,
      label: channelLabel(k),
      counts,
    })),
    ...Object.entries(funnel?.byLanguage ?? {}).map(([k, counts]) => ({
      key: `language-${k}`,
      label: languageLabel(k),
      counts,
    })),
  ];
  return {
    groups,
    rows: COLUMNS.map((key) => ({
      key,
      label: measureLabel(key),
      values: groups.map((g) => num(g.counts?.[key])),
    })),
  };
}

/** A conversation of the list in the console's words. */
export function conversationRow(c, opts = {}) {
  return {
    id: String(c?.conversationId ?? ''),
    waiting: c?.waiting === true,
    idle: c?.idle === true,
    step: stepName(c?.step, c?.stepLabel ? { [c.step]: c.stepLabel } : {}),
    channel: channelLabel(c?.channel),
    language: languageLabel(c?.language),
    startedAt: c?.startedAt || '',
    started: formatDateTime(c?.startedAt, opts),
    lastAt: c?.lastMessageAt || '',
    last: formatDateTime(c?.lastMessageAt, opts),
  };
}

/** `{ waiting, others }`: those waiting for a person, then the rest, each in the server's order. */
export function groupConversations(list) {
  const rows = Array.isArray(list) ? list : [];
  return {
    waiting: rows.filter((c) => c?.waiting === true),
    others: rows.filter((c) => c?.waiting !== true),
  };
}
