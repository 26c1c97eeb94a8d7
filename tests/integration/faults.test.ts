/**
 * Faults on the real pipeline (DynamoDB Local, the SES emulator, the stream poller with
 * the event source mapping's retries, bisection and DLQ):
 *
 * - One poison record in a batch of 10: the 9 others alert once each, the poison alone
 *   reaches the DLQ.
 * - DynamoDB throttling and timeouts on every write path (reports, subscribe, confirm,
 *   unsubscribe, delivery claims and records), SES throttling on 30 % of sends, and a
 *   crash between claiming a delivery and sending it: clients see 503 with Retry-After
 *   (never 500) and retry; afterwards every report is stored once and every due alert was
 *   sent exactly once; whatever exhausted its retries is in the DLQ, and replaying the DLQ
 *   completes it, still exactly once.
 *
 * Figures go to test-artifacts/reliability/faults.json for the README.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_ON_REPORT } from '../../functions/routes';
import { importHandlerModule } from '../../local/http-server';
import { classify } from '../../shared/classify/index';
import { createDocumentClient } from '../../shared/clients';
import { contentHash, type Report } from '../../shared/domain/report';
import { expandRegions } from '../../shared/taxonomy/m49';
import { installFaultInjector, tablesOf, type FaultInjector, type FaultRule } from '../helpers/faults';
import { startTestStack, type TestStack } from '../helpers/local';
import { emailsTo, type StoredEmail } from '../helpers/mail';

let stack: TestStack;
let faults: FaultInjector;
const run = Math.random().toString(36).slice(2, 8);
const figures: Record<string, unknown> = {};

const WRITES = new Set(['PutCommand', 'UpdateCommand', 'DeleteCommand', 'TransactWriteCommand', 'BatchWriteCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand']);
const writesTo = (table: () => string) => (command: string, input: Record<string, any>) => WRITES.has(command) && tablesOf(input).includes(table());

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), text };
}

/** A client that retries 503s (as the Retry-After header asks), recording every status it saw. */
const seenStatuses = new Map<number, number>();
async function withRetries(call: () => ReturnType<typeof api>, attempts = 30) {
  for (let i = 1; ; i++) {
    const res = await call();
    seenStatuses.set(res.status, (seenStatuses.get(res.status) ?? 0) + 1);
    if (res.status === 503) expect(res.retryAfter).toBe('1');
    if (res.status !== 503 || i >= attempts) return res;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const alertsTo = async (address: string): Promise<StoredEmail[]> => (await emailsTo(stack.sesUrl, address)).filter((e) => !/confirm/i.test(e.subject));

function linkIn(email: StoredEmail, path: string): string {
  const match = new RegExp(`https?://[^\\s"<>]+${path.replace('/', '\\/')}\\?token=([^\\s"<>&]+)`).exec(email.body.text ?? '');
  if (!match) throw new Error(`no ${path} link in "${email.subject}"`);
  return decodeURIComponent(match[1]!);
}

async function subscribeAndConfirm(address: string): Promise<void> {
  expect((await withRetries(() => api('POST', '/subscriptions', { email: address, regions: ['143'], themes: [], frequency: 'instant' }))).status).toBe(202);
  const confirmation = (await emailsTo(stack.sesUrl, address)).find((e) => /confirm/i.test(e.subject));
  const token = linkIn(confirmation!, '/subscriptions/confirm');
  expect((await withRetries(() => api('POST', '/subscriptions/confirm', new URLSearchParams({ token }).toString(), { 'content-type': 'application/x-www-form-urlencoded' }))).status).toBe(200);
}

function reportItem(n: number, title: string): Report & { pk: string; sk: string; kind: string } {
  const input = { title, body: `${title}. Officials from Tajikistan and Kyrgyzstan met in Dushanbe to discuss border management and customs cooperation.` };
  const classification = classify(input);
  const id = `rpt_${`poison${run}${n}`.padEnd(22, 'x').slice(0, 22)}`;
  return {
    pk: `REPORT#${id}`,
    sk: 'META',
    kind: 'report',
    ...input,
    id,
    publisherId: 'dev',
    published: new Date().toISOString(),
    receivedAt: new Date().toISOString(),
    contentHash: contentHash(input),
    classification,
    regionKeys: expandRegions(classification.countries, classification.regions),
  };
}

beforeAll(async () => {
  // Short delivery leases so a claim left by a "crashed" sender expires within the retries.
  process.env['DELIVERY_LEASE_SECONDS'] = '1';
  faults = installFaultInjector(20261127);
  stack = await startTestStack({ throttle: null, publisherThrottle: null, retryDelayMs: 100 });
});

afterAll(async () => {
  faults?.set([]);
  mkdirSync('test-artifacts/reliability', { recursive: true });
  writeFileSync('test-artifacts/reliability/faults.json', `${JSON.stringify(figures, null, 2)}\n`);
  await stack?.stop();
});

describe('a poison record in a batch of 10', () => {
  it('alerts the 9 good reports once each and sends only the poison record to the DLQ', async () => {
    const address = `poison-${run}@example.org`;
    await subscribeAndConfirm(address);
    const good = Array.from({ length: 9 }, (_, i) => reportItem(i, `Poison batch ${run} report ${i}`));
    const poison = { pk: `REPORT#rpt_${`poison${run}bad`.padEnd(22, 'x').slice(0, 22)}`, sk: 'META', kind: 'report', id: 'broken', title: 'No classification' };
    const items = [...good.slice(0, 4), poison, ...good.slice(4)];
    const ddb = createDocumentClient(stack.env);
    await ddb.send(new BatchWriteCommand({ RequestItems: { [stack.tables.Reports]: items.map((Item) => ({ PutRequest: { Item } })) } }));
    ddb.destroy();
    const dlqBefore = stack.deadLetters.length;
    await stack.drainStream();
    const alerts = await alertsTo(address);
    for (const report of good) expect(alerts.filter((e) => e.subject.includes(report.title)), report.title).toHaveLength(1);
    expect(alerts).toHaveLength(9);
    const dead = stack.deadLetters.slice(dlqBefore);
    expect(dead.map((r) => r.dynamodb?.Keys?.['pk']?.S)).toEqual([poison.pk]);
    figures['poison'] = { batch: items.length, alertedOnce: good.length, inDlq: dead.length };
  }, 120_000);
});

describe('throttling, timeouts and crashes on every write path', () => {
  const subscribers = Array.from({ length: 5 }, (_, i) => `chaos-${i}-${run}@example.org`);
  const posted = new Map<string, string>();

  beforeAll(async () => {
    for (const address of subscribers) await subscribeAndConfirm(address);
  }, 60_000);

  it('answers 503 with Retry-After (never 500) while DynamoDB throttles and times out; every report is stored once', async () => {
    const rules: FaultRule[] = [
      { name: 'reports-throttled', match: writesTo(() => stack.tables.Reports), probability: 0.35, when: 'before', error: 'ProvisionedThroughputExceededException' },
      { name: 'subscriptions-timeout', match: writesTo(() => stack.tables.Subscriptions), probability: 0.15, when: 'after', error: 'TimeoutError' },
      { name: 'subscriptions-throttled', match: writesTo(() => stack.tables.Subscriptions), probability: 0.3, when: 'before', error: 'ThrottlingException' },
      { name: 'deliveries-throttled', match: (c, i) => c !== 'PutCommand' && writesTo(() => stack.tables.Deliveries)(c, i), probability: 0.2, when: 'before', error: 'ThrottlingException' },
      // A crash between two writes: the claim is written, the sender dies before sending.
      { name: 'crash-after-claim', match: (c, i) => c === 'PutCommand' && writesTo(() => stack.tables.Deliveries)(c, i), probability: 0.15, when: 'after', error: 'Runtime.ExitError' },
      { name: 'ses-throttled', match: (c) => c === 'SendEmailCommand', probability: 0.3, when: 'before', error: 'TooManyRequestsException' },
    ];
    faults.set(rules);
    // Subscription writes under faults: one more subscriber, and one who leaves before the reports.
    const late = `chaos-late-${run}@example.org`;
    expect((await withRetries(() => api('POST', '/subscriptions', { email: late, regions: ['150'], themes: [], frequency: 'instant' }))).status).toBe(202);
    const leaving = `chaos-leaving-${run}@example.org`;
    await subscribeAndConfirm(leaving);
    const confirmation = (await emailsTo(stack.sesUrl, leaving)).find((e) => /confirm/i.test(e.subject))!;
    const unsubscribeToken = linkIn(confirmation, '/unsubscribe');
    expect((await withRetries(() => api('POST', `/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}`, 'List-Unsubscribe=One-Click', { 'content-type': 'application/x-www-form-urlencoded' }))).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      const title = `Chaos ${run} conference ${i} on border security in Dushanbe`;
      const body = { title, body: `${title}. Officials from Tajikistan and Afghanistan discussed border management.` };
      // Half with an Idempotency-Key, half relying on the content hash.
      const headers = { authorization: `Bearer ${stack.publisherToken}`, ...(i % 2 === 0 ? { 'idempotency-key': `chaos-${run}-${i}` } : {}) };
      const res = await withRetries(() => api('POST', '/reports', body, headers));
      expect([200, 201]).toContain(res.status);
      posted.set(title, (JSON.parse(res.text) as { id: string }).id);
    }
    expect(seenStatuses.get(500) ?? 0).toBe(0);
    expect([...seenStatuses.keys()].every((s) => [200, 201, 202, 503].includes(s))).toBe(true);
    expect(seenStatuses.get(503) ?? 0).toBeGreaterThan(0);

    // Stored once: one META item per report, listed once.
    faults.set(rules.filter((r) => !r.name.startsWith('reports') && !r.name.startsWith('subscriptions')));
    const ddb = createDocumentClient(stack.env);
    const metas = ((await ddb.send(new ScanCommand({ TableName: stack.tables.Reports, FilterExpression: 'sk = :m AND begins_with(title, :t)', ExpressionAttributeValues: { ':m': 'META', ':t': `Chaos ${run}` } }))).Items ?? []);
    ddb.destroy();
    expect(metas).toHaveLength(10);
    expect(new Set(metas.map((m) => m['id']))).toEqual(new Set(posted.values()));
    const listed = await api('GET', '/reports?country=TJK&limit=100', undefined, { authorization: `Bearer ${stack.publisherToken}` });
    const ids = (JSON.parse(listed.text) as { items: { id: string }[] }).items.map((r) => r.id).filter((id) => [...posted.values()].includes(id));
    expect(ids.sort()).toEqual([...posted.values()].sort());
  }, 120_000);

  it('sends every due alert exactly once: retried through the faults, or completed by replaying the DLQ', async () => {
    const dlqBefore = stack.deadLetters.length;
    await stack.drainStream();
    const dead = stack.deadLetters.slice(dlqBefore);
    faults.set([]);
    // Replay what the DLQ holds, as an operator would, with the faults gone.
    const { handler } = await importHandlerModule(ALERT_ON_REPORT.entry);
    // A claim left by a crash in the last attempt is held for its lease (1 s here): retry then.
    let pending = dead;
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 1_100));
      const replay = (await handler({ Records: pending } satisfies DynamoDBStreamEvent, {} as never)) as { batchItemFailures: { itemIdentifier: string }[] };
      const failed = new Set(replay.batchItemFailures.map((f) => f.itemIdentifier));
      pending = pending.filter((r) => failed.has(r.dynamodb!.SequenceNumber!));
    }
    expect(pending).toEqual([]);
    await stack.drainStream();

    const counts: Record<string, number[]> = {};
    for (const address of subscribers) {
      const alerts = await alertsTo(address);
      counts[address] = [...posted.keys()].map((title) => alerts.filter((e) => e.subject.includes(title)).length);
    }
    const expected = subscribers.length * posted.size;
    const received = Object.values(counts).flat();
    figures['chaos'] = {
      reports: posted.size,
      subscribers: subscribers.length,
      injected: Object.fromEntries(faults.injected),
      callsSeen: Object.fromEntries(faults.seen),
      clientStatuses: Object.fromEntries([...seenStatuses].sort((a, b) => a[0] - b[0])),
      alertsDue: expected,
      alertsSentOnce: received.filter((n) => n === 1).length,
      duplicates: received.filter((n) => n > 1).length,
      missing: received.filter((n) => n === 0).length,
      dlqRecords: dead.length,
    };
    console.log('[faults]', JSON.stringify(figures['chaos']));
    for (const [address, perReport] of Object.entries(counts)) expect(perReport, address).toEqual(perReport.map(() => 1));
    // The one who unsubscribed before the reports got nothing after leaving.
    expect(await alertsTo(`chaos-leaving-${run}@example.org`)).toHaveLength(0);
    // Faults really happened on each path.
    for (const name of ['reports-throttled', 'subscriptions-throttled', 'ses-throttled', 'crash-after-claim']) expect(faults.injected.get(name) ?? 0, name).toBeGreaterThan(0);
  }, 180_000);
});
