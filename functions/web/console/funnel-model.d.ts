import type { DateOptions } from './types';

export interface Bar {
  key: string;
  label: string;
  value: number;
  share: number;
  percent: string;
}

export interface ConversationRow {
  id: string;
  waiting: boolean;
  idle: boolean;
  step: string;
  channel: string;
  language: string;
  startedAt: string;
  started: string;
  lastAt: string;
  last: string;
}

type Counts = Record<string, unknown>;

export const STAGES: readonly string[];
export const OUTCOMES: readonly string[];
export const COLUMNS: readonly string[];
export function percent(n: unknown, of: unknown): string;
export function formatDay(day: unknown, opts?: { locale?: string; year?: number }): string;
export function measureLabel(key: string): string;
export function stepName(step: unknown, labels?: Record<string, string> | null): string;
export function bars(totals: Counts | null | undefined, keys: readonly string[]): Bar[];
export function abandonedSteps(
  totals: Counts | null | undefined,
  labels?: Record<string, string> | null,
): { step: string; label: string; count: number }[];
export function dayColumns(
  byDay: unknown,
  opts?: { locale?: string; year?: number },
): {
  columns: { day: string; label: string; started: number; qualified: number }[];
  max: number;
  busiest: { day: string; label: string; started: number; qualified: number } | null;
};
export function totalsTable(funnel: unknown): {
  groups: { key: string; label?: string; counts: Counts }[];
  rows: { key: string; label: string; values: number[] }[];
};
export function conversationRow(c: unknown, opts?: DateOptions): ConversationRow;
export function groupConversations<T>(list: T[] | null | undefined): { waiting: T[]; others: T[] };
