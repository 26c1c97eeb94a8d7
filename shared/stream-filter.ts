/**
 * Which stream records of the Reports table are new reports. The CDK event source
 * mapping uses this as its filter pattern and the local stream poller applies the
 * same rule, so tag-index items never reach the alert handler.
 */

/** Lambda event-source filter pattern: INSERTs of report items (sort key `META`). */
export const NEW_REPORT_FILTER_PATTERN = {
  eventName: ['INSERT'],
  dynamodb: { Keys: { sk: { S: ['META'] } } },
} as const;

/** The same rule as NEW_REPORT_FILTER_PATTERN, for the local poller. */
export function isNewReportRecord(record: { eventName?: string; dynamodb?: { Keys?: Record<string, { S?: string } | undefined> } }): boolean {
  return record.eventName === 'INSERT' && record.dynamodb?.Keys?.['sk']?.S === 'META';
}
