/**
 * GET /reports/{id}/event.ics: the event a report announces (dates and venue found in its
 * text) as an iCalendar file. Public, like the alert emails that link to it: subscribers
 * hold no publisher token. It shows only what an alert shows (title, dates, venue, excerpt,
 * link); report ids are unguessable hashes.
 */
import { getReport } from '../../shared/adapters/reports';
import { createDocumentClient } from '../../shared/clients';
import { detectEvent, eventIcs } from '../../shared/domain/calendar';
import { excerpt } from '../../shared/domain/email';
import { requireEnv } from '../../shared/env';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { httpHandler } from '../../shared/http/handler';

const ddb = createDocumentClient();
const table = requireEnv('REPORTS_TABLE');

export const handler = httpHandler(async (event) => {
  const id = event.pathParameters?.['id'] ?? '';
  if (!/^rpt_[A-Za-z0-9_-]{22}$/.test(id)) throw new ValidationError([{ field: 'id', problem: 'is not a report id (rpt_ followed by 22 characters)' }]);
  const report = await getReport(ddb, table, id);
  if (!report) throw new NotFoundError(`No report with id ${id}`);
  const found = detectEvent(report);
  if (!found) throw new NotFoundError('This report names no event dates');
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/calendar; charset=utf-8; method=PUBLISH',
      'content-disposition': `attachment; filename="herald-${id}.ics"`,
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    },
    body: eventIcs(report, found, { description: excerpt(report.body) }),
  };
});
