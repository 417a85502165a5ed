/**
 * The firm's conflict list in the console (API.md "Outbound integrations", issue 19): an admin
 * uploads it (`PUT /api/staff/conflicts`, the CSV as `text/csv`, or `{"rows": [...]}` as JSON)
 * and it takes precedence over CONFLICTS_FILE; anyone signed in reads how many names it has and
 * who uploaded it when (`GET`). A bad CSV is a 400 naming the line, and nothing changes.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { ConflictRowSchema } from '../core/conflicts/conflicts';
import { ConflictCsvError, MAX_CONFLICT_ROWS, parseConflictCsv } from '../core/conflicts/csv';
import type { ConflictChecker } from '../core/conflicts/source';
import { validated } from './body';
import { errorBody, RequestError } from './errors';
import { type StaffEnv, type StaffRouteDeps, signedIn } from './staff';

const RowsSchema = z.strictObject({ rows: z.array(ConflictRowSchema).max(MAX_CONFLICT_ROWS) });

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function staffConflictRoutes(deps: StaffRouteDeps, conflicts: ConflictChecker) {
  return new Hono<StaffEnv>()
    .get('/conflicts', signedIn(deps.auth), async (c) => c.json(await conflicts.summary()))
    .put('/conflicts', signedIn(deps.auth), async (c) => {
      const me = c.get('member');
      if (me.role !== 'admin') {
        return c.json(errorBody('forbidden', 'Only an admin can upload the conflict list.'), 403);
      }
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch (cause) {
        throw new RequestError(400, 'invalid_request', 'The list is not UTF-8 text.', { cause });
      }
      let rows: z.infer<typeof RowsSchema>['rows'];
      if (/^application\/json\s*(;|$)/.test(type)) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (cause) {
          throw new RequestError(400, 'invalid_json', 'The body is not valid JSON.', { cause });
        }
        rows = validated(RowsSchema, value, 'body').rows;
      } else if (/^text\/(csv|plain)\s*(;|$)/.test(type)) {
        try {
          rows = parseConflictCsv(text);
        } catch (error) {
          if (error instanceof ConflictCsvError) {
            throw new RequestError(400, 'invalid_request', error.message, { cause: error });
          }
          throw error;
        }
      } else {
        throw new RequestError(
          415,
          'unsupported_media_type',
          'Send the list as text/csv (name,role,matter) or application/json {"rows": [...]}.',
        );
      }
      const at = deps.leads.now().toISOString();
      const summary = await conflicts.replace(rows, { by: me.email, at });
      await deps.auth.staff.audit({
        at,
        by: me.email,
        action: 'conflicts-upload',
        detail: `${rows.length} names`,
      });
      return c.json(summary);
    });
}
