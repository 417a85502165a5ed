/**
 * The staff console as a firm's attorney uses it, end to end: the real server on DynamoDB Local,
 * a lead made by a real intake, the sign-in link read from the mail the server sent, and real
 * headless Chromium at 390 px and 1280 px with axe (no serious or critical violations).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiState, say, start } from '../helpers/http';
import { RESIDENT } from '../helpers/intake';
import { startTestServer, type TestServer } from '../helpers/server';
import { axeViolations } from './axe';
import { launchBrowser, watchedPage } from './browser';

let server: TestServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  // A client's whole web intake: the lead the attorney will find.
  const started = await start(server.url);
  let state: ApiState = started.state;
  // Her email: a number typed in the web chat is proven by nothing, so reminders go by email.
  const answers: Record<string, string> = { ...RESIDENT, email: 'maria.lopez85@example.com' };
  while (!state.done) {
    const answer = answers[state.step];
    if (answer === undefined) throw new Error(`no answer for ${state.step}`);
    state = (await say(server.url, started.conversationId, started.token, answer)).state;
  }
  // A hearing date and safe to contact: she is offered reminders, and says yes.
  expect(state.step).toBe('reminders');
  await say(server.url, started.conversationId, started.token, 'yes');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const newPage = (width: number) => watchedPage(browser, width, problems);

const axe = (page: Page) => axeViolations(page);

/** Signs in from the console's own form, following the link from the email the server sent. */
async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/console`);
  await page.getByRole('heading', { level: 1, name: 'Sign in to the leads console' }).waitFor();
  const before = server.emails.length;
  await page.getByRole('textbox', { name: 'Work email' }).fill(email);
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await page.getByText('a sign-in link is on its way').first().waitFor();
  await expect.poll(() => server.emails.length).toBe(before + 1);
  const link = /\/console\/sign-in\?token=\S+/.exec(server.emails.at(-1)?.text ?? '')?.[0];
  expect(link).toBeDefined();
  await page.goto(`${server.url}${link}`);
  await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
}

describe('the staff console against the real server', () => {
  it('an attorney signs in by email on a phone, finds the lead and works it', async () => {
    const page = await newPage(390);
    await signIn(page, 'ana.robles@example.com');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('link', { name: 'Maria Lopez' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Maria Lopez' }).waitFor();
    // The client's own words in the transcript, and the lead email's summary.
    await page.getByText('San Diego', { exact: false }).first().waitFor();
    expect(await axe(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Change status' }).selectOption('contacted');
    await page.getByRole('button', { name: 'Save status' }).click();
    await page.getByText('Status saved: Contacted.').first().waitFor();
    await page.getByRole('textbox', { name: 'Add a note' }).fill('Called, consult Monday');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Note added.', { exact: true }).first().waitFor();

    // Stored, and recorded with who did it.
    const today = await server.deps.delivery?.leads.listDay(
      new Intl.DateTimeFormat('en-CA', { timeZone: server.deps.content.firm.timeZone }).format(
        new Date(),
      ),
    );
    const lead = today?.find((l) => (l.contact.name ?? l.facts.name) === 'Maria Lopez');
    expect(lead?.stage).toBe('contacted');
    expect(lead?.notes?.[0]).toMatchObject({ by: 'ana.robles@example.com' });
    const history = await server.deps.staff?.leads.staff.history(lead?.leadId ?? '');
    expect(history?.map((h) => h.action)).toEqual(
      expect.arrayContaining(['view', 'status', 'note']),
    );

    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the leads console' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the board as a table on a desktop, and a used link sends you to sign in again', async () => {
    const page = await newPage(1280);
    await signIn(page, 'rosa.mendez@example.com');
    await page.getByRole('table').first().waitFor();
    expect(await axe(page)).toEqual([]);
    const link = /\/console\/sign-in\?token=\S+/.exec(server.emails.at(-1)?.text ?? '')?.[0];
    const other = await newPage(390);
    await other.goto(`${server.url}${link}`);
    await other.getByText('already used or has expired').first().waitFor();
    expect(problems).toEqual([]);
  });
});

describe("the lead email's transcript page", () => {
  it('reads on its own: summary first, the opening folded, short answers as what they chose', async () => {
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: server.deps.content.firm.timeZone,
    }).format(new Date());
    const leads = (await server.deps.delivery?.leads.listDay(today)) ?? [];
    const lead = leads.find((l) => (l.contact.name ?? l.facts.name) === 'Maria Lopez');
    if (!lead) throw new Error('no lead');
    const who = lead.routing.attorneyId ?? 'intake';
    const { signLeadLink } = await import('../../functions/core/leads/links');
    const { TEST_LINK_SECRET } = await import('../helpers/server');
    const sig = signLeadLink(TEST_LINK_SECRET, lead.leadId, 'view', who, new Date());
    const page = await newPage(390);
    await page.goto(`${server.url}/leads/${lead.leadId}?sig=${sig}`);
    await page.getByRole('heading', { level: 1, name: 'Maria Lopez' }).waitFor();
    expect(await page.getByRole('main').count()).toBe(1);
    // The summary comes before the transcript; the introduction is folded away.
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text.indexOf('Phone')).toBeLessThan(text.indexOf('Transcript'));
    expect(await page.locator('details summary').textContent()).toMatch(/introduction/);
    expect(await page.locator('details').getAttribute('open')).toBeNull();
    // RESIDENT answered the matter with "2": shown as what it chose.
    await page.getByText(/^2 → /).first().waitFor();
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axe(page)).toEqual([]);
  });
});

describe('the attorney a lead is with', () => {
  it('accepts it from the console as from the email', async () => {
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: server.deps.content.firm.timeZone,
    }).format(new Date());
    const lead = ((await server.deps.delivery?.leads.listDay(today)) ?? []).find(
      (l) => (l.contact.name ?? l.facts.name) === 'Maria Lopez',
    );
    const attorney = server.deps.staff?.auth.roster.attorneys.find(
      (a) => a.id === lead?.routing.attorneyId,
    );
    if (!lead || !attorney) throw new Error('the lead went to no attorney');
    const page = await newPage(390);
    await signIn(page, attorney.email);
    await page.goto(`${server.url}/console#/leads/${lead.leadId}`);
    await page.getByRole('heading', { level: 1, name: 'Maria Lopez' }).waitFor();
    await page
      .getByRole('combobox', { name: 'Your answer (as from the email)' })
      .selectOption('accept');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page
      .getByText(/^Accepted: the client is yours to call/)
      .first()
      .waitFor();
    expect((await server.deps.delivery?.leads.get(lead.leadId))?.acceptedBy?.attorneyId).toBe(
      attorney.id,
    );
    // Answered: the form is gone.
    expect(await page.getByRole('button', { name: 'Send answer' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('hearing reminders on the lead page', () => {
  it('shows what is scheduled, moves them with a new hearing date, and stops them', async () => {
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: server.deps.content.firm.timeZone,
    }).format(new Date());
    const lead = ((await server.deps.delivery?.leads.listDay(today)) ?? []).find(
      (l) => (l.contact.name ?? l.facts.name) === 'Maria Lopez',
    );
    if (!lead) throw new Error('no lead');
    const page = await newPage(390);
    await signIn(page, 'rosa.mendez@example.com');
    await page.goto(`${server.url}/console#/leads/${lead.leadId}`);
    await page.getByRole('heading', { level: 2, name: 'Hearing reminders' }).waitFor();
    await page.getByText('Hearing: Wednesday, March 3, 2027, San Diego').waitFor();
    const rows = page.locator('.reminders-table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toMatch(/7 days before.*Email.*Scheduled/);
    expect(await axe(page)).toEqual([]);

    await page.getByLabel('The hearing moved to').fill('2027-04-14');
    await page.getByRole('button', { name: 'Save new hearing date' }).click();
    await page
      .getByText(/Hearing date saved: Wednesday, April 14, 2027/)
      .first()
      .waitFor();
    await page.getByText('Hearing: Wednesday, April 14, 2027, San Diego').waitFor();
    await expect.poll(() => rows.count()).toBe(6);
    expect(await page.locator('.reminder-cancelled').count()).toBe(3);
    const moved = await server.deps.delivery?.leads.get(lead.leadId);
    expect(moved?.facts.nextHearingDate).toBe('2027-04-14');

    await page.getByRole('button', { name: 'Stop all reminders' }).click();
    await page.getByText('Reminders stopped.').first().waitFor();
    await page.getByText(/Stopped by rosa.mendez@example.com/).waitFor();
    expect(await page.locator('.reminder-scheduled').count()).toBe(0);
    const stopped = await server.deps.delivery?.leads.get(lead.leadId);
    expect(stopped?.reminders?.items.every((r) => r.status === 'cancelled')).toBe(true);
    const history = await server.deps.staff?.leads.staff.history(lead.leadId);
    expect(history?.map((h) => h.action)).toEqual(
      expect.arrayContaining(['hearing-date', 'reminders-cancel']),
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
