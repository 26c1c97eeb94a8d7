/**
 * The digest job queue on SQS: SendMessageBatch, 10 messages (and at most 256 KiB) a call,
 * a few calls in flight, failed entries retried with backoff. A message that cannot be
 * enqueued fails the planner run, which the scheduler retries; the messages that did get
 * through are harmless to enqueue again (the sender's delivery claims).
 */
import { SendMessageBatchCommand, SQSClient, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { mapWithConcurrency } from '../concurrency';
import { optionalEnv } from '../env';
import { logger } from '../logger';
import { encodeDigestMessage, type DigestMessage, type JobQueue } from '../digest/queue';

type Env = Readonly<Record<string, string | undefined>>;

/** An SQS client (SQS_ENDPOINT overrides the endpoint). */
export function createSqsClient(env: Env = process.env): SQSClient {
  const endpoint = optionalEnv('SQS_ENDPOINT', env);
  return new SQSClient({ region: optionalEnv('AWS_REGION', env) ?? 'us-east-1', ...(endpoint ? { endpoint } : {}), maxAttempts: 3 });
}

const MAX_BATCH_BYTES = 256 * 1024;

/** Groups encoded bodies into SendMessageBatch calls: ≤ 10 entries and ≤ 256 KiB each. */
export function batchEntries(bodies: readonly string[]): SendMessageBatchRequestEntry[][] {
  const batches: SendMessageBatchRequestEntry[][] = [];
  let current: SendMessageBatchRequestEntry[] = [];
  let bytes = 0;
  bodies.forEach((body, i) => {
    const size = Buffer.byteLength(body);
    if (current.length === 10 || (current.length > 0 && bytes + size > MAX_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ Id: String(i), MessageBody: body });
    bytes += size;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

export function sqsJobQueue(sqs: SQSClient, queueUrl: string, opts: { concurrency?: number; maxAttempts?: number } = {}): JobQueue {
  const maxAttempts = opts.maxAttempts ?? 6;
  return {
    async send(messages: readonly DigestMessage[]): Promise<void> {
      const bodies = messages.map((m) => {
        const { body, trimmed } = encodeDigestMessage(m);
        if (trimmed > 0) logger.warn('Digest trimmed to fit one message', { deliveryId: m.job.deliveryId, trimmed });
        return body;
      });
      await mapWithConcurrency(batchEntries(bodies), opts.concurrency ?? 4, async (batch) => {
        let pending = batch;
        for (let attempt = 1; pending.length > 0; attempt++) {
          const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending }));
          const failed = new Set((result.Failed ?? []).map((f) => f.Id));
          const permanent = (result.Failed ?? []).filter((f) => f.SenderFault);
          if (permanent.length > 0) throw new Error(`SQS rejected ${permanent.length} digest messages: ${permanent[0]!.Code} ${permanent[0]!.Message ?? ''}`);
          pending = pending.filter((e) => failed.has(e.Id));
          if (pending.length === 0) return;
          if (attempt >= maxAttempts) throw new Error(`SQS did not accept ${pending.length} digest messages after ${attempt} attempts`);
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(5_000, 100 * 2 ** attempt)));
        }
      });
    },
  };
}
