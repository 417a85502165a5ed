/**
 * The demo page and the embeddable widget. Their files are read once by the composition root
 * (functions/adapters/content-files.ts) and served from memory.
 */
import { Hono } from 'hono';

export interface WebAssets {
  demoHtml: string;
  widgetJs: string;
}

// The demo page loads only its own script and styles and talks only to its own origin.
const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function webRoutes(assets: WebAssets) {
  return new Hono()
    .get('/', (c) => {
      c.header('Content-Security-Policy', DEMO_CSP);
      c.header('Cache-Control', 'no-store');
      return c.html(assets.demoHtml);
    })
    .get('/widget.js', (c) => {
      c.header('Content-Type', 'application/javascript; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(assets.widgetJs);
    });
}
