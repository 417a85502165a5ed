/**
 * A person of the firm joins a web chat from the console, seen from the client's side: the real
 * server, the demo page's widget in real Chromium, the console's API. Their words appear in the
 * widget within 5 seconds with their name, the client's reply reaches the console unanswered by
 * the assistant, and after the release the assistant asks its question again.
 */
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { signInAs, staffApi } from '../helpers/staff';
import { launchBrowser } from './browser';

let server: TestServer;
let browser: Browser;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  cookie = await signInAs(server, 'ana.robles@example.com');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const chat = (page: Page) => page.frameLocator('[data-testid="amparo-frame"]');

describe('live takeover in the widget', () => {
  it('shows the firm’s person within 5 seconds, and hands back to the assistant', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const created = page.waitForResponse(
      (r: Response) =>
        r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/conversations',
    );
    await page.goto(`${server.url}/`);
    const { conversationId } = (await (await created).json()) as { conversationId: string };
    const input = chat(page).getByTestId('amparo-input');
    await input.fill('yes');
    await input.press('Enter');
    await expect.poll(() => chat(page).getByTestId('amparo-msg-user').count()).toBe(1);

    expect(
      (await staffApi(server, cookie, `/conversations/${conversationId}/takeover`, { body: {} }))
        .status,
    ).toBe(200);
    await chat(page)
      .getByText(/Ana Robles, from .+ has joined this conversation/)
      .waitFor({ timeout: 5_000 });

    const sent = Date.now();
    await staffApi(server, cookie, `/conversations/${conversationId}/messages`, {
      body: { text: 'Hi, I am Ana, an attorney here. Is your husband detained now?' },
    });
    const staff = chat(page).getByTestId('amparo-msg-staff');
    await staff
      .getByText('Is your husband detained now?', { exact: false })
      .waitFor({ timeout: 5_000 });
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(await chat(page).locator('.amparo-msg--staff .amparo-name').textContent()).toBe(
      'Ana Robles',
    );
    expect(await chat(page).locator('.amparo-msg--staff .amparo-sr').textContent()).toBe(
      'Someone from the firm said:',
    );

    const bots = await chat(page).getByTestId('amparo-msg-bot').count();
    await input.fill('Yes, since this morning, at Otay Mesa');
    await input.press('Enter');
    await expect
      .poll(async () => {
        const live = await (
          await staffApi(server, cookie, `/conversations/${conversationId}`)
        ).json();
        return live.messages.at(-1)?.text;
      })
      .toBe('Yes, since this morning, at Otay Mesa');
    // The assistant stayed quiet.
    expect(await chat(page).getByTestId('amparo-msg-bot').count()).toBe(bots);

    await staffApi(server, cookie, `/conversations/${conversationId}/release`, { body: {} });
    await chat(page)
      .getByText(/Ana Robles has left the conversation/)
      .waitFor({ timeout: 5_000 });
    await expect
      .poll(() => chat(page).getByTestId('amparo-msg-bot').count())
      .toBeGreaterThan(bots + 1);
    await context.close();
  });
});
