import type { DateOptions } from './types';

export function formatDateTime(iso: string | null | undefined, opts?: DateOptions): string;
export function statusLabel(s: unknown): string;
export function urgencyInfo(u: unknown): { level: string; label: string; icon: string };
export function flagLabel(id: unknown): string;
export function channelLabel(c: unknown): string;
export function offerLabel(o: unknown): string;
export function roleLabel(r: unknown): string;
export function languageLabel(code: unknown): string;
export function conflictText(c: unknown): string;
