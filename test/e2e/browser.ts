/**
 * Launches the headless Chromium the end-to-end checks drive. `CHROMIUM_PATH` points at a local
 * Chrome/Chromium; otherwise @sparticuz/chromium unpacks its own build (no system install needed).
 */
import { type Browser, chromium, type Page } from 'playwright-core';

const DROPPED = [
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--disable-features=AudioServiceOutOfProcess,IsolateOrigins,site-per-process',
];

export async function launchBrowser(): Promise<Browser> {
  const sparticuz = (await import('@sparticuz/chromium')).default;
  const executablePath = process.env.CHROMIUM_PATH ?? (await sparticuz.executablePath());
  return chromium.launch({
    executablePath,
    // Its flags are tuned for Lambda; --single-process there makes closing one context kill the
    // whole browser, and the tests open a fresh context per case. The ones that turn off the
    // same-origin policy and site isolation go too: the tests check what a page of one site can
    // read of another's (test/privacy/embed.test.ts), as in a browser people use.
    args: sparticuz.args.filter((arg) => !DROPPED.some((flag) => arg.startsWith(flag))),
    headless: true,
  });
}

/**
 * A page in a fresh context at `width` × 844 whose errors (a CSP refusal, an exception; not the
 * failed statuses a test causes on purpose) are pushed into `problems`.
 */
export async function watchedPage(
  browser: Browser,
  width: number,
  problems: string[],
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 844 } });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return page;
}
