/**
 * The console in real Chromium against a stand-in API (fake-api.ts), under the page's CSP, at
 * 390 px and 1280 px, with axe: sign-in, the board, the lead page and its actions, the funnel, the
 * conversations and taking one over live. Roles and accessible names only, as a person with a
 * screen reader finds them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../e2e/axe';
import { launchBrowser, watchedPage } from '../e2e/browser';
import { type FakeApi, fakeLeads, fakeLive, startFakeApi } from './fake-api';

let api: FakeApi;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  api = await startFakeApi();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});
beforeEach(() => {
  api.leads = fakeLeads();
  api.live = fakeLive();
  api.role = 'admin';
  api.failNext.clear();
  problems.length = 0;
});

const newPage = (width: number) => watchedPage(browser, width, problems);

async function signIn(page: Page) {
  await page.goto(`${api.url}/console/sign-in?token=ok`);
  await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
}

const axe = (page: Page) => axeViolations(page);

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.textContent);

describe('the staff console in a browser', () => {
  it('asks for an email when signed out, and says a link is on its way', async () => {
    const page = await newPage(390);
    await page.goto(`${api.url}/console`);
    const h1 = page.getByRole('heading', { level: 1, name: 'Sign in to the leads console' });
    await h1.waitFor();
    expect(await focusedName(page)).toBe('Sign in to the leads console');
    expect(await page.getByRole('banner').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Work email' }).fill('ana@firm.example');
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
    await page
      .getByText('a sign-in link is on its way. It works once, for 15 minutes.')
      .first()
      .waitFor();
    expect(api.calls).toContain('POST /api/staff/sign-in');
    expect(await axe(page)).toEqual([]);

    await page.goto(`${api.url}/console/sign-in?token=used`);
    await page.getByText('already used or has expired').first().waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
  });

  it('shows the board as cards on a phone, urgent new leads first, and passes axe', async () => {
    const page = await newPage(390);
    await signIn(page);
    const attention = page.getByRole('region', { name: /Needs attention/ });
    await attention.getByRole('link', { name: 'José Hernández' }).waitFor();
    const names = await attention
      .getByRole('listitem')
      .evaluateAll((els) => els.map((e) => e.querySelector('h3')?.textContent));
    expect(names).toEqual(['José Hernández', 'Name not given']);
    const cards = attention.getByRole('list');
    expect(await cards.getByText('Emergency', { exact: true }).isVisible()).toBe(true);
    expect(await cards.getByText('Possible conflict').isVisible()).toBe(true);
    expect(await page.getByRole('table').count()).toBe(0); // hidden on a phone
    // A name is text, never markup.
    await page.getByRole('link', { name: '<img src=x onerror="window.pwned=1">' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBe(
      undefined,
    );
    expect(await page.getByRole('banner').getByText('Ana Robles (Admin)').isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);

    // The rest comes with "Load more".
    expect(await page.getByRole('link', { name: 'Marta Ruiz' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Load more leads' }).click();
    await page.getByRole('link', { name: 'Marta Ruiz' }).waitFor();
    expect(await page.getByRole('button', { name: 'Load more leads' }).isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('shows a table on a desktop; filters live in the address and survive a reload', async () => {
    const page = await newPage(1280);
    await signIn(page);
    const table = page.getByRole('table', { name: /Other leads/ });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toContain('Urgency');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Status' }).selectOption('contacted');
    await expect.poll(() => page.url()).toContain('#/?status=contacted');
    await expect.poll(() => page.getByRole('table').getByRole('link').count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await expect.poll(() => page.getByRole('table').getByRole('link').count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('contacted');
    expect(api.calls.at(-1)).toBe('GET /api/staff/leads?status=contacted');

    await page.getByRole('searchbox', { name: 'Search name or phone' }).fill('nobody');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No leads match these filters.').first().waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => page.url()).toMatch(/#\/$/);
    await page.getByRole('link', { name: 'Rosa Díaz' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('reads a lead, changes it, keeps a note through a failure, and erases it', async () => {
    const page = await newPage(390);
    await signIn(page);
    await page.getByRole('link', { name: 'José Hernández' }).click();
    await page.getByRole('heading', { level: 1, name: 'José Hernández' }).waitFor();
    expect(await focusedName(page)).toBe('José Hernández');
    const text = (await page.getByRole('main').textContent()) || '';
    const danger = text.indexOf('NOT safe to call');
    expect(danger).toBeGreaterThan(-1);
    expect(danger).toBeLessThan(text.indexOf('Who is detained'));
    await page.getByText('Detuvieron a mi esposo <b>ayer</b>').first().waitFor();
    expect(await axe(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Change status' }).selectOption('contacted');
    await page.getByRole('button', { name: 'Save status' }).click();
    await page.getByText('Status saved: Contacted.').first().waitFor();

    const note = page.getByRole('textbox', { name: 'Add a note' });
    await note.fill('Llamé a la esposa.\nVuelve a llamar mañana.');
    api.failNext.set('POST /api/staff/leads/L6', 500);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Injected failure 500').first().waitFor();
    expect(await note.inputValue()).toBe('Llamé a la esposa.\nVuelve a llamar mañana.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Note added.', { exact: true }).first().waitFor();
    expect(await page.getByRole('region', { name: 'Notes' }).textContent()).toContain(
      'Vuelve a llamar mañana.',
    );
    expect(await note.inputValue()).toBe('');

    await page.getByRole('combobox', { name: 'Assign to' }).selectOption('ben');
    await page.getByRole('button', { name: 'Reassign' }).click();
    await page.getByText('Assigned to Ben Ortiz.').first().waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Erase this lead…' }).click();
    await page.getByRole('button', { name: 'Yes, erase it' }).click();
    await page.getByText('The lead was erased.').filter({ visible: true }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await page.getByRole('link', { name: 'Rosa Díaz' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'José Hernández' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('says no such lead, hides erasing from non-admins, and signs out', async () => {
    const page = await newPage(390);
    await signIn(page);
    await page.goto(`${api.url}/console#/leads/nope`);
    await page.getByRole('heading', { level: 1, name: 'No such lead' }).waitFor();

    api.role = 'attorney';
    await page.goto(`${api.url}/console#/leads/L7`);
    await page.getByRole('heading', { level: 1, name: 'Rosa Díaz' }).waitFor();
    expect(await page.getByRole('button', { name: 'Erase this lead…' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the leads console' }).waitFor();
    await page.getByText('You are signed out.').first().waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the leads console' }).waitFor();
  });

  it('goes to sign-in when the session ends mid-way', async () => {
    const page = await newPage(390);
    await signIn(page);
    await page.getByRole('link', { name: 'Rosa Díaz' }).waitFor();
    api.failNext.set('GET /api/staff/leads/L7', 401);
    await page.getByRole('link', { name: 'Rosa Díaz' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the leads console' }).waitFor();
    await page.getByText('Sign in again to continue.').first().waitFor();
  });
});

describe('the funnel and the conversations in the browser', () => {
  it('shows the funnel from the header: charts read at a glance, the numbers in tables, axe at both widths', async () => {
    const page = await newPage(390);
    await signIn(page);
    const nav = page.getByRole('banner').getByRole('navigation', { name: 'Console sections' });
    expect(await nav.getByRole('link', { name: 'Leads' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await nav.getByRole('link', { name: 'Funnel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Funnel' }).waitFor();
    expect(await focusedName(page)).toBe('Funnel');
    expect(await nav.getByRole('link', { name: 'Funnel' }).getAttribute('aria-current')).toBe(
      'page',
    );
    // The server's last 30 days, shown in the date fields.
    const from = page.getByLabel('From', { exact: true });
    await expect.poll(() => from.inputValue()).toBe('2026-11-08');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2026-12-07');
    expect(api.calls).toContain('GET /api/staff/funnel');

    const stages = page.getByRole('img', { name: /From first message to retained/ });
    await stages.waitFor();
    expect(await stages.evaluate((e) => e.tagName.toLowerCase())).toBe('svg');
    await page.getByRole('img', { name: /How the conversations stand/ }).waitFor();
    await page.getByRole('img', { name: /Conversations started each day/ }).waitFor();
    // The same numbers for a screen reader: the totals, by channel and language.
    const totals = page.getByRole('table', { name: 'Totals by channel and language' });
    expect(await totals.getByRole('columnheader').allTextContents()).toEqual([
      'Measure',
      'All',
      'Web chat',
      'Text message',
      'English',
      'Spanish',
    ]);
    const started = totals.getByRole('row', { name: /^Started/ });
    const [all, web, sms] = (await started.getByRole('cell').allTextContents()).map(Number);
    expect(all).toBe((web ?? 0) + (sms ?? 0));
    expect(all).toBeGreaterThan(0);
    // A step's words are text, never markup.
    const stopped = page.getByRole('table', { name: 'Where abandoned conversations stopped' });
    await stopped.getByRole('rowheader', { name: '<b>Detained now</b>' }).waitFor();
    await stopped.getByRole('rowheader', { name: 'Consent' }).waitFor();
    expect(await page.getByRole('table', { name: 'By day' }).getByRole('row').count()).toBe(31);
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps the dates asked for in the address, and says what is wrong with a reversed range', async () => {
    const page = await newPage(1280);
    await signIn(page);
    await page.goto(`${api.url}/console#/funnel`);
    await page.getByRole('heading', { level: 1, name: 'Funnel' }).waitFor();
    await expect
      .poll(() => page.getByLabel('From', { exact: true }).inputValue())
      .toBe('2026-11-08');
    await page.getByLabel('From', { exact: true }).fill('2026-12-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.url()).toContain('#/funnel?from=2026-12-01&to=2026-12-07');
    await expect
      .poll(() => page.getByRole('table', { name: 'By day' }).getByRole('row').count())
      .toBe(8);
    expect(api.calls.at(-1)).toBe('GET /api/staff/funnel?from=2026-12-01&to=2026-12-07');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Funnel' }).waitFor();
    await expect
      .poll(() => page.getByLabel('From', { exact: true }).inputValue())
      .toBe('2026-12-01');

    await page.getByLabel('From', { exact: true }).fill('2026-12-09');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('from: must not be after to').first().waitFor();
    expect(problems).toEqual([]);
  });

  it('lists the conversations in progress, waiting ones first, and only those on asking', async () => {
    const page = await newPage(390);
    await signIn(page);
    await page.getByRole('banner').getByRole('link', { name: 'Conversations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
    expect(await focusedName(page)).toBe('Conversations');
    const waiting = page.getByRole('region', { name: /Waiting for a person/ });
    await waiting.getByRole('listitem').first().waitFor();
    expect(await waiting.getByRole('listitem').count()).toBe(1);
    expect(await waiting.getByText('Asked for a person').isVisible()).toBe(true);
    expect(await waiting.getByText('Text message · Spanish').isVisible()).toBe(true);
    const others = page.getByRole('region', { name: /Other conversations in progress/ });
    expect(await others.getByRole('listitem').count()).toBe(2);
    expect(await others.getByText('No message for over a day').count()).toBe(1);
    await others.getByRole('heading', { name: 'At step: Consent' }).waitFor();
    expect(await axe(page)).toEqual([]);

    await page.getByRole('checkbox', { name: 'Only those waiting for a person' }).check();
    await expect.poll(() => page.url()).toContain('#/conversations?waiting=true');
    await expect.poll(() => api.calls.at(-1)).toBe('GET /api/staff/conversations?waiting=true');
    await expect.poll(() => others.count()).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await waiting.getByRole('listitem').isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('a conversation live, taken over from the console', () => {
  const polls = (id: string) =>
    api.calls.filter((c) => c.startsWith(`GET /api/staff/conversations/${id}`)).length;

  it('opens a waiting one from the list, takes it over, sees the client live, writes, and hands back', async () => {
    const page = await newPage(390);
    await signIn(page);
    await page.getByRole('banner').getByRole('link', { name: 'Conversations' }).click();
    const waiting = page.getByRole('region', { name: /Waiting for a person/ });
    await waiting.getByRole('link', { name: 'At step: Phone' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conversation' }).waitFor();
    expect(await focusedName(page)).toBe('Conversation');
    expect(new URL(page.url()).hash).toBe('#/conversations/C3');
    const nav = page.getByRole('banner').getByRole('navigation', { name: 'Console sections' });
    expect(
      await nav.getByRole('link', { name: 'Conversations' }).getAttribute('aria-current'),
    ).toBe('page');

    // The header: the client is waiting, by text, in Spanish, at the phone step.
    const glance = page.getByRole('term');
    await glance.first().waitFor();
    expect(await glance.allTextContents()).toEqual(['Now', 'Channel', 'Language', 'Step']);
    const facts = await page.getByRole('definition').allTextContents();
    expect(facts).toEqual(['!Waiting for a person', 'Text message', 'Spanish', 'Phone']);
    // The transcript: who wrote each message, and what the client wrote as text.
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText('Detuvieron a mi hermano <b>ayer</b>').first().waitFor();
    expect(await log.getByRole('listitem').count()).toBe(4);
    expect(await log.getByText('Client ·').count()).toBe(2);
    await page.getByText('The assistant will pause, and the client will be told').first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Message to the client' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Take over' }).click();
    const box = page.getByRole('textbox', { name: 'Message to the client' });
    await box.waitFor();
    await expect.poll(() => box.evaluate((e) => e === document.activeElement)).toBe(true);
    await log.getByText('Se unió Ana Robles, del despacho.').first().waitFor();
    await page
      .getByRole('definition')
      .getByText(/^You have it, since/)
      .waitFor();
    expect(api.calls).toContain('POST /api/staff/conversations/C3/takeover');
    await page.getByRole('button', { name: 'Hand back to the assistant' }).waitFor();
    expect(await page.getByRole('button', { name: 'Take over' }).count()).toBe(0);

    // The client writes: the next poll (every 3 s) brings only what is new.
    api.clientSays('C3', 'Gracias.\nEspero aquí.');
    await log.getByText('Espero aquí.').first().waitFor({ timeout: 8000 });
    expect(api.calls).toContain('GET /api/staff/conversations/C3?after=5');
    expect(await log.getByRole('listitem').count()).toBe(6);

    // Shift+Enter is a new line, Enter sends; a failure keeps what was typed.
    await box.fill('Hola, soy Ana.');
    await box.press('Shift+Enter');
    await box.pressSequentially('Le escribo por aquí.');
    api.failNext.set('POST /api/staff/conversations/C3/messages', 500);
    await box.press('Enter');
    await page.getByText('Injected failure 500').first().waitFor();
    expect(await box.inputValue()).toBe('Hola, soy Ana.\nLe escribo por aquí.');
    await page.getByRole('button', { name: 'Send' }).click();
    const mine = log.getByRole('listitem').filter({ hasText: 'Le escribo por aquí.' });
    await mine.waitFor();
    expect(await mine.getByText('Ana Robles (staff)').count()).toBe(1);
    // The client opted out of texts: said next to the message itself.
    await mine.getByText('Not texted: the client opted out of texts').first().waitFor();
    expect(await box.inputValue()).toBe('');
    expect(await log.getByText('Hola, soy Ana.\nLe escribo por aquí.').count()).toBe(1);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Hand back to the assistant' }).click();
    await page.getByRole('button', { name: 'Take over' }).waitFor();
    await page.getByText('The assistant is answering').first().waitFor();
    await log.getByText('Ana Robles dejó la conversación.').first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Message to the client' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    // Leaving the screen stops the polling.
    await page.getByRole('link', { name: 'Back to conversations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
    const before = polls('C3');
    await page.waitForTimeout(3500);
    expect(polls('C3')).toBe(before);
    expect(problems).toEqual([]);
  }, 60_000);

  it('shows someone else’s conversation without controls; an admin may hand it back', async () => {
    api.role = 'attorney';
    const page = await newPage(390);
    await signIn(page);
    await page.goto(`${api.url}/console#/conversations/C2`);
    await page.getByRole('heading', { level: 1, name: 'Conversation' }).waitFor();
    await page.getByText('Ben Ortiz has this conversation.').first().waitFor();
    await page
      .getByRole('definition')
      .getByText(/^Ben Ortiz has it, since/)
      .waitFor();
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText('Ben Ortiz (staff)').first().waitFor();
    expect(await page.getByRole('button', { name: 'Take over' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Hand back to the assistant' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    api.role = 'admin';
    await page.reload();
    await page.getByText('Ben Ortiz has this conversation.').first().waitFor();
    await page.getByRole('button', { name: 'Hand back to the assistant' }).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);

    // An ended conversation is read only.
    await page.goto(`${api.url}/console#/conversations/C9`);
    await page.getByText('This conversation has ended: it can only be read.').first().waitFor();
    expect(await page.getByRole('button', { name: 'Take over' }).count()).toBe(0);
    expect(await page.getByRole('definition').getByText('Ended').count()).toBe(1);

    await page.goto(`${api.url}/console#/conversations/nope`);
    await page.getByRole('heading', { level: 1, name: 'No such conversation' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('says so when someone else took it first, and a web message has no "not texted"', async () => {
    const page = await newPage(1280);
    await signIn(page);
    await page.goto(`${api.url}/console#/conversations/C1`);
    const take = page.getByRole('button', { name: 'Take over' });
    await take.waitFor();
    const c1 = api.live.get('C1');
    if (!c1) throw new Error('no C1');
    c1.takeover = { by: 'ben@firm.example', name: 'Ben Ortiz', at: new Date().toISOString() };
    c1.transcript.push({ role: 'bot', text: 'Ben joined.', at: new Date().toISOString() });
    await take.click();
    await page.getByText('Ben Ortiz has it now.').filter({ visible: true }).waitFor();
    await page.getByText('Ben Ortiz has this conversation.').first().waitFor();
    expect(await take.count()).toBe(0);

    c1.takeover = null;
    c1.transcript.push({ role: 'bot', text: 'Ben left.', at: new Date().toISOString() });
    await page.getByRole('button', { name: 'Take over' }).click({ timeout: 8000 });
    const box = page.getByRole('textbox', { name: 'Message to the client' });
    await box.fill('Hello from the firm.');
    await box.press('Enter');
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText('Hello from the firm.').first().waitFor();
    expect(await page.getByText(/Not texted/).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 45_000);
});
