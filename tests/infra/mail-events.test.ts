/**
 * Bounces and complaints in CDK: the SES v2 configuration set every function sends
 * through, its EventBridge event destination, the rule to the SesEvents Lambda (with
 * dead-letter handling), and the reputation alarms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { ROUTES, SES_EVENTS } from '../../functions/routes';
import { actionsOf, logicalId, policyStatements, synthHerald, type SynthesizedHerald } from './herald-app';

let synth: SynthesizedHerald;
let template: Template;

beforeAll(() => {
  synth = synthHerald({ bundle: false });
  template = synth.stateless;
}, 120_000);
afterAll(() => synth?.dispose());

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };
const resources = (type: string) => Object.values(template.findResources(type) as Record<string, Resource>);
const DEFAULT_SET = 'Herald-dev-Stateless-mail';

describe('SES configuration set', () => {
  it('has reputation metrics, TLS and SES suppression of bounces and complaints', () => {
    const [set, ...others] = resources('AWS::SES::ConfigurationSet');
    expect(others).toEqual([]);
    expect(set!.Properties).toMatchObject({
      Name: DEFAULT_SET,
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('is the configuration set of every function that sends email', () => {
    const senders = ROUTES.filter((r) => r.sendsEmail).map((r) => r.name);
    expect(senders.length).toBeGreaterThan(0);
    const fns = template.findResources('AWS::Lambda::Function') as Record<string, Resource>;
    for (const name of [...senders, 'AlertOnReport']) {
      expect(fns[logicalId(template, 'AWS::Lambda::Function', `${name}Function`)]!.Properties.Environment.Variables.SES_CONFIGURATION_SET).toBe(DEFAULT_SET);
    }
  });

  it('sends bounce and complaint events to the default EventBridge bus', () => {
    const [dest, ...others] = resources('AWS::SES::ConfigurationSetEventDestination');
    expect(others).toEqual([]);
    expect(dest!.Properties.ConfigurationSetName).toBe(DEFAULT_SET);
    expect(dest!.Properties.EventDestination).toMatchObject({ Enabled: true, MatchingEventTypes: ['BOUNCE', 'COMPLAINT'] });
    expect(JSON.stringify(dest!.Properties.EventDestination.EventBridgeDestination.EventBusArn)).toContain(':event-bus/default');
    expect(dest!.DependsOn).toContain(logicalId(template, 'AWS::SES::ConfigurationSet', 'MailEventsConfigurationSet'));
  });
});

describe('SesEvents', () => {
  it('receives this set\'s bounces and complaints from an EventBridge rule, with retries and a DLQ', () => {
    const [rule, ...others] = resources('AWS::Events::Rule');
    expect(others).toEqual([]);
    expect(rule!.Properties.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint'],
      detail: { mail: { tags: { 'ses:configuration-set': [DEFAULT_SET] } } },
    });
    const [target] = rule!.Properties.Targets as Record<string, any>[];
    const fnId = logicalId(template, 'AWS::Lambda::Function', `${SES_EVENTS.name}Function`);
    expect(target!['Arn']).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
    const dlq = logicalId(template, 'AWS::SQS::Queue', 'MailEventsDlq');
    expect(target!['DeadLetterConfig']).toEqual({ Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } });
    expect(target!['RetryPolicy']).toEqual({ MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 });
    const [invokeConfig] = resources('AWS::Lambda::EventInvokeConfig');
    expect(invokeConfig!.Properties).toMatchObject({ MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlq, 'Arn'] } } } });
    const permissions = resources('AWS::Lambda::Permission').filter((p) => p.Properties.Principal === 'events.amazonaws.com');
    expect(permissions).toHaveLength(1);
    expect(permissions[0]!.Properties.FunctionName).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
  });

  it('may read and write Subscriptions only, and send nothing', () => {
    const statements = policyStatements(template, SES_EVENTS.name);
    const actions = statements.flatMap(actionsOf);
    expect(actions).toContain('dynamodb:PutItem');
    expect(actions.filter((a) => a.startsWith('ses:'))).toEqual([]);
    const tables = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')) && JSON.stringify(s.Resource).includes('Table'));
    for (const s of tables) expect(JSON.stringify(s.Resource)).toContain(logicalId(synth.stateful, 'AWS::DynamoDB::Table', 'Subscriptions'));
  });
});

describe('reputation alarms', () => {
  it.each([
    ['Reputation.BounceRate', 0.02],
    ['Reputation.ComplaintRate', 0.0008],
  ])('alarms on %s ≥ %s', (metricName, threshold) => {
    const alarm = resources('AWS::CloudWatch::Alarm').find((a) => a.Properties.MetricName === metricName);
    expect(alarm?.Properties).toMatchObject({
      Namespace: 'AWS/SES',
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });
});
