/**
 * The project's Lambda function: one place for the runtime defaults every Herald
 * function shares, and for turning a handler's declared needs (tables it reads and
 * writes, whether it sends email, whether it signs links) into least-privilege grants
 * plus the environment variables the shared code reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { TABLES, type TableSpec } from '../../shared/tables';

type TableId = TableSpec['id'];

/** Repository root: entries in functions/routes.ts are relative to it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_MEMORY_MB = 256;
export const DEFAULT_TIMEOUT = Duration.seconds(10);
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;
/** What reading a global secondary index takes (GetItem/BatchGetItem do not apply to indexes). */
export const INDEX_READ_ACTIONS = ['dynamodb:Query', 'dynamodb:Scan'] as const;
/** esbuild target matching LAMBDA_RUNTIME. */
const ESBUILD_TARGET = 'node24';

/** What a handler needs, as declared in functions/routes.ts (RouteSpec, AUTHORIZER, ALERT_ON_REPORT). */
export interface HandlerSpec {
  /** Short name, used in the description. */
  readonly name: string;
  /** Handler module relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly access: { readonly read: readonly TableId[]; readonly write: readonly TableId[] };
  readonly sendsEmail?: boolean;
  readonly signsLinks?: boolean;
}

/** Sending settings for functions that email. */
export interface MailSettings {
  /** From address; the SES identity granted is its domain. */
  readonly senderEmail: string;
  readonly configurationSetName?: string;
}

/** The shared resources a handler's declared needs are resolved against. */
export interface HeraldResources {
  readonly tables: Readonly<Record<TableId, dynamodb.ITable>>;
  readonly signingKey: secretsmanager.ISecret;
  readonly mail: MailSettings;
  /** Base URL that links in emails point at. */
  readonly publicBaseUrl: string;
}

export interface HeraldFunctionProps {
  readonly spec: HandlerSpec;
  readonly resources: HeraldResources;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  readonly description?: string;
  readonly environment?: Readonly<Record<string, string>>;
}

/** The tables a handler may touch and the grant each one gets. */
export function tableGrants(access: HandlerSpec['access']): Array<{ id: TableId; grant: 'read' | 'write' | 'readWrite' }> {
  const ids = TABLES.map((t) => t.id).filter((id) => access.read.includes(id) || access.write.includes(id));
  return ids.map((id) => {
    const reads = access.read.includes(id);
    const writes = access.write.includes(id);
    return { id, grant: reads && writes ? 'readWrite' : writes ? 'write' : 'read' };
  });
}

export class HeraldFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: HeraldFunctionProps) {
    super(scope, id);
    const { spec, resources } = props;

    const entry = path.join(REPO_ROOT, spec.entry);
    if (!fs.existsSync(entry)) {
      throw new Error(`HeraldFunction ${id}: handler entry ${spec.entry} does not exist (resolved to ${entry}). ` + 'Every entry in functions/routes.ts must exist before the app can be synthesized.');
    }

    // An explicit log group with a retention, written to by a role of our own: no
    // AWSLambdaBasicExecutionRole (which grants logs:* on every log group).
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Herald ${spec.name} function`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    const environment: Record<string, string> = {
      POWERTOOLS_SERVICE_NAME: 'herald',
      NODE_OPTIONS: '--enable-source-maps',
      ...props.environment,
    };

    this.function = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? DEFAULT_MEMORY_MB,
      timeout: props.timeout ?? DEFAULT_TIMEOUT,
      tracing: lambda.Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      description: props.description ?? `Herald ${spec.name} (${spec.entry})`,
      environment,
      bundling: {
        format: OutputFormat.ESM,
        target: ESBUILD_TARGET,
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Bundle everything, the AWS SDK included: pinned versions, smaller cold start.
        externalModules: [],
        forceDockerBundling: false,
        logLevel: LogLevel.WARNING,
        // CommonJS dependencies inside an ESM bundle still call require().
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      },
    });

    this.applyNeeds(spec, resources);
  }

  /** Grants and environment from the handler's declared needs, in one place. */
  private applyNeeds(spec: HandlerSpec, resources: HeraldResources): void {
    const fn = this.function;

    for (const { id, grant } of tableGrants(spec.access)) {
      const table = resources.tables[id];
      const tableSpec = TABLES.find((t) => t.id === id);
      if (!tableSpec) throw new Error(`Unknown table ${id}`);
      fn.addEnvironment(tableSpec.envVar, table.tableName);
      // The same grants as table.grantReadData/grantWriteData/grantReadWriteData, but on
      // the table ARN alone: those would add `<table>/index/*` for tables with indexes.
      const grants = dynamodb.TableGrants.fromTable(table, undefined, false);
      if (grant === 'readWrite') grants.readWriteData(fn);
      else if (grant === 'write') grants.writeData(fn);
      else grants.readData(fn);
      // Readers may query the table's indexes, each named exactly (indexes take no writes).
      if (grant !== 'write' && tableSpec.indexes.length > 0) {
        iam.Grant.addToPrincipal({
          grantee: fn,
          actions: [...INDEX_READ_ACTIONS],
          resourceArns: tableSpec.indexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
        });
      }
    }

    if (spec.sendsEmail) {
      const { senderEmail, configurationSetName } = resources.mail;
      const domain = senderEmail.slice(senderEmail.lastIndexOf('@') + 1);
      const stack = Stack.of(this);
      const sesResources = [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: domain })];
      fn.addEnvironment('SENDER_EMAIL', senderEmail);
      if (configurationSetName) {
        fn.addEnvironment('SES_CONFIGURATION_SET', configurationSetName);
        sesResources.push(stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSetName }));
      }
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: sesResources }));
    }

    if (spec.sendsEmail || spec.signsLinks) {
      fn.addEnvironment('PUBLIC_BASE_URL', resources.publicBaseUrl);
    }

    if (spec.signsLinks) {
      fn.addEnvironment('SIGNING_KEY_SECRET_ARN', resources.signingKey.secretArn);
      resources.signingKey.grantRead(fn);
    }
  }
}
