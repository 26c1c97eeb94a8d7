/**
 * Consumes the Reports table stream (new reports only, by the event-source filter) and
 * sends instant alerts: match the report against active instant rules, then for each
 * matching subscriber claim the delivery, send through SES, mark it sent. A retried
 * batch finds the claims and sends nothing twice.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { DeliveryInProgressError, markDelivered, releaseDelivery, tryClaimDelivery } from '../../shared/adapters/deliveries';
import { DEFAULT_MAX_INSTANT_PER_DAY, holdBackOverCap, instantCapOf } from '../../shared/adapters/digests';
import { sendEmail } from '../../shared/adapters/mailer';
import { toReport } from '../../shared/adapters/reports';
import { signingKeyLoader } from '../../shared/adapters/signing-keys';
import { activeInstantRules, type StoredRule } from '../../shared/adapters/subscriptions';
import { suppressedAmong } from '../../shared/adapters/suppression';
import { createDocumentClient, createSesClient } from '../../shared/clients';
import { detectEvent } from '../../shared/domain/calendar';
import { renderAlertEmail, reportView } from '../../shared/domain/email';
import { manageUrl, unsubscribeUrl } from '../../shared/domain/links';
import type { Report } from '../../shared/domain/report';
import { matchSubscribers } from '../../shared/domain/subscription';
import { intEnv, requireEnv } from '../../shared/env';
import { errorFields, logger } from '../../shared/logger';
import { mailSettingsFromEnv } from '../../shared/mail-settings';
import { isNewReportRecord } from '../../shared/stream-filter';
import { mapWithConcurrency } from '../../shared/concurrency';

const ddb = createDocumentClient();
const ses = createSesClient();
const subscriptionsTable = requireEnv('SUBSCRIPTIONS_TABLE');
const deliveriesTable = requireEnv('DELIVERIES_TABLE');
const mail = mailSettingsFromEnv();
const signingKeys = signingKeyLoader();
/** Instant alerts per subscriber and UTC day; past it they wait for the next digest (0: no cap). */
const maxInstantPerDay = intEnv('MAX_INSTANT_PER_DAY', DEFAULT_MAX_INSTANT_PER_DAY);

/** Sends in parallel, bounded so one batch cannot exceed the SES send rate by much. */
const SEND_CONCURRENCY = 8;

type ActiveRule = StoredRule & { email: string };

/** Marks a sent delivery, with a few quick retries; never throws (the email is already out). */
async function recordSent(deliveryId: string, messageId: string | undefined, now: Date): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await markDelivered(ddb, deliveriesTable, deliveryId, messageId, now);
      return;
    } catch (error) {
      // Seven attempts over about 6 s: a throttle that outlasts them leaves the claim held, and
      // only a replay after its lease could send this email again (see README, Reliability).
      if (attempt >= 7) {
        logger.warn('Alert sent but not recorded as sent; its claim is held until the lease ends', errorFields(error));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

async function alertSubscribers(report: Report, rules: readonly ActiveRule[]): Promise<{ sent: number; skipped: number }> {
  const matches = matchSubscribers(
    { regionKeys: report.regionKeys, themeIds: report.classification.themes.map((t) => t.id) },
    rules,
  );
  const keys = await signingKeys();
  // Read right before sending: a bounce, complaint or erasure a moment ago already counts.
  const suppressed = await suppressedAmong(ddb, subscriptionsTable, matches.map((m) => m.rules[0]!.email));
  let sent = 0;
  let skipped = 0;
  let busy = 0;
  await mapWithConcurrency(matches, SEND_CONCURRENCY, async (match) => {
    if (suppressed.has(match.rules[0]!.email)) {
      skipped++;
      return;
    }
    const deliveryId = `alert#${report.id}#${match.subscriberId}`;
    const claim = await tryClaimDelivery(ddb, deliveriesTable, deliveryId);
    if (claim === 'sent') {
      skipped++;
      return;
    }
    if (claim === 'busy') {
      // Another send holds the claim, or one crashed after claiming: retry once its lease ends.
      busy++;
      return;
    }
    // Over the subscriber's per-day cap: the alert goes in their next digest instead.
    const cap = instantCapOf(match.rules[0], maxInstantPerDay);
    const rules = match.rules.map((r) => ({ ruleId: r.ruleId, regions: r.regions, themes: r.themes, frequency: r.frequency }));
    if (cap !== undefined && (await holdBackOverCap(ddb, { deliveries: deliveriesTable, subscriptions: subscriptionsTable }, { deliveryId, subscriberId: match.subscriberId, reportId: report.id, rules, cap }))) {
      skipped++;
      return;
    }
    const now = new Date();
    const email = renderAlertEmail({
      to: match.rules[0]!.email,
      report: { ...reportView(report), ...(detectEvent(report) ? { calendarUrl: `${mail.publicBaseUrl}/reports/${report.id}/event.ics` } : {}) },
      // Each matched rule says why, with its own unsubscribe link; the footer and the
      // List-Unsubscribe header unsubscribe from everything.
      matchedRules: match.rules.map((rule) => ({ ...rule, unsubscribeUrl: unsubscribeUrl(mail.publicBaseUrl, keys, match.subscriberId, now, rule.ruleId) })),
      links: {
        unsubscribeUrl: unsubscribeUrl(mail.publicBaseUrl, keys, match.subscriberId, now),
        manageUrl: manageUrl(mail.publicBaseUrl, keys, match.subscriberId, now),
      },
    });
    let messageId: string | undefined;
    try {
      messageId = await sendEmail(ses, mail, email);
    } catch (error) {
      // Not sent: give the claim back so the retry sends. If even that fails, the lease ends it.
      await releaseDelivery(ddb, deliveriesTable, deliveryId).catch(() => undefined);
      throw error;
    }
    sent++;
    // Sent: never give this claim back now (a retry would send it twice). Record it, retrying
    // a throttled write; if that still fails, the claim stays held until its lease ends.
    await recordSent(deliveryId, messageId, now);
  });
  if (busy > 0) throw new DeliveryInProgressError(busy);
  return { sent, skipped };
}

/**
 * Processes every record; reports each failed one. Lambda re-delivers from the first
 * failure, and the records after it that succeeded find their claims and send nothing
 * again, so one bad record delays the others' emails by no more than a retry.
 */
export async function processRecords(records: readonly DynamoDBRecord[]): Promise<DynamoDBBatchResponse> {
  let rules: ActiveRule[] | undefined;
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of records) {
    if (!isNewReportRecord(record as Parameters<typeof isNewReportRecord>[0]) || !record.dynamodb?.NewImage) continue;
    const image = record.dynamodb.NewImage as Record<string, AttributeValue>;
    // The report id is the correlation id of every log line about this record.
    const reportId = image['id']?.S ?? 'unknown';
    logger.appendKeys({ reportId });
    try {
      const report = toReport(unmarshall(image));
      if (!rules) {
        rules = [];
        for await (const rule of activeInstantRules(ddb, subscriptionsTable)) rules.push(rule);
      }
      const result = await alertSubscribers(report, rules);
      logger.info('Report alerts processed', { reportId, ...result });
    } catch (error) {
      logger.error('Alerting failed; the record will be retried', { sequenceNumber: record.dynamodb.SequenceNumber, ...errorFields(error) });
      batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber! });
    } finally {
      logger.removeKeys(['reportId']);
    }
  }
  return { batchItemFailures };
}

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => processRecords(event.Records);
