/**
 * The boundary between the digest planner and the sender: a queue of send jobs. In AWS it
 * is SQS (shared/adapters/job-queue.ts); locally an in-process queue (local/job-queue.ts)
 * that calls the sender handler with real SQSEvent records. Pure: no AWS imports.
 *
 * One message per job. Standard queues deliver at least once and have no deduplication,
 * so exactly-once comes from the delivery claim (`job.deliveryId`) the sender takes with a
 * conditional write before it sends: a duplicated message, a re-planned run or a retried
 * batch finds the claim and sends nothing.
 */
import type { DigestJob } from './plan';

/** Message format version; the sender rejects what it does not know (to the DLQ). */
export const DIGEST_MESSAGE_VERSION = 1;

/** SQS's limit is 256 KiB per message (and per batch); stay clear of it. */
export const MAX_MESSAGE_BYTES = 240 * 1024;

/** Most reports one digest lists; a larger digest is cut to its newest reports (and says so in the log). */
export const MAX_DIGEST_ITEMS = 500;

/** The body of one send-job message. */
export interface DigestMessage {
  readonly v: typeof DIGEST_MESSAGE_VERSION;
  readonly job: DigestJob;
  /** Overflow items (held-back instant alerts) this digest includes: deleted once it is sent. */
  readonly overflowKeys?: readonly { readonly pk: string; readonly sk: string }[];
}

/** Where the planner puts send jobs. */
export interface JobQueue {
  /** Enqueues messages; resolves once every one is accepted, rejects otherwise (the run is then retried). */
  send(messages: readonly DigestMessage[]): Promise<void>;
}

/** Serialises a message, trimming a digest that would not fit in one SQS message. */
export function encodeDigestMessage(message: DigestMessage): { body: string; trimmed: number } {
  let job = message.job;
  let trimmed = 0;
  if (job.items.length > MAX_DIGEST_ITEMS) {
    trimmed = job.items.length - MAX_DIGEST_ITEMS;
    job = { ...job, items: job.items.slice(-MAX_DIGEST_ITEMS) };
  }
  let body = JSON.stringify({ ...message, job });
  while (Buffer.byteLength(body) > MAX_MESSAGE_BYTES && job.items.length > 1) {
    const keep = Math.max(1, Math.floor(job.items.length * 0.8));
    trimmed += job.items.length - keep;
    job = { ...job, items: job.items.slice(-keep) };
    body = JSON.stringify({ ...message, job });
  }
  return { body, trimmed };
}

/** Parses and checks a message body; throws on anything malformed (the record then fails to the DLQ). */
export function decodeDigestMessage(body: string): DigestMessage {
  const parsed = JSON.parse(body) as Partial<DigestMessage>;
  const job = parsed.job as Partial<DigestJob> | undefined;
  if (parsed.v !== DIGEST_MESSAGE_VERSION) throw new Error(`Unknown digest message version ${String(parsed.v)}`);
  if (!job || typeof job.deliveryId !== 'string' || typeof job.subscriberId !== 'string' || typeof job.email !== 'string' || !Array.isArray(job.items) || !Array.isArray(job.rules) || !job.window) {
    throw new Error('Malformed digest job');
  }
  return parsed as DigestMessage;
}
