/**
 * Digests on this machine: the same planner and sender handler modules as in AWS, joined
 * by the in-process job queue (./job-queue.ts) instead of SQS, and an hourly timer at
 * minute 0 (UTC) instead of EventBridge Scheduler, which passes the planner the hour it
 * was scheduled for, as the scheduler does. `run({ dueNow: true })` is what
 * `npm run digest -- --now` does.
 *
 * The process environment must be the handlers' (tables, endpoints, mail settings) before
 * the first run: modules are imported on first use.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIGEST_PLANNER, DIGEST_SENDER } from '../functions/routes';
import type { DigestPlanEvent, DigestPlanResult } from '../functions/digest/plan';
import type { JobQueue } from '../shared/digest/queue';
import { importHandlerModule } from './http-server';
import { localJobQueue, type DeadLetter, type LocalJobQueue, type SqsHandler } from './job-queue';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOUR_MS = 3600_000;

export interface LocalDigestsOptions {
  readonly tables: { readonly Reports: string; readonly Subscriptions: string };
  /** Run the hourly schedule (npm start); default false. */
  readonly schedule?: boolean;
  /** Passed to the local queue. */
  readonly retryDelayMs?: number;
  readonly maxReceiveCount?: number;
  readonly log?: (message: string, detail?: unknown) => void;
}

export interface LocalDigests {
  /**
   * Plans a run and enqueues its jobs (the planner Lambda's work). `scheduledTime` defaults
   * to now; `queue` replaces the local queue (tests inject failures).
   */
  run(event?: DigestPlanEvent, queue?: JobQueue): Promise<DigestPlanResult>;
  /** Resolves once every enqueued job has been sent, failed to the dead letters, or skipped. */
  drain(): Promise<void>;
  readonly queue: LocalJobQueue;
  readonly deadLetters: readonly DeadLetter[];
  /** When the next scheduled run fires (undefined without a schedule). */
  nextRunAt(): Date | undefined;
  stop(): Promise<void>;
}

/** The next hour boundary (UTC) strictly after `now`. */
export function nextHour(now: number): number {
  return (Math.floor(now / HOUR_MS) + 1) * HOUR_MS;
}

export function startLocalDigests(opts: LocalDigestsOptions): LocalDigests {
  const log = opts.log ?? ((message: string, detail?: unknown) => console.error(message, ...(detail !== undefined ? [detail] : [])));
  // Two sender invocations at once, as the SQS event source's maximum concurrency: each uses half the SES rate.
  process.env['DIGEST_SENDER_CONCURRENCY'] ??= '2';
  const queue = localJobQueue({
    handler: async () => (await importHandlerModule(DIGEST_SENDER.entry)).handler as SqsHandler,
    concurrency: Number(process.env['DIGEST_SENDER_CONCURRENCY']),
    ...(opts.retryDelayMs !== undefined ? { retryDelayMs: opts.retryDelayMs } : {}),
    ...(opts.maxReceiveCount !== undefined ? { maxReceiveCount: opts.maxReceiveCount } : {}),
    log,
  });
  let planner: Promise<typeof import('../functions/digest/plan')> | undefined;
  let ddb: import('@aws-sdk/lib-dynamodb').DynamoDBDocumentClient | undefined;

  const run = async (event: DigestPlanEvent = {}, override?: JobQueue): Promise<DigestPlanResult> => {
    planner ??= import(resolve(repoRoot, DIGEST_PLANNER.entry)) as Promise<typeof import('../functions/digest/plan')>;
    const mod = await planner;
    if (!ddb) ddb = (await import('../shared/clients')).createDocumentClient();
    return mod.planDigestRun({ ddb, reportsTable: opts.tables.Reports, subscriptionsTable: opts.tables.Subscriptions, queue: override ?? queue }, event);
  };

  let timer: NodeJS.Timeout | undefined;
  let next: number | undefined;
  let stopped = false;
  const arm = () => {
    if (stopped || !opts.schedule) return;
    next = nextHour(Date.now());
    timer = setTimeout(() => void fire(next!), next - Date.now());
    timer.unref?.();
  };
  const fire = async (scheduledMs: number) => {
    const scheduledTime = new Date(scheduledMs).toISOString();
    // As the scheduler's retry policy: a failed run is retried with the same scheduled time.
    for (let attempt = 1; attempt <= 3 && !stopped; attempt++) {
      try {
        const result = await run({ scheduledTime });
        log(`[digests] run ${scheduledTime}: ${result.jobs} digests enqueued (${result.due} due, ${result.skipped.empty} empty)`);
        break;
      } catch (error) {
        log(`[digests] run ${scheduledTime} failed (attempt ${attempt} of 3)`, error);
        await new Promise((r) => setTimeout(r, 30_000));
      }
    }
    arm();
  };
  arm();

  return {
    run,
    drain: () => queue.drain(),
    queue,
    get deadLetters() {
      return queue.deadLetters;
    },
    nextRunAt: () => (next !== undefined && opts.schedule ? new Date(next) : undefined),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await queue.stop();
      ddb?.destroy();
    },
  };
}
