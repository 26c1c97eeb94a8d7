/**
 * The body of `POST /reports`: report fields as JSON, or a press-release page as HTML —
 * `Content-Type: text/html` with the page as the body, or JSON `{"html": ..., ...overrides}`.
 * Pages are reduced to report fields (shared/domain/report-html.ts) and then validated
 * exactly like JSON submissions.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ReportInputSchema, type ReportInput } from '../domain/report';
import { MAX_HTML_BYTES, ReportHtmlInputSchema, reportFieldsFromHtml } from '../domain/report-html';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError, type FieldIssue } from '../errors';
import { isJsonMediaType, mediaType, parseJsonObject, rawBody, validate } from './request';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Validates fields extracted from a page; a missing title or text names the page as the cause. */
function validateFromPage(fields: Record<string, unknown>, prefix?: string): ReportInput {
  const missing: FieldIssue[] = [];
  if (!fields['title']) missing.push({ field: 'title', problem: 'could not be found in the page (no og:title, h1 or title); send it alongside the page' });
  if (!fields['body']) missing.push({ field: 'body', problem: 'the page has no paragraphs of text' });
  if (missing.length) throw new ValidationError(missing);
  return validate(ReportInputSchema, fields, prefix);
}

/** Parses and validates a report submission (JSON fields, JSON with `html`, or an HTML page). */
export function parseReportBody(event: APIGatewayProxyEventV2, maxJsonBytes: number): ReportInput {
  const type = mediaType(event);
  if (type !== undefined && HTML_TYPES.has(type)) {
    const page = rawBody(event, MAX_HTML_BYTES);
    if (page.trim() === '') throw new ValidationError([{ field: 'body', problem: 'is empty; send the HTML page' }]);
    return validateFromPage(reportFieldsFromHtml({ html: page }));
  }
  if (!isJsonMediaType(type)) throw new UnsupportedMediaTypeError(['application/json', 'text/html'], type);
  const text = rawBody(event, MAX_HTML_BYTES);
  const value = parseJsonObject(text);
  if ('html' in value) return validateFromPage(reportFieldsFromHtml(validate(ReportHtmlInputSchema, value)));
  if (Buffer.byteLength(text) > maxJsonBytes) throw new PayloadTooLargeError(maxJsonBytes);
  return validate(ReportInputSchema, value);
}
