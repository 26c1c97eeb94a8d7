/**
 * The middy stack every HTTP function shares: correlation ids and structured logging
 * first, the handler last, and an error handler that exposes typed 4xx errors and
 * hides everything else behind a generic 500.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { HttpError, TooManyRequestsError } from '../errors';
import { logger } from '../logger';
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

/** Maps any thrown value to a response: HttpError as itself, anything else as a generic 500. */
export function errorResponse(error: unknown, options: HttpHandlerOptions = {}): APIGatewayProxyStructuredResultV2 {
  if (error instanceof HttpError) {
    const headers: Record<string, string> = error instanceof TooManyRequestsError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    if (options.htmlErrors) return html(error.statusCode, errorPage(error.statusCode, error.message), headers);
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } };
    return json(error.statusCode, body, headers);
  }
  // Only the error's kind and stack: messages from the SDK can echo item contents.
  const err = error instanceof Error ? error : new Error(String(error));
  logger.error('Unhandled error', { errorName: err.name, stack: err.stack });
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
