/**
 * The public feed index (Reports table): for every report, one small item per feed it
 * belongs to — `FEED#all`, `FEED#region:<M49 area or ISO3>`, `FEED#theme:<id>` — sorted by
 * `<published>#<id>`. Each item holds only what an alert email shows (title, link, date,
 * dateline, source, places, themes, a short excerpt, whether it names an event), so the
 * public GET /feeds reads these items alone and can never expose a stored report.
 *
 * Written after the report by POST /reports, with idempotent puts: a retried POST (same
 * Idempotency-Key or content) writes them again, so a crash in between heals on retry.
 */
import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { detectEvent } from '../domain/calendar';
import { excerpt } from '../domain/email';
import type { Report } from '../domain/report';

/** One entry of a public feed. */
export interface FeedEntry {
  readonly reportId: string;
  readonly title: string;
  readonly published: string;
  readonly receivedAt: string;
  readonly summary: string;
  readonly url?: string;
  readonly dateline?: string;
  readonly source?: string;
  readonly language?: string;
  readonly countries: readonly string[];
  readonly regions: readonly string[];
  readonly themes: readonly string[];
  /** Whether the report names event dates (GET /reports/{id}/event.ics answers). */
  readonly hasEvent: boolean;
}

/** A feed's key: all reports, a region (M49 area or ISO3 country) or a theme. */
export type FeedKey = 'all' | `region:${string}` | `theme:${string}`;

/** The feed entry of a report. */
export function feedEntryOf(report: Report): FeedEntry {
  return {
    reportId: report.id,
    title: report.title,
    published: report.published,
    receivedAt: report.receivedAt,
    summary: excerpt(report.body),
    ...(report.url ? { url: report.url } : {}),
    ...(report.dateline ? { dateline: report.dateline } : {}),
    ...(report.source ? { source: report.source } : {}),
    ...(report.language ? { language: report.language } : {}),
    countries: report.classification.countries,
    regions: report.classification.regions,
    themes: report.classification.themes.map((t) => t.id),
    hasEvent: detectEvent(report) !== undefined,
  };
}

/** The feeds a report appears in. */
export function feedKeysOf(report: Report): FeedKey[] {
  const regions: FeedKey[] = [...new Set(report.regionKeys)].map((k) => `region:${k}` as const);
  const themes: FeedKey[] = report.classification.themes.map((t) => `theme:${t.id}` as const);
  return ['all', ...regions, ...themes];
}

/** Writes (or rewrites) a report's feed items. */
export async function putFeedEntries(ddb: DynamoDBDocumentClient, table: string, report: Report): Promise<void> {
  const entry = feedEntryOf(report);
  const items = feedKeysOf(report).map((key) => ({ PutRequest: { Item: { pk: `FEED#${key}`, sk: `${report.published}#${report.id}`, kind: 'feed', ...entry } } }));
  for (let i = 0; i < items.length; i += 25) {
    let pending: typeof items | undefined = items.slice(i, i + 25);
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt >= 6) throw new Error('Could not write feed entries: DynamoDB kept returning unprocessed items');
      if (attempt > 0) await new Promise((done) => setTimeout(done, 50 * 2 ** attempt));
      const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = out.UnprocessedItems?.[table] as typeof items | undefined;
    }
  }
}

/** The newest entries of a feed, optionally only those with a theme. */
export async function listFeedEntries(ddb: DynamoDBDocumentClient, table: string, query: { key: FeedKey; theme?: string; limit: number }): Promise<FeedEntry[]> {
  const out: FeedEntry[] = [];
  let startKey: Record<string, unknown> | undefined;
  // Filtering by a second key may need more than one page; stop after a few.
  for (let page = 0; page < 5 && out.length < query.limit; page++) {
    const res = await ddb.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `FEED#${query.key}`, ...(query.theme ? { ':theme': query.theme } : {}) },
        ...(query.theme ? { FilterExpression: 'contains(themes, :theme)' } : {}),
        ScanIndexForward: false,
        Limit: query.theme ? Math.max(query.limit * 2, 50) : query.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of res.Items ?? []) {
      const { pk: _pk, sk: _sk, kind: _kind, ...entry } = item;
      out.push(entry as unknown as FeedEntry);
    }
    startKey = res.LastEvaluatedKey;
    if (!startKey) break;
  }
  return out.slice(0, query.limit);
}
