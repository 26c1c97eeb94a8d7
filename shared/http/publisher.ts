/**
 * The publisher behind an authorised request, and the public view of a report.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Report } from '../domain/report';
import { UnauthorizedError } from '../errors';

/** The authorizer's context, as API Gateway passes it to the route. */
export interface PublisherContext {
  readonly publisherId: string;
  readonly name?: string;
}

/** The publisher the Lambda authorizer admitted; 401 when absent (a misconfigured route). */
export function publisherOf(event: APIGatewayProxyEventV2): PublisherContext {
  const authorizer = (event.requestContext as { authorizer?: { lambda?: Record<string, unknown> } }).authorizer;
  const publisherId = authorizer?.lambda?.['publisherId'];
  if (typeof publisherId !== 'string' || publisherId === '') throw new UnauthorizedError();
  const name = authorizer?.lambda?.['name'];
  return { publisherId, ...(typeof name === 'string' ? { name } : {}) };
}

/** A report as the API returns it: without storage-only fields. */
export function publicReport(report: Report) {
  const { contentHash: _hash, regionKeys: _keys, ...rest } = report;
  return rest;
}
