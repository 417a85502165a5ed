/**
 * The staff console's Lambda (functions/http/console.ts): the console page, its sign-in link and
 * /api/staff, on the same app and dependencies as the clients' API function (http-function.ts),
 * which does not carry the console. CloudFront and API Gateway send /console* and /api/staff/*
 * here (infra/amparo-stack.ts). It alone carries the conflict check's upload.
 */
import { loadBundledNameTables } from '../adapters/conflicts-bundle';
import { buildConflictChecker } from '../deps';
import { consoleRoutes } from '../http/console';
import { leadLinkPart } from '../http/leads';
import { httpFunction } from './http-function';

// The console's conflict list (its upload and summary): the names beside the bundle, the list in
// the table (no CONFLICTS_FILE on Lambda).
export const handler = await httpFunction(
  [consoleRoutes, leadLinkPart],
  (client, tableName, contentDir) =>
    buildConflictChecker({
      client,
      tableName,
      rows: [],
      tables: loadBundledNameTables(contentDir),
    }),
);
