/**
 * What digests store and read, in bulk: never one query per subscriber.
 *
 * Items:
 * - Reports table, `RECEIVED#<UTC date of receipt>` / `<receivedAt>#<reportId>`: the
 *   received-time index of reports, written in putReport's transaction, with the report's
 *   `regionKeys` and `themeIds` projected so planning reads these small items only. Day
 *   partitions keep writes spread and let a run query exactly the days its windows cover.
 * - Subscriptions table, `SUBSCRIBER#<id>` / `PROFILE`: digest fields on the profile
 *   (`timezone`, `digestHour`, `weeklyDay`, `lastDailyDigestAt`, `lastWeeklyDigestAt` =
 *   `window.to` of the last digest sent). The planner reads them from the `ACTIVE#digest`
 *   partition of the `byActiveFrequency` index, where each active subscriber's profile comes
 *   just before their daily and weekly rules: one stream, no lookup per subscriber.
 * - Subscriptions table, `OVERFLOW#<UTC date>` / `<subscriberId>#<reportId>`: an instant
 *   alert held back by the subscriber's per-day cap; the next digest includes it and the
 *   sender deletes it. Expires after OVERFLOW_RETENTION_DAYS.
 * - Deliveries table, `instant-count#<subscriberId>#<UTC date>`: the set of today's instant
 *   alerts (delivery ids, added conditionally below the cap), expiring after two days.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, type BatchWriteCommandOutput, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Report } from '../domain/report';
import type { DigestProfileRow, DigestRow, DigestRule, DigestSubscriber, OverflowEntry, PlannableReport, DigestRuleSummary } from '../digest/plan';
import type { DigestFrequency, Weekday } from '../digest/schedule';
import { mapWithConcurrency } from '../concurrency';
import { activeItems, DIGEST_PARTITION } from './subscriptions';

const DAY_MS = 24 * 3600 * 1000;

/** UTC calendar date (YYYY-MM-DD) of an instant. */
export function utcDate(instant: string | number | Date): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** The UTC dates from `from` to `to` inclusive. */
export function utcDatesBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${utcDate(from)}T00:00:00Z`); t <= to.getTime(); t += DAY_MS) out.push(utcDate(t));
  return out;
}

// ---------------------------------------------------------------------------
// Received-time index of reports

/** The received-index item of a report (Reports table), put in the same transaction as the report. */
export function receivedIndexItem(report: Report): Record<string, unknown> {
  return {
    pk: `RECEIVED#${utcDate(report.receivedAt)}`,
    sk: `${report.receivedAt}#${report.id}`,
    kind: 'received',
    reportId: report.id,
    receivedAt: report.receivedAt,
    regionKeys: report.regionKeys,
    themeIds: report.classification.themes.map((t) => t.id),
  };
}

/**
 * The reports received in `[from, to)`, as the planner reads them: one paginated Query per
 * UTC day, from the received index alone (no report bodies).
 */
export async function reportsReceivedBetween(ddb: DynamoDBDocumentClient, table: string, from: Date, to: Date): Promise<PlannableReport[]> {
  const days = utcDatesBetween(from, to);
  const pages = await mapWithConcurrency(days, 4, async (day) => {
    const out: PlannableReport[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await ddb.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': `RECEIVED#${day}`, ':from': from.toISOString(), ':to': to.toISOString() },
          ProjectionExpression: 'reportId, receivedAt, regionKeys, themeIds',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const at = String(item['receivedAt']);
        if (at >= to.toISOString()) continue; // `sk BETWEEN` is inclusive, the window is not
        out.push({ id: String(item['reportId']), at, regionKeys: (item['regionKeys'] as string[]) ?? [], themeIds: (item['themeIds'] as string[]) ?? [] });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return out;
  });
  return pages.flat();
}

/** Full reports by id (BatchGetItem, 100 a call, unprocessed keys retried). Missing ids are absent from the map. */
export async function getReportsByIds(ddb: DynamoDBDocumentClient, table: string, ids: readonly string[]): Promise<Map<string, Report>> {
  const items = await batchGet(ddb, table, [...new Set(ids)].map((id) => ({ pk: `REPORT#${id}`, sk: 'META' })));
  const out = new Map<string, Report>();
  for (const item of items) {
    const { pk: _pk, sk: _sk, kind: _kind, ...report } = item;
    out.set(String(report['id']), report as unknown as Report);
  }
  return out;
}

/** BatchGetItem, 100 keys a call, 8 calls at a time, retrying unprocessed keys with backoff. */
async function batchGet(ddb: DynamoDBDocumentClient, table: string, keys: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
  const results = await mapWithConcurrency(chunks, 8, async (chunk) => {
    const got: Record<string, unknown>[] = [];
    let pending: Record<string, unknown>[] | undefined = chunk;
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 0) {
        if (attempt > 8) throw new Error(`BatchGetItem on ${table} left ${pending.length} keys unprocessed`);
        await new Promise((r) => setTimeout(r, Math.min(2_000, 25 * 2 ** attempt) * Math.random()));
      }
      const result = await ddb.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: { Keys: pending },
          },
        }),
      );
      got.push(...(result.Responses?.[table] ?? []));
      pending = result.UnprocessedKeys?.[table]?.Keys as Record<string, unknown>[] | undefined;
    }
    return got;
  });
  return results.flat();
}

// ---------------------------------------------------------------------------
// Profiles

/** A profile as digests read it. */
export interface DigestProfile extends DigestSubscriber {
  readonly subscriberId: string;
}

/** Every profile field digests read (names, as several are reserved words). */
const PROFILE_FIELDS = ['subscriberId', 'email', 'status', 'paused', 'timezone', 'digestHour', 'weeklyDay', 'lastDailyDigestAt', 'lastWeeklyDigestAt'];
const PROFILE_PROJECTION = {
  expression: PROFILE_FIELDS.map((_, i) => `#p${i}`).join(', '),
  names: Object.fromEntries(PROFILE_FIELDS.map((f, i) => [`#p${i}`, f])),
};

const LAST_DIGEST_ATTRIBUTE: Readonly<Record<DigestFrequency, string>> = { daily: 'lastDailyDigestAt', weekly: 'lastWeeklyDigestAt' };

function toDigestProfile(item: Record<string, unknown>): DigestProfile {
  const str = (k: string) => (typeof item[k] === 'string' ? (item[k] as string) : undefined);
  const hour = item['digestHour'];
  const lastDigestAt: Partial<Record<DigestFrequency, string>> = {};
  for (const f of ['daily', 'weekly'] as const) {
    const v = str(LAST_DIGEST_ATTRIBUTE[f]);
    if (v) lastDigestAt[f] = v;
  }
  return {
    subscriberId: String(item['subscriberId']),
    email: str('email'),
    status: str('status'),
    paused: item['paused'] === true,
    timezone: str('timezone'),
    digestHour: typeof hour === 'number' ? hour : undefined,
    weeklyDay: str('weeklyDay') as Weekday | undefined,
    lastDigestAt,
  };
}

/**
 * Streams what a digest run plans from, in one query of the index's `ACTIVE#digest`
 * partition: each active subscriber's profile (as a `DigestProfileRow`), then their daily
 * rules, then their weekly ones, subscriber after subscriber.
 */
export async function* activeDigestRows(ddb: DynamoDBDocumentClient, table: string): AsyncGenerator<DigestRow> {
  for await (const item of activeItems(ddb, table, DIGEST_PARTITION)) {
    if (item['kind'] === 'profile') {
      const row: DigestProfileRow = { kind: 'profile', ...toDigestProfile(item) };
      yield row;
    } else yield item as unknown as DigestRule;
  }
}

/** One profile (consistent read), for the sender's last check before sending. */
export async function getDigestProfile(ddb: DynamoDBDocumentClient, table: string, subscriberId: string): Promise<DigestProfile | undefined> {
  const result = await ddb.send(
    new BatchGetCommand({
      RequestItems: {
        [table]: {
          Keys: [{ pk: `SUBSCRIBER#${subscriberId}`, sk: 'PROFILE' }],
          ConsistentRead: true,
          ProjectionExpression: PROFILE_PROJECTION.expression,
          ExpressionAttributeNames: PROFILE_PROJECTION.names,
        },
      },
    }),
  );
  const item = result.Responses?.[table]?.[0];
  return item ? toDigestProfile(item) : undefined;
}

/**
 * Records the window end of the digest just sent, so the next window starts there. Only
 * moves forward; a profile erased meanwhile is left alone.
 */
export async function recordDigestSent(ddb: DynamoDBDocumentClient, table: string, subscriberId: string, frequency: DigestFrequency, windowTo: string): Promise<void> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: `SUBSCRIBER#${subscriberId}`, sk: 'PROFILE' },
        UpdateExpression: 'SET #last = :to',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#last) OR #last < :to)',
        ExpressionAttributeNames: { '#last': LAST_DIGEST_ATTRIBUTE[frequency] },
        ExpressionAttributeValues: { ':to': windowTo },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

// ---------------------------------------------------------------------------
// Instant-alert cap and overflow

/** Instant alerts per subscriber and UTC day when neither the rule nor the environment says otherwise. */
export const DEFAULT_MAX_INSTANT_PER_DAY = 20;
/** How long a held-back alert waits for a digest (longer than the weekly look-back). */
export const OVERFLOW_RETENTION_DAYS = 35;

/**
 * Counts one instant alert for the subscriber today; false (nothing counted) when the cap
 * is reached, and the alert should go to the next digest instead. The day's item holds the
 * set of delivery ids counted, so counting the same alert again (a send that failed and is
 * retried) is a no-op: retries never use up the cap and push later alerts into a digest.
 */
export async function countInstantAlert(ddb: DynamoDBDocumentClient, deliveriesTable: string, subscriberId: string, deliveryId: string, cap: number, now = new Date()): Promise<boolean> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: deliveriesTable,
        Key: { pk: `instant-count#${subscriberId}#${utcDate(now)}` },
        UpdateExpression: 'ADD ids :ids SET expiresAt = if_not_exists(expiresAt, :exp)',
        ConditionExpression: 'attribute_not_exists(ids) OR contains(ids, :id) OR size(ids) < :cap',
        ExpressionAttributeValues: { ':ids': new Set([deliveryId]), ':id': deliveryId, ':cap': cap, ':exp': Math.floor(now.getTime() / 1000) + 2 * 24 * 3600 },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** The key of an overflow item. */
export interface OverflowKey {
  readonly pk: string;
  readonly sk: string;
}

/** Holds an instant alert back for the next digest (idempotent per subscriber and report). */
export async function recordOverflow(
  ddb: DynamoDBDocumentClient,
  subscriptionsTable: string,
  entry: { subscriberId: string; reportId: string; rules: readonly DigestRuleSummary[] },
  now = new Date(),
): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: subscriptionsTable,
      Item: {
        pk: `OVERFLOW#${utcDate(now)}`,
        sk: `${entry.subscriberId}#${entry.reportId}`,
        kind: 'overflow',
        subscriberId: entry.subscriberId,
        reportId: entry.reportId,
        rules: entry.rules.map((r) => ({ ruleId: r.ruleId, regions: [...r.regions], themes: [...r.themes], frequency: r.frequency })),
        at: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + OVERFLOW_RETENTION_DAYS * 24 * 3600,
      },
    }),
  );
}

/** Every held-back alert of the last `days` UTC days, by subscriber: one Query per day. */
export async function loadOverflow(
  ddb: DynamoDBDocumentClient,
  subscriptionsTable: string,
  now: Date,
  days = OVERFLOW_RETENTION_DAYS,
): Promise<{ entries: Map<string, OverflowEntry[]>; keys: Map<string, OverflowKey[]> }> {
  const dates = utcDatesBetween(new Date(now.getTime() - days * DAY_MS), now);
  const entries = new Map<string, OverflowEntry[]>();
  const keys = new Map<string, OverflowKey[]>();
  const pages = await mapWithConcurrency(dates, 4, async (day) => {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await ddb.send(new QueryCommand({ TableName: subscriptionsTable, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `OVERFLOW#${day}` }, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  });
  for (const item of pages.flat()) {
    const subscriberId = String(item['subscriberId']);
    const list = entries.get(subscriberId) ?? [];
    list.push({ reportId: String(item['reportId']), rules: (item['rules'] as DigestRuleSummary[]) ?? [] });
    entries.set(subscriberId, list);
    const k = keys.get(subscriberId) ?? [];
    k.push({ pk: String(item['pk']), sk: String(item['sk']) });
    keys.set(subscriberId, k);
  }
  return { entries, keys };
}

/** Deletes overflow items once their digest is sent. */
export async function clearOverflow(ddb: DynamoDBDocumentClient, subscriptionsTable: string, keys: readonly OverflowKey[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 25) {
    let pending: unknown[] | undefined = keys.slice(i, i + 25).map((key) => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } }));
    for (let attempt = 0; pending && pending.length > 0 && attempt < 8; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt * Math.random()));
      const result: BatchWriteCommandOutput = await ddb.send(new BatchWriteCommand({ RequestItems: { [subscriptionsTable]: pending as never } }));
      pending = result.UnprocessedItems?.[subscriptionsTable];
    }
  }
}

/**
 * The per-day cap of instant alerts, applied by the alert sender after it has claimed the
 * alert: within the cap it counts the alert and returns false (send it); past the cap it
 * records an overflow entry for the next digest, marks the claim as deferred and returns
 * true (do not send). A retried stream batch finds the claim first, so nothing is held back
 * twice, and a send retried after a failure is counted once (the count is a set of ids).
 */
export async function holdBackOverCap(
  ddb: DynamoDBDocumentClient,
  tables: { deliveries: string; subscriptions: string },
  alert: { deliveryId: string; subscriberId: string; reportId: string; rules: readonly DigestRuleSummary[]; cap: number },
  now = new Date(),
): Promise<boolean> {
  if (await countInstantAlert(ddb, tables.deliveries, alert.subscriberId, alert.deliveryId, alert.cap, now)) return false;
  await recordOverflow(ddb, tables.subscriptions, { subscriberId: alert.subscriberId, reportId: alert.reportId, rules: alert.rules }, now);
  await ddb.send(
    new UpdateCommand({
      TableName: tables.deliveries,
      Key: { pk: alert.deliveryId },
      UpdateExpression: 'SET #state = :deferred, deferredAt = :at REMOVE leaseUntil',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':deferred': 'deferred-to-digest', ':at': now.toISOString() },
    }),
  );
  return true;
}

/** The cap for one subscriber: `maxInstantPerDay` on their rule when set, else the default (0 or less: no cap). */
export function instantCapOf(rule: object | undefined, fallback: number): number | undefined {
  const own = (rule as { maxInstantPerDay?: unknown } | undefined)?.maxInstantPerDay;
  const cap = typeof own === 'number' && Number.isInteger(own) && own >= 0 ? own : fallback;
  return cap > 0 || (typeof own === 'number' && own === 0) ? cap : undefined;
}
