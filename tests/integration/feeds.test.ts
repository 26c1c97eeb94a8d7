/**
 * Feeds out, calendar files and the API description, on the real local stack: reports
 * posted by two publishers appear in the public Atom and JSON feeds of their regions and
 * themes (parsed with a feed parser), with only what an email shows; the seed's event is
 * offered as an .ics; /openapi.json and /docs are served.
 */
import { readFileSync } from 'node:fs';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestStack, type TestStack } from '../helpers/local';
import { emailsTo } from '../helpers/mail';

let stack: TestStack;
const seed = JSON.parse(readFileSync(new URL('../../../shared/corpus/seed.json', import.meta.url), 'utf8')) as Record<string, string>;
const seedReport = { title: seed['title'], body: seed['body'], dateline: seed['dateline'], published: seed['published'], language: seed['language'], url: 'https://unrcca.unmissions.org/seed' };
let seedId = '';

async function post(report: Record<string, unknown>, key: string) {
  const res = await fetch(`${stack.apiUrl}/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.publisherToken}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(report),
  });
  expect([200, 201]).toContain(res.status);
  return (await res.json()) as { id: string };
}

const subscriber = `calendar-${Date.now()}@example.org`;

async function subscribeAndConfirm(email: string) {
  const res = await fetch(`${stack.apiUrl}/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, regions: ['143'], themes: [], frequency: 'instant' }) });
  expect(res.status).toBe(202);
  const [confirmation] = await emailsTo(stack.sesUrl, email);
  const token = /\/subscriptions\/confirm\?token=([^\s"<>&]+)/.exec(confirmation!.body.text ?? '')![1]!;
  const confirmed = await fetch(`${stack.apiUrl}/subscriptions/confirm`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString() });
  expect(confirmed.status).toBe(200);
}

beforeAll(async () => {
  stack = await startTestStack();
  await subscribeAndConfirm(subscriber);
  seedId = (await post(seedReport, 'seed')).id;
  await post({ title: 'Floods in Guatemala', body: 'GUATEMALA CITY – Floods affected thousands of families in Guatemala; shelters were opened.', published: '2024-06-01' }, 'gt');
  await post({ title: 'Water talks in Almaty', body: 'From 3 to 5 May 2024, experts from Kazakhstan and Kyrgyzstan met in Almaty on transboundary water and hydropower.', published: '2024-05-06' }, 'kz');
  await post(seedReport, 'seed'); // a retry writes nothing new
});
afterAll(async () => {
  await stack?.stop();
});

const JsonFeedSchema = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  feed_url: z.url(),
  home_page_url: z.url(),
  items: z.array(
    z.looseObject({
        id: z.string().min(1),
        url: z.url(),
        title: z.string(),
        content_html: z.string(),
        content_text: z.string(),
        date_published: z.iso.datetime({ offset: true }),
        tags: z.array(z.string()),
        attachments: z.array(z.looseObject({ url: z.url(), mime_type: z.string() })).optional(),
      }),
  ),
});

describe('GET /feeds', () => {
  it('serves Atom for a region, newest first, parsed by a feed parser', async () => {
    const res = await fetch(`${stack.apiUrl}/feeds?region=143`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const feed = parseFeed(xml);
    expect(feed.title).toBe('Herald reports — Central Asia');
    expect(feed.items.map((i) => i.title)).toEqual(['Water talks in Almaty', seed['title']]);
    const item = feed.items[1]!;
    expect(item.id).toBe(`urn:herald:report:${seedId}`);
    expect(item.url).toBe('https://unrcca.unmissions.org/seed');
    expect(item.published?.toISOString()).toBe('2022-10-20T00:00:00.000Z');
    expect(item.categories.map((c) => c.term)).toEqual(expect.arrayContaining(['border-management', 'TJK']));
    expect(item.content).toContain(`/reports/${seedId}/event.ics`);
    // Atom's required elements (RFC 4287 §4.1.1, §4.1.2).
    for (const tag of ['<id>', '<title>', '<updated>', '<link rel="self"']) expect(xml).toContain(tag);
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });

  it('serves only what an alert email shows: an excerpt, never the stored report', async () => {
    const xml = await (await fetch(`${stack.apiUrl}/feeds?region=TJK`)).text();
    expect(xml).not.toContain('More than 800 participants'); // the seed's last paragraph
    expect(xml).not.toContain('publisherId');
    expect(xml).not.toContain('"evidence"');
  });

  it('serves JSON Feed 1.1 filtered by region and theme', async () => {
    const res = await fetch(`${stack.apiUrl}/feeds?region=143&theme=border-management&format=json`);
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = JsonFeedSchema.parse(await res.json());
    expect(feed.items.map((i) => i.title)).toEqual([seed['title']]);
    expect(feed.items[0]!.attachments?.[0]).toEqual({ url: `${stack.apiUrl}/reports/${seedId}/event.ics`, mime_type: 'text/calendar', title: 'Event (.ics)' });
    expect(feed.feed_url).toBe(`${stack.apiUrl}/feeds?region=143&theme=border-management&format=json`);
  });

  it('serves every report without filters, and an empty valid feed for a region with none', async () => {
    const all = parseFeed(await (await fetch(`${stack.apiUrl}/feeds`)).text());
    expect(all.items).toHaveLength(3);
    const empty = parseFeed(await (await fetch(`${stack.apiUrl}/feeds?region=150`)).text());
    expect(empty.items).toHaveLength(0);
    expect(empty.title).toBe('Herald reports — Europe');
  });

  it('rejects bad parameters with 400 naming them', async () => {
    const res = await fetch(`${stack.apiUrl}/feeds?region=XX&format=rss`);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { issues: { field: string }[] } };
    expect(error.issues.map((i) => i.field).sort()).toEqual(['query.format', 'query.region']);
  });
});

describe('GET /reports/{id}/event.ics', () => {
  it('offers the seed’s event: 18–19 October 2022 in Dushanbe', async () => {
    const res = await fetch(`${stack.apiUrl}/reports/${seedId}/event.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await res.text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20221018\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20221020\r\n');
    expect(ics).toContain('LOCATION:Dushanbe\\, Tajikistan\r\n');
    expect(ics).toContain(`UID:${seedId}@herald\r\n`);
  });
  it('answers 404 for a report without event dates, 400 for a bad id', async () => {
    const { items } = (await (await fetch(`${stack.apiUrl}/reports?country=GTM`, { headers: { authorization: `Bearer ${stack.publisherToken}` } })).json()) as { items: { id: string }[] };
    expect((await fetch(`${stack.apiUrl}/reports/${items[0]!.id}/event.ics`)).status).toBe(404);
    expect((await fetch(`${stack.apiUrl}/reports/nope/event.ics`)).status).toBe(400);
  });
});

describe('calendar link in alerts', () => {
  it('offers the .ics of reports that name event dates in their alerts', async () => {
    await stack.drainStream();
    const alerts = (await emailsTo(stack.sesUrl, subscriber)).filter((e) => !/confirm/i.test(e.subject));
    const seedAlert = alerts.find((e) => e.subject.includes('BORDER SECURITY'))!;
    expect(seedAlert.body.text).toContain(`Add the event to your calendar: ${stack.apiUrl}/reports/${seedId}/event.ics`);
    expect(seedAlert.body.html).toContain(`href="${stack.apiUrl}/reports/${seedId}/event.ics"`);
    const water = alerts.find((e) => e.subject.includes('Water talks'))!;
    expect(water.body.text).toContain('/event.ics');
  });
});

describe('API description', () => {
  it('serves /openapi.json and /docs without a token', async () => {
    const res = await fetch(`${stack.apiUrl}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/reports', '/feeds', '/reports/{id}/event.ics']));
    const page = await fetch(`${stack.apiUrl}/docs`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<code>/reports/{id}/event.ics</code>');
  });
});
