/**
 * The structured JSON logger (Powertools). Log identifiers and counts, never email
 * addresses, tokens or report bodies.
 */
import { Logger } from '@aws-lambda-powertools/logger';

/** The process-wide logger; level from POWERTOOLS_LOG_LEVEL (default INFO). */
export const logger = new Logger({ serviceName: process.env['POWERTOOLS_SERVICE_NAME'] ?? 'herald' });

/**
 * What to log about an error: its kind, code and stack frames, never its message (SDK
 * and SES messages can echo addresses or item contents).
 */
export function errorFields(error: unknown): { errorName: string; errorCode?: string; frames?: string } {
  const err = error instanceof Error ? error : new Error('non-Error thrown');
  const code = (err as { code?: unknown }).code ?? (err as { Code?: unknown }).Code;
  const frames = err.stack?.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 12).join('\n');
  return { errorName: err.name, ...(typeof code === 'string' ? { errorCode: code } : {}), ...(frames ? { frames } : {}) };
}
