/**
 * Deliveries table adapter: the claim that makes every send idempotent. Before sending,
 * a worker claims `<kind>#<subject>#<subscriber>` with a conditional write; a retried or
 * duplicated event finds the claim and sends nothing. A claim whose sender died before
 * sending expires after a lease, so the email is retried instead of lost.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** How long a claim protects a send in progress before another worker may take over. */
export const CLAIM_LEASE_SECONDS = 120;
/** How long delivery records are kept (the window in which duplicates are recognised). */
export const DELIVERY_RETENTION_SECONDS = 90 * 24 * 3600;

/**
 * Claims a delivery. True when this caller should send; false when it was already sent
 * or another worker holds a live claim.
 */
export async function claimDelivery(ddb: DynamoDBDocumentClient, table: string, deliveryId: string, now = new Date()): Promise<boolean> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    await ddb.send(
      new PutCommand({
        TableName: table,
        Item: { pk: deliveryId, state: 'sending', leaseUntil: nowSeconds + CLAIM_LEASE_SECONDS, expiresAt: nowSeconds + DELIVERY_RETENTION_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk) OR (#state = :sending AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sending': 'sending', ':now': nowSeconds },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
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
