/**
 * Real Chromium drives the demo page (`GET /`) and its widget against the real server: the chat
 * runs in the iframe the embed (/widget.js) puts on the page (GET /chat).
 * The flow is driven by `state.step` (DOMAIN.md fact ids plus consent/confirm), read from each
 * messages response, so rewording a question never breaks this test; a new step does, by name.
 * `E2E_BASE_URL=http://host:port` runs it against a server that is already up.
 */
import type { Browser, Frame, FrameLocator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';

type State = { step: string; done: boolean; language: 'en' | 'es' };
type ChatMessage = { role: 'bot' | 'user'; text: string };
type Reply = { messages: ChatMessage[]; state: State };

/** MM/DD/YYYY `days` from today, on a day above 12 so it cannot be read as DD/MM. */
function futureDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  if (d.getUTCDate() <= 12) d.setUTCDate(20);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

/**
 * The client's answer at each step. Where the bot offers a choice with this value the test
 * clicks its button; otherwise it types the text. A step missing here fails the test by name.
 */
const ANSWERS: Record<string, string> = {
  consent: 'yes',
  matter: 'court',
  aboutSelf: 'yes',
  detained: 'no',
  facility: 'Otay Mesa',
  aNumber: 'skip',
  detainedSince: '10/15/2026',
  hasCourtCase: 'yes',
  nextHearingDate: futureDate(90),
  court: 'Los Angeles',
  removalOrder: 'no',
  missedHearing: 'no',
  reenteredAfterRemoval: 'no',
  citizenship: 'Mexico',
  entryDate: '03/14/2015',
  entryManner: 'without-inspection',
  isLpr: 'no',
  lprSince: 'skip',
  usFamily: 'child-usc',
  fearOfReturn: 'no',
  crimeVictim: 'no',
  helpedPolice: 'no',
  trafficking: 'no',
  familyHarm: 'no',
  abusedByFamily: 'no',
  birthDate: '07/24/1990',
  abusedByParent: 'no',
  // Asked on the paths they belong to (issue 14): not detained, citizen children, history.
  nextCheckInDate: 'skip',
  oldestUscChildAge: '12',
  priorApplications: 'none',
  writerRelationship: 'spouse',
  arrestSetting: 'home',
  bondSet: 'no',
  signedPapers: 'no',
  healthNeeds: 'no',
  priorRemovalKind: 'never',
  criminalHistory: 'no',
  represented: 'no',
  adverseParties: 'skip',
  name: 'Maria Lopez',
  writerName: 'Ana Lopez',
  phone: '(213) 373-4253',
  email: 'skip',
  location: 'Los Angeles, CA',
  preferredLanguage: 'es',
  safeToContact: 'yes',
  safeContactAlternative: 'Email is safer',
  confirm: 'yes',
};
const EXIT_URL = 'https://www.google.com/';
const SPANISH = /[¿¡áéíóúñ]|\b(usted|su|el|la|de|que)\b/i;

let server: { url: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  const external = process.env.E2E_BASE_URL;
  if (external) server = { url: external.replace(/\/+$/, ''), close: async () => {} };
  else server = await (await import('../helpers/server')).startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const path = (r: Response) => new URL(r.url()).pathname;
const isCreate = (r: Response) =>
  r.request().method() === 'POST' && path(r) === '/api/conversations';
const isSend = (r: Response) =>
  r.request().method() === 'POST' && /^\/api\/conversations\/[^/]+\/messages$/.test(path(r));
const isTranscript = (r: Response) =>
  r.request().method() === 'GET' && /^\/api\/conversations\/[^/]+$/.test(path(r));

async function newPage(width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  // The quick exit goes to a neutral site; do not leave the sandbox for it.
  await context.route(`${EXIT_URL}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Neutral</title>' }),
  );
  return context.newPage();
}

/** The chat, in the embed's iframe. */
const chat = (page: Page): FrameLocator => page.frameLocator('[data-testid="amparo-frame"]');
function chatFrame(page: Page): Frame {
  const frame = page.frames().find((f) => new URL(f.url()).pathname === '/chat');
  if (!frame) throw new Error('no chat frame');
  return frame;
}

/** Opens the demo page and returns the state of the conversation it creates. */
async function open(page: Page): Promise<State> {
  const created = page.waitForResponse(isCreate);
  await page.goto(`${server.url}/`);
  const res = await created;
  expect(res.status()).toBe(201);
  await expect.poll(() => chat(page).getByTestId('amparo-msg-bot').count()).toBeGreaterThan(0);
  return ((await res.json()) as Reply).state;
}

/** Sends one message (by clicking the matching choice, else typing) and waits for it to render. */
async function say(page: Page, answer: string): Promise<Reply> {
  const bots = chat(page).getByTestId('amparo-msg-bot');
  const before = await bots.count();
  const reply = page.waitForResponse(isSend);
  const choice = chat(page).locator(
    `[data-testid="amparo-choice"][data-value=${JSON.stringify(answer)}]:enabled`,
  );
  if (await choice.count()) await choice.last().click();
  else {
    await chat(page).getByTestId('amparo-input').fill(answer);
    await chat(page).getByTestId('amparo-input').press('Enter');
  }
  const res = await reply;
  const body = (await res.json()) as Reply;
  expect(res.status(), JSON.stringify(body)).toBe(200);
  const added = body.messages.filter((m) => m.role === 'bot').length;
  await expect.poll(() => bots.count()).toBe(before + added);
  return body;
}

/** Answers from ANSWERS until the intake is done, or `stopAfter` answers have been given. */
async function drive(page: Page, state: State, stopAfter = Number.POSITIVE_INFINITY) {
  const asked = new Map<string, number>();
  for (let n = 0; !state.done && n < stopAfter; n++) {
    const answer = ANSWERS[state.step];
    const said = await chat(page).getByTestId('amparo-msg-bot').last().textContent();
    if (answer === undefined) {
      throw new Error(`No answer for step "${state.step}" in ANSWERS. The bot said: ${said}`);
    }
    const times = (asked.get(state.step) ?? 0) + 1;
    if (times > 2) {
      throw new Error(`Step "${state.step}" asked again after "${answer}". The bot said: ${said}`);
    }
    asked.set(state.step, times);
    state = (await say(page, answer)).state;
  }
  return state;
}

const botTexts = (page: Page) => chat(page).getByTestId('amparo-msg-bot').allTextContents();
const storedKeys = (page: Page) =>
  chatFrame(page).evaluate(() =>
    Object.keys(sessionStorage).filter((k) => k.startsWith('amparo:')),
  );
/** What the tab keeps for the chat's origin, read from a page of that origin without the chat. */
const keptKeys = (page: Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('amparo:')));

describe('web chat widget', () => {
  it('completes an intake across a reload and a switch to Spanish, then quick-exits', async () => {
    const page = await newPage();
    let state = await open(page);
    expect(state.step).toBe('consent');
    state = await drive(page, state, 2);
    expect(state.done).toBe(false);

    // Reload mid-way: the transcript is redrawn from the server and the same step continues.
    const shown = await botTexts(page);
    const userCount = await chat(page).getByTestId('amparo-msg-user').count();
    expect(await storedKeys(page)).toHaveLength(1);
    let created = false;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/conversations')
        created = true;
    });
    const transcript = page.waitForResponse(isTranscript);
    await page.reload();
    const redrawn = (await (await transcript).json()) as Reply;
    expect(redrawn.state.step).toBe(state.step);
    await expect.poll(() => botTexts(page)).toEqual(shown);
    expect(await chat(page).getByTestId('amparo-msg-user').count()).toBe(userCount);
    expect(created).toBe(false);

    // Switch to Spanish: the bot answers in Spanish and the widget's own labels follow.
    const switched = await (async () => {
      const reply = page.waitForResponse(isSend);
      await chat(page).getByTestId('amparo-lang-es').click();
      return (await (await reply).json()) as Reply;
    })();
    expect(switched.state.language).toBe('es');
    expect(switched.state.step).toBe(state.step);
    expect(switched.messages.map((m) => m.text).join(' ')).toMatch(SPANISH);
    await expect
      .poll(() => chat(page).getByTestId('amparo-lang-es').getAttribute('aria-pressed'))
      .toBe('true');
    await expect
      .poll(() => chat(page).getByRole('textbox', { name: 'Su mensaje' }).count())
      .toBe(1);
    expect(await chat(page).getByTestId('amparo-send').textContent()).toBe('Enviar');

    state = await drive(page, switched.state);
    expect(state.done).toBe(true);
    expect(state.language).toBe('es');
    expect(await chat(page).getByTestId('amparo-input').isDisabled()).toBe(true);
    expect(await chat(page).getByTestId('amparo-restart').isVisible()).toBe(true);

    // Quick exit: leaves for a neutral site and nothing of the conversation stays in the tab.
    await chat(page).getByTestId('amparo-exit').click();
    await page.waitForURL(EXIT_URL);
    await page.goto(`${server.url}/healthz`); // same origin and tab, no widget to write anew
    expect(await keptKeys(page)).toEqual([]);
    expect((await open(page)).step).toBe('consent'); // a new conversation, nothing redrawn
    expect(await chat(page).getByTestId('amparo-msg-user').count()).toBe(0);
    await page.context().close();
  }, 120_000);

  it('leaves on Esc pressed twice even when the API is down', async () => {
    const page = await newPage();
    await open(page);
    expect(await storedKeys(page)).toHaveLength(1);
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(EXIT_URL);
    await page.unroute('**/api/**');
    await page.goto(`${server.url}/healthz`);
    expect(await keptKeys(page)).toEqual([]);
    await open(page); // a new conversation: the old one was wiped from sessionStorage
    expect(await chat(page).getByTestId('amparo-msg-user').count()).toBe(0);
    await page.context().close();
  });

  it('keeps the typed text and offers a retry when a send fails', async () => {
    const page = await newPage();
    await open(page);
    const input = chat(page).getByTestId('amparo-input');
    const alert = chat(page).getByRole('alert');

    await page.route('**/api/conversations/*/messages', (route) => route.abort('failed'), {
      times: 1,
    });
    await input.fill('yes');
    await input.press('Enter');
    await expect.poll(() => alert.textContent()).toMatch(/could not reach/i);
    expect(await input.inputValue()).toBe('yes');
    expect(await chat(page).getByTestId('amparo-msg-user').count()).toBe(0);

    const reply = page.waitForResponse(isSend);
    await alert.getByRole('button', { name: 'Try again' }).click();
    expect(((await (await reply).json()) as Reply).state.step).not.toBe('consent');
    await expect
      .poll(() => chat(page).getByTestId('amparo-msg-user').allTextContents())
      .toEqual(['yes']);
    expect(await alert.textContent()).toBe('');

    // Rate limited: says how long to wait, still keeps the text.
    await page.route('**/api/conversations/*/messages', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '7' },
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests' } }),
      }),
    );
    await input.fill('Maria');
    await input.press('Enter');
    await expect.poll(() => alert.textContent()).toMatch(/wait 7 seconds/);
    expect(await input.inputValue()).toBe('Maria');

    // Server text is shown as text: markup in a reply is never parsed.
    await page.unroute('**/api/conversations/*/messages');
    await page.route('**/api/conversations/*/messages', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          messages: [{ role: 'bot', text: '<img src=x onerror="document.title=1">\nline 2' }],
          state: { step: 'x', done: false, language: 'en' },
        }),
      }),
    );
    await input.press('Enter');
    const last = chat(page).getByTestId('amparo-msg-bot').last();
    await expect
      .poll(() => last.textContent())
      .toBe('<img src=x onerror="document.title=1">\nline 2');
    expect(await chat(page).locator('[data-testid="amparo-log"] img').count()).toBe(0);
    await page.context().close();
  });

  it('fits a 360px screen with labelled, keyboard-reachable controls', async () => {
    const page = await newPage(360, 740);
    await open(page);
    const width = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(width[0]).toBeLessThanOrEqual(width[1] ?? 0);

    const log = chat(page).getByRole('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');
    expect(await chat(page).getByRole('textbox', { name: 'Your message' }).count()).toBe(1);
    expect(await chat(page).locator('label[for="amparo-input"]').textContent()).toBe(
      'Your message',
    );
    for (const name of ['Send', 'Quick exit', 'English', 'Español']) {
      expect(await chat(page).getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await chat(page).getByRole('group', { name: 'Language' }).count()).toBe(1);
    expect(await chat(page).getByRole('status').count()).toBeGreaterThan(0);

    // Tab through the page: every control of the widget takes the focus in turn.
    const reached = new Set<string>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      // Into the chat's frame: the page's focus is then on the frame, the frame's on a control.
      const id = await chatFrame(page).evaluate(() => {
        if (!document.hasFocus()) return '';
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('data-testid') ?? '';
      });
      if (id) reached.add(id);
    }
    for (const id of ['amparo-exit', 'amparo-lang-es', 'amparo-log', 'amparo-choice']) {
      expect(reached, id).toContain(id);
    }
    expect(reached).toContain('amparo-input');
    expect(reached).toContain('amparo-send');
    await page.context().close();
  });
});

describe('a question in the middle of the intake, in the browser', () => {
  it('shows the general answer, then asks the pending question again and goes on', async () => {
    const page = await newPage(390, 844);
    let state = await open(page);
    state = (await say(page, 'yes')).state;
    expect(state.step).toBe('matter');
    const asked = await say(page, 'what is an A-number?');
    expect(asked.state.step).toBe('matter');
    const bots = chat(page).getByTestId('amparo-msg-bot');
    const texts = await bots.allTextContents();
    expect(texts.at(-2)).toMatch(/general information, not legal advice/);
    expect(texts.at(-1)).toMatch(/back to my question/);
    // The pending question's buttons are offered again and still work.
    const next = await say(page, 'court');
    expect(next.state.step).toBe('aboutSelf');
    await page.context().close();
  });
});

describe('the story in the first message, in the browser', () => {
  it('says back what it understood, and on yes asks none of it again (phone width)', async () => {
    const page = await newPage(390, 844);
    let state = await open(page);
    state = (await say(page, 'yes')).state;
    expect(state.step).toBe('matter');
    const heard = await say(page, 'my husband got picked up by ICE yesterday, hes at Adelanto');
    expect(heard.state.step).toBe('heard');
    const texts = await botTexts(page);
    expect(texts.at(-2)).toMatch(
      /I understood: your husband was detained by immigration \(ICE\) yesterday, and is held at Adelanto/,
    );
    expect(texts.at(-1)).toMatch(/Is that right\?/);
    // The yes is a button, reachable by keyboard like every choice.
    const yes = chat(page).locator('[data-testid="amparo-choice"][data-value="yes"]:enabled');
    await expect.poll(() => yes.count()).toBeGreaterThan(0);
    const next = await say(page, 'yes');
    // Detained is an emergency: the name comes next. Not "about you or someone else?", not
    // "detained?", not "which facility?", not "since when?".
    expect(next.state.step).toBe('name');
    const after = await botTexts(page);
    expect(after.at(-1)).toMatch(/full name/i);
    expect(after.join('\n')).not.toMatch(/about you, or about someone else/);
    await page.context().close();
  });
});
