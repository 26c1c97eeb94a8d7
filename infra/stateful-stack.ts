/**
 * Stateful resources: the DynamoDB tables (from shared/tables.ts, the single source of
 * their keys, indexes, streams and TTL) and the link-signing key. Everything here is
 * retained on stack deletion and protected against accidental deletion, so the
 * stateless stack can be destroyed and redeployed freely.
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLES, type TableSpec } from '../shared/tables';

export type TableId = TableSpec['id'];

/** The tables by their spec id. */
export type HeraldTables = Readonly<Record<TableId, dynamodb.ITable>>;

function attribute(name: string): dynamodb.Attribute {
  return { name, type: dynamodb.AttributeType.STRING };
}

/** Creates one table from its spec. */
function createTable(scope: Construct, spec: TableSpec): dynamodb.Table {
  const table = new dynamodb.Table(scope, spec.id, {
    partitionKey: attribute(spec.partitionKey),
    ...(spec.sortKey ? { sortKey: attribute(spec.sortKey) } : {}),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    ...(spec.stream ? { stream: dynamodb.StreamViewType.NEW_IMAGE } : {}),
    ...(spec.ttlAttribute ? { timeToLiveAttribute: spec.ttlAttribute } : {}),
  });
  for (const index of spec.indexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: attribute(index.partitionKey),
      ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
  return table;
}

export class StatefulStack extends Stack {
  /** Every table of TABLES, keyed by spec id. */
  readonly tables: HeraldTables;
  /** The Reports table (its stream drives instant alerts). */
  readonly reportsTable: dynamodb.ITable;
  /** The link-signing key(s): comma-separated, current first. */
  readonly signingKey: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const tables = {} as Record<TableId, dynamodb.Table>;
    for (const spec of TABLES) {
      const table = createTable(this, spec);
      tables[spec.id] = table;
      new CfnOutput(this, `${spec.id}TableName`, { value: table.tableName, description: `Physical name of the ${spec.id} table (${spec.envVar})` });
    }
    this.tables = tables;
    this.reportsTable = tables.Reports;

    const signingKey = new secretsmanager.Secret(this, 'SigningKey', {
      description: 'Herald link-signing key(s): comma-separated, current first (each at least 32 characters)',
      generateSecretString: {
        passwordLength: 64,
        excludePunctuation: true,
        includeSpace: false,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(signingKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The link-signing key is rotated manually: an operator prepends a new key to the comma-separated value and ' +
        'drops the old one after the longest link lifetime, so links already emailed stay verifiable. A rotation ' +
        'Lambda replacing the value outright would invalidate every outstanding confirm/unsubscribe link.',
    });
    this.signingKey = signingKey;

    new CfnOutput(this, 'SigningKeySecretArn', { value: signingKey.secretArn, description: 'ARN of the link-signing key secret' });
  }
}
