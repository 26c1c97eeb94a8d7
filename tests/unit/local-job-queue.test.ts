/**
 * The local stand-in for the digest SQS queue and its event source: batches of real
 * SQSEvent records, partial batch responses honoured with redelivery, a dead-letter list
 * after maxReceiveCount receives, a throwing handler failing its whole batch; and the
 * hourly timer's next run.
 */
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { nextHour } from '../../local/digests';
import { localJobQueue } from '../../local/job-queue';
import { decodeDigestMessage, type DigestMessage } from '../../shared/digest/queue';

function message(subscriberId: string): DigestMessage {
  return {
    v: 1,
    job: {
      subscriberId,
      email: `${subscriberId}@example.org`,
      frequency: 'daily',
      periodKey: 'daily:2026-11-27',
      deliveryId: `digest#daily:2026-11-27#${subscriberId}`,
      label: '27 November 2026',
      timezone: 'UTC',
      window: { from: '2026-11-26T08:00:00.000Z', to: '2026-11-27T08:00:00.000Z' },
      items: [{ reportId: 'rpt_1', matchedRuleIds: ['rule_1'] }],
      rules: [{ ruleId: 'rule_1', regions: ['143'], themes: [], frequency: 'daily' }],
    },
  };
}

describe('local job queue', () => {
  it('delivers real SQS records in batches of up to 10, redelivers only the failed ones, and dead-letters after 5 receives', async () => {
    const batches: SQSEvent[] = [];
    const received = new Map<string, number>();
    const queue = localJobQueue({
      retryDelayMs: 1,
      concurrency: 1,
      log: () => undefined,
      handler: async () => async (event) => {
        batches.push(event);
        const failures: { itemIdentifier: string }[] = [];
        for (const record of event.Records) {
          const { job } = decodeDigestMessage(record.body);
          received.set(job.subscriberId, (received.get(job.subscriberId) ?? 0) + 1);
          expect(record.eventSource).toBe('aws:sqs');
          expect(Number(record.attributes.ApproximateReceiveCount)).toBe(received.get(job.subscriberId));
          if (job.subscriberId === 'bad') failures.push({ itemIdentifier: record.messageId });
          if (job.subscriberId === 'flaky' && received.get('flaky') === 1) failures.push({ itemIdentifier: record.messageId });
        }
        return { batchItemFailures: failures };
      },
    });
    await queue.send([...Array.from({ length: 12 }, (_, i) => message(`s${i}`)), message('bad'), message('flaky')]);
    await queue.drain();
    expect(batches[0]!.Records).toHaveLength(10);
    for (let i = 0; i < 12; i++) expect(received.get(`s${i}`)).toBe(1);
    expect(received.get('flaky')).toBe(2);
    expect(received.get('bad')).toBe(5);
    expect(queue.deadLetters.map((d) => decodeDigestMessage(d.body).job.subscriberId)).toEqual(['bad']);
    expect(queue.enqueued).toBe(14);
    await queue.stop();
  });

  it('fails the whole batch when the handler throws', async () => {
    let calls = 0;
    const queue = localJobQueue({
      retryDelayMs: 1,
      maxReceiveCount: 2,
      log: () => undefined,
      handler: async () => async () => {
        calls++;
        throw new Error('boom');
      },
    });
    await queue.send([message('a'), message('b')]);
    await queue.drain();
    expect(calls).toBe(2);
    expect(queue.deadLetters).toHaveLength(2);
    await queue.stop();
  });
});

describe('hourly schedule', () => {
  it('fires at the next full hour (UTC)', () => {
    expect(new Date(nextHour(Date.parse('2026-11-27T07:59:59.999Z'))).toISOString()).toBe('2026-11-27T08:00:00.000Z');
    expect(new Date(nextHour(Date.parse('2026-11-27T08:00:00.000Z'))).toISOString()).toBe('2026-11-27T09:00:00.000Z');
  });
});
