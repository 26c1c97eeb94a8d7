/**
 * GET /reports/{id}: one stored report with its classification.
 */
import { getReport } from '../../shared/adapters/reports';
import { createDocumentClient } from '../../shared/clients';
import { requireEnv } from '../../shared/env';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { httpHandler } from '../../shared/http/handler';
import { json } from '../../shared/http/response';
import { admitPublisher, publicReport, publisherLimiterFromEnv } from '../../shared/http/publisher';

const ddb = createDocumentClient();
const limiter = publisherLimiterFromEnv(ddb);
const table = requireEnv('REPORTS_TABLE');

export const handler = httpHandler(async (event) => {
  const publisher = await admitPublisher(event, 'reports:read', limiter);
  const id = event.pathParameters?.['id'] ?? '';
  if (!/^rpt_[A-Za-z0-9_-]{22}$/.test(id)) throw new ValidationError([{ field: 'id', problem: 'is not a report id (rpt_ followed by 22 characters)' }]);
  const report = await getReport(ddb, table, id);
  // Another publisher's report is answered exactly like a missing one: its existence is not revealed.
  if (!report || report.publisherId !== publisher.publisherId) throw new NotFoundError(`No report with id ${id}`);
  return json(200, publicReport(report));
});
