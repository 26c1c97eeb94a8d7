/**
 * The publisher behind an authorised request, and the public view of a report.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Scope } from '../adapters/publishers';
import type { Report } from '../domain/report';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from '../errors';
import { KeyedTokenBuckets, rateLimitFromEnv } from '../token-bucket';

/**
 * Per-publisher throttling: PUBLISHER_RATE_LIMIT requests per second (burst
 * PUBLISHER_BURST_LIMIT) per publisher, counted in this process. In AWS that is per
 * execution environment of a route's function, so it bounds one publisher's share of
 * each warm container; the API stage's throttle bounds the total. Unset: no limit.
 */
let publisherBuckets: KeyedTokenBuckets | null | undefined;
function takePublisherToken(publisherId: string): void {
  if (publisherBuckets === undefined) {
    const limit = rateLimitFromEnv('PUBLISHER_RATE_LIMIT', 'PUBLISHER_BURST_LIMIT');
    publisherBuckets = limit ? new KeyedTokenBuckets(limit) : null;
  }
  const taken = publisherBuckets?.take(publisherId);
  if (taken && !taken.ok) throw new TooManyRequestsError('Too many requests from this publisher; retry after the Retry-After delay', taken.retryAfterSeconds);
}

/** The authorizer's context, as API Gateway passes it to the route. */
export interface PublisherContext {
  readonly publisherId: string;
  readonly name?: string;
  readonly scopes: readonly string[];
}

/**
 * The publisher the Lambda authorizer admitted, holding `scope`: 401 when there is no
 * publisher (a misconfigured route), 403 when its token lacks the scope, 429 when the
 * publisher is over its rate.
 */
export function publisherOf(event: APIGatewayProxyEventV2, scope: Scope): PublisherContext {
  const authorizer = (event.requestContext as { authorizer?: { lambda?: Record<string, unknown> } } | undefined)?.authorizer;
  const publisherId = authorizer?.lambda?.['publisherId'];
  if (typeof publisherId !== 'string' || publisherId === '') throw new UnauthorizedError();
  const name = authorizer?.lambda?.['name'];
  const rawScopes = authorizer?.lambda?.['scopes'];
  const scopes = typeof rawScopes === 'string' ? rawScopes.split(' ').filter(Boolean) : [];
  if (!scopes.includes(scope)) throw new ForbiddenError(`This publisher token lacks the "${scope}" scope; ask an administrator for a token with it`, 'insufficient_scope');
  takePublisherToken(publisherId);
  return { publisherId, scopes, ...(typeof name === 'string' ? { name } : {}) };
}

/** A report as the API returns it: without storage-only fields. */
export function publicReport(report: Report) {
  const { contentHash: _hash, regionKeys: _keys, ...rest } = report;
  return rest;
}
