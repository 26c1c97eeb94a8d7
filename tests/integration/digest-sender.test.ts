/**
 * The digest sender's handler code against a simulated SES (DynamoDB Local for claims,
 * profiles and reports): throttling is retried with backoff until every digest is sent once;
 * a digest SES refuses is reported alone in batchItemFailures with its claim released, so a
 * redelivery sends it; a batch seen twice sends nothing twice.
 */
import { randomBytes } from 'node:crypto';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SenderDeps } from '../../functions/digest/send';
import type { DigestMessage } from '../../shared/digest/queue';
import { address, postReport, subscribe } from '../helpers/digest';
import { startTestStack, type TestStack } from '../helpers/local';

const tag = randomBytes(3).toString('hex');
let stack: TestStack;
let ddb: DynamoDBDocumentClient;
let messages: DigestMessage[];
let processDigestRecords: typeof import('../../functions/digest/send').processDigestRecords;

/** SES that throttles a share of calls, and refuses some addresses outright. */
function simulatedSes(opts: { throttleShare: number; refuse?: Set<string> }) {
  const delivered = new Map<string, number>();
  let calls = 0;
  let throttled = 0;
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const ses = {
    send: async (command: { input: { Destination?: { ToAddresses?: string[] } } }) => {
      calls++;
      const to = command.input.Destination?.ToAddresses?.[0] ?? '';
      await new Promise((r) => setTimeout(r, 2));
      if (random() < opts.throttleShare) {
        throttled++;
        throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });
      }
      if (opts.refuse?.has(to)) throw Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected', $metadata: { httpStatusCode: 400 } });
      delivered.set(to, (delivered.get(to) ?? 0) + 1);
      return { MessageId: `sim-${calls}` };
    },
  };
  return { ses: ses as unknown as SESv2Client, delivered, counts: () => ({ calls, throttled }) };
}

function records(batch: readonly DigestMessage[]): SQSRecord[] {
  return batch.map((m, i) => ({ messageId: `m${i}-${m.job.subscriberId}`, body: JSON.stringify(m) }) as unknown as SQSRecord);
}

function deps(ses: SESv2Client): SenderDeps {
  return {
    ddb,
    ses,
    reportsTable: stack.tables.Reports,
    subscriptionsTable: stack.tables.Subscriptions,
    deliveriesTable: stack.tables.Deliveries,
    mail: { from: 'alerts@herald.local', publicBaseUrl: stack.apiUrl },
    signingKeys: async () => [stack.env['SIGNING_KEY']!],
    sendRate: async () => 200,
  };
}

beforeAll(async () => {
  process.env['DIGEST_SETTLE_MS'] = '0';
  stack = await startTestStack();
  const { createDocumentClient } = await import('../../shared/clients');
  ddb = createDocumentClient();
  ({ processDigestRecords } = await import('../../functions/digest/send'));
  for (let i = 0; i < 10; i++) await subscribe(stack, ddb, { email: address(`s${i}`, tag), regions: ['143'], frequency: 'daily', timezone: 'UTC' });
  await postReport(stack, { title: `Border security conference in Dushanbe (${tag})`, body: 'Officials from Tajikistan and Afghanistan met in Dushanbe to discuss border management.' });
  messages = [];
  await stack.digests.run({ dueNow: true }, { send: async (m) => void messages.push(...m) });
  expect(messages).toHaveLength(10);
});

afterAll(async () => {
  ddb?.destroy();
  await stack?.stop();
});

describe('digest sender', () => {
  it('retries throttled sends until each digest is sent exactly once; a refused one fails alone and is retried by redelivery', async () => {
    const refused = messages[3]!.job.email;
    const sim = simulatedSes({ throttleShare: 0.3, refuse: new Set([refused]) });
    const first = await processDigestRecords(deps(sim.ses), records(messages));
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: `m3-${messages[3]!.job.subscriberId}` }]);
    expect(sim.counts().throttled).toBeGreaterThan(0);
    expect(sim.delivered.size).toBe(9);
    expect([...sim.delivered.values()].every((n) => n === 1)).toBe(true);

    // SQS redelivers the whole batch's failed record (and, at-least-once, maybe others again).
    const healthy = simulatedSes({ throttleShare: 0.3 });
    const again = await processDigestRecords(deps(healthy.ses), records(messages));
    expect(again.batchItemFailures).toEqual([]);
    expect([...healthy.delivered.keys()]).toEqual([refused]);
    expect(healthy.delivered.get(refused)).toBe(1);
  });
});
