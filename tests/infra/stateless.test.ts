/**
 * The stateless stack: one Lambda per route behind the HTTP API (publisher routes behind
 * the Lambda authorizer), the Reports stream consumer, and least-privilege IAM derived
 * from functions/routes.ts. Synthesized once, with real esbuild bundling.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { ALERT_ON_REPORT, AUTHORIZER, DIGEST_PLANNER, DIGEST_SENDER, ROUTES, SES_EVENTS } from '../../functions/routes';
import { NEW_REPORT_FILTER_PATTERN } from '../../shared/stream-filter';
import { TABLES } from '../../shared/tables';
import { actionsOf, logicalId, policyStatements, synthHerald, type SynthesizedHerald } from './herald-app';

const SENDER = 'alerts@herald.example';
const CONFIGURATION_SET = 'herald-events';

let synth: SynthesizedHerald;
let template: Template;

beforeAll(() => {
  synth = synthHerald({ context: { senderEmail: SENDER, sesConfigurationSet: CONFIGURATION_SET } });
  template = synth.stateless;
}, 120_000);
afterAll(() => synth?.dispose());

type Resource = { Type: string; Properties: Record<string, any> };
const resources = (type: string) => template.findResources(type) as Record<string, Resource>;

const HANDLERS = [AUTHORIZER, ...ROUTES, ALERT_ON_REPORT, SES_EVENTS, DIGEST_PLANNER, DIGEST_SENDER];
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

function fn(name: string): Resource {
  return resources('AWS::Lambda::Function')[logicalId(template, 'AWS::Lambda::Function', `${name}Function`)]!;
}

/** The exported name of a stateful-stack output behind `Fn::ImportValue`, e.g. a table's Arn. */
function importedRef(value: unknown): string {
  return JSON.stringify(value);
}

function tableArn(id: string): string {
  // The stateless stack sees the stateful stack's table ARN as an import.
  const tableLogicalId = logicalId(synth.stateful, 'AWS::DynamoDB::Table', id);
  return `ExportsOutputFnGetAtt${tableLogicalId}Arn`;
}

describe('Lambda functions', () => {
  it('creates one function per route, plus the authorizer, the stream consumer and the SES event handler', () => {
    template.resourceCountIs('AWS::Lambda::Function', HANDLERS.length);
    for (const h of HANDLERS) expect(fn(h.name)).toBeDefined();
  });

  it.each(HANDLERS.map((h) => [h.name]))('%s: explicit memory and timeout, nodejs22+ on arm64, active tracing, JSON logs', (name) => {
    const p = fn(name).Properties;
    // The digest planner holds every active digest rule of a run (see tests/infra/digests.test.ts).
    expect(p.MemorySize).toBe(name === DIGEST_PLANNER.name ? 1024 : 256);
    expect(p.Timeout).toEqual(expect.any(Number));
    expect(Number(/^nodejs(\d+)\.x$/.exec(p.Runtime)?.[1])).toBeGreaterThanOrEqual(22);
    expect(p.Architectures).toEqual(['arm64']);
    expect(p.TracingConfig).toEqual({ Mode: 'Active' });
    expect(p.LoggingConfig).toEqual({ LogFormat: 'JSON', LogGroup: { Ref: logicalId(template, 'AWS::Logs::LogGroup', `${name}LogGroup`) } });
    expect(p.Environment.Variables).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'herald', NODE_OPTIONS: '--enable-source-maps' });
    expect(p.Handler).toBe('index.handler');
  });

  it('gives the stream consumer 60 s', () => {
    expect(fn(ALERT_ON_REPORT.name).Properties.Timeout).toBe(60);
  });

  it('writes every function log (and the API access log) to a log group with one-month retention', () => {
    const groups = Object.values(resources('AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(HANDLERS.length + 1);
    for (const g of groups) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it('uses its own role per function, without AWS managed policies', () => {
    const roles = Object.values(resources('AWS::IAM::Role'));
    // One per function, and the digest schedule's (EventBridge Scheduler) role.
    expect(roles).toHaveLength(HANDLERS.length + 1);
    for (const role of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('bundles each handler as minified ESM with the AWS SDK inside', () => {
    const assetHash = (fn('PostReport').Properties.Code.S3Key as string).replace(/\.zip$/, '');
    const assetDir = path.join(synth.assembly.directory, `asset.${assetHash}`);
    const bundle = fs.readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
    expect(bundle.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);")).toBe(true);
    expect(fs.existsSync(path.join(assetDir, 'index.mjs.map'))).toBe(true);
    expect(bundle).not.toMatch(/from\s*["']@aws-sdk\//);
    const map = JSON.parse(fs.readFileSync(path.join(assetDir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.includes('node_modules/@aws-sdk/'))).toBe(true);
    // Minified: long lines (only template literals and legal comments break them).
    expect(bundle.length / bundle.split('\n').length).toBeGreaterThan(500);
  });

  it('produces bundles that load as ES modules on Node and export handler', () => {
    const bundles = [...new Set(HANDLERS.map((h) => (fn(h.name).Properties.Code.S3Key as string).replace(/\.zip$/, '')))].map((hash) =>
      path.join(synth.assembly.directory, `asset.${hash}`, 'index.mjs'),
    );
    // Module scope may read configuration: give it what the stack gives the functions.
    const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', AWS_REGION: 'us-east-1', SENDER_EMAIL: SENDER, PUBLIC_BASE_URL: 'https://api.example', SIGNING_KEY_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:k' };
    for (const t of TABLES) env[t.envVar] = `herald-${t.id}`;
    const script = `for (const f of ${JSON.stringify(bundles)}) { const m = await import(f); console.log(typeof m.handler); }`;
    const out = execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { env, encoding: 'utf8', cwd: os.tmpdir() });
    expect(out.trim().split('\n')).toEqual(bundles.map(() => 'function'));
  }, 60_000);
});

describe('environment and IAM from functions/routes.ts', () => {
  describe.each(HANDLERS.map((h) => [h.name, h] as const))('%s', (name, spec) => {
    const touched = TABLES.filter((t) => spec.access.read.includes(t.id) || spec.access.write.includes(t.id));
    const untouched = TABLES.filter((t) => !touched.includes(t));

    it('names exactly the tables it reads or writes in its environment', () => {
      const env = fn(name).Properties.Environment.Variables as Record<string, unknown>;
      for (const t of touched) expect(importedRef(env[t.envVar])).toContain(`ExportsOutputRef${logicalId(synth.stateful, 'AWS::DynamoDB::Table', t.id)}`);
      for (const t of untouched) expect(env[t.envVar]).toBeUndefined();
    });

    it('may write only the tables it declares as written', () => {
      const statements = policyStatements(template, name);
      for (const t of TABLES) {
        const writes = statements.filter((s) => importedRef(s.Resource).includes(tableArn(t.id)) && actionsOf(s).some((a) => WRITE_ACTIONS.includes(a)));
        expect(writes.length > 0, `${name} write access to ${t.id}`).toBe(spec.access.write.includes(t.id));
      }
    });

    it('may read only the tables it declares as read', () => {
      const statements = policyStatements(template, name);
      for (const t of TABLES) {
        const reads = statements.filter((s) => importedRef(s.Resource).includes(tableArn(t.id)) && actionsOf(s).some((a) => ['dynamodb:GetItem', 'dynamodb:Query'].includes(a)));
        expect(reads.length > 0, `${name} read access to ${t.id}`).toBe(spec.access.read.includes(t.id));
      }
    });

    it('gets no wildcard resource except for X-Ray, dynamodb:ListStreams and (DigestSender) ses:GetAccount', () => {
      const allowed = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'dynamodb:ListStreams', ...(name === DIGEST_SENDER.name ? ['ses:GetAccount'] : [])];
      for (const s of policyStatements(template, name)) {
        if (JSON.stringify(s.Resource).includes('*')) {
          expect(s.Resource).toBe('*');
          for (const a of actionsOf(s)) expect(allowed).toContain(a);
        }
      }
    });

    const sendsEmail = 'sendsEmail' in spec && spec.sendsEmail === true;
    const signsLinks = 'signsLinks' in spec && spec.signsLinks === true;

    it(sendsEmail ? 'sends email only as the sender domain and configuration set' : 'cannot send email', () => {
      const env = fn(name).Properties.Environment.Variables;
      // ses:GetAccount (DigestSender's send rate) reads no identity and sends nothing.
      const ses = policyStatements(template, name).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:') && a !== 'ses:GetAccount'));
      if (!sendsEmail) {
        expect(ses).toEqual([]);
        expect(env.SENDER_EMAIL).toBeUndefined();
        return;
      }
      expect(env.SENDER_EMAIL).toBe(SENDER);
      expect(env.SES_CONFIGURATION_SET).toBe(CONFIGURATION_SET);
      expect(ses).toHaveLength(1);
      expect(actionsOf(ses[0]!)).toEqual(['ses:SendEmail']);
      const arns = JSON.stringify(ses[0]!.Resource);
      expect(arns).not.toContain('*');
      expect(arns).toContain(':identity/herald.example');
      expect(arns).toContain(`:configuration-set/${CONFIGURATION_SET}`);
    });

    it(signsLinks ? 'reads the signing key and knows the public base URL' : 'cannot read the signing key', () => {
      const env = fn(name).Properties.Environment.Variables;
      const secretReads = policyStatements(template, name).filter((s) => actionsOf(s).includes('secretsmanager:GetSecretValue'));
      if (!signsLinks) {
        expect(secretReads).toEqual([]);
        expect(env.SIGNING_KEY_SECRET_ARN).toBeUndefined();
        return;
      }
      const secretRef = `ExportsOutputRef${logicalId(synth.stateful, 'AWS::SecretsManager::Secret', 'SigningKey')}`;
      expect(importedRef(env.SIGNING_KEY_SECRET_ARN)).toContain(secretRef);
      expect(secretReads).toHaveLength(1);
      expect(importedRef(secretReads[0]!.Resource)).toContain(secretRef);
      expect(env.PUBLIC_BASE_URL).toEqual({ 'Fn::GetAtt': [logicalId(template, 'AWS::ApiGatewayV2::Api', 'Api'), 'ApiEndpoint'] });
    });
  });

  it.each([['GetReport'], ['ListReports']])('%s cannot write reports: its only writes are its publisher\'s rate bucket in Deliveries', (name) => {
    const statements = policyStatements(template, name);
    expect(statements.flatMap(actionsOf)).toContain('dynamodb:GetItem');
    const writing = statements.filter((s) => actionsOf(s).some((a) => WRITE_ACTIONS.includes(a)));
    expect(writing.length).toBeGreaterThan(0);
    for (const s of writing) {
      expect(JSON.stringify(s.Resource)).toMatch(/Deliveries/);
      expect(JSON.stringify(s.Resource)).not.toMatch(/Reports/);
    }
  });

  it('lets readers of Subscriptions query the byActiveFrequency index by name, not index/*', () => {
    const statements = policyStatements(template, ALERT_ON_REPORT.name);
    const onIndex = statements.filter((s) => JSON.stringify(s.Resource).includes('/index/'));
    expect(onIndex).toHaveLength(1);
    expect(actionsOf(onIndex[0]!).sort()).toEqual(['dynamodb:Query', 'dynamodb:Scan']);
    expect(JSON.stringify(onIndex[0]!.Resource)).toContain('/index/byActiveFrequency');
  });
});

describe('HTTP API', () => {
  it('has every route, each integrated with its own function', () => {
    const routes = Object.values(resources('AWS::ApiGatewayV2::Route'));
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    const integrations = resources('AWS::ApiGatewayV2::Integration');
    for (const route of ROUTES) {
      const r = routes.find((x) => x.Properties.RouteKey === `${route.method} ${route.path}`)!;
      const integrationId = (r.Properties.Target['Fn::Join'][1] as unknown[])[1] as { Ref: string };
      expect(JSON.stringify(integrations[integrationId.Ref]!.Properties.IntegrationUri)).toContain(logicalId(template, 'AWS::Lambda::Function', `${route.name}Function`));
    }
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r.auth ? 'CUSTOM' : 'NONE', r.auth] as const))('%s: authorization %s', (routeKey, _type, auth) => {
    const authorizerId = logicalId(template, 'AWS::ApiGatewayV2::Authorizer', 'Api');
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: routeKey,
      AuthorizationType: auth ? 'CUSTOM' : 'NONE',
      AuthorizerId: auth ? { Ref: authorizerId } : Match.absent(),
    });
  });

  it('authorizes publishers with the Lambda REQUEST authorizer: simple responses, Authorization header, 5-minute cache', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      AuthorizerPayloadFormatVersion: '2.0',
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: 300,
    });
    const uri = JSON.stringify(Object.values(resources('AWS::ApiGatewayV2::Authorizer'))[0]!.Properties.AuthorizerUri);
    expect(uri).toContain(logicalId(template, 'AWS::Lambda::Function', `${AUTHORIZER.name}Function`));
  });

  it('throttles the default stage and writes JSON access logs', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    const stage = Object.values(resources('AWS::ApiGatewayV2::Stage'))[0]!.Properties;
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    expect(stage.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [logicalId(template, 'AWS::Logs::LogGroup', 'ApiAccessLogs'), 'Arn'] });
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it('outputs the API URL', () => {
    template.hasOutput('ApiUrl', { Value: { 'Fn::GetAtt': [logicalId(template, 'AWS::ApiGatewayV2::Api', 'Api'), 'ApiEndpoint'] } });
  });
});

/** The event source mapping of the Reports stream. */
function streamMapping(): Record<string, any> {
  const all = Object.values(resources('AWS::Lambda::EventSourceMapping')).filter((r) => JSON.stringify(r.Properties.EventSourceArn).includes('StreamArn'));
  expect(all).toHaveLength(1);
  return all[0]!.Properties;
}

describe('Reports stream → AlertOnReport', () => {
  it('consumes the Reports stream from the trim horizon in batches of 10, filtered to new reports', () => {
    // The Reports stream's and the digest queue's (tests/infra/digests.test.ts).
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
    const esm = streamMapping();
    expect(esm.FunctionName).toEqual({ Ref: logicalId(template, 'AWS::Lambda::Function', `${ALERT_ON_REPORT.name}Function`) });
    expect(importedRef(esm.EventSourceArn)).toContain(`ExportsOutputFnGetAtt${logicalId(synth.stateful, 'AWS::DynamoDB::Table', 'Reports')}StreamArn`);
    expect(esm.StartingPosition).toBe('TRIM_HORIZON');
    expect(esm.BatchSize).toBe(10);
    expect(esm.FilterCriteria.Filters).toHaveLength(1);
    expect(JSON.parse(esm.FilterCriteria.Filters[0].Pattern)).toEqual(NEW_REPORT_FILTER_PATTERN);
    expect(esm.FilterCriteria.Filters[0].Pattern).toBe(JSON.stringify(NEW_REPORT_FILTER_PATTERN));
  });

  it('reports partial batch failures, bisects, retries 5 times within 24 h, then sends the batch to an encrypted DLQ', () => {
    const esm = streamMapping();
    expect(esm.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(esm.BisectBatchOnFunctionError).toBe(true);
    expect(esm.MaximumRetryAttempts).toBe(5);
    expect(esm.MaximumRecordAgeInSeconds).toBe(24 * 3600);
    const dlq = logicalId(template, 'AWS::SQS::Queue', 'AlertOnReportDlq');
    expect(esm.DestinationConfig).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': [dlq, 'Arn'] } } });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: dlq }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });
});
