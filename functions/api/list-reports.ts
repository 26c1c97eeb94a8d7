/**
 * GET /reports: reports newest first, filtered by country, M49 region, theme and a
 * date range, paginated with an opaque cursor.
 */
import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { listReportIds, tagPartitionKey, toReport, type TagKey } from '../../shared/adapters/reports';
import { createDocumentClient } from '../../shared/clients';
import type { Report } from '../../shared/domain/report';
import { requireEnv } from '../../shared/env';
import { ValidationError } from '../../shared/errors';
import { httpHandler } from '../../shared/http/handler';
import { parseQuery } from '../../shared/http/request';
import { json } from '../../shared/http/response';
import { admitPublisher, publicReport, publisherLimiterFromEnv } from '../../shared/http/publisher';
import { ReportListQuerySchema } from '../../shared/domain/report-query';

const ddb = createDocumentClient();
const limiter = publisherLimiterFromEnv(ddb);
const table = requireEnv('REPORTS_TABLE');

/** The query schema lives in the domain, so the OpenAPI document is generated from it. */
const ListQuerySchema = ReportListQuerySchema;

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, publisherId: string, tag: TagKey): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown> | null;
    if (key && typeof key === 'object' && key['pk'] === tagPartitionKey(publisherId, tag) && typeof key['sk'] === 'string' && Object.keys(key).length === 2) return key;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ field: 'query.cursor', problem: 'is not a cursor from a previous page of this listing' }]);
}

const toIso = (value: string, endOfDay: boolean) => (value.length === 10 ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : new Date(value).toISOString());

export const handler = httpHandler(async (event) => {
  const publisher = await admitPublisher(event, 'reports:read', limiter);
  const query = parseQuery(event, ListQuerySchema);
  // Query the most selective index; the other filters are checked on the reports read.
  const tag: TagKey = query.country ? `country:${query.country}` : query.region ? `region:${query.region}` : query.theme ? `theme:${query.theme}` : 'all';
  const page = await listReportIds(ddb, table, {
    publisherId: publisher.publisherId,
    tag,
    from: query.from ? toIso(query.from, false) : undefined,
    to: query.to ? toIso(query.to, true) : undefined,
    limit: query.limit,
    startKey: query.cursor ? decodeCursor(query.cursor, publisher.publisherId, tag) : undefined,
  });
  const reports = await batchGetReports(page.reportIds);
  const items = reports.filter(
    (r) =>
      r.publisherId === publisher.publisherId &&
      (!query.region || r.regionKeys.includes(query.region)) &&
      (!query.theme || r.classification.themes.some((t) => t.id === query.theme)),
  );
  return json(200, { items: items.map(publicReport), ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}) });
});

async function batchGetReports(ids: readonly string[]): Promise<Report[]> {
  if (ids.length === 0) return [];
  const found = new Map<string, Report>();
  let keys: Record<string, unknown>[] | undefined = ids.map((id) => ({ pk: `REPORT#${id}`, sk: 'META' }));
  for (let attempt = 0; keys && keys.length > 0 && attempt < 5; attempt++) {
    const out: BatchGetCommandOutput = await ddb.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys } } }));
    for (const item of out.Responses?.[table] ?? []) {
      const report = toReport(item);
      found.set(report.id, report);
    }
    keys = out.UnprocessedKeys?.[table]?.Keys;
  }
  return ids.map((id) => found.get(id)).filter((r): r is Report => r !== undefined);
}
