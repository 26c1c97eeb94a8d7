/**
 * The subscription pages in real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): subscribe on the form, confirm from the email, receive the seed alert,
 * change the rule to weekly in the preference centre, unsubscribe from the email's link,
 * and receive nothing more. Fields are found by their labels, so unlabeled controls fail
 * the test; one step uses the keyboard only. Screenshots go to test-artifacts/browser/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/local';
import { emailsTo } from '../helpers/mail';
import { linkIn, subscriberKit } from '../helpers/subscribers';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));
const ADDRESS = 'browser-user@example.org';

let stack: TestStack;
let kit: ReturnType<typeof subscriberKit>;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let step = 0;

/** The text of an element, once it is there (after a form post, on the new page). */
async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ timeout: 10_000 });
  return locator.first().innerText();
}

async function shot(name: string) {
  step++;
  await page.screenshot({ path: join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  stack = await startTestStack();
  kit = subscriberKit(stack);
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  userDataDir = mkdtempSync(join(tmpdir(), 'herald-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1000, height: 900 },
    // The pages need no JavaScript: run them without it.
    javaScriptEnabled: false,
  });
  page = context.pages()[0] ?? (await context.newPage());
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await stack?.stop();
});

describe('a new subscriber, in a browser', () => {
  it('subscribes on the form', async () => {
    await page.goto(`${stack.apiUrl}/subscribe`);
    await page.getByLabel('Email address').fill(ADDRESS);
    await page.getByLabel(/Regions and countries/).selectOption({ label: 'Central Asia' });
    await page.getByLabel('How often').selectOption({ label: 'Instant: one email per report' });
    await page.getByLabel('Time zone').selectOption({ label: 'Asia/Dushanbe' });
    await page.getByLabel(/Hour of daily and weekly digests/).selectOption({ label: '07:00' });
    await shot('subscribe-form');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    expect(await textOf(page.getByRole('status'))).toContain('we have sent it a link to confirm');
    await shot('subscribe-accepted');
    expect(await emailsTo(stack.sesUrl, ADDRESS)).toHaveLength(1);
    const profile = (await kit.allItems()).find((i) => i['kind'] === 'profile' && i['email'] === ADDRESS);
    expect(profile).toMatchObject({ timezone: 'Asia/Dushanbe', digestHour: 7 });
  });

  it('shows the form again with the problem named when a field is wrong', async () => {
    await page.goto(`${stack.apiUrl}/subscribe`);
    await page.getByLabel('Email address').fill('someone@example.org');
    // Bypass the browser's own check to see the server's answer.
    await page.getByLabel('Email address').evaluate((el) => el.setAttribute('type', 'text'));
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Email address: is not a valid email address');
    await shot('subscribe-invalid');
  });

  it('confirms from the email: the link shows a page, the button confirms', async () => {
    const [confirmation] = await emailsTo(stack.sesUrl, ADDRESS);
    await page.goto(linkIn(confirmation!, '/subscriptions/confirm'));
    await shot('confirm-page');
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await page.getByRole('heading', { level: 1, name: 'Subscription confirmed' }).waitFor();
    await shot('confirmed');
  });

  it('receives the seed alert, with manage and unsubscribe links', async () => {
    await kit.postReport();
    const alerts = await kit.alertsTo(ADDRESS);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body.text).toContain('Why you got this');
  });

  it('changes the rule to weekly in the preference centre', async () => {
    const [alert] = await kit.alertsTo(ADDRESS);
    await page.goto(linkIn(alert!, '/manage'));
    await page.getByRole('heading', { level: 1, name: 'Your Herald subscription' }).waitFor();
    const rule = page.locator('form', { has: page.getByRole('group', { name: /^Rule 1:/ }) });
    expect(await rule.getByLabel(/Regions and countries/).evaluate((el) => [...(el as unknown as { selectedOptions: Iterable<{ value: string }> }).selectedOptions].map((o) => o.value))).toEqual(['143']);
    await rule.getByLabel('How often').selectOption({ label: 'Weekly digest' });
    await shot('centre-edit');
    await rule.getByRole('button', { name: 'Save rule 1' }).click();
    await page.getByText('Saved:').waitFor();
    expect(await textOf(page.getByRole('status'))).toContain('Saved: Central Asia · all themes · weekly');
    await shot('centre-saved');
    const items = await kit.allItems();
    // The profile and the weekly rule are in the digest partition of the index, the profile first.
    const indexed = items.filter((i) => i['email'] === ADDRESS && typeof i['activePk'] === 'string').sort((a, b) => String(a['activeSk']).localeCompare(String(b['activeSk'])));
    expect(indexed.map((i) => [i['activePk'], i['kind'], i['frequency']])).toEqual([
      ['ACTIVE#digest', 'profile', undefined],
      ['ACTIVE#digest', 'rule', 'weekly'],
    ]);
    // The weekly digest on Fridays, at the hour chosen when subscribing.
    expect(await textOf(page.locator('#delivery-time'))).toContain('weekly digests on Mondays at 07:00 (Asia/Dushanbe time)');
    await page.getByLabel('Day of weekly digests').selectOption({ label: 'Friday' });
    await page.getByRole('button', { name: 'Save delivery time' }).click();
    await page.getByText('Saved: daily digests at 07:00, weekly digests on Fridays at 07:00 (Asia/Dushanbe time)').waitFor();
    await shot('centre-delivery-time');
  });

  it('pauses and resumes with the keyboard alone', async () => {
    await page.getByRole('button', { name: 'Pause all emails' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Paused: Herald sends you nothing').waitFor();
    expect(await textOf(page.locator('#subscription-state'))).toMatch(/paused/);
    await shot('centre-paused');
    const resume = page.getByRole('button', { name: 'Resume all emails' });
    await resume.focus();
    expect(await resume.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('Resumed: your rules are active again').waitFor();
    expect(await textOf(page.locator('#subscription-state'))).toBe('active');
  });

  it('unsubscribes from the email link and receives nothing more', async () => {
    const [alert] = await kit.alertsTo(ADDRESS);
    const links = (alert!.body.text ?? '').match(/https?:\/\/\S+\/unsubscribe\?token=\S+/g) ?? [];
    await page.goto(links.at(-1)!); // the footer's "Unsubscribe from everything"
    await shot('unsubscribe-page');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { level: 1, name: 'You are unsubscribed' }).waitFor();
    await shot('unsubscribed');
    const before = (await emailsTo(stack.sesUrl, ADDRESS)).length;
    await kit.postReport();
    await stack.drainStream();
    expect(await emailsTo(stack.sesUrl, ADDRESS)).toHaveLength(before);
  });
});
