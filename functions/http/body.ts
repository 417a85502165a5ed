/**
 * Reading JSON bodies the way API.md requires: UTF-8 JSON only (415 otherwise), at most 16 KiB
 * (413), valid JSON (400), and a zod schema whose failure names the field (400).
 */
import type { Context } from 'hono';
import type * as z from 'zod';
import { RequestError } from './errors';

export const MAX_BODY_BYTES = 16 * 1024;
/**
 * The conflict list an admin uploads (PUT /api/staff/conflicts): thousands of names, so a limit of
 * its own (an addition to API.md's 16 KiB; API Gateway and Lambda take 6 MB).
 */
export const MAX_LIST_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
  options: { allowEmpty?: boolean } = {},
): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) {
    throw new RequestError(413, 'payload_too_large', `The body is over ${MAX_BODY_BYTES} bytes.`);
  }
  let value: unknown = {};
  if (bytes.byteLength > 0 || !options.allowEmpty) {
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new RequestError(415, 'unsupported_media_type', 'Send the body as application/json.');
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch (cause) {
      throw new RequestError(400, 'invalid_json', 'The body is not valid UTF-8.', { cause });
    }
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new RequestError(400, 'invalid_json', 'The body is not valid JSON.', { cause });
    }
  }
  return validated(schema, value, 'body');
}

/**
 * Parses `value` with `schema`, or throws the 400 of API.md whose message names the field
 * ("text: must not be empty"); `where` names the whole input ('body', 'query').
 */
export function validated<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: string,
): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : where;
  const message =
    issue?.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue?.message;
  throw new RequestError(400, 'invalid_request', `${field}: ${message ?? 'invalid'}`);
}
