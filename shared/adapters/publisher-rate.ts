/**
 * The per-publisher rate limit, shared by every function instance: a token bucket (`rate`
 * per second, bursts of `burst`, API Gateway's own algorithm) kept in DynamoDB as one item
 * per publisher in the Deliveries table, `publisher-rate#<publisherId>`, holding the
 * bucket's theoretical arrival time (GCRA): a request is admitted when `tat ≤ now + τ`
 * (τ = (burst − 1) / rate), and moves `tat` to `max(tat, now) + 1/rate`. Each step is one
 * conditional UpdateItem, so concurrent instances never admit more than the bucket allows.
 * The item expires (TTL) a minute after the bucket is full again.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BucketLimit, TakeResult } from '../token-bucket';

const keyOf = (publisherId: string) => ({ pk: `publisher-rate#${publisherId}` });

/** The arrival time stored in the item a failed condition returned, if any. */
function tatOf(error: ConditionalCheckFailedException): number | undefined {
  const tat = (error as { Item?: Record<string, { N?: string }> }).Item?.['tat']?.N;
  return tat === undefined ? undefined : Number(tat);
}

/**
 * Takes one token from the publisher's shared bucket. Busy publishers cost one write a
 * request, idle ones two (the first finds the bucket full).
 */
export async function takePublisherToken(ddb: DynamoDBDocumentClient, table: string, publisherId: string, limit: BucketLimit, now = Date.now()): Promise<TakeResult> {
  const interval = 1000 / limit.rate;
  const tolerance = (limit.burst - 1) * interval;
  const ttl = (tat: number) => Math.ceil((tat + tolerance) / 1000) + 60;
  // Two conditional steps; another instance may move tat between them, so look again (a few times at most).
  for (let attempt = 0; ; attempt++) {
    try {
      // Busy bucket: tat is in [now, now + τ], so the request fits; charge one interval.
      await ddb.send(
        new UpdateCommand({
          TableName: table,
          Key: keyOf(publisherId),
          UpdateExpression: 'SET tat = tat + :interval, expiresAt = :exp',
          ConditionExpression: 'tat BETWEEN :now AND :latest',
          ExpressionAttributeValues: { ':interval': interval, ':now': now, ':latest': now + tolerance, ':exp': ttl(now + tolerance + interval) },
        }),
      );
      return { ok: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    try {
      // Idle (or new) bucket: full, so the request fits; tat starts from now.
      await ddb.send(
        new UpdateCommand({
          TableName: table,
          Key: keyOf(publisherId),
          UpdateExpression: 'SET tat = :next, expiresAt = :exp',
          ConditionExpression: 'attribute_not_exists(tat) OR tat < :now',
          ExpressionAttributeValues: { ':next': now + interval, ':now': now, ':exp': ttl(now + interval) },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { ok: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const tat = tatOf(error) ?? Infinity;
      // Within the tolerance after all (another instance just started the bucket): try the first step again.
      if (tat <= now + tolerance && attempt < 3) continue;
      // tat > now + τ: over the limit until it is back within the tolerance.
      return { ok: false, retryAfterSeconds: Number.isFinite(tat) ? Math.max(1, Math.ceil((tat - now - tolerance) / 1000)) : 1 };
    }
  }
}
