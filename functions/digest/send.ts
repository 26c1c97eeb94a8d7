/**
 * The digest sender: consumes send-job messages from the digest queue (SQS event source,
 * partial batch responses) and sends each digest at most once, paced to the account's SES
 * send rate.
 *
 * For each message:
 *  1. claim `job.deliveryId` in the Deliveries table (conditional write): a duplicated
 *     message, a re-planned run or a retried batch finds the claim and sends nothing;
 *  2. last checks on a consistent read of the profile (still confirmed, not paused) and the
 *     suppression list; a subscriber who left since planning gets nothing (claim recorded
 *     as skipped, so later retries of the period skip too);
 *  3. load the batch's reports once (BatchGetItem), group by region and theme, render; a
 *     digest whose reports are all gone is skipped;
 *  4. send through SES v2, paced (token bucket at MaxSendRate from `GetAccount`, or
 *     SES_MAX_SEND_RATE, divided among DIGEST_SENDER_CONCURRENCY concurrent invocations),
 *     bounded concurrency, throttling retried with backoff (the SDK's own retries are off so
 *     that nothing but a throttled attempt, which SES did not accept, is ever repeated);
 *  5. mark the delivery sent, move the subscriber's lastDigestAt to the window's end and
 *     delete the overflow items the digest included.
 * A message that fails (send error, throttled past the retries, not started before the
 * invocation runs out of time) gives its claim back and is reported in batchItemFailures,
 * so SQS redelivers it alone; after maxReceiveCount it goes to the dead-letter queue.
 */
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { claimDelivery, markDelivered, releaseDelivery } from '../../shared/adapters/deliveries';
import { clearOverflow, getDigestProfile, getReportsByIds, recordDigestSent } from '../../shared/adapters/digests';
import { sendEmail } from '../../shared/adapters/mailer';
import { signingKeyLoader } from '../../shared/adapters/signing-keys';
import { isSuppressed } from '../../shared/adapters/suppression';
import { createDocumentClient } from '../../shared/clients';
import { mapWithConcurrency } from '../../shared/concurrency';
import { isThrottlingError, sendPaced } from '../../shared/digest/pacer';
import { decodeDigestMessage, type DigestMessage } from '../../shared/digest/queue';
import { groupDigest, renderDigestEmail } from '../../shared/digest/render';
import { reportView, type OutboundEmail } from '../../shared/domain/email';
import { manageUrl, unsubscribeUrl } from '../../shared/domain/links';
import { intEnv, optionalEnv, requireEnv } from '../../shared/env';
import { logger } from '../../shared/logger';
import { mailSettingsFromEnv, type MailSettings } from '../../shared/mail-settings';

/** What to log about an error: its kind and code, never its message (SES messages can echo addresses). */
function errorFields(error: unknown): { errorName: string; errorCode?: string } {
  const err = error instanceof Error ? error : new Error('non-Error thrown');
  const code = (err as { code?: unknown }).code ?? (err as { Code?: unknown }).Code;
  return { errorName: err.name, ...(typeof code === 'string' ? { errorCode: code } : {}) };
}

/** Sends in flight at once per invocation. */
export const SEND_CONCURRENCY = 8;
/** Throttled attempts of one digest before it is handed back to the queue. */
export const MAX_THROTTLE_RETRIES = 8;
/** Stop starting sends when the invocation has less than this left. */
const SAFETY_MS = 10_000;

export interface SenderDeps {
  readonly ddb: DynamoDBDocumentClient;
  readonly ses: SESv2Client;
  readonly reportsTable: string;
  readonly subscriptionsTable: string;
  readonly deliveriesTable: string;
  readonly mail: MailSettings;
  readonly signingKeys: () => Promise<string[]>;
  /** Sends per second this invocation may use. */
  readonly sendRate: () => Promise<number>;
}

type Outcome = 'sent' | 'duplicate' | 'skipped' | 'failed';

interface Prepared {
  readonly record: SQSRecord;
  readonly message: DigestMessage;
  readonly email: OutboundEmail;
}

/**
 * The account's send rate for this invocation: SES_MAX_SEND_RATE, else SES v2 GetAccount
 * SendQuota.MaxSendRate (cached 5 minutes), divided by the concurrent sender invocations.
 */
export function sesSendRate(ses: SESv2Client, env: Readonly<Record<string, string | undefined>> = process.env): () => Promise<number> {
  const override = optionalEnv('SES_MAX_SEND_RATE', env);
  const senders = Math.max(1, intEnv('DIGEST_SENDER_CONCURRENCY', 1, env));
  let cached: { rate: number; until: number } | undefined;
  return async () => {
    if (override !== undefined) {
      const rate = Number(override);
      if (!(rate > 0)) throw new Error(`SES_MAX_SEND_RATE must be a positive number, got "${override}"`);
      return rate / senders;
    }
    if (cached && cached.until > Date.now()) return cached.rate;
    const account = await ses.send(new GetAccountCommand({}));
    const max = account.SendQuota?.MaxSendRate;
    const rate = (max && max > 0 ? max : 1) / senders;
    cached = { rate, until: Date.now() + 5 * 60_000 };
    return rate;
  };
}

/** Processes one batch of send-job records; returns the records to redeliver. */
export async function processDigestRecords(deps: SenderDeps, records: readonly SQSRecord[], remainingMs: () => number = () => Number.POSITIVE_INFINITY): Promise<SQSBatchResponse> {
  const outcome = new Map<string, Outcome>();
  const failures: string[] = [];
  const fail = (record: SQSRecord) => {
    outcome.set(record.messageId, 'failed');
    failures.push(record.messageId);
  };

  // 1–2. Decode, claim, check.
  const claimed: { record: SQSRecord; message: DigestMessage; to: string }[] = [];
  await mapWithConcurrency(records, SEND_CONCURRENCY, async (record) => {
    let message: DigestMessage;
    try {
      message = decodeDigestMessage(record.body);
    } catch (error) {
      logger.error('Malformed digest message', { messageId: record.messageId, ...errorFields(error) });
      fail(record);
      return;
    }
    const { job } = message;
    try {
      if (!(await claimDelivery(deps.ddb, deps.deliveriesTable, job.deliveryId))) {
        outcome.set(record.messageId, 'duplicate');
        return;
      }
    } catch (error) {
      logger.error('Claiming a digest failed', { deliveryId: job.deliveryId, ...errorFields(error) });
      fail(record);
      return;
    }
    try {
      const profile = await getDigestProfile(deps.ddb, deps.subscriptionsTable, job.subscriberId);
      const reason =
        !profile || !profile.email
          ? 'subscriber-gone'
          : profile.status !== 'confirmed'
            ? 'not-confirmed'
            : profile.paused
              ? 'paused'
              : (await isSuppressed(deps.ddb, deps.subscriptionsTable, profile.email))
                ? 'suppressed'
                : undefined;
      if (reason) {
        await markDelivered(deps.ddb, deps.deliveriesTable, job.deliveryId, `skipped:${reason}`);
        outcome.set(record.messageId, 'skipped');
        logger.info('Digest skipped', { deliveryId: job.deliveryId, reason });
        return;
      }
      // The address as it is now (the job's is from planning time).
      claimed.push({ record, message, to: profile!.email! });
    } catch (error) {
      logger.error('Checking a digest subscriber failed', { deliveryId: job.deliveryId, ...errorFields(error) });
      await releaseDelivery(deps.ddb, deps.deliveriesTable, job.deliveryId).catch(() => undefined);
      fail(record);
    }
  });

  // 3. Reports once for the batch, then render.
  const prepared: Prepared[] = [];
  if (claimed.length > 0) {
    try {
      const reports = await getReportsByIds(deps.ddb, deps.reportsTable, claimed.flatMap((c) => c.message.job.items.map((i) => i.reportId)));
      const views = new Map([...reports].map(([id, r]) => [id, reportView(r)]));
      const keys = await deps.signingKeys();
      const now = new Date();
      for (const { record, message, to } of claimed) {
        const { job } = message;
        const { groups, missing } = groupDigest(job, views);
        if (missing.length > 0) logger.warn('Digest reports missing (deleted since planning)', { deliveryId: job.deliveryId, missing: missing.length });
        const email = renderDigestEmail({
          to,
          frequency: job.frequency,
          periodLabel: job.label,
          groups,
          links: {
            unsubscribeUrl: unsubscribeUrl(deps.mail.publicBaseUrl, keys, job.subscriberId, now),
            manageUrl: manageUrl(deps.mail.publicBaseUrl, keys, job.subscriberId, now),
          },
        });
        if (!email) {
          await markDelivered(deps.ddb, deps.deliveriesTable, job.deliveryId, 'skipped:empty');
          outcome.set(record.messageId, 'skipped');
          continue;
        }
        prepared.push({ record, message, email });
      }
    } catch (error) {
      logger.error('Preparing digests failed', errorFields(error));
      for (const { record, message } of claimed) {
        if (outcome.has(record.messageId)) continue;
        await releaseDelivery(deps.ddb, deps.deliveriesTable, message.job.deliveryId).catch(() => undefined);
        fail(record);
      }
      return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
    }
  }

  // 4. Send, paced.
  const messageIds = new Map<Prepared, string | undefined>();
  const rate = prepared.length > 0 ? await deps.sendRate() : 1;
  const result = await sendPaced(
    prepared,
    async (p) => {
      messageIds.set(p, await sendEmail(deps.ses, deps.mail, p.email));
    },
    {
      ratePerSecond: rate,
      concurrency: SEND_CONCURRENCY,
      maxRetries: MAX_THROTTLE_RETRIES,
      isThrottle: isThrottlingError,
      baseDelayMs: 100,
      maxDelayMs: 5_000,
      shouldStop: () => remainingMs() < SAFETY_MS,
    },
  );

  // 5. Record what was sent; hand back the rest.
  await mapWithConcurrency(result.sent, SEND_CONCURRENCY, async (p) => {
    const { job, overflowKeys } = p.message;
    outcome.set(p.record.messageId, 'sent');
    try {
      await markDelivered(deps.ddb, deps.deliveriesTable, job.deliveryId, messageIds.get(p));
      await recordDigestSent(deps.ddb, deps.subscriptionsTable, job.subscriberId, job.frequency, job.window.to);
      if (overflowKeys && overflowKeys.length > 0) await clearOverflow(deps.ddb, deps.subscriptionsTable, overflowKeys);
    } catch (error) {
      // The email went out: never redeliver it. The claim's lease keeps duplicates away meanwhile.
      logger.error('Recording a sent digest failed', { deliveryId: job.deliveryId, ...errorFields(error) });
    }
  });
  for (const p of [...result.failed.map((f) => f.job), ...result.unsent]) {
    await releaseDelivery(deps.ddb, deps.deliveriesTable, p.message.job.deliveryId).catch(() => undefined);
    fail(p.record);
  }
  for (const f of result.failed) logger.warn('Digest send failed; the message will be redelivered', { deliveryId: f.job.message.job.deliveryId, attempts: f.attempts, ...errorFields(f.error) });

  const counts: Record<Outcome, number> = { sent: 0, duplicate: 0, skipped: 0, failed: 0 };
  for (const o of outcome.values()) counts[o]++;
  logger.info('Digest batch processed', { records: records.length, ...counts, throttled: result.throttled, ratePerSecond: rate });
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}

let defaultDeps: SenderDeps | undefined;

/** Dependencies from the environment, created once per container. */
export function senderDepsFromEnv(): SenderDeps {
  if (defaultDeps) return defaultDeps;
  const endpoint = optionalEnv('SES_ENDPOINT');
  // maxAttempts 1: only the pacer retries, and only throttled attempts (which SES did not accept).
  const ses = new SESv2Client({ region: optionalEnv('AWS_REGION') ?? 'us-east-1', ...(endpoint ? { endpoint } : {}), maxAttempts: 1 });
  defaultDeps = {
    ddb: createDocumentClient(),
    ses,
    reportsTable: requireEnv('REPORTS_TABLE'),
    subscriptionsTable: requireEnv('SUBSCRIPTIONS_TABLE'),
    deliveriesTable: requireEnv('DELIVERIES_TABLE'),
    mail: mailSettingsFromEnv(),
    signingKeys: signingKeyLoader(),
    sendRate: sesSendRate(ses),
  };
  return defaultDeps;
}

export const handler = async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> =>
  processDigestRecords(senderDepsFromEnv(), event.Records, context ? () => context.getRemainingTimeInMillis() : undefined);
