/**
 * Helpers of the digest integration tests: subscribe and confirm through the API, set the
 * profile fields the preference centre would (digest hour, paused), and read digests from
 * the SES emulator.
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { findSubscriberByEmail } from '../../shared/adapters/subscriptions';
import { localParts } from '../../shared/digest/schedule';
import type { TestStack } from './local';
import { emailsTo, type StoredEmail } from './mail';

const HOUR_MS = 3600_000;

/** A unique address for this test run. */
export function address(name: string, tag: string): string {
  return `${name}.${tag}@digest.example.org`;
}

export async function post(stack: TestStack, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.apiUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: () => JSON.parse(text) as Record<string, any> };
}

/** Posts a report as the development publisher; returns its id. */
export async function postReport(stack: TestStack, report: { title: string; body: string; published?: string }): Promise<string> {
  const res = await post(stack, '/reports', report, { authorization: `Bearer ${stack.publisherToken}` });
  expect(res.status).toBe(201);
  return String(res.json()['id']);
}

function confirmLink(email: StoredEmail): string {
  const match = /(https?:\/\/[^\s"<>]+\/subscriptions\/confirm\?token=[^\s"<>&]+)/.exec(email.body.text ?? '');
  if (!match) throw new Error(`no confirm link in "${email.subject}"`);
  return match[1]!;
}

/** Subscribes; confirms unless told not to; returns the subscriber id. */
export async function subscribe(
  stack: TestStack,
  ddb: DynamoDBDocumentClient,
  input: { email: string; regions: string[]; themes?: string[]; frequency: 'instant' | 'daily' | 'weekly'; timezone?: string; digestHour?: number; weeklyDay?: string },
  opts: { confirm?: boolean } = {},
): Promise<string> {
  const res = await post(stack, '/subscriptions', { themes: [], ...input });
  expect(res.status).toBe(202);
  if (opts.confirm ?? true) {
    const confirmation = (await emailsTo(stack.sesUrl, input.email)).find((e) => /confirm/i.test(e.subject));
    const token = new URL(confirmLink(confirmation!)).searchParams.get('token')!;
    const ok = await fetch(`${stack.apiUrl}/subscriptions/confirm`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString() });
    expect(ok.status).toBe(200);
  }
  const found = await findSubscriberByEmail(ddb, stack.tables.Subscriptions, input.email);
  return found!.profile.subscriberId;
}

/** Sets profile fields directly (what the preference centre stores). */
export async function setProfile(stack: TestStack, ddb: DynamoDBDocumentClient, subscriberId: string, fields: Record<string, unknown>): Promise<void> {
  const names = Object.keys(fields);
  await ddb.send(
    new UpdateCommand({
      TableName: stack.tables.Subscriptions,
      Key: { pk: `SUBSCRIBER#${subscriberId}`, sk: 'PROFILE' },
      UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
      ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, fields[n]])),
    }),
  );
}

/** Digest emails (not confirmations or alerts) to an address. */
export async function digestsTo(stack: TestStack, email: string): Promise<StoredEmail[]> {
  return (await emailsTo(stack.sesUrl, email)).filter((e) => /^Herald (daily|weekly) digest/.test(e.subject));
}

/**
 * A scheduled run time at least an hour ahead (on the hour, UTC), so that reports posted
 * now fall inside windows ending at any subscriber's slot in that run.
 */
export function upcomingRun(now = Date.now()): Date {
  return new Date((Math.floor((now + HOUR_MS) / HOUR_MS) + 1) * HOUR_MS);
}

/** The local digest hour in `timeZone` whose slot is due in the run at `runAt`. */
export function dueHour(runAt: Date, timeZone: string): number {
  return localParts(runAt.getTime(), timeZone).hour;
}
