/**
 * The whole pipeline on the real emulators: subscribe with double opt-in, post the seed
 * report, receive exactly one alert with one-click unsubscribe headers, unsubscribe, and
 * receive nothing more. Drives the same handler modules through the local HTTP server.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack } from '../helpers/local';

interface StoredEmail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
}

const seed = JSON.parse(readFileSync(new URL('../../../shared/corpus/seed.json', import.meta.url), 'utf8')) as Record<string, string>;
const seedReport = { title: seed['title'], body: seed['body'], dateline: seed['dateline'], published: seed['published'], language: seed['language'] };

let stack: Awaited<ReturnType<typeof startTestStack>>;

async function emailsTo(address: string): Promise<StoredEmail[]> {
  const res = await fetch(`${stack.sesUrl}/store`);
  const { emails } = (await res.json()) as { emails: StoredEmail[] };
  return emails.filter((e) => e.destination.to.includes(address));
}

function linkIn(email: StoredEmail, path: string): string {
  const match = new RegExp(`(https?://[^\\s"<>]+${path.replace('/', '\\/')}\\?token=[^\\s"<>&]+)`).exec(email.body.text ?? '');
  if (!match) throw new Error(`no ${path} link in email "${email.subject}"`);
  return match[1]!;
}

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, any> };
}

const publisher = () => ({ authorization: `Bearer ${stack.publisherToken}` });

async function subscribe(email: string, regions: string[], themes: string[] = []) {
  const res = await api('POST', '/subscriptions', { email, regions, themes, frequency: 'instant' });
  expect(res.status).toBe(202);
}

async function confirm(address: string) {
  const [confirmation] = await emailsTo(address);
  expect(confirmation?.subject).toMatch(/confirm/i);
  const url = linkIn(confirmation!, '/subscriptions/confirm');
  const token = new URL(url).searchParams.get('token')!;
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<form method="post"');
  const res = await fetch(`${stack.apiUrl}/subscriptions/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  stack = await startTestStack();
  await subscribe('central@example.org', ['143']);
  await subscribe('pending@example.org', ['143']);
  await subscribe('europe@example.org', ['150']);
  await subscribe('scanner@example.org', ['TJK']);
  await confirm('central@example.org');
  await confirm('europe@example.org');
  // A mail scanner follows the GET link only: that must not confirm.
  const [scanned] = await emailsTo('scanner@example.org');
  expect((await fetch(linkIn(scanned!, '/subscriptions/confirm'))).status).toBe(200);
});

afterAll(async () => {
  await stack?.stop();
});

describe('report to inbox', () => {
  let reportId: string;

  it('stores and classifies the seed report', async () => {
    const res = await api('POST', '/reports', seedReport, { ...publisher(), 'idempotency-key': 'seed-001' });
    expect(res.status).toBe(201);
    const report = res.json();
    reportId = report['id'];
    expect(report['classification']['countries']).toEqual(expect.arrayContaining(['TJK', 'AFG']));
    expect(report['classification']['regions']).toContain('143');
    expect(report['classification']['themes'].map((t: { id: string }) => t.id)).toContain('border-management');
    const read = await api('GET', `/reports/${reportId}`, undefined, publisher());
    expect(read.status).toBe(200);
    expect(read.json()['title']).toBe(seed['title']);
  });

  it('sends one alert to the confirmed Central Asia subscriber, with one-click unsubscribe headers', async () => {
    await stack.drainStream();
    const alerts = (await emailsTo('central@example.org')).filter((e) => !/confirm/i.test(e.subject));
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert!.subject).toContain('BORDER SECURITY CONFERENCE');
    const headers = Object.fromEntries((alert!.headers ?? []).map((h) => [h.name.toLowerCase(), h.value]));
    expect(headers['list-unsubscribe']).toMatch(/^<https?:\/\/.+\/unsubscribe\?token=.+>$/);
    expect(headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(alert!.body.html).toContain('Why you got this');
  });

  it('sends nothing to unconfirmed, scanner-clicked or non-matching subscribers', async () => {
    expect(await emailsTo('pending@example.org')).toHaveLength(1); // the confirmation only
    expect(await emailsTo('scanner@example.org')).toHaveLength(1);
    expect(await emailsTo('europe@example.org')).toHaveLength(1);
  });

  it('stores a retried POST once and alerts once', async () => {
    const retry = await api('POST', '/reports', seedReport, { ...publisher(), 'idempotency-key': 'seed-001' });
    expect(retry.status).toBe(200);
    expect(retry.json()['id']).toBe(reportId);
    const sameContent = await api('POST', '/reports', seedReport, publisher());
    expect(sameContent.status).toBe(201);
    const sameContentAgain = await api('POST', '/reports', seedReport, publisher());
    expect(sameContentAgain.status).toBe(200);
    expect(sameContentAgain.json()['id']).toBe(sameContent.json()['id']);
    await stack.drainStream();
    // The keyed and the unkeyed submissions are two reports; each alerts once.
    const alerts = (await emailsTo('central@example.org')).filter((e) => !/confirm/i.test(e.subject));
    expect(alerts).toHaveLength(2);
  });

  it('refuses a reused Idempotency-Key with different content', async () => {
    const res = await api('POST', '/reports', { ...seedReport, title: 'Another title' }, { ...publisher(), 'idempotency-key': 'seed-001' });
    expect(res.status).toBe(409);
  });

  it('lists reports by country, region and theme', async () => {
    const byRegion = await api('GET', '/reports?region=143&theme=border-management', undefined, publisher());
    expect(byRegion.status).toBe(200);
    expect(byRegion.json()['items'].map((r: { id: string }) => r.id)).toContain(reportId);
    const elsewhere = await api('GET', '/reports?country=FRA', undefined, publisher());
    expect(elsewhere.json()['items']).toEqual([]);
    const paged = await api('GET', '/reports?country=TJK&limit=1', undefined, publisher());
    expect(paged.json()['items']).toHaveLength(1);
    expect(typeof paged.json()['nextCursor']).toBe('string');
  });

  it('stops alerts after a one-click unsubscribe', async () => {
    const [, alert] = await emailsTo('central@example.org');
    const header = alert!.headers!.find((h) => h.name === 'List-Unsubscribe')!.value;
    const url = header.slice(1, -1);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click', redirect: 'manual' });
    expect(res.status).toBe(200);
    const before = (await emailsTo('central@example.org')).length;
    const next = await api('POST', '/reports', { ...seedReport, title: 'Second conference in Dushanbe on border security' }, publisher());
    expect(next.status).toBe(201);
    await stack.drainStream();
    expect(await emailsTo('central@example.org')).toHaveLength(before);
  });
});

describe('bad input', () => {
  it('refuses anonymous and forged publishers', async () => {
    expect((await api('POST', '/reports', seedReport)).status).toBe(401);
    expect((await api('POST', '/reports', seedReport, { authorization: 'Bearer hrld_forged' })).status).toBe(403);
  });

  it('answers 4xx naming the field, and writes nothing', async () => {
    const before = (await api('GET', '/reports?limit=100', undefined, publisher())).json()['items'].length;
    const missing = await api('POST', '/reports', { body: 'x' }, publisher());
    expect(missing.status).toBe(400);
    expect(missing.json()['error']['issues'][0]['field']).toBe('title');
    const wrongType = await fetch(`${stack.apiUrl}/reports`, { method: 'POST', headers: { ...publisher(), 'content-type': 'text/plain' }, body: 'hello' });
    expect(wrongType.status).toBe(415);
    const badJson = await fetch(`${stack.apiUrl}/reports`, { method: 'POST', headers: { ...publisher(), 'content-type': 'application/json' }, body: '{"title": ' });
    expect(badJson.status).toBe(400);
    const huge = await api('POST', '/reports', { title: 'T', body: 'x'.repeat(600 * 1024) }, publisher());
    expect(huge.status).toBe(413);
    const badTheme = await api('POST', '/subscriptions', { email: 'a@example.org', regions: ['143'], themes: ['weather'] });
    expect(badTheme.status).toBe(400);
    expect(badTheme.json()['error']['issues'][0]['field']).toBe('themes.0');
    const badRegion = await api('POST', '/subscriptions', { email: 'a@example.org', regions: ['Atlantis'] });
    expect(badRegion.json()['error']['issues'][0]['field']).toBe('regions.0');
    const badLink = await fetch(`${stack.apiUrl}/unsubscribe?token=forged.token`);
    expect(badLink.status).toBe(403);
    const after = (await api('GET', '/reports?limit=100', undefined, publisher())).json()['items'].length;
    expect(after).toBe(before);
    expect(await emailsTo('a@example.org')).toHaveLength(0);
  });
});
