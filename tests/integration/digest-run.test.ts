/**
 * Digest runs on DynamoDB Local and the SES emulator, through the same planner and sender
 * handler modules as in AWS (the local queue stands in for SQS): a run sends exactly the
 * expected digests, grouped by region and theme; a rerun sends none; only subscribers whose
 * local digest hour is due get theirs; inactive and suppressed subscribers and empty
 * digests get nothing.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestPlanResult } from '../../functions/digest/plan';
import type { DigestMessage } from '../../shared/digest/queue';
import { localParts, WEEKDAYS } from '../../shared/digest/schedule';
import { emailHash } from '../../shared/domain/subscription';
import { address, digestsTo, dueHour, postReport, setProfile, subscribe, upcomingRun } from '../helpers/digest';
import { startTestStack, type TestStack } from '../helpers/local';
import { emailsTo } from '../helpers/mail';

const tag = randomBytes(3).toString('hex');
const runAt = upcomingRun();
const HOUR = 3600_000;

let stack: TestStack;
let ddb: DynamoDBDocumentClient;
const ids: Record<string, string> = {};
let first: DigestPlanResult;

const mail = {
  utc: address('utc', tag),
  kathmandu: address('kathmandu', tag),
  newYork: address('newyork', tag),
  later: address('later', tag),
  weekly: address('weekly', tag),
  europe: address('europe', tag),
  empty: address('empty', tag),
  pending: address('pending', tag),
  unsubscribed: address('unsubscribed', tag),
  paused: address('paused', tag),
  suppressed: address('suppressed', tag),
};

const reports = {
  tajik: { title: 'Border security conference in Dushanbe', body: 'Officials from Tajikistan and Afghanistan met in Dushanbe to discuss border management and cross-border trade.' },
  kazakh: { title: 'Almaty hosts regional water meeting', body: 'Ministers from Kazakhstan, Kyrgyzstan and Uzbekistan met in Almaty to agree on sharing water from the Syr Darya for irrigation.' },
  french: { title: 'Paris meeting on refugee reception', body: 'The French government met humanitarian organisations in Paris to discuss the reception of refugees arriving in France.' },
};

beforeAll(async () => {
  stack = await startTestStack({ digestRetryDelayMs: 50 });
  const { createDocumentClient } = await import('../../shared/clients');
  ddb = createDocumentClient();

  const due = (tz: string) => dueHour(runAt, tz);
  ids.utc = await subscribe(stack, ddb, { email: mail.utc, regions: ['143'], frequency: 'daily', timezone: 'UTC' });
  // Chosen when subscribing (the API's digestHour and weeklyDay), as a stakeholder would.
  ids.kathmandu = await subscribe(stack, ddb, { email: mail.kathmandu, regions: ['143'], frequency: 'daily', timezone: 'Asia/Kathmandu', digestHour: due('Asia/Kathmandu') });
  ids.newYork = await subscribe(stack, ddb, { email: mail.newYork, regions: ['TJK'], frequency: 'daily', timezone: 'America/New_York' });
  const tokyo = localParts(runAt.getTime(), 'Asia/Tokyo');
  const tokyoWeekday = WEEKDAYS[(new Date(Date.UTC(tokyo.year, tokyo.month - 1, tokyo.day)).getUTCDay() + 6) % 7]!;
  ids.weekly = await subscribe(stack, ddb, { email: mail.weekly, regions: ['143'], frequency: 'weekly', timezone: 'Asia/Tokyo', digestHour: due('Asia/Tokyo'), weeklyDay: tokyoWeekday });
  ids.later = await subscribe(stack, ddb, { email: mail.later, regions: ['143'], frequency: 'daily', timezone: 'UTC' });
  ids.europe = await subscribe(stack, ddb, { email: mail.europe, regions: ['150'], frequency: 'daily', timezone: 'UTC' });
  ids.empty = await subscribe(stack, ddb, { email: mail.empty, regions: ['009'], frequency: 'daily', timezone: 'UTC' });
  ids.pending = await subscribe(stack, ddb, { email: mail.pending, regions: ['143'], frequency: 'daily', timezone: 'UTC' }, { confirm: false });
  ids.unsubscribed = await subscribe(stack, ddb, { email: mail.unsubscribed, regions: ['143'], frequency: 'daily', timezone: 'UTC' });
  ids.paused = await subscribe(stack, ddb, { email: mail.paused, regions: ['143'], frequency: 'daily', timezone: 'UTC' });
  ids.suppressed = await subscribe(stack, ddb, { email: mail.suppressed, regions: ['143'], frequency: 'daily', timezone: 'UTC' });

  for (const name of ['utc', 'europe', 'empty', 'pending', 'unsubscribed', 'paused', 'suppressed']) await setProfile(stack, ddb, ids[name]!, { digestHour: due('UTC') });
  await setProfile(stack, ddb, ids.newYork!, { digestHour: due('America/New_York') });
  await setProfile(stack, ddb, ids.later!, { digestHour: (due('UTC') + 1) % 24 });
  await setProfile(stack, ddb, ids.paused!, { paused: true });
  // On the suppression list (a hard bounce, say): the key format of shared/adapters/suppression.ts.
  await ddb.send(new PutCommand({ TableName: stack.tables.Subscriptions, Item: { pk: `SUPPRESSED#${emailHash(mail.suppressed)}`, sk: 'SUPPRESSED', kind: 'suppression', emailHash: emailHash(mail.suppressed), reason: 'bounce', at: new Date().toISOString() } }));
  // Unsubscribe with the one-click link of the confirmation's successor: use the API's token flow.
  const { unsubscribe } = await import('../../shared/adapters/subscriptions');
  await unsubscribe(ddb, stack.tables.Subscriptions, ids.unsubscribed!);

  await postReport(stack, reports.tajik);
  await postReport(stack, reports.kazakh);
  await postReport(stack, reports.french);

  first = await stack.digests.run({ scheduledTime: runAt.toISOString() });
  await stack.digests.drain();
});

afterAll(async () => {
  ddb?.destroy();
  await stack?.stop();
});

describe('a scheduled run', () => {
  it('sends one digest to each due subscriber with matching reports', async () => {
    expect(await digestsTo(stack, mail.utc)).toHaveLength(1);
    expect(await digestsTo(stack, mail.kathmandu)).toHaveLength(1);
    expect(await digestsTo(stack, mail.newYork)).toHaveLength(1);
    expect(await digestsTo(stack, mail.europe)).toHaveLength(1);
    expect(await digestsTo(stack, mail.weekly)).toHaveLength(1);
    // Planned: those five, and the suppressed subscriber, whom the sender checks right before sending.
    expect(first.jobs).toBe(6);
    expect(stack.digests.deadLetters).toEqual([]);
  });

  it('groups the reports by region and theme, each once, with why it was included', async () => {
    const [digest] = await digestsTo(stack, mail.utc);
    expect(digest!.subject).toMatch(/^Herald daily digest, .+: 2 reports$/);
    const text = digest!.body.text!;
    expect(text).toContain('== Central Asia ==');
    expect(text.match(/\* Border security conference in Dushanbe/g)).toHaveLength(1);
    expect(text.match(/\* Almaty hosts regional water meeting/g)).toHaveLength(1);
    expect(text).not.toContain('Paris meeting');
    expect(text).toContain('Why included: matches');
    expect(text).toMatch(/Manage your subscription .*\/manage\?token=/);
    const [weekly] = await digestsTo(stack, mail.weekly);
    expect(weekly!.subject).toMatch(/^Herald weekly digest, week to .+: 2 reports$/);
    expect(digest!.headers?.find((h) => h.name === 'List-Unsubscribe-Post')?.value).toBe('List-Unsubscribe=One-Click');
    const [europe] = await digestsTo(stack, mail.europe);
    expect(europe!.body.text).toContain('Paris meeting on refugee reception');
    expect(europe!.body.text).not.toContain('Dushanbe');
  });

  it('sends nothing to unconfirmed, unsubscribed, paused or suppressed subscribers', async () => {
    for (const who of [mail.pending, mail.unsubscribed, mail.paused, mail.suppressed]) expect(await digestsTo(stack, who), who).toEqual([]);
  });

  it('skips an empty digest', async () => {
    expect(await digestsTo(stack, mail.empty)).toEqual([]);
    expect(first.skipped.empty).toBeGreaterThanOrEqual(1);
  });

  it('reads every profile with its rules in one stream of the index: no read per subscriber', async () => {
    const { planDigestRun } = await import('../../functions/digest/plan');
    const { createDocumentClient } = await import('../../shared/clients');
    const client = createDocumentClient();
    const calls: string[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { IndexName?: string; ExpressionAttributeValues?: Record<string, unknown> };
        calls.push([context.commandName, input.IndexName, input.ExpressionAttributeValues?.[':apk']].filter(Boolean).join(' '));
        return next(args);
      },
      { step: 'initialize' },
    );
    const queued: DigestMessage[] = [];
    // The same scheduled time again, into a queue of its own: only what the planner reads matters here.
    const result = await planDigestRun(
      { ddb: client, reportsTable: stack.tables.Reports, subscriptionsTable: stack.tables.Subscriptions, queue: { send: async (messages) => void queued.push(...messages) }, settleMs: 0 },
      { scheduledTime: runAt.toISOString() },
    );
    client.destroy();
    expect(result.subscribers).toBeGreaterThanOrEqual(Object.keys(ids).length - 2);
    // One paged Query of the digest partition brings profiles and rules; no profile is read on its own.
    expect(calls.filter((c) => c.includes('byActiveFrequency'))).toEqual(['QueryCommand byActiveFrequency ACTIVE#digest']);
    expect(calls.filter((c) => /^(BatchGet|Get)/.test(c))).toEqual([]);
    expect(queued.map((m) => m.job.subscriberId)).toEqual([ids.suppressed]);
  });

  it('a rerun of the same scheduled time sends nothing', async () => {
    const before = (await emailsTo(stack.sesUrl, tag)).length;
    const again = await stack.digests.run({ scheduledTime: runAt.toISOString() });
    await stack.digests.drain();
    expect((await emailsTo(stack.sesUrl, tag)).length).toBe(before);
    // Only the suppressed subscriber's digest is planned again (lastDigestAt moved for the
    // others), and its delivery record (skipped: suppressed) stops it again.
    expect(again.jobs).toBe(1);
  });
});

describe('time zones', () => {
  it('puts each digest in the run of its local hour', async () => {
    expect(await digestsTo(stack, mail.later)).toEqual([]);
    const next = await stack.digests.run({ scheduledTime: new Date(runAt.getTime() + HOUR).toISOString() });
    await stack.digests.drain();
    expect(next.jobs).toBe(1);
    expect(await digestsTo(stack, mail.later)).toHaveLength(1);
    // Nobody else got a second digest in that run.
    expect(await digestsTo(stack, mail.utc)).toHaveLength(1);
    expect(await digestsTo(stack, mail.kathmandu)).toHaveLength(1);
  });
});
