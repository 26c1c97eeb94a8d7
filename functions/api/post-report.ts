/**
 * POST /reports: validate, classify, store once. A retry with the same Idempotency-Key
 * (or the same content) returns the stored report with 200 instead of 201.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { putFeedEntries } from '../../shared/adapters/feeds';
import { putReport } from '../../shared/adapters/reports';
import { classify } from '../../shared/classify/index';
import { createDocumentClient } from '../../shared/clients';
import { contentHash, MAX_IDEMPOTENCY_KEY_CHARS, normalisePublished, reportId, ReportInputSchema, type Report } from '../../shared/domain/report';
import { expandRegions } from '../../shared/taxonomy/m49';
import { requireEnv } from '../../shared/env';
import { ConflictError, ValidationError } from '../../shared/errors';
import { httpHandler } from '../../shared/http/handler';
import { parseReportBody } from '../../shared/http/report-body';
import { json } from '../../shared/http/response';
import { admitPublisher, publicReport, publisherLimiterFromEnv } from '../../shared/http/publisher';
import { logger } from '../../shared/logger';

const ddb = createDocumentClient();
const limiter = publisherLimiterFromEnv(ddb);
const table = requireEnv('REPORTS_TABLE');

/** Largest request body: a 100,000-character report in UTF-8 plus its other fields. */
const MAX_REQUEST_BYTES = 512 * 1024;

function idempotencyKeyOf(event: APIGatewayProxyEventV2): string | undefined {
  const key = event.headers?.['idempotency-key']?.trim();
  if (key === undefined || key === '') return undefined;
  if (key.length > MAX_IDEMPOTENCY_KEY_CHARS || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ValidationError([{ field: 'idempotency-key', problem: `must be 1 to ${MAX_IDEMPOTENCY_KEY_CHARS} visible ASCII characters` }]);
  }
  return key;
}

export const handler = httpHandler(async (event) => {
  const publisher = await admitPublisher(event, 'reports:write', limiter);
  // JSON fields, or a press-release page (text/html, or JSON {"html": ...}) reduced to them.
  const input = parseReportBody(event, MAX_REQUEST_BYTES);
  const idempotencyKey = idempotencyKeyOf(event);
  const now = new Date();
  const hash = contentHash(input);
  const id = reportId(publisher.publisherId, idempotencyKey, hash);
  // The report id is the correlation id of every later log line about this report.
  logger.appendKeys({ reportId: id });
  const classification = classify(input);
  const report: Report = {
    ...input,
    id,
    publisherId: publisher.publisherId,
    published: normalisePublished(input.published, now),
    receivedAt: now.toISOString(),
    contentHash: hash,
    classification,
    regionKeys: expandRegions(classification.countries, classification.regions),
  };
  const result = await putReport(ddb, table, report);
  if (!result.created && result.report.contentHash !== hash) {
    throw new ConflictError('This Idempotency-Key was already used for a different report');
  }
  // The public feed entries: idempotent, so a retry rewrites any a crash left unwritten.
  await putFeedEntries(ddb, table, result.report);
  // (the id is also named here, not only in the appended keys: where several handlers share one
  // process, as in `npm start`, another handler's removeKeys may run between append and log)
  logger.info(result.created ? 'Report stored' : 'Report replayed', { reportId: id, publisherId: publisher.publisherId, countries: classification.countries, themes: classification.themes.map((t) => t.id) });
  return json(result.created ? 201 : 200, publicReport(result.report), {
    location: `/reports/${id}`,
    ...(result.created ? {} : { 'idempotent-replayed': 'true' }),
  });
});
