/**
 * Lambda REQUEST authorizer (HTTP API, simple responses): admits a request whose
 * `Authorization: Bearer <token>` names a publisher token that exists and is not revoked.
 */
import type { APIGatewayRequestAuthorizerEventV2 } from 'aws-lambda';
import { findPublisherByToken } from '../../shared/adapters/publishers';
import { createDocumentClient } from '../../shared/clients';
import { requireEnv } from '../../shared/env';
import { logger } from '../../shared/logger';

const ddb = createDocumentClient();
const table = requireEnv('PUBLISHERS_TABLE');

/** The simple-response shape of an HTTP API Lambda authorizer. */
export interface AuthorizerResult {
  readonly isAuthorized: boolean;
  /** Scopes travel space-separated: context values are strings, numbers or booleans. */
  readonly context?: { publisherId: string; name: string; scopes: string };
}

export const handler = async (event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> => {
  const header = String(event.headers?.['authorization'] ?? '');
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header.trim());
  if (!match) return { isAuthorized: false };
  const publisher = await findPublisherByToken(ddb, table, match[1]!);
  if (!publisher || publisher.revoked) {
    logger.info('Publisher token refused', { known: publisher !== undefined });
    return { isAuthorized: false };
  }
  return { isAuthorized: true, context: { publisherId: publisher.publisherId, name: publisher.name, scopes: publisher.scopes.join(' ') } };
};
