/**
 * Publishers table adapter. Tokens are random, shown once, and stored only as SHA-256
 * hashes (`TOKEN#<sha256>`), so a leaked table does not leak credentials.
 */
import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The prefix of every publisher token, so leaked tokens are easy to recognise. */
export const TOKEN_PREFIX = 'hrld_';

/** What a token may do. Stored with the token's hash; checked by each route. */
export const SCOPES = ['reports:write', 'reports:read'] as const;
export type Scope = (typeof SCOPES)[number];

/** Whether a string names a scope. */
export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** The scopes of a stored item: tokens issued before scopes existed may do everything. */
function scopesOf(item: Record<string, unknown>): Scope[] {
  const raw = item['scopes'];
  if (!Array.isArray(raw) && !(raw instanceof Set)) return [...SCOPES];
  return [...raw].map(String).filter(isScope);
}

/** A publisher as the authorizer sees it. */
export interface Publisher {
  readonly publisherId: string;
  readonly name: string;
  readonly revoked: boolean;
  readonly scopes: readonly Scope[];
}

/** SHA-256 (hex) of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a new token for a publisher; the plaintext is returned once and never stored. */
export async function createPublisherToken(
  ddb: DynamoDBDocumentClient,
  table: string,
  input: { publisherId: string; name: string; scopes?: readonly Scope[] },
  now = new Date(),
): Promise<{ token: string; scopes: Scope[] }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const scopes = [...new Set(input.scopes ?? SCOPES)];
  if (scopes.length === 0 || !scopes.every(isScope)) throw new Error(`scopes must be one or more of ${SCOPES.join(', ')}`);
  await ddb.send(
    new PutCommand({
      TableName: table,
      Item: { pk: `TOKEN#${hashToken(token)}`, publisherId: input.publisherId, name: input.name, revoked: false, scopes, createdAt: now.toISOString() },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return { token, scopes };
}

/** The publisher a token belongs to, or undefined for an unknown token. */
export async function findPublisherByToken(ddb: DynamoDBDocumentClient, table: string, token: string): Promise<Publisher | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const { Item } = await ddb.send(new GetCommand({ TableName: table, Key: { pk: `TOKEN#${hashToken(token)}` } }));
  if (!Item) return undefined;
  return { publisherId: String(Item['publisherId']), name: String(Item['name']), revoked: Item['revoked'] === true, scopes: scopesOf(Item) };
}

/** Every issued token's publisher record (the table is small: one item per token). */
export async function listPublishers(ddb: DynamoDBDocumentClient, table: string): Promise<(Publisher & { createdAt: string; tokenHashPrefix: string })[]> {
  const out: (Publisher & { createdAt: string; tokenHashPrefix: string })[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      out.push({
        publisherId: String(item['publisherId']),
        name: String(item['name']),
        revoked: item['revoked'] === true,
        scopes: scopesOf(item),
        createdAt: String(item['createdAt']),
        tokenHashPrefix: String(item['pk']).slice('TOKEN#'.length, 'TOKEN#'.length + 12),
      });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Revokes every token of a publisher; returns how many were revoked. */
export async function revokePublisher(ddb: DynamoDBDocumentClient, table: string, publisherId: string): Promise<number> {
  let revoked = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'publisherId = :id AND revoked = :no',
        ExpressionAttributeValues: { ':id': publisherId, ':no': false },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      await ddb.send(new UpdateCommand({ TableName: table, Key: { pk: item['pk'] }, UpdateExpression: 'SET revoked = :yes', ExpressionAttributeValues: { ':yes': true } }));
      revoked++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return revoked;
}
