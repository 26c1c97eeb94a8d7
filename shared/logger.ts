/**
 * The structured JSON logger (Powertools). Log identifiers and counts, never email
 * addresses, tokens or report bodies.
 */
import { Logger } from '@aws-lambda-powertools/logger';

/** The process-wide logger; level from POWERTOOLS_LOG_LEVEL (default INFO). */
export const logger = new Logger({ serviceName: process.env['POWERTOOLS_SERVICE_NAME'] ?? 'herald' });
