/**
 * Exactly once, on DynamoDB Local and the SES emulator: a planner that crashes half way, a
 * crash between planning and sending, duplicated messages and a sender that died after its
 * claim all end, after a rerun, with each digest sent once. One malformed message does
 * not hold back the others (partial batch response) and ends in the dead letters. An
 * instant subscriber over the per-day cap gets the overflow in the next digest. `dueNow`
 * (`npm run digest -- --now`) sends at once, and a second trigger sends nothing new.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSubscriberByEmail } from '../../shared/adapters/subscriptions';
import { utcDate } from '../../shared/adapters/digests';
import type { DigestMessage, JobQueue } from '../../shared/digest/queue';
import { address, digestsTo, postReport, setProfile, subscribe } from '../helpers/digest';
import { startTestStack, type TestStack } from '../helpers/local';
import { emailsTo } from '../helpers/mail';

const tag = randomBytes(3).toString('hex');
let stack: TestStack;
let ddb: DynamoDBDocumentClient;

/** The run time: now (the planner's settle wait is off in this file). */
const soon = () => new Date().toISOString();

const centralAsia = [
  { title: 'Border security conference in Dushanbe', body: 'Officials from Tajikistan and Afghanistan met in Dushanbe to discuss border management and cross-border trade.' },
  { title: 'Almaty hosts regional water meeting', body: 'Ministers from Kazakhstan, Kyrgyzstan and Uzbekistan met in Almaty to agree on sharing water from the Syr Darya for irrigation.' },
];

beforeAll(async () => {
  process.env['DIGEST_SETTLE_MS'] = '0';
  stack = await startTestStack({ digestRetryDelayMs: 20 });
  const { createDocumentClient } = await import('../../shared/clients');
  ddb = createDocumentClient();
});

afterAll(async () => {
  ddb?.destroy();
  await stack?.stop();
});

async function dailySubscribers(prefix: string, n: number): Promise<string[]> {
  const emails = Array.from({ length: n }, (_, i) => address(`${prefix}${i}`, tag));
  for (const email of emails) await subscribe(stack, ddb, { email, regions: ['143'], frequency: 'daily', timezone: 'UTC' });
  return emails;
}

async function digestCounts(emails: readonly string[]): Promise<number[]> {
  return Promise.all(emails.map(async (e) => (await digestsTo(stack, e)).length));
}

describe('exactly once', () => {
  let emails: string[];

  beforeAll(async () => {
    emails = await dailySubscribers('crash', 6);
    for (const r of centralAsia) await postReport(stack, { ...r, title: `${r.title} (${tag})` });
    await stack.drainStream();
  });

  it('a planner that crashes half way, then a rerun: each digest once', async () => {
    const at = soon();
    let accepted = 0;
    const crashing: JobQueue = {
      async send(messages: readonly DigestMessage[]) {
        // The first two jobs reach the queue, then the planner dies.
        const room = Math.max(0, 2 - accepted);
        await stack.digests.queue.send(messages.slice(0, room));
        accepted += Math.min(room, messages.length);
        if (messages.length > room) throw new Error('injected planner crash');
      },
    };
    await expect(stack.digests.run({ scheduledTime: at, dueNow: true }, crashing)).rejects.toThrow('injected planner crash');
    await stack.digests.drain();
    expect((await digestCounts(emails)).reduce((a, b) => a + b, 0)).toBe(2);

    // The scheduler retries the run with the same scheduled time.
    const rerun = await stack.digests.run({ scheduledTime: at, dueNow: true });
    await stack.digests.drain();
    expect(rerun.jobs).toBe(4); // the two sent are no longer due (lastDigestAt)
    expect(await digestCounts(emails)).toEqual(emails.map(() => 1));
  });

  it('a crash between planning and sending (jobs planned, never sent), duplicated messages and a dead claim: each once', async () => {
    const more = await dailySubscribers('lost', 4);
    await postReport(stack, { title: `Bishkek meeting on migration (${tag})`, body: 'Officials of Kyrgyzstan met in Bishkek to discuss labour migration to Kazakhstan.' });
    const at = soon();
    // 1. Planned and enqueued, then the process dies: the messages never reach the sender.
    const lost: DigestMessage[] = [];
    const dying: JobQueue = { send: async (messages) => void lost.push(...messages) };
    const planned = await stack.digests.run({ scheduledTime: at, dueNow: true }, dying);
    // The four new subscribers, and the first six again (a new report since their digest).
    expect(planned.jobs).toBe(10);
    expect(await digestCounts(more)).toEqual([0, 0, 0, 0]);
    // 2. A sender that claimed one digest and died before sending: its lease has run out.
    const victim = lost.find((m) => m.job.email === more[0])!;
    await ddb.send(new PutCommand({ TableName: stack.tables.Deliveries, Item: { pk: victim.job.deliveryId, state: 'sending', leaseUntil: Math.floor(Date.now() / 1000) - 1 } }));
    // 3. The rerun, with every message delivered twice (SQS is at-least-once).
    const duplicating: JobQueue = { send: (messages) => stack.digests.queue.send([...messages, ...messages]) };
    const rerun = await stack.digests.run({ scheduledTime: at, dueNow: true }, duplicating);
    await stack.digests.drain();
    expect(rerun.jobs).toBe(10);
    expect(await digestCounts(more)).toEqual([1, 1, 1, 1]);
    // The first six already had today's digest: one per period (the new report waits for the next).
    expect(await digestCounts(emails)).toEqual(emails.map(() => 1));
    expect(stack.digests.deadLetters).toEqual([]);
  });

  it('one malformed message does not hold back the batch; it ends in the dead letters', async () => {
    const fresh = await dailySubscribers('batch', 3);
    const at = soon();
    const messages: DigestMessage[] = [];
    await stack.digests.run({ scheduledTime: at, dueNow: true }, { send: async (m) => void messages.push(...m) });
    const mine = messages.filter((m) => fresh.includes(m.job.email));
    expect(mine).toHaveLength(3);
    const bad = { v: 1, job: { ...mine[0]!.job, items: 'not a list' } } as unknown as DigestMessage;
    await stack.digests.queue.send([bad, ...mine]);
    await stack.digests.drain();
    expect(await digestCounts(fresh)).toEqual([1, 1, 1]);
    expect(stack.digests.deadLetters).toHaveLength(1);
    expect(stack.digests.deadLetters[0]!.receiveCount).toBe(5);
  });
});

describe('instant alerts over the per-day cap', () => {
  it('go in the next digest instead, once', async () => {
    const email = address('capped', tag);
    const subscriberId = await subscribe(stack, ddb, { email, regions: ['143'], frequency: 'instant', timezone: 'UTC' });
    const { rules } = (await findSubscriberByEmail(ddb, stack.tables.Subscriptions, email))!;
    await ddb.send(new UpdateCommand({ TableName: stack.tables.Subscriptions, Key: { pk: `SUBSCRIBER#${subscriberId}`, sk: `RULE#${rules[0]!.ruleId}` }, UpdateExpression: 'SET maxInstantPerDay = :one', ExpressionAttributeValues: { ':one': 1 } }));
    await postReport(stack, { title: `Dushanbe water forum opens (${tag})`, body: 'Tajikistan opened a water forum in Dushanbe with delegations from Kyrgyzstan and Uzbekistan.' });
    await postReport(stack, { title: `Ashgabat talks on gas transit (${tag})`, body: 'Turkmenistan and Uzbekistan met in Ashgabat to discuss the transit of natural gas.' });
    await stack.drainStream();
    const alerts = (await emailsTo(stack.sesUrl, email)).filter((e) => !/confirm|digest/i.test(e.subject));
    expect(alerts).toHaveLength(1);
    const overflow = await ddb.send(new QueryCommand({ TableName: stack.tables.Subscriptions, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `OVERFLOW#${utcDate(new Date())}` } }));
    expect(overflow.Items?.filter((i) => i['subscriberId'] === subscriberId)).toHaveLength(1);

    const at = soon();
    await stack.digests.run({ scheduledTime: at, dueNow: true });
    await stack.digests.drain();
    const digests = await digestsTo(stack, email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.body.text).toContain('held back from instant alerts by your daily limit');
    // Exactly the held-back report, not the one already alerted.
    expect(digests[0]!.subject).toMatch(/1 report$/);
    const after = await ddb.send(new QueryCommand({ TableName: stack.tables.Subscriptions, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `OVERFLOW#${utcDate(new Date())}` } }));
    expect(after.Items?.filter((i) => i['subscriberId'] === subscriberId)).toEqual([]);
    await stack.digests.run({ scheduledTime: soon(), dueNow: true });
    await stack.digests.drain();
    expect(await digestsTo(stack, email)).toHaveLength(1);
  });
});

describe('npm run digest -- --now', () => {
  it('sends a digest of the reports so far whatever the digest hour; triggered again, nothing new', async () => {
    const email = address('now', tag);
    const subscriberId = await subscribe(stack, ddb, { email, regions: ['143'], frequency: 'daily', timezone: 'Asia/Dushanbe' });
    await setProfile(stack, ddb, subscriberId, { digestHour: (new Date().getUTCHours() + 12) % 24 });
    await postReport(stack, { title: `Tashkent conference on trade (${tag})`, body: 'Uzbekistan hosted a conference in Tashkent on regional trade with Kazakhstan and Tajikistan.' });
    const scheduled = await stack.digests.run({ scheduledTime: new Date(Math.floor(Date.now() / 3600_000) * 3600_000).toISOString() });
    await stack.digests.drain();
    expect(await digestsTo(stack, email)).toEqual([]); // not its hour
    await stack.digests.run({ scheduledTime: soon(), dueNow: true });
    await stack.digests.drain();
    const [digest, ...rest] = await digestsTo(stack, email);
    expect(rest).toEqual([]);
    expect(digest!.body.text).toContain(`Tashkent conference on trade (${tag})`);
    expect(digest!.body.text).toContain('== Central Asia ==');
    await stack.digests.run({ scheduledTime: soon(), dueNow: true });
    await stack.digests.drain();
    expect(await digestsTo(stack, email)).toHaveLength(1);
    expect(scheduled.jobs).toBeGreaterThanOrEqual(0);
  });
});
