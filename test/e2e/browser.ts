/**
 * Launches the headless Chromium the end-to-end checks drive. `CHROMIUM_PATH` points at a local
 * Chrome/Chromium; otherwise @sparticuz/chromium unpacks its own build (no system install needed).
 */
import { type Browser, chromium } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  const sparticuz = (await import('@sparticuz/chromium')).default;
  const executablePath = process.env.CHROMIUM_PATH ?? (await sparticuz.executablePath());
  return chromium.launch({
    executablePath,
    // Its flags are tuned for Lambda; --single-process there makes closing one context kill the
    // whole browser, and the tests open a fresh context per case.
    args: sparticuz.args.filter((arg) => arg !== '--single-process'),
    headless: true,
  });
}
