/**
 * The digest planner, run hourly by EventBridge Scheduler (cron at minute 0, UTC) with the
 * schedule's own time as input (`<aws.scheduler.scheduled-time>`), so a retried or late
 * run plans exactly the jobs of its hour. It reads, once each and in bulk:
 *  - the active subscribers' profiles, each followed by their daily and weekly rules
 *    (the `ACTIVE#digest` partition of the sparse index byActiveFrequency, one query, streamed);
 *  - the reports received since the run's horizon (received-time index, one Query a day);
 *  - the instant alerts held back by the per-day cap (one Query a day);
 * plans with bitsets of the reports per region and theme (shared/digest/plan.ts: only
 * subscribers whose local digest hour is due in this run), and enqueues one message per
 * non-empty digest.
 *
 * Idempotent: re-running the same scheduled time re-plans the same jobs with the same
 * delivery ids, and the sender's conditional claim on each id sends every digest once,
 * whether the earlier run finished, crashed half way or is still being sent.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { activeDigestRows, getDigestProfile, loadOverflow, reportsReceivedBetween } from '../../shared/adapters/digests';
import { createSqsClient, sqsJobQueue } from '../../shared/adapters/job-queue';
import { createDocumentClient } from '../../shared/clients';
import { planDigests, type DigestRow, type PlanStats } from '../../shared/digest/plan';
import type { DigestMessage, JobQueue } from '../../shared/digest/queue';
import { reportHorizon } from '../../shared/digest/schedule';
import { requireEnv } from '../../shared/env';
import { logger } from '../../shared/logger';

/** What the scheduler (or `npm run digest`) passes. */
export interface DigestPlanEvent {
  /** The run's time: the schedule's scheduled time (ISO). Default: now. */
  readonly scheduledTime?: string;
  /** On-demand: every digest due now, windows ending now (see ScheduleOptions.dueNow). */
  readonly dueNow?: boolean;
}

export interface DigestPlanResult {
  readonly runAt: string;
  readonly dueNow: boolean;
  readonly reports: number;
  readonly rules: number;
  readonly subscribers: number;
  readonly due: number;
  readonly jobs: number;
  readonly skipped: PlanStats['skipped'];
  readonly ms: number;
}

export interface PlannerDeps {
  readonly ddb: DynamoDBDocumentClient;
  readonly reportsTable: string;
  readonly subscriptionsTable: string;
  readonly queue: JobQueue;
  /** Messages per enqueue call (each call is split into SQS batches). Default 100. */
  readonly enqueueChunk?: number;
  /** How long after the run time to wait before reading reports; default DIGEST_SETTLE_MS or 2000. */
  readonly settleMs?: number;
}

const DEFAULT_SETTLE_MS = Number(process.env['DIGEST_SETTLE_MS'] ?? 2_000);

/** The run time of an event: its scheduled time, else now. */
export function runTimeOf(event: DigestPlanEvent | undefined, now = new Date()): Date {
  const at = event?.scheduledTime ? new Date(event.scheduledTime) : now;
  if (Number.isNaN(at.getTime())) throw new Error(`Invalid scheduledTime "${event?.scheduledTime}"`);
  return at;
}

/** Plans one run and enqueues its jobs. */
export async function planDigestRun(deps: PlannerDeps, event: DigestPlanEvent = {}): Promise<DigestPlanResult> {
  const started = performance.now();
  const runAt = runTimeOf(event);
  const dueNow = event.dueNow === true;
  // A report is stamped receivedAt a moment before its write commits: give writes stamped
  // just before the run time a moment to land before reading the window (a run is normally
  // seconds late anyway, and then this waits nothing).
  const settle = runAt.getTime() + (deps.settleMs ?? DEFAULT_SETTLE_MS) - Date.now();
  if (settle > 0) await new Promise((r) => setTimeout(r, Math.min(settle, deps.settleMs ?? DEFAULT_SETTLE_MS)));

  // Profiles with their rules (one stream), the reports of the windows and the held-back alerts.
  const readRows = async () => {
    const rows: DigestRow[] = [];
    for await (const row of activeDigestRows(deps.ddb, deps.subscriptionsTable)) rows.push(row);
    return rows;
  };
  const [rows, reports, overflow] = await Promise.all([
    readRows(),
    reportsReceivedBetween(deps.ddb, deps.reportsTable, reportHorizon(runAt), runAt),
    loadOverflow(deps.ddb, deps.subscriptionsTable, runAt),
  ]);
  // Read only for a subscriber whose profile is not in the stream (held-back alerts of a
  // subscriber who paused since, or the index catching up with a write): one consistent read each.
  const profileOutsideStream = (subscriberId: string) => getDigestProfile(deps.ddb, deps.subscriptionsTable, subscriberId);

  const stats: PlanStats = { reports: 0, rules: 0, subscribers: 0, due: 0, jobs: 0, items: 0, skipped: { notDue: 0, inactive: 0, noEmail: 0, empty: 0 } };
  const chunk = deps.enqueueChunk ?? 100;
  let buffer: DigestMessage[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    const out = buffer;
    buffer = [];
    await deps.queue.send(out);
  };
  for (const job of await planDigests({ reports, rules: rows, subscribers: profileOutsideStream, overflow: overflow.entries, now: runAt, schedule: { dueNow } }, stats)) {
    const included = new Set(job.items.filter((i) => i.overflow).map((i) => i.reportId));
    const overflowKeys = included.size > 0 ? (overflow.keys.get(job.subscriberId) ?? []).filter((k) => included.has(k.sk.slice(k.sk.lastIndexOf('#') + 1))) : [];
    buffer.push({ v: 1, job, ...(overflowKeys.length > 0 ? { overflowKeys } : {}) });
    if (buffer.length >= chunk) await flush();
  }
  await flush();

  const result: DigestPlanResult = {
    runAt: runAt.toISOString(),
    dueNow,
    reports: stats.reports,
    rules: stats.rules,
    subscribers: stats.subscribers,
    due: stats.due,
    jobs: stats.jobs,
    skipped: stats.skipped,
    ms: Math.round(performance.now() - started),
  };
  logger.info('Digest run planned', { ...result });
  return result;
}

let defaultDeps: PlannerDeps | undefined;

function depsFromEnv(): PlannerDeps {
  return (defaultDeps ??= {
    ddb: createDocumentClient(),
    reportsTable: requireEnv('REPORTS_TABLE'),
    subscriptionsTable: requireEnv('SUBSCRIPTIONS_TABLE'),
    queue: sqsJobQueue(createSqsClient(), requireEnv('DIGEST_QUEUE_URL')),
  });
}

/** Lambda entry: EventBridge Scheduler target input `{"scheduledTime":"<aws.scheduler.scheduled-time>"}`. */
export const handler = async (event: DigestPlanEvent): Promise<DigestPlanResult> => planDigestRun(depsFromEnv(), event);
