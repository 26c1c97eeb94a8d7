/**
 * Typed errors. Domain and adapter code throws these; the HTTP middleware maps an
 * HttpError to its status and JSON body, and anything else to a generic 500.
 */

/** One problem with one field of a request. */
export interface FieldIssue {
  /** Dotted path of the field (`themes.2`), or `body` for the request as a whole. */
  readonly field: string;
  readonly problem: string;
}

/** An error with an HTTP status that is safe to show to the caller (status < 500). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** 400: the request is malformed or a field is invalid. */
export class ValidationError extends HttpError {
  override name = 'ValidationError';
  constructor(issues: readonly FieldIssue[], message?: string) {
    super(400, 'validation_failed', message ?? describeIssues(issues), issues);
  }
}

/** 401: no credentials. */
export class UnauthorizedError extends HttpError {
  override name = 'UnauthorizedError';
  constructor(message = 'A publisher token is required: send "Authorization: Bearer <token>"') {
    super(401, 'unauthorized', message);
  }
}

/** 403: credentials present but not allowed, or a link token that is invalid or expired. */
export class ForbiddenError extends HttpError {
  override name = 'ForbiddenError';
  constructor(message: string, code = 'forbidden') {
    super(403, code, message);
  }
}

/** 404: no such resource. */
export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

/** 409: the request conflicts with what is stored. */
export class ConflictError extends HttpError {
  override name = 'ConflictError';
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

/** 413: the body is larger than the route accepts. */
export class PayloadTooLargeError extends HttpError {
  override name = 'PayloadTooLargeError';
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', `Request body exceeds ${limitBytes} bytes`, [{ field: 'body', problem: `larger than ${limitBytes} bytes` }]);
  }
}

/** 415: the body is not in a content type the route accepts. */
export class UnsupportedMediaTypeError extends HttpError {
  override name = 'UnsupportedMediaTypeError';
  constructor(expected: readonly string[], got: string | undefined) {
    super(415, 'unsupported_media_type', `Content-Type must be ${expected.join(' or ')}${got ? `, got "${got.slice(0, 100)}"` : ''}`, [
      { field: 'content-type', problem: `must be ${expected.join(' or ')}` },
    ]);
  }
}

/** 429: too many requests for this caller or address. */
export class TooManyRequestsError extends HttpError {
  override name = 'TooManyRequestsError';
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(429, 'too_many_requests', message);
  }
}

function describeIssues(issues: readonly FieldIssue[]): string {
  if (issues.length === 0) return 'Invalid request';
  const [first] = issues;
  const rest = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${first!.field}: ${first!.problem}${rest}`;
}
