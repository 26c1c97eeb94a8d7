/**
 * Creates Herald's tables in DynamoDB Local from the same TABLES specs the CDK stack uses.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { TABLES, type TableSpec } from '../shared/tables';

export type TableId = TableSpec['id'];

/** Physical table names: `<prefix>-<id>`, `herald-local-Reports` etc. by default. */
export function localTableNames(prefix = 'herald-local'): Record<TableId, string> {
  return Object.fromEntries(TABLES.map((t) => [t.id, `${prefix}-${t.id}`])) as Record<TableId, string>;
}

/** The environment variables that carry the table names to the handlers (`REPORTS_TABLE`, ...). */
export function tableEnv(names: Record<TableId, string>): Record<string, string> {
  return Object.fromEntries(TABLES.map((t) => [t.envVar, names[t.id]]));
}

/** The CreateTable input for one spec (exported for tests). */
export function createTableInput(spec: TableSpec, tableName: string): CreateTableCommandInput {
  const attributes = new Set<string>([spec.partitionKey]);
  if (spec.sortKey) attributes.add(spec.sortKey);
  for (const index of spec.indexes) {
    attributes.add(index.partitionKey);
    if (index.sortKey) attributes.add(index.sortKey);
  }
  const definitions: AttributeDefinition[] = [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: definitions,
    KeySchema: [{ AttributeName: spec.partitionKey, KeyType: 'HASH' }, ...(spec.sortKey ? [{ AttributeName: spec.sortKey, KeyType: 'RANGE' as const }] : [])],
    ...(spec.indexes.length > 0
      ? {
          GlobalSecondaryIndexes: spec.indexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' as const }, ...(index.sortKey ? [{ AttributeName: index.sortKey, KeyType: 'RANGE' as const }] : [])],
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
    ...(spec.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' as const } } : {}),
  };
}

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException || (error as Error).name === 'ResourceNotFoundException') return false;
    throw error;
  }
}

async function waitActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Table ${tableName} did not become ACTIVE`);
}

/**
 * Creates every table that does not exist yet (idempotent) and enables TTL where the spec
 * has one. Returns the ids of the tables it created, so callers know which are new.
 */
export async function ensureTables(client: DynamoDBClient, names: Record<TableId, string>): Promise<TableId[]> {
  const created: TableId[] = [];
  for (const spec of TABLES) {
    const tableName = names[spec.id];
    if (!(await tableExists(client, tableName))) {
      try {
        await client.send(new CreateTableCommand(createTableInput(spec, tableName)));
        created.push(spec.id);
      } catch (error) {
        if (!(error instanceof ResourceInUseException || (error as Error).name === 'ResourceInUseException')) throw error;
      }
    }
    await waitActive(client, tableName);
    if (spec.ttlAttribute) {
      const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
      const status = TimeToLiveDescription?.TimeToLiveStatus;
      if (status !== 'ENABLED' && status !== 'ENABLING') {
        await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: spec.ttlAttribute } }));
      }
    }
  }
  return created;
}
