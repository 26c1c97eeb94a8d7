/**
 * Reports table adapter. A report is one item (`REPORT#<id>` / `META`) plus one tag-index
 * item per filterable tag (`TAG#<publisherId>#<kind>:<value>` / `<published>#<id>`), written
 * together in one transaction so a report is never half-stored, and conditionally so a retry
 * is a no-op. The publisher is part of the tag partition key, so a listing reads only the
 * caller's own reports: no filtering after the fact, no other publisher's items read.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Report } from '../domain/report';
import { receivedIndexItem } from './digests';

/** The filter a report listing is keyed by. */
export type TagKey = `country:${string}` | `region:${string}` | `theme:${string}` | 'all';

/** The tag keys under which a report is indexed. */
export function tagKeysOf(report: Report): TagKey[] {
  const keys = new Set<TagKey>(['all']);
  for (const c of report.classification.countries) keys.add(`country:${c}`);
  for (const r of report.regionKeys) keys.add(/^\d{3}$/.test(r) ? `region:${r}` : `country:${r}`);
  for (const t of report.classification.themes) keys.add(`theme:${t.id}`);
  return [...keys];
}

const reportKey = (id: string) => ({ pk: `REPORT#${id}`, sk: 'META' });

/** The partition key of one publisher's tag index. */
export const tagPartitionKey = (publisherId: string, tag: TagKey) => `TAG#${publisherId}#${tag}`;

/** Outcome of storing a report. */
export type PutReportResult = { created: true; report: Report } | { created: false; report: Report };

/**
 * Stores a report and its tag items atomically. When a report with the same id exists
 * (a retry), nothing is written and the stored report is returned.
 */
export async function putReport(ddb: DynamoDBDocumentClient, table: string, report: Report): Promise<PutReportResult> {
  const tagItems = tagKeysOf(report).map((tag) => ({
    Put: {
      TableName: table,
      Item: { pk: tagPartitionKey(report.publisherId, tag), sk: `${report.published}#${report.id}`, reportId: report.id, publisherId: report.publisherId, published: report.published },
    },
  }));
  try {
    await ddb.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { ...reportKey(report.id), kind: 'report', ...report }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ...tagItems,
          // The received-time index that digest runs read (see ./digests.ts).
          { Put: { TableName: table, Item: receivedIndexItem(report) } },
        ],
      }),
    );
    return { created: true, report };
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
      const existing = await getReport(ddb, table, report.id);
      if (existing) return { created: false, report: existing };
    }
    throw error;
  }
}

/** The stored report with that id, or undefined. */
export async function getReport(ddb: DynamoDBDocumentClient, table: string, id: string): Promise<Report | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName: table, Key: reportKey(id), ConsistentRead: true }));
  return Item ? toReport(Item) : undefined;
}

/** Strips storage keys from an item. */
export function toReport(item: Record<string, unknown>): Report {
  const { pk: _pk, sk: _sk, kind: _kind, ...report } = item;
  return report as unknown as Report;
}

/** A page of report ids from a tag index, newest first. */
export interface ReportPage {
  readonly reportIds: string[];
  /** Opaque key to continue from, when more may follow. */
  readonly next?: Record<string, unknown>;
}

/** Lists one publisher's report ids under a tag, newest first, optionally within [from, to] (ISO date-times). */
export async function listReportIds(
  ddb: DynamoDBDocumentClient,
  table: string,
  query: { publisherId: string; tag: TagKey; from?: string; to?: string; limit: number; startKey?: Record<string, unknown> },
): Promise<ReportPage> {
  const values: Record<string, unknown> = { ':pk': tagPartitionKey(query.publisherId, query.tag) };
  let range = '';
  if (query.from && query.to) {
    range = ' AND sk BETWEEN :from AND :to';
    values[':from'] = query.from;
    values[':to'] = `${query.to}\uffff`;
  } else if (query.from) {
    range = ' AND sk >= :from';
    values[':from'] = query.from;
  } else if (query.to) {
    range = ' AND sk <= :to';
    values[':to'] = `${query.to}\uffff`;
  }
  const { Items, LastEvaluatedKey } = await ddb.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: `pk = :pk${range}`,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: query.limit,
      ExclusiveStartKey: query.startKey,
    }),
  );
  return { reportIds: (Items ?? []).map((item) => String(item['reportId'])), next: LastEvaluatedKey };
}
