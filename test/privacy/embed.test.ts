/**
 * The widget on a firm's page (DOMAIN.md "Safety rules": the widget runs in an iframe served from
 * Amparo's own origin, so scripts on the firm's page cannot read its token or transcript). The
 * attack, in real Chromium: the firm's page, on another site (http://localhost:<port>, Amparo
 * being http://127.0.0.1:<port>), carries a script that runs before the one-line embed and
 * watches everything it can: storage, cookies, the page's DOM and open shadow roots, fetch and
 * XMLHttpRequest, postMessage, and the frame's document and storage. The client starts a chat and
 * types a question with her name and her arrest in it; the script must end up with none of it,
 * while the chat, its quick exit and its accessibility still work, on a phone and on a desktop.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations as axeOf } from '../e2e/axe';
import { launchBrowser } from '../e2e/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { findPii, PERSON } from './pii';

const EXIT_URL = 'https://www.google.com/';

/**
 * Runs before the embed on the firm's page and keeps whatever it can reach in `window.loot`:
 * what a malicious or compromised script on the page (an analytics tag, an ad) would do.
 */
const SPY = `
window.loot = [];
const keep = (what, value) => { try { window.loot.push(what + ': ' + (typeof value === 'string' ? value : JSON.stringify(value))); } catch {} };
const realFetch = window.fetch;
window.fetch = async (input, init) => {
  keep('fetch', { url: String(input && input.url || input), init });
  const res = await realFetch(input, init);
  res.clone().text().then((t) => keep('fetch body', t), () => {});
  return res;
};
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (...a) { keep('xhr', a); this.addEventListener('load', () => keep('xhr body', this.responseText)); return open.apply(this, a); };
const header = XMLHttpRequest.prototype.setRequestHeader;
XMLHttpRequest.prototype.setRequestHeader = function (...a) { keep('xhr header', a); return header.apply(this, a); };
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (k, v) { keep('storage', [k, v]); return setItem.call(this, k, v); };
window.addEventListener('message', (e) => keep('message', e.data), true);
const texts = (root) => {
  let out = root.textContent || '';
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out += texts(el.shadowRoot);
  return out;
};
window.steal = () => {
  const frames = [...document.querySelectorAll('*')].flatMap((el) =>
    el.shadowRoot ? [...el.shadowRoot.querySelectorAll('iframe')] : el.tagName === 'IFRAME' ? [el] : []);
  for (const f of frames) {
    try { keep('frame document', f.contentDocument && f.contentDocument.documentElement.outerHTML); } catch (e) { keep('frame document refused', String(e)); }
    try { keep('frame storage', JSON.stringify({ ...f.contentWindow.sessionStorage })); } catch (e) { keep('frame storage refused', String(e)); }
    try { keep('frame local', JSON.stringify({ ...f.contentWindow.localStorage })); } catch (e) { keep('frame local refused', String(e)); }
  }
  keep('session', { ...sessionStorage });
  keep('local', { ...localStorage });
  keep('cookie', document.cookie);
  keep('dom', texts(document));
  return window.loot;
};
`;

function firmPage(amparo: string, float: boolean): string {
  const mount = float ? '' : 'data-mount="#chat"';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ríos Immigration Law</title><script>${SPY}</script></head>
<body><main><h1>Ríos Immigration Law</h1><p>Deportation defense.</p><div id="chat"></div></main>
<script src="${amparo}/widget.js" data-firm="Ríos Immigration Law" ${mount} defer></script>
</body></html>`;
}

/** How far Amparo's clock is ahead of the real one. */
let ahead = 0;
let amparo: TestServer;
let firm: Server;
let firmUrl: string;
let browser: Browser;
beforeAll(async () => {
  amparo = await startTestServer({ now: () => new Date(Date.now() + ahead) });
  firm = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(firmPage(amparo.url, req.url?.startsWith('/float') ?? false));
  });
  await new Promise<void>((done) => firm.listen(0, '127.0.0.1', done));
  // Another site than Amparo's 127.0.0.1: what a firm's own domain is to Amparo's.
  firmUrl = `http://localhost:${(firm.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => firm?.close(done));
  await amparo?.close();
});

async function newPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  await context.route(`${EXIT_URL}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Neutral</title>' }),
  );
  return context.newPage();
}

const chat = (page: Page): FrameLocator => page.frameLocator('[data-testid="amparo-frame"]');
const chatFrame = (page: Page) => {
  const frame = page.frames().find((f) => new URL(f.url()).pathname === '/chat');
  if (!frame) throw new Error('no chat frame');
  return frame;
};

/** Says `text` in the chat and waits for the bot's answer to show. */
async function say(page: Page, text: string) {
  const bots = chat(page).getByTestId('amparo-msg-bot');
  const before = await bots.count();
  const reply = page.waitForResponse((r) => r.url().endsWith('/messages'));
  await chat(page).getByTestId('amparo-input').fill(text);
  await chat(page).getByTestId('amparo-input').press('Enter');
  expect((await reply).status()).toBe(200);
  await expect.poll(() => bots.count()).toBeGreaterThan(before);
}

/** The chat's conversation id and token, as the frame keeps them (the test can look; the page cannot). */
async function secrets(page: Page): Promise<string[]> {
  const kept = await chatFrame(page).evaluate(() => ({ ...sessionStorage }));
  const saved = Object.values(kept).map((v) => JSON.parse(v) as Record<string, string>);
  return saved.flatMap((v) => [v.conversationId, v.token]).filter((v): v is string => !!v);
}

/** axe's WCAG 2.1 A and AA rules, on the firm's page and in the chat's frame. */
async function axeViolations(page: Page) {
  const found: string[] = [];
  for (const frame of [page.mainFrame(), chatFrame(page)]) {
    found.push(...(await axeOf(frame, { all: true })));
  }
  return found;
}

describe('the widget on a firm page that runs a hostile script', () => {
  it('keeps the token and the transcript from it on a desktop; chat, Esc twice and axe work', async () => {
    const page = await newPage(1280, 900);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/conversations'));
    await page.goto(`${firmUrl}/`);
    expect((await created).status()).toBe(201);
    await expect.poll(() => chat(page).getByTestId('amparo-msg-bot').count()).toBeGreaterThan(0);
    await say(page, 'yes');
    await say(page, PERSON.question);
    const shown = await chat(page).getByTestId('amparo-log').textContent();
    expect(shown).toContain(PERSON.question); // the client sees her chat

    const loot = (await page.evaluate(() => (window as unknown as { steal(): string[] }).steal()))
      .join('\n')
      .toLowerCase();
    expect(findPii(loot)).toEqual([]);
    for (const secret of await secrets(page)) expect(loot).not.toContain(secret.toLowerCase());
    // It found the frame, and was refused its document and its storage.
    expect(loot).toContain('frame document: null');
    expect(loot).toContain('frame storage refused');
    expect(await axeViolations(page)).toEqual([]);

    // Esc twice on the firm's page: the chat clears itself, then the whole page goes.
    await page.locator('h1').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(EXIT_URL);
    // Nothing left behind: the same tab on the firm's page again starts a new conversation.
    const again = page.waitForResponse((r) => r.url().endsWith('/api/conversations'));
    await page.goto(`${firmUrl}/`);
    expect(((await (await again).json()) as { state: { step: string } }).state.step).toBe(
      'consent',
    );
    await expect.poll(() => chat(page).getByTestId('amparo-msg-bot').count()).toBeGreaterThan(0);
    expect(await chat(page).getByTestId('amparo-msg-user').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('does the same floating on a phone, and its Quick exit button leaves', async () => {
    const page = await newPage(375, 740);
    await page.goto(`${firmUrl}/float`);
    const launcher = page.getByTestId('amparo-launcher');
    await expect.poll(() => launcher.isVisible()).toBe(true);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/conversations'));
    await launcher.click();
    expect((await created).status()).toBe(201);
    await say(page, 'yes');
    await say(page, PERSON.question);
    // The chat fits the phone's width, and is labelled for a screen reader.
    const box = await page.getByTestId('amparo-frame').boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 999) <= 375).toBe(true);
    expect(await page.getByTitle('Chat with the intake assistant').count()).toBe(1);

    const loot = (await page.evaluate(() => (window as unknown as { steal(): string[] }).steal()))
      .join('\n')
      .toLowerCase();
    expect(findPii(loot)).toEqual([]);
    for (const secret of await secrets(page)) expect(loot).not.toContain(secret.toLowerCase());
    expect(await axeViolations(page)).toEqual([]);

    // Closing hands the focus back to the launcher; the chat is kept for when it opens again.
    await chat(page).getByRole('button', { name: 'Close chat' }).click();
    await expect.poll(() => launcher.isVisible()).toBe(true);
    await launcher.click();
    await expect.poll(() => chat(page).getByTestId('amparo-msg-user').count()).toBe(2);

    await chat(page).getByTestId('amparo-exit').click();
    await page.waitForURL(EXIT_URL);
    await page.goto(`${firmUrl}/float`);
    await page.getByTestId('amparo-launcher').click();
    await expect.poll(() => chat(page).getByTestId('amparo-msg-bot').count()).toBeGreaterThan(0);
    expect(await chat(page).getByTestId('amparo-msg-user').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('clears a screen left open for an hour down to the pending question, and says why', async () => {
    const page = await newPage(1280, 900);
    await page.clock.install();
    const created = page.waitForResponse((r) => r.url().endsWith('/api/conversations'));
    await page.goto(`${firmUrl}/`);
    expect((await created).status()).toBe(201);
    await expect.poll(() => chat(page).getByTestId('amparo-msg-bot').count()).toBeGreaterThan(0);
    await say(page, 'yes');
    await say(page, PERSON.question);
    await chat(page).getByTestId('amparo-input').fill(PERSON.criminalStory); // typed, not sent
    expect(findPii((await chat(page).getByTestId('amparo-log').textContent()) ?? '')).not.toEqual(
      [],
    );

    // An hour and a minute later, with nobody touching it: the chat reads itself again.
    ahead = 61 * 60_000;
    const reread = page.waitForResponse((r) => r.request().method() === 'GET');
    await page.clock.fastForward('01:01:00');
    expect((await reread).status()).toBe(200);
    const log = chat(page).getByTestId('amparo-log');
    await expect.poll(() => chat(page).getByTestId('amparo-hidden').count()).toBe(1);
    expect(findPii((await log.textContent()) ?? '')).toEqual([]);
    expect(await chat(page).getByTestId('amparo-input').inputValue()).toBe('');
    expect(await chat(page).getByTestId('amparo-msg-user').count()).toBe(0);
    expect(await chat(page).getByTestId('amparo-hidden').textContent()).toMatch(/an hour/);
    // The pending question is there, and the intake goes on from it.
    await say(page, 'court');
    ahead = 0;
    await page.context().close();
  }, 60_000);

  it('serves the chat page framable by the firm sites, not saying SAMEORIGIN over them', async () => {
    const res = await fetch(`${amparo.url}/chat`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    // Every other page still refuses to be framed by another site.
    expect((await fetch(`${amparo.url}/healthz`)).headers.get('x-frame-options')).toBe(
      'SAMEORIGIN',
    );
  });
});
