export interface CallResult {
  status: number;
  body: unknown;
  retryAfter: number;
}

export function call(method: string, path: string, body?: unknown): Promise<CallResult | null>;
export function explain(r: { status: number; body?: unknown; retryAfter?: number } | null): {
  kind: 'signin' | 'forbidden' | 'missing' | 'error';
  message: string;
  retry: boolean;
};
