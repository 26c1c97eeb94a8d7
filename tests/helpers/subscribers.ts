/**
 * Helpers for subscription tests on the local stack: subscribe and confirm through the
 * real HTTP API, read links out of emails, post reports, inspect the Subscriptions table.
 */
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import type { TestStack } from './local';
import { emailsTo, type StoredEmail } from './mail';

const seed = JSON.parse(readFileSync(new URL('../../../shared/corpus/seed.json', import.meta.url), 'utf8')) as Record<string, string>;
/** The canonical seed report (Central Asia, border management). */
export const seedReport = { title: seed['title']!, body: seed['body']!, dateline: seed['dateline'], published: seed['published'], language: seed['language'] };

/** A link to `path` (e.g. `/manage`) in an email's text part; the nth one (default first). */
export function linkIn(email: StoredEmail, path: string, nth = 0): string {
  const re = new RegExp(`https?://[^\\s"<>]+${path.replace(/\//g, '\\/')}\\?token=[^\\s"<>&]+`, 'g');
  const all = (email.body.text ?? '').match(re) ?? [];
  const link = all[nth];
  if (!link) throw new Error(`no ${path} link #${nth} in email "${email.subject}"`);
  return link;
}

/** The token of a link. */
export const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

/** A form POST (application/x-www-form-urlencoded), as a browser sends it. */
export async function postForm(url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: body.toString(), redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Helpers bound to one test stack. */
export function subscriberKit(stack: TestStack) {
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.dynamodbUrl, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));

  async function subscribe(email: string, rule: { regions?: string[]; themes?: string[]; frequency?: string } = {}) {
    const res = await fetch(`${stack.apiUrl}/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, regions: rule.regions ?? ['143'], themes: rule.themes ?? [], frequency: rule.frequency ?? 'instant' }),
    });
    return { status: res.status, text: await res.text() };
  }

  /** Confirms through the latest confirmation email's link (GET page, then the button's POST). */
  async function confirmLatest(address: string) {
    const confirmations = (await emailsTo(stack.sesUrl, address)).filter((e) => /confirm/i.test(e.subject));
    const latest = confirmations.at(-1);
    if (!latest) throw new Error(`no confirmation email to ${address}`);
    const url = linkIn(latest, '/subscriptions/confirm');
    expect((await fetch(url)).status).toBe(200);
    const res = await postForm(`${stack.apiUrl}/subscriptions/confirm`, { token: tokenOf(url) });
    expect(res.status).toBe(200);
  }

  async function subscribeAndConfirm(address: string, rule: { regions?: string[]; themes?: string[]; frequency?: string } = {}) {
    expect((await subscribe(address, rule)).status).toBe(202);
    await confirmLatest(address);
  }

  /** Posts a report as the development publisher and waits until the alert handler saw it. */
  async function postReport(overrides: Record<string, unknown> = {}) {
    const res = await fetch(`${stack.apiUrl}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.publisherToken}` },
      body: JSON.stringify({ ...seedReport, title: `${seedReport.title} ${Math.random().toString(36).slice(2, 8)}`, ...overrides }),
    });
    expect(res.status).toBe(201);
    await stack.drainStream();
  }

  /** Alerts (non-confirmation, non-link emails) received by an address. */
  async function alertsTo(address: string) {
    return (await emailsTo(stack.sesUrl, address)).filter((e) => !/confirm|manage your/i.test(e.subject));
  }

  /** Every item of the Subscriptions table. */
  async function allItems(): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await ddb.send(new ScanCommand({ TableName: stack.tables.Subscriptions, ExclusiveStartKey: startKey, ConsistentRead: true }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /** A fresh manage link for an address, through the "email me a link" form. */
  async function manageLink(address: string) {
    const before = (await emailsTo(stack.sesUrl, address)).length;
    const res = await postForm(`${stack.apiUrl}/manage/link`, { email: address });
    expect(res.status).toBe(200);
    const emails = await emailsTo(stack.sesUrl, address);
    expect(emails.length).toBe(before + 1);
    return linkIn(emails.at(-1)!, '/manage');
  }

  return { ddb, subscribe, confirmLatest, subscribeAndConfirm, postReport, alertsTo, allItems, manageLink };
}
