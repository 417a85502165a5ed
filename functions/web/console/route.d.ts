import type { Filters } from './types';

export const FILTER_KEYS: readonly (keyof Filters)[];
export function cleanFilters(raw: unknown): Filters;
export function hasFilters(filters: Filters): boolean;
export function boardHash(filters: Filters): string;
export function leadHash(id: string): string;
export interface Range {
  from?: string;
  to?: string;
}
export function parseHash(
  hash: string | null | undefined,
):
  | { screen: 'board'; filters: Filters }
  | { screen: 'lead'; id: string }
  | { screen: 'funnel'; range: Range }
  | { screen: 'conversations'; waiting: boolean }
  | { screen: 'conversation'; id: string };
export function cleanRange(raw: unknown): Range;
export function funnelHash(range: Range): string;
export function funnelPath(range: Range): string;
export function conversationsHash(waiting: boolean): string;
export function conversationsPath(waiting: boolean): string;
export function conversationHash(id: string): string;
export function conversationPath(
  id: string,
  opts?: { after?: number; action?: 'takeover' | 'messages' | 'release' },
): string;
export function leadsPath(filters: Filters, cursor?: string | null): string;
export function leadPath(id: string): string;
