/**
 * Context settings (infra/config.ts) and how they reach the stacks; the HeraldFunction
 * guard for missing handler entries. Synthesized without bundling (nothing here looks
 * at the bundles).
 */
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, readConfig } from '../../infra/config';
import { HeraldFunction, tableGrants } from '../../infra/constructs/herald-function';
import { actionsOf, policyStatements, synthHerald, type SynthesizedHerald } from './herald-app';

function config(context: Record<string, unknown>) {
  return readConfig(new App({ context }).node);
}

describe('readConfig', () => {
  it('defaults to stage dev, alerts@example.org, 50 rps with bursts of 100, no base URL', () => {
    expect(config({})).toEqual({ ...DEFAULT_CONFIG });
    expect(DEFAULT_CONFIG).toEqual({ stage: 'dev', senderEmail: 'alerts@example.org', throttleRate: 50, throttleBurst: 100, publisherThrottleRate: 25, publisherThrottleBurst: 50 });
  });

  it('reads overrides, including the strings `cdk -c key=value` passes', () => {
    expect(
      config({ stage: 'prod', senderEmail: 'news@un.example', publicBaseUrl: 'https://alerts.un.example/', throttleRate: '20', throttleBurst: '40', sesConfigurationSet: 'cs' }),
    ).toEqual({ stage: 'prod', senderEmail: 'news@un.example', publicBaseUrl: 'https://alerts.un.example', throttleRate: 20, throttleBurst: 40, publisherThrottleRate: 25, publisherThrottleBurst: 50, sesConfigurationSet: 'cs' });
  });

  it.each([
    [{ throttleRate: 'fast' }, /throttleRate/],
    [{ throttleBurst: 0 }, /throttleBurst/],
    [{ senderEmail: 'nobody' }, /senderEmail/],
    [{ publicBaseUrl: 'alerts.example' }, /publicBaseUrl/],
    [{ stage: 'dev stage' }, /stage/],
  ])('rejects %j', (context, message) => {
    expect(() => config(context)).toThrow(message);
  });
});

describe('context reaches the stacks', () => {
  let synth: SynthesizedHerald;
  beforeAll(() => {
    synth = synthHerald({
      bundle: false,
      context: { stage: 'qa', senderEmail: 'news@un.example', publicBaseUrl: 'https://alerts.un.example', throttleRate: '20', throttleBurst: '40' },
    });
  }, 60_000);
  afterAll(() => synth?.dispose());

  it('names the stacks after the stage', () => {
    expect(synth.herald.stateful.stackName).toBe('Herald-qa-Stateful');
    expect(synth.herald.stateless.stackName).toBe('Herald-qa-Stateless');
  });

  it('throttles the stage as configured', () => {
    synth.stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 } });
  });

  it('uses the configured public base URL in links', () => {
    const fns = Object.values(synth.stateless.findResources('AWS::Lambda::Function')) as Array<{ Properties: { Environment: { Variables: Record<string, unknown> } } }>;
    const urls = fns.map((f) => f.Properties.Environment.Variables['PUBLIC_BASE_URL']).filter((u) => u !== undefined);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toBe('https://alerts.un.example');
  });

  it('without a configuration set in context, sends through the stack\'s own set: ses:SendEmail on the domain identity and that set only', () => {
    const ses = policyStatements(synth.stateless, 'Subscribe').filter((s) => actionsOf(s).includes('ses:SendEmail'));
    expect(ses).toHaveLength(1);
    const resource = JSON.stringify(ses[0]!.Resource);
    expect(resource).toContain(':identity/un.example');
    expect(resource).toMatch(/:configuration-set\/Herald-[A-Za-z0-9-]+-Stateless-mail"/);
    expect(resource).not.toContain('*');
  });
});

describe('HeraldFunction', () => {
  it('derives read, write and read-write grants from the declared access', () => {
    expect(tableGrants({ read: ['Subscriptions'], write: ['Subscriptions', 'Deliveries'] })).toEqual([
      { id: 'Subscriptions', grant: 'readWrite' },
      { id: 'Deliveries', grant: 'write' },
    ]);
    expect(tableGrants({ read: ['Reports'], write: [] })).toEqual([{ id: 'Reports', grant: 'read' }]);
  });

  it('refuses an entry that does not exist, naming it', () => {
    const stack = new Stack(new App(), 'T');
    const table = dynamodb.Table.fromTableName(stack, 'T', 't');
    const resources = {
      tables: { Reports: table, Subscriptions: table, Deliveries: table, Publishers: table },
      signingKey: secretsmanager.Secret.fromSecretNameV2(stack, 'K', 'k'),
      mail: { senderEmail: 'a@b.example' },
      publicBaseUrl: 'https://x.example',
    };
    expect(
      () => new HeraldFunction(stack, 'Missing', { spec: { name: 'Missing', entry: 'functions/api/no-such-handler.ts', access: { read: [], write: [] } }, resources }),
    ).toThrow(/functions\/api\/no-such-handler\.ts does not exist/);
  });
});
