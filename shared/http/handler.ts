/**
 * The middy stack every HTTP function shares: correlation ids and structured logging
 * first, the handler last, and an error handler that exposes typed 4xx errors and
 * hides everything else behind a generic 500.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { HttpError, TooManyRequestsError } from '../errors';
import { errorFields, logger } from '../logger';
import { html, json } from './response';
import { errorPage } from '../domain/pages';

/** A route handler: typed event in, structured result out. */
export type RouteHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Options for httpHandler. */
export interface HttpHandlerOptions {
  /** Render errors as HTML pages (for the pages people open from emails). */
  readonly htmlErrors?: boolean;
}

/** The error body every JSON route returns. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly issues?: readonly { field: string; problem: string }[] };
}

const TRANSIENT_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'LimitExceededException',
  'TransactionConflictException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** Whether an error is a throttle or timeout of an AWS dependency (worth retrying). */
export function isTransientAwsError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (TRANSIENT_ERRORS.has(error.name)) return true;
  // A transaction cancelled only because of throttling or a conflicting transaction.
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  if (error.name === 'TransactionCanceledException' && reasons?.some((r) => r.Code === 'ThrottlingError' || r.Code === 'TransactionConflict')) {
    return reasons.every((r) => !r.Code || r.Code === 'None' || r.Code === 'ThrottlingError' || r.Code === 'TransactionConflict');
  }
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 503;
}

/** Maps any thrown value to a response: HttpError as itself, anything else as a generic 500. */
export function errorResponse(error: unknown, options: HttpHandlerOptions = {}): APIGatewayProxyStructuredResultV2 {
  if (error instanceof HttpError) {
    const headers: Record<string, string> = error instanceof TooManyRequestsError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    if (options.htmlErrors) return html(error.statusCode, errorPage(error.statusCode, error.message), headers);
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } };
    return json(error.statusCode, body, headers);
  }
  // Only the error's kind and stack frames: messages from the SDK can echo item contents.
  if (isTransientAwsError(error)) {
    // Throttled or timed out after the SDK's own retries: nothing was half-done (writes are
    // transactions or conditional), so the caller may retry the same request.
    logger.warn('Dependency unavailable', errorFields(error));
    const headers = { 'retry-after': '1' };
    if (options.htmlErrors) return html(503, errorPage(503, 'We are busy right now. Please try again in a moment.'), headers);
    return json(503, { error: { code: 'unavailable', message: 'Temporarily unavailable; retry after the Retry-After delay' } } satisfies ErrorBody, headers);
  }
  logger.error('Unhandled error', errorFields(error));
  if (options.htmlErrors) return html(500, errorPage(500, 'Something went wrong on our side. Please try again later.'));
  return json(500, { error: { code: 'internal_error', message: 'Internal server error' } } satisfies ErrorBody);
}

/** Wraps a route handler in Herald's middy stack. */
export function httpHandler(fn: RouteHandler, options: HttpHandlerOptions = {}) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use({
      before: (request) => {
        logger.appendKeys({ requestId: request.event.requestContext?.requestId, route: request.event.routeKey });
      },
      after: (request) => {
        logger.info('Request handled', { statusCode: request.response?.statusCode });
        logger.resetKeys();
      },
      onError: (request) => {
        request.response = errorResponse(request.error, options);
        logger.info('Request failed', { statusCode: request.response.statusCode, errorName: request.error?.name });
        logger.resetKeys();
      },
    })
    .handler(fn);
}
