/**
 * The staff console as one part of the app (functions/http/app.ts AppPart): its page and assets
 * (GET /console, /console.js, /console.css, under their own strict CSP), the emailed sign-in link
 * (/console/sign-in) and its API (/api/staff: staff.ts, staff-reports.ts, staff-conversations.ts,
 * staff-reminders.ts).
 * Mounted by the local server and by the staff Lambda (functions/lambda/staff.ts); the clients'
 * API function does not carry it.
 */
import type { Hono } from 'hono';
import type { AppDeps } from './app';
import { staffRoutes } from './staff';
import { staffConflictRoutes } from './staff-conflicts';
import { staffConversationRoutes } from './staff-conversations';
import { staffExportRoutes } from './staff-exports';
import { staffReminderRoutes } from './staff-reminders';
import { staffReportRoutes } from './staff-reports';

/**
 * The console page's policy: its own script and styles only, talking only to this origin, never
 * framed, no inline script or style.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function consoleRoutes(app: Hono, deps: AppDeps): void {
  const { assets } = deps;
  app
    .get('/console', (c) => {
      c.header('Content-Security-Policy', CONSOLE_CSP);
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      c.header('X-Robots-Tag', 'noindex');
      return c.html(assets.consoleHtml);
    })
    .get('/console.js', (c) => {
      c.header('Content-Type', 'application/javascript; charset=utf-8');
      c.header('Cache-Control', 'no-cache');
      return c.body(assets.consoleJs);
    })
    .get('/console.css', (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', 'no-cache');
      return c.body(assets.consoleCss);
    });
  if (!deps.staff) return;
  const staff = staffRoutes(deps.staff);
  app.route('/api/staff', staff.api);
  app.route('/api/staff', staffReportRoutes(deps.staff));
  const conflicts = deps.leads?.conflicts;
  if (conflicts) app.route('/api/staff', staffConflictRoutes(deps.staff, conflicts));
  app.route('/api/staff', staffReminderRoutes(deps.staff));
  app.route('/api/staff', staffExportRoutes(deps.staff));
  if (deps.staffLive) {
    app.route(
      '/api/staff',
      staffConversationRoutes({ auth: deps.staff.auth, live: deps.staffLive }),
    );
  }
  app.route('/console', staff.console);
}
