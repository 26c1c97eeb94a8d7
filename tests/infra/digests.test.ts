/**
 * Digests in the stateless stack: the hourly schedule (scheduled time as input, retry
 * policy, DLQ), the planner (async failures to the DLQ, may only enqueue), the queue (SSE,
 * TLS only, visibility timeout ≥ 6× the sender's timeout, redrive after 5 receives), the
 * sender's event source (partial batch responses, bounded concurrency), its SES grants, and
 * the alarm on the dead-letter queue. Synthesized without bundling (fast).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { DIGEST_PLANNER, DIGEST_SENDER } from '../../functions/routes';
import { DIGEST_MAX_RECEIVE_COUNT, DIGEST_SENDER_CONCURRENCY } from '../../infra/constructs/digests';
import { actionsOf, logicalId, policyStatements, synthHerald, type SynthesizedHerald } from './herald-app';

let synth: SynthesizedHerald;
let template: Template;

beforeAll(() => {
  synth = synthHerald({ bundle: false, context: { senderEmail: 'alerts@herald.example' } });
  template = synth.stateless;
}, 120_000);
afterAll(() => synth?.dispose());

type Resource = { Type: string; Properties: Record<string, any> };
const resources = (type: string) => template.findResources(type) as Record<string, Resource>;
const fnId = (name: string) => logicalId(template, 'AWS::Lambda::Function', `${name}Function`);
const fn = (name: string) => resources('AWS::Lambda::Function')[fnId(name)]!;
const queueId = () => logicalId(template, 'AWS::SQS::Queue', 'DigestsQueue');
const dlqId = () => logicalId(template, 'AWS::SQS::Queue', 'DigestsDlq');

describe('digest queue', () => {
  it('is encrypted, TLS-only, with a visibility timeout of at least 6× the sender timeout', () => {
    const queue = resources('AWS::SQS::Queue')[queueId()]!.Properties;
    expect(queue.SqsManagedSseEnabled).toBe(true);
    const senderTimeout = fn(DIGEST_SENDER.name).Properties.Timeout as number;
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * senderTimeout);
    for (const id of [queueId(), dlqId()]) {
      const policy = Object.values(resources('AWS::SQS::QueuePolicy')).find((p) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: id }]));
      expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it(`redrives to an encrypted dead-letter queue after ${DIGEST_MAX_RECEIVE_COUNT} receives`, () => {
    const queue = resources('AWS::SQS::Queue')[queueId()]!.Properties;
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [dlqId(), 'Arn'] }, maxReceiveCount: DIGEST_MAX_RECEIVE_COUNT });
    expect(resources('AWS::SQS::Queue')[dlqId()]!.Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('alarms as soon as anything is in the dead-letter queue', () => {
    const alarms = Object.values(resources('AWS::CloudWatch::Alarm')).filter((a) => JSON.stringify(a.Properties.Dimensions ?? []).includes(dlqId()));
    expect(alarms).toHaveLength(1);
    const alarm = alarms[0]!.Properties;
    expect(alarm.MetricName).toBe('ApproximateNumberOfMessagesVisible');
    expect(alarm.Namespace).toBe('AWS/SQS');
    expect(alarm.ComparisonOperator).toBe('GreaterThanThreshold');
    expect(alarm.Threshold).toBe(0);
    expect(alarm.EvaluationPeriods).toBe(1);
  });
});

describe('digest sender', () => {
  it('consumes the queue in batches of 10 with partial batch responses and bounded concurrency', () => {
    const mappings = Object.values(resources('AWS::Lambda::EventSourceMapping')).filter((m) => JSON.stringify(m.Properties.EventSourceArn).includes(queueId()));
    expect(mappings).toHaveLength(1);
    const esm = mappings[0]!.Properties;
    expect(esm.FunctionName).toEqual({ Ref: fnId(DIGEST_SENDER.name) });
    expect(esm.BatchSize).toBe(10);
    expect(esm.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(esm.ScalingConfig).toEqual({ MaximumConcurrency: DIGEST_SENDER_CONCURRENCY });
    expect(fn(DIGEST_SENDER.name).Properties.Environment.Variables.DIGEST_SENDER_CONCURRENCY).toBe(String(DIGEST_SENDER_CONCURRENCY));
  });

  it('may read the SES account (GetAccount takes only "*") and send only as the sender domain', () => {
    const statements = policyStatements(template, DIGEST_SENDER.name);
    const getAccount = statements.filter((s) => actionsOf(s).includes('ses:GetAccount'));
    expect(getAccount).toHaveLength(1);
    expect(actionsOf(getAccount[0]!)).toEqual(['ses:GetAccount']);
    expect(getAccount[0]!.Resource).toBe('*');
    const send = statements.filter((s) => actionsOf(s).includes('ses:SendEmail'));
    expect(send).toHaveLength(1);
    expect(JSON.stringify(send[0]!.Resource)).toContain(':identity/herald.example');
    expect(JSON.stringify(send[0]!.Resource)).not.toContain('*');
  });

  it('consumes (and only consumes) the digest queue', () => {
    const sqs = policyStatements(template, DIGEST_SENDER.name).filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
    expect(sqs.flatMap(actionsOf)).not.toContain('sqs:SendMessage');
    expect(JSON.stringify(sqs.map((s) => s.Resource))).toContain(queueId());
  });
});

describe('digest planner and schedule', () => {
  it('may enqueue on the digest queue, and send its failed async invocations to the DLQ', () => {
    const planner = fn(DIGEST_PLANNER.name).Properties;
    expect(planner.Environment.Variables.DIGEST_QUEUE_URL).toEqual({ Ref: queueId() });
    const sends = policyStatements(template, DIGEST_PLANNER.name).filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(JSON.stringify(sends.map((s) => s.Resource))).toContain(queueId());
    expect(policyStatements(template, DIGEST_PLANNER.name).flatMap(actionsOf).filter((a) => a.startsWith('ses:'))).toEqual([]);
    const invokeConfig = Object.values(resources('AWS::Lambda::EventInvokeConfig')).find((c) => JSON.stringify(c.Properties.FunctionName) === JSON.stringify({ Ref: fnId(DIGEST_PLANNER.name) }));
    expect(invokeConfig?.Properties.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [dlqId(), 'Arn'] });
    expect(invokeConfig?.Properties.MaximumRetryAttempts).toBe(2);
  });

  it('runs every hour at minute 0 (UTC), passing the scheduled time, with retries and a DLQ', () => {
    const schedules = Object.values(resources('AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(1);
    const s = schedules[0]!.Properties;
    expect(s.ScheduleExpression).toBe('cron(0 * * * ? *)');
    expect(s.ScheduleExpressionTimezone ?? 'UTC').toMatch(/^(Etc\/)?UTC$/);
    expect(s.State).toBe('ENABLED');
    expect(s.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
    expect(s.Target.Arn).toEqual({ 'Fn::GetAtt': [fnId(DIGEST_PLANNER.name), 'Arn'] });
    expect(JSON.parse(s.Target.Input)).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
    expect(s.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 });
    expect(s.Target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [dlqId(), 'Arn'] } });
  });

  it("lets the scheduler's role invoke exactly the planner (no version or alias wildcard)", () => {
    const s = Object.values(resources('AWS::Scheduler::Schedule'))[0]!.Properties;
    const roleId = (s.Target.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const statements = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const invoke = statements.filter((st) => ([] as string[]).concat(st.Action).includes('lambda:InvokeFunction'));
    expect(invoke).toHaveLength(1);
    expect(invoke[0]!.Resource).toEqual({ 'Fn::GetAtt': [fnId(DIGEST_PLANNER.name), 'Arn'] });
  });
});
