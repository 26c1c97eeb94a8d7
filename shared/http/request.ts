/**
 * Parsing API Gateway HTTP API (payload 2.0) requests at the edge: content type, size,
 * JSON and form bodies, query strings, each validated with zod into typed values or a
 * ValidationError that names the field and the problem.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError, type FieldIssue } from '../errors';

/** Default largest JSON body a route accepts, in bytes. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** The raw body as a UTF-8 string ('' when absent), checked against a size limit. */
export function rawBody(event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>, maxBytes: number): string {
  if (event.body === undefined || event.body === null) return '';
  const buffer = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (buffer.byteLength > maxBytes) throw new PayloadTooLargeError(maxBytes);
  return buffer.toString('utf8');
}

/** The media type of the request (lower-case, without parameters), if any. */
export function mediaType(event: Pick<APIGatewayProxyEventV2, 'headers'>): string | undefined {
  const header = event.headers?.['content-type'];
  return header?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** True for application/json and application/*+json. */
export function isJsonMediaType(type: string | undefined): boolean {
  return type === 'application/json' || (type !== undefined && /^application\/[a-z0-9.+-]+\+json$/.test(type));
}

/** Maps zod issues to field issues with dotted paths. */
export function toFieldIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.') || prefix || 'body';
    return { field, problem: issue.message };
  });
}

/** Validates a value with a schema, throwing ValidationError with field-level issues. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error, prefix));
  return result.data;
}

/** Parses request text that must be a JSON object, or throws a ValidationError naming `body`. */
export function parseJsonObject(text: string): object {
  if (text.trim() === '') throw new ValidationError([{ field: 'body', problem: 'is empty; send a JSON object' }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError([{ field: 'body', problem: `is not valid JSON (${(error as Error).message.slice(0, 120)})` }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError([{ field: 'body', problem: 'must be a JSON object' }]);
  }
  return value;
}

/** Parses and validates a JSON body: 415 on another content type, 413 when too large, 400 when invalid. */
export function parseJsonBody<S extends z.ZodType>(event: APIGatewayProxyEventV2, schema: S, maxBytes = DEFAULT_MAX_BODY_BYTES): z.output<S> {
  const type = mediaType(event);
  if (!isJsonMediaType(type)) throw new UnsupportedMediaTypeError(['application/json'], type);
  return validate(schema, parseJsonObject(rawBody(event, maxBytes)));
}

/** Parses an application/x-www-form-urlencoded body into a plain object (last value wins). */
export function parseFormBody(event: APIGatewayProxyEventV2, maxBytes = 16 * 1024): Record<string, string> {
  const type = mediaType(event);
  if (type !== undefined && type !== 'application/x-www-form-urlencoded') {
    throw new UnsupportedMediaTypeError(['application/x-www-form-urlencoded'], type);
  }
  const params = new URLSearchParams(rawBody(event, maxBytes));
  return Object.fromEntries(params.entries());
}

/** Validates the query string (API Gateway joins repeated keys with commas). */
export function parseQuery<S extends z.ZodType>(event: APIGatewayProxyEventV2, schema: S): z.output<S> {
  return validate(schema, event.queryStringParameters ?? {}, 'query');
}
