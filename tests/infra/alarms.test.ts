/**
 * Alarms and where they go: every CloudWatch alarm of the stateless stack notifies one SNS
 * topic when it fires and when it clears; the topic is encrypted with a rotating key that
 * CloudWatch may use, accepts TLS only, and has an operator subscription only when the
 * `alarmEmail` context names one. Synthesized without bundling (fast).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config';
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { logicalId, synthHerald, type SynthesizedHerald } from './herald-app';

type Resource = { Type: string; Properties: Record<string, any> };
const resourcesOf = (template: Template, type: string) => template.findResources(type) as Record<string, Resource>;

let synth: SynthesizedHerald;
let withEmail: SynthesizedHerald;
let template: Template;
let topicId: string;

beforeAll(() => {
  synth = synthHerald({ bundle: false });
  withEmail = synthHerald({ bundle: false, context: { alarmEmail: 'ops@un.example' } });
  template = synth.stateless;
  topicId = logicalId(template, 'AWS::SNS::Topic', 'AlarmsTopic');
}, 120_000);
afterAll(() => {
  synth?.dispose();
  withEmail?.dispose();
});

describe('alarm notifications', () => {
  it('sends every alarm, firing and clearing, to the alarm topic', () => {
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
    // The alert and digest dead-letter queues, the bounce and complaint rates.
    expect(alarms.length).toBe(4);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions, alarm.Properties.AlarmDescription).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions, alarm.Properties.AlarmDescription).toEqual([{ Ref: topicId }]);
    }
  });

  it('alarms as soon as a Reports stream batch lands in the alert dead-letter queue', () => {
    const dlqId = logicalId(template, 'AWS::SQS::Queue', 'AlertOnReportDlq');
    const alarm = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).find((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(dlqId));
    expect(alarm?.Properties).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS', ComparisonOperator: 'GreaterThanThreshold', Threshold: 0, EvaluationPeriods: 1 });
  });

  it('encrypts the topic with a rotating key that CloudWatch may use, and refuses requests without TLS', () => {
    const topic = resourcesOf(template, 'AWS::SNS::Topic')[topicId]!;
    const keyId = (topic.Properties.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const key = resourcesOf(template, 'AWS::KMS::Key')[keyId]!;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const cloudwatch = (key.Properties.KeyPolicy.Statement as any[]).find((s) => s.Principal?.Service === 'cloudwatch.amazonaws.com');
    expect(cloudwatch).toMatchObject({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] });
    const policies = Object.values(resourcesOf(template, 'AWS::SNS::TopicPolicy')).filter((p) => JSON.stringify(p.Properties.Topics) === JSON.stringify([{ Ref: topicId }]));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as any[]);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('subscribes the operator address only when alarmEmail is set', () => {
    expect(Object.keys(resourcesOf(template, 'AWS::SNS::Subscription'))).toEqual([]);
    const subs = Object.values(resourcesOf(withEmail.stateless, 'AWS::SNS::Subscription'));
    expect(subs.map((s) => s.Properties)).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@un.example' })]);
  });

  it('refuses an alarmEmail that is not an address', () => {
    expect(() => readConfig(new App({ context: { alarmEmail: 'ops' } }).node)).toThrow(/alarmEmail/);
  });
});
