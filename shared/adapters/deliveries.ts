/**
 * Deliveries table adapter: the claim that makes every send idempotent. Before sending,
 * a worker claims `<kind>#<subject>#<subscriber>` with a conditional write; a retried or
 * duplicated event finds the claim and sends nothing. A claim whose sender died before
 * sending expires after a lease, so the email is retried instead of lost.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** How long a claim protects a send in progress before another worker may take over. */
export const CLAIM_LEASE_SECONDS = 120;
/** How long delivery records are kept (the window in which duplicates are recognised). */
export const DELIVERY_RETENTION_SECONDS = 90 * 24 * 3600;

/**
 * Claims a delivery. True when this caller should send; false when it was already sent
 * or another worker holds a live claim.
 */
export async function claimDelivery(ddb: DynamoDBDocumentClient, table: string, deliveryId: string, now = new Date()): Promise<boolean> {
  return (await tryClaimDelivery(ddb, table, deliveryId, now, CLAIM_LEASE_SECONDS)) === 'claimed';
}

/** The lease: DELIVERY_LEASE_SECONDS when set (tests shorten it), else CLAIM_LEASE_SECONDS. */
export function leaseSecondsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env['DELIVERY_LEASE_SECONDS']);
  return Number.isInteger(value) && value > 0 ? value : CLAIM_LEASE_SECONDS;
}

/** What a claim attempt found: this caller sends, it was sent already, or another send is in progress. */
export type ClaimOutcome = 'claimed' | 'sent' | 'busy';

/**
 * Claims a delivery, telling apart "already sent" (skip it) from "a claim is held" (a send
 * in progress, or a sender that crashed before recording): the latter must be retried
 * later, not skipped, or a crash between claim and send would lose the email.
 */
export async function tryClaimDelivery(ddb: DynamoDBDocumentClient, table: string, deliveryId: string, now = new Date(), leaseSeconds = leaseSecondsFromEnv()): Promise<ClaimOutcome> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    await ddb.send(
      new PutCommand({
        TableName: table,
        Item: { pk: deliveryId, state: 'sending', leaseUntil: nowSeconds + leaseSeconds, expiresAt: nowSeconds + DELIVERY_RETENTION_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk) OR (#state = :sending AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sending': 'sending', ':now': nowSeconds },
      }),
    );
    return 'claimed';
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const { Item } = await ddb.send(new GetCommand({ TableName: table, Key: { pk: deliveryId }, ConsistentRead: true }));
  return Item && Item['state'] !== 'sending' ? 'sent' : 'busy';
}

/** Thrown when some deliveries of a record are claimed by a send in progress: retry the record later. */
export class DeliveryInProgressError extends Error {
  override name = 'DeliveryInProgressError';
  constructor(readonly count: number) {
    super(`${count} delivery claim(s) held by another send; retry after the lease`);
  }
}

/** Records that the claimed email was accepted by SES. */
export async function markDelivered(ddb: DynamoDBDocumentClient, table: string, deliveryId: string, messageId: string | undefined, now = new Date()): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: table,
      Key: { pk: deliveryId },
      UpdateExpression: 'SET #state = :sent, sentAt = :at, messageId = :mid REMOVE leaseUntil',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':sent': 'sent', ':at': now.toISOString(), ':mid': messageId ?? 'unknown' },
    }),
  );
}

/** Gives a claim back after a failed send, so a retry can send. */
export async function releaseDelivery(ddb: DynamoDBDocumentClient, table: string, deliveryId: string): Promise<void> {
  await ddb.send(
    new DeleteCommand({
      TableName: table,
      Key: { pk: deliveryId },
      ConditionExpression: '#state = :sending',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':sending': 'sending' },
    }),
  ).catch((error: unknown) => {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  });
}
