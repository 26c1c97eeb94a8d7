/**
 * A local stand-in for the digest SQS queue and its Lambda event source mapping (no SQS
 * emulator runs here): messages wait in memory, a consumer calls the sender handler with
 * real SQSEvent records in batches of up to `batchSize`, and honours partial batch
 * responses: a failed record becomes visible again after `retryDelayMs` (the visibility
 * timeout) and after `maxReceiveCount` receives goes to the local dead-letter list, as the
 * redrive policy does in AWS. A handler that throws fails its whole batch.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { encodeDigestMessage, type DigestMessage, type JobQueue } from '../shared/digest/queue';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void | undefined> | SQSBatchResponse | void | undefined;

export interface LocalJobQueueOptions {
  /** The consumer (loaded on first use). */
  readonly handler: () => Promise<SqsHandler>;
  /** Records per handler call; default 10 (the CDK event source's batch size). */
  readonly batchSize?: number;
  /** Receives before a message goes to the dead-letter list; default 5. */
  readonly maxReceiveCount?: number;
  /** How long a failed message stays invisible; default 1000 ms. */
  readonly retryDelayMs?: number;
  /** Handler calls in flight at once; default 2 (the event source's maximum concurrency). */
  readonly concurrency?: number;
  /** The handler's time budget (Lambda timeout); default 60 s. */
  readonly timeoutMs?: number;
  readonly log?: (message: string, detail?: unknown) => void;
}

export interface DeadLetter {
  readonly messageId: string;
  readonly body: string;
  readonly receiveCount: number;
  readonly at: string;
}

export interface LocalJobQueue extends JobQueue {
  /** Resolves when no message is waiting, invisible or in flight. */
  drain(): Promise<void>;
  /** Messages given up on (the dead-letter queue). */
  readonly deadLetters: readonly DeadLetter[];
  /** Messages accepted so far. */
  readonly enqueued: number;
  /** Stops consuming; waiting messages are dropped (as a process exit would). */
  stop(): Promise<void>;
}

interface Message {
  readonly messageId: string;
  readonly body: string;
  readonly sentAt: number;
  receiveCount: number;
  firstReceiveAt?: number;
  visibleAt: number;
}

function lambdaContext(functionName: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function toRecord(m: Message, now: number): SQSRecord {
  return {
    messageId: m.messageId,
    receiptHandle: `local-${m.messageId}-${m.receiveCount}`,
    body: m.body,
    attributes: {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(m.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(m.firstReceiveAt ?? now),
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(m.body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:herald-local-digests',
    awsRegion: 'us-east-1',
  };
}

export function localJobQueue(opts: LocalJobQueueOptions): LocalJobQueue {
  const batchSize = opts.batchSize ?? 10;
  const maxReceiveCount = opts.maxReceiveCount ?? 5;
  const retryDelayMs = opts.retryDelayMs ?? 1_000;
  const concurrency = opts.concurrency ?? 2;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const log = opts.log ?? ((message: string, detail?: unknown) => console.error(message, ...(detail !== undefined ? [detail] : [])));
  const waiting: Message[] = [];
  const deadLetters: DeadLetter[] = [];
  let inFlight = 0;
  let enqueued = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let idleWaiters: (() => void)[] = [];
  let handler: SqsHandler | undefined;

  const settleIfIdle = () => {
    if (inFlight === 0 && waiting.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };

  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    const now = Date.now();
    while (inFlight < concurrency) {
      const batch = waiting.filter((m) => m.visibleAt <= now).slice(0, batchSize);
      if (batch.length === 0) break;
      for (const m of batch) waiting.splice(waiting.indexOf(m), 1);
      void runBatch(batch);
    }
    const next = waiting.reduce((t, m) => Math.min(t, m.visibleAt), Number.POSITIVE_INFINITY);
    if (Number.isFinite(next)) timer = setTimeout(schedule, Math.max(0, next - Date.now()));
    settleIfIdle();
  };

  const runBatch = async (batch: Message[]) => {
    inFlight++;
    const now = Date.now();
    for (const m of batch) {
      m.receiveCount++;
      m.firstReceiveAt ??= now;
    }
    let failed: Set<string>;
    try {
      handler ??= await opts.handler();
      const response = await handler({ Records: batch.map((m) => toRecord(m, now)) }, lambdaContext('herald-local-DigestSender', timeoutMs));
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      log('[digests] sender failed the whole batch', error);
      failed = new Set(batch.map((m) => m.messageId));
    }
    // the failed messages of one batch become visible again together (one clock reading), so
    // they are retried as one batch, not split by a millisecond tick
    const retryAt = Date.now() + retryDelayMs;
    for (const m of batch) {
      if (!failed.has(m.messageId)) continue;
      if (m.receiveCount >= maxReceiveCount) {
        deadLetters.push({ messageId: m.messageId, body: m.body, receiveCount: m.receiveCount, at: new Date().toISOString() });
        log(`[digests] message ${m.messageId} moved to the dead-letter list after ${m.receiveCount} receives`);
      } else {
        m.visibleAt = retryAt;
        waiting.push(m);
      }
    }
    inFlight--;
    schedule();
  };

  return {
    async send(messages: readonly DigestMessage[]): Promise<void> {
      if (stopped) throw new Error('The local digest queue is stopped');
      const now = Date.now();
      for (const message of messages) {
        const { body, trimmed } = encodeDigestMessage(message);
        if (trimmed > 0) log(`[digests] digest ${message.job.deliveryId} trimmed by ${trimmed} reports to fit one message`);
        waiting.push({ messageId: randomUUID(), body, sentAt: now, receiveCount: 0, visibleAt: now });
        enqueued++;
      }
      schedule();
    },
    drain: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIfIdle();
      }),
    get deadLetters() {
      return deadLetters;
    },
    get enqueued() {
      return enqueued;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      waiting.length = 0;
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
      settleIfIdle();
    },
  };
}
