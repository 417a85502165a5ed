export interface LiveMessage {
  index: number;
  role: 'bot' | 'user' | 'staff';
  text: string;
  at: string;
  name: string;
}

export interface Holder {
  kind: 'ended' | 'free' | 'mine' | 'other';
  name: string;
  at: string;
  canRelease: boolean;
}

export const POLL_MS: number;
export const MESSAGE_MAX: number;
export function cleanMessage(m: unknown): LiveMessage | null;
export function mergeMessages(
  known: unknown[] | null | undefined,
  incoming: unknown[] | null | undefined,
): { messages: LiveMessage[]; added: LiveMessage[] };
export function nextAfter(messages: unknown[] | null | undefined): number;
export function isView(body: unknown): boolean;
export function isNewer(shownSeq: number | null | undefined, body: unknown): boolean;
export function holder(view: unknown, me: { email?: string; role?: string } | null): Holder;
export function deliveryNote(delivery: unknown): string;
export function refusal(r: { status: number; body?: unknown } | null): string | null;
export function sendsOnEnter(
  e: {
    key?: string;
    shiftKey?: boolean;
    isComposing?: boolean;
    keyCode?: number;
    altKey?: boolean;
  } | null,
): boolean;
