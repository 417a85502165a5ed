/**
 * A texter who writes "web" gets a one-time link; opening it in real Chromium goes on with the same
 * conversation in the web chat, at its pending question and with nothing answered before shown
 * (whoever holds the phone may not be the client), and the code leaves the address bar.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { sendSms } from '../helpers/sms';
import { launchBrowser } from './browser';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a one-time link from SMS, in the browser', () => {
  it('opens the texted conversation in the widget and goes on from there', async () => {
    const phone = '+12133734296';
    await sendSms(server, { from: phone, body: 'hola' });
    await sendSms(server, { from: phone, body: 'si' });
    const reply = await sendSms(server, { from: phone, body: 'web' });
    const code = /\?continue=(\S+)/.exec(reply.bodies.join('\n'))?.[1] ?? '';
    expect(code).not.toBe('');

    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/?continue=${code}`);
    // The embed takes the code out of the address bar and hands it to the chat in its frame.
    const chat = page.frameLocator('[data-testid="amparo-frame"]');
    const choices = chat.locator('[data-testid="amparo-choice"][data-value="court"]:enabled');
    await expect.poll(() => choices.count()).toBeGreaterThan(0);
    expect(await chat.getByTestId('amparo-msg-user').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('continue')).toBeNull();
    // The chat says why nothing from before is shown.
    expect(await chat.getByTestId('amparo-hidden').textContent()).toMatch(
      /mensaje de texto|text message/,
    );

    // The buttons of the pending question work in the browser.
    const sent = page.waitForResponse((r) => r.url().endsWith('/messages'));
    await choices.last().click();
    expect((await (await sent).json()).state.step).toBe('aboutSelf');
    await context.close();
  });
});
