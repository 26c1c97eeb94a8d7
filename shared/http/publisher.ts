/**
 * The publisher behind an authorised request, and the public view of a report.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Scope } from '../adapters/publishers';
import type { Report } from '../domain/report';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from '../errors';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { takePublisherToken } from '../adapters/publisher-rate';
import { requireEnv } from '../env';
import { rateLimitFromEnv, type BucketLimit } from '../token-bucket';

/**
 * Per-publisher throttling: PUBLISHER_RATE_LIMIT requests per second (bursts of
 * PUBLISHER_BURST_LIMIT) per publisher, one bucket in DynamoDB shared by every instance of
 * every publisher route (../adapters/publisher-rate.ts). Unset: no limit.
 */
export interface PublisherLimiter {
  readonly ddb: DynamoDBDocumentClient;
  readonly table: string;
  readonly limit: BucketLimit;
}

/** The limiter the environment asks for (the Deliveries table holds the buckets), or null for none. */
export function publisherLimiterFromEnv(ddb: DynamoDBDocumentClient): PublisherLimiter | null {
  const limit = rateLimitFromEnv('PUBLISHER_RATE_LIMIT', 'PUBLISHER_BURST_LIMIT');
  return limit ? { ddb, table: requireEnv('DELIVERIES_TABLE'), limit } : null;
}

/** The authorizer's context, as API Gateway passes it to the route. */
export interface PublisherContext {
  readonly publisherId: string;
  readonly name?: string;
  readonly scopes: readonly string[];
}

/**
 * The publisher the Lambda authorizer admitted, holding `scope`: 401 when there is no
 * publisher (a misconfigured route), 403 when its token lacks the scope.
 */
function publisherOf(event: APIGatewayProxyEventV2, scope: Scope): PublisherContext {
  const authorizer = (event.requestContext as { authorizer?: { lambda?: Record<string, unknown> } } | undefined)?.authorizer;
  const publisherId = authorizer?.lambda?.['publisherId'];
  if (typeof publisherId !== 'string' || publisherId === '') throw new UnauthorizedError();
  const name = authorizer?.lambda?.['name'];
  const rawScopes = authorizer?.lambda?.['scopes'];
  const scopes = typeof rawScopes === 'string' ? rawScopes.split(' ').filter(Boolean) : [];
  if (!scopes.includes(scope)) throw new ForbiddenError(`This publisher token lacks the "${scope}" scope; ask an administrator for a token with it`, 'insufficient_scope');
  return { publisherId, scopes, ...(typeof name === 'string' ? { name } : {}) };
}

/** `publisherOf`, then one token of the publisher's shared bucket: 429 with Retry-After when it is empty. */
export async function admitPublisher(event: APIGatewayProxyEventV2, scope: Scope, limiter: PublisherLimiter | null): Promise<PublisherContext> {
  const publisher = publisherOf(event, scope);
  if (limiter) {
    const taken = await takePublisherToken(limiter.ddb, limiter.table, publisher.publisherId, limiter.limit);
    if (!taken.ok) throw new TooManyRequestsError('Too many requests from this publisher; retry after the Retry-After delay', taken.retryAfterSeconds);
  }
  return publisher;
}

/** A report as the API returns it: without storage-only fields. */
export function publicReport(report: Report) {
  const { contentHash: _hash, regionKeys: _keys, ...rest } = report;
  return rest;
}
