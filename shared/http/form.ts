/**
 * HTML form bodies (application/x-www-form-urlencoded) with repeated fields, as the
 * subscription pages post them (several `regions` and `themes`).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { UnsupportedMediaTypeError } from '../errors';
import { mediaType, rawBody } from './request';

/** True when the request carries an HTML form body. */
export function isFormRequest(event: APIGatewayProxyEventV2): boolean {
  return mediaType(event) === 'application/x-www-form-urlencoded';
}

/** The form's fields (repeatable); 415 for another content type, 413 above `maxBytes`. */
export function formParams(event: APIGatewayProxyEventV2, maxBytes = 64 * 1024): URLSearchParams {
  const type = mediaType(event);
  if (type !== undefined && type !== 'application/x-www-form-urlencoded') throw new UnsupportedMediaTypeError(['application/x-www-form-urlencoded'], type);
  return new URLSearchParams(rawBody(event, maxBytes));
}

/** A rule's fields from a form: repeated regions and themes, an empty language as none. */
export function ruleFieldsOf(params: URLSearchParams): Record<string, unknown> {
  const language = params.get('language')?.trim();
  return {
    regions: params.getAll('regions').filter((v) => v.trim() !== ''),
    themes: params.getAll('themes').filter((v) => v.trim() !== ''),
    ...(params.has('frequency') ? { frequency: params.get('frequency') } : {}),
    ...(language ? { language } : {}),
  };
}

/**
 * When digests arrive, from a form: time zone, hour (a whole number as a number; anything
 * else is passed on for validation to refuse by name) and weekly day; empty fields absent.
 */
export function deliveryTimeFieldsOf(params: URLSearchParams): Record<string, unknown> {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const timezone = text('timezone');
  const hour = text('digestHour');
  const weeklyDay = text('weeklyDay');
  return {
    ...(timezone ? { timezone } : {}),
    ...(hour !== undefined ? { digestHour: /^\d{1,2}$/.test(hour) ? Number(hour) : hour } : {}),
    ...(weeklyDay ? { weeklyDay } : {}),
  };
}

/** The client's address as API Gateway saw it. */
export function sourceIp(event: APIGatewayProxyEventV2): string {
  return event.requestContext?.http?.sourceIp ?? 'unknown';
}
