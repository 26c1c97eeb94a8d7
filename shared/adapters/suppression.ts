/**
 * The suppression list and the soft-bounce score, in the Subscriptions table.
 *
 * Items (pk / sk):
 * - `SUPPRESSED#<sha256(address)>` / `SUPPRESSED`: this address gets nothing. Only the hash
 *   of the address is kept, so an erased subscriber's opt-out is still honoured.
 *   `reason` is `bounce` (hard bounce), `complaint`, `soft-bounce` (score over the
 *   threshold) or `erased` (the subscriber erased their data).
 * - `BOUNCE#<sha256(address)>` / `SOFT`: the decaying soft-bounce score, with a TTL.
 *
 * Every sender (instant alerts, confirmations, manage links, digests) calls
 * `isSuppressed` right before sending.
 */
import { BatchGetCommand, type BatchGetCommandOutput, DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { emailHash } from '../domain/subscription';

/** Why an address is suppressed. */
export type SuppressionReason = 'bounce' | 'complaint' | 'soft-bounce' | 'erased';

/**
 * A soft bounce adds 1 to the score; the score halves every SOFT_BOUNCE_HALF_LIFE_DAYS;
 * reaching SOFT_BOUNCE_THRESHOLD suppresses. So three soft bounces within about four days
 * suppress (1 + 2^(−2/7) + 2^(−4/7) ≈ 2.5), while the same three spread over weeks do not.
 */
export const SOFT_BOUNCE_THRESHOLD = 2.5;
export const SOFT_BOUNCE_HALF_LIFE_DAYS = 7;

const suppressionKey = (hash: string) => ({ pk: `SUPPRESSED#${hash}`, sk: 'SUPPRESSED' });
const softBounceKey = (hash: string) => ({ pk: `BOUNCE#${hash}`, sk: 'SOFT' });

/** The stored suppression of an address, if any. */
export interface Suppression {
  readonly emailHash: string;
  readonly reason: SuppressionReason;
  readonly at: string;
}

/** True when Herald must send nothing to this address. */
export async function isSuppressed(ddb: DynamoDBDocumentClient, table: string, email: string): Promise<boolean> {
  return (await getSuppression(ddb, table, email)) !== undefined;
}

/** The suppression of an address, if any. */
export async function getSuppression(ddb: DynamoDBDocumentClient, table: string, email: string): Promise<Suppression | undefined> {
  const { Item } = await ddb.send(new GetCommand({ TableName: table, Key: suppressionKey(emailHash(email)), ConsistentRead: true }));
  return Item ? { emailHash: String(Item['emailHash']), reason: Item['reason'] as SuppressionReason, at: String(Item['at']) } : undefined;
}

/** The addresses of `emails` that are suppressed (one BatchGet per 100). */
export async function suppressedAmong(ddb: DynamoDBDocumentClient, table: string, emails: readonly string[]): Promise<Set<string>> {
  const byHash = new Map<string, string[]>();
  for (const email of emails) {
    const hash = emailHash(email);
    byHash.set(hash, [...(byHash.get(hash) ?? []), email]);
  }
  const hashes = [...byHash.keys()];
  const out = new Set<string>();
  for (let i = 0; i < hashes.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = hashes.slice(i, i + 100).map(suppressionKey);
    for (let attempt = 0; keys && keys.length > 0 && attempt < 5; attempt++) {
      const result: BatchGetCommandOutput = await ddb.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true, ProjectionExpression: 'emailHash' } } }));
      for (const item of result.Responses?.[table] ?? []) for (const email of byHash.get(String(item['emailHash'])) ?? []) out.add(email);
      keys = result.UnprocessedKeys?.[table]?.Keys;
    }
    if (keys && keys.length > 0) throw new Error('Suppression lookup left keys unprocessed');
  }
  return out;
}

/**
 * Suppresses an address (idempotent). A stronger reason (bounce, complaint) replaces an
 * `erased` one, never the other way round, so a lifted opt-out cannot lift a bounce.
 */
export async function suppress(ddb: DynamoDBDocumentClient, table: string, email: string, reason: SuppressionReason, now = new Date()): Promise<void> {
  await suppressHash(ddb, table, emailHash(email), reason, now);
}

/** Suppresses by address hash (erasure keeps nothing else). */
export async function suppressHash(ddb: DynamoDBDocumentClient, table: string, hash: string, reason: SuppressionReason, now = new Date()): Promise<void> {
  try {
    await ddb.send(
      new PutCommand({
        TableName: table,
        Item: { ...suppressionKey(hash), kind: 'suppression', emailHash: hash, reason, at: now.toISOString() },
        ConditionExpression: reason === 'erased' ? 'attribute_not_exists(pk)' : 'attribute_not_exists(pk) OR reason = :erased',
        ...(reason === 'erased' ? {} : { ExpressionAttributeValues: { ':erased': 'erased' } }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/**
 * Lifts an `erased` suppression after the address opted in again (a new, confirmed double
 * opt-in). Bounce and complaint suppressions stay.
 */
export async function liftOptOut(ddb: DynamoDBDocumentClient, table: string, email: string): Promise<void> {
  try {
    await ddb.send(
      new DeleteCommand({ TableName: table, Key: suppressionKey(emailHash(email)), ConditionExpression: 'reason = :erased', ExpressionAttributeValues: { ':erased': 'erased' } }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** The decayed score: `score · 2^(−elapsed / half-life)`. */
export function decayedScore(score: number, lastAt: Date, now: Date, halfLifeDays = SOFT_BOUNCE_HALF_LIFE_DAYS): number {
  const elapsedDays = Math.max(0, now.getTime() - lastAt.getTime()) / 86_400_000;
  return score * Math.pow(2, -elapsedDays / halfLifeDays);
}

/**
 * Records a soft bounce: decays the stored score to now, adds 1, and suppresses the
 * address when the score reaches the threshold. Returns the new score.
 */
export async function recordSoftBounce(ddb: DynamoDBDocumentClient, table: string, email: string, now = new Date()): Promise<{ score: number; suppressed: boolean }> {
  const hash = emailHash(email);
  for (let attempt = 0; attempt < 5; attempt++) {
    const { Item } = await ddb.send(new GetCommand({ TableName: table, Key: softBounceKey(hash), ConsistentRead: true }));
    const previous = Item ? decayedScore(Number(Item['score']), new Date(String(Item['lastAt'])), now) : 0;
    const score = previous + 1;
    try {
      await ddb.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...softBounceKey(hash),
            kind: 'soft-bounce',
            score,
            lastAt: now.toISOString(),
            // Below 0.01 after ~7 half-lives nothing is left to remember.
            expiresAt: Math.floor(now.getTime() / 1000) + 8 * SOFT_BOUNCE_HALF_LIFE_DAYS * 86_400,
          },
          ...(Item
            ? { ConditionExpression: 'lastAt = :last', ExpressionAttributeValues: { ':last': Item['lastAt'] } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) continue; // a concurrent bounce: read again
      throw error;
    }
    const suppressed = score >= SOFT_BOUNCE_THRESHOLD;
    if (suppressed) await suppressHash(ddb, table, hash, 'soft-bounce', now);
    return { score, suppressed };
  }
  throw new Error('Soft-bounce score kept changing; giving up for a retry');
}

/** Forgets an address's soft-bounce score (erasure). */
export async function forgetSoftBounces(ddb: DynamoDBDocumentClient, table: string, email: string): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName: table, Key: softBounceKey(emailHash(email)) }));
}

