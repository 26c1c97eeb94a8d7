/**
 * Fixed-window rate limits in the Subscriptions table: `RATE#<name>#<key>` / `<window start>`
 * counts requests, and expires (TTL `expiresAt`) after the window. Keys are hashes, never
 * addresses or IPs in clear.
 */
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A named limit: at most `limit` per `windowSeconds`. */
export interface RateLimit {
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

/** Confirmation emails per address. */
export const CONFIRMATION_EMAILS_PER_ADDRESS: RateLimit = { name: 'confirm-email', limit: 3, windowSeconds: 3600 };
/** Manage-link emails per address. */
export const MANAGE_LINK_EMAILS_PER_ADDRESS: RateLimit = { name: 'manage-email', limit: 3, windowSeconds: 3600 };
/** Manage-link requests per client IP. */
export const MANAGE_LINK_REQUESTS_PER_IP: RateLimit = { name: 'manage-ip', limit: 20, windowSeconds: 3600 };

/** A stable, non-reversible key for an IP address or other identifier. */
export function rateKey(value: string): string {
  return createHash('sha256').update(`herald-rate:${value}`).digest('hex').slice(0, 32);
}

/**
 * Counts one use of the limit for `key`. True when allowed; false when the window's
 * limit is already reached (the use is then not counted).
 */
export async function consumeRateLimit(ddb: DynamoDBDocumentClient, table: string, limit: RateLimit, key: string, now = new Date()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % limit.windowSeconds);
  const retryAfterSeconds = windowStart + limit.windowSeconds - nowSeconds;
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: `RATE#${limit.name}#${key}`, sk: String(windowStart) },
        UpdateExpression: 'ADD #count :one SET expiresAt = :exp',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit.limit, ':exp': windowStart + limit.windowSeconds + 60 },
      }),
    );
    return { allowed: true, retryAfterSeconds };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { allowed: false, retryAfterSeconds };
    throw error;
  }
}
