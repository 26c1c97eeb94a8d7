/**
 * Reliability rules over every resource of the synthesized app, so they hold for resources
 * added later too: every event source mapping has bounded retries and somewhere for
 * failures to go, every queue a function consumes has a visibility timeout of at least six
 * times the function's timeout and a dead-letter queue, every function has explicit memory,
 * timeout and a log group with a retention, every asynchronously invoked function has an
 * on-failure destination or DLQ, and every table PITR, deletion protection and encryption.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { synthHerald, type SynthesizedHerald } from './herald-app';

type Resource = { Type: string; Properties: Record<string, any> };

let synth: SynthesizedHerald;
let templates: Template[];

beforeAll(() => {
  synth = synthHerald({ bundle: false });
  templates = [synth.stateful, synth.stateless];
}, 120_000);
afterAll(() => synth?.dispose());

function all(type: string): [string, Resource][] {
  return templates.flatMap((t) => Object.entries(t.findResources(type) as Record<string, Resource>));
}

/** The logical id behind a `{ Ref }` or `{ Fn::GetAtt: [id, ...] }`. */
function refOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v['Ref'] === 'string') return v['Ref'];
    if (Array.isArray(v['Fn::GetAtt'])) return String(v['Fn::GetAtt'][0]);
  }
  return undefined;
}

describe('event source mappings', () => {
  it('exist (the Reports stream consumer at least)', () => {
    expect(all('AWS::Lambda::EventSourceMapping').length).toBeGreaterThan(0);
  });

  it('stream mappings bound their retries, bisect on error, and send failures somewhere (records live 24 h)', () => {
    for (const [id, { Properties: p }] of all('AWS::Lambda::EventSourceMapping')) {
      const isQueue = JSON.stringify(p['EventSourceArn']).includes('Queue');
      if (isQueue) continue;
      expect(p['MaximumRetryAttempts'], id).toEqual(expect.any(Number));
      expect(p['MaximumRetryAttempts'], id).toBeLessThanOrEqual(10);
      expect(p['BisectBatchOnFunctionError'], id).toBe(true);
      expect(p['DestinationConfig']?.['OnFailure']?.['Destination'], id).toBeDefined();
      expect(p['MaximumRecordAgeInSeconds'], id).toBeLessThanOrEqual(24 * 3600);
      expect(p['FunctionResponseTypes'], id).toContain('ReportBatchItemFailures');
    }
  });

  it('queues a function consumes: visibility timeout ≥ 6 × the function timeout, and a dead-letter queue', () => {
    const queues = new Map(all('AWS::SQS::Queue'));
    const functions = new Map(all('AWS::Lambda::Function'));
    for (const [id, { Properties: p }] of all('AWS::Lambda::EventSourceMapping')) {
      const queueId = refOf(p['EventSourceArn']);
      const queue = queueId ? queues.get(queueId) : undefined;
      if (!queue) continue;
      const fn = functions.get(refOf(p['FunctionName']) ?? '');
      expect(fn, `function of ${id}`).toBeDefined();
      const timeout = Number(fn!.Properties['Timeout'] ?? 3);
      expect(Number(queue.Properties['VisibilityTimeout'] ?? 30), `${queueId} visibility vs ${timeout} s`).toBeGreaterThanOrEqual(6 * timeout);
      expect(queue.Properties['RedrivePolicy']?.['deadLetterTargetArn'], `${queueId} DLQ`).toBeDefined();
    }
  });
});

describe('functions', () => {
  it('every function has explicit memory and timeout, JSON logs and a log group with a retention', () => {
    const logGroups = new Map(all('AWS::Logs::LogGroup'));
    for (const [id, { Properties: p }] of all('AWS::Lambda::Function')) {
      if (p['Handler'] && String(p['Handler']).startsWith('__entrypoint__')) continue; // CDK custom-resource providers
      expect(p['MemorySize'], id).toEqual(expect.any(Number));
      expect(p['Timeout'], id).toEqual(expect.any(Number));
      expect(p['LoggingConfig']?.['LogFormat'], id).toBe('JSON');
      const group = logGroups.get(refOf(p['LoggingConfig']?.['LogGroup']) ?? '');
      expect(group?.Properties['RetentionInDays'], `${id} log retention`).toEqual(expect.any(Number));
    }
  });

  it('a function invoked asynchronously (EventBridge, SNS, S3, schedules) has an on-failure destination or a DLQ', () => {
    const asyncTargets = new Set<string>();
    for (const [, { Properties: p }] of all('AWS::Events::Rule')) for (const t of p['Targets'] ?? []) if (refOf(t['Arn'])) asyncTargets.add(refOf(t['Arn'])!);
    for (const [, { Properties: p }] of all('AWS::Scheduler::Schedule')) if (refOf(p['Target']?.['Arn'])) asyncTargets.add(refOf(p['Target']['Arn'])!);
    for (const [, { Properties: p }] of all('AWS::SNS::Subscription')) if (p['Protocol'] === 'lambda' && refOf(p['Endpoint'])) asyncTargets.add(refOf(p['Endpoint'])!);
    const configs = all('AWS::Lambda::EventInvokeConfig');
    const functions = new Map(all('AWS::Lambda::Function'));
    for (const target of asyncTargets) {
      const fn = functions.get(target);
      if (!fn) continue;
      const dlq = fn.Properties['DeadLetterConfig']?.['TargetArn'];
      const destination = configs.find(([, c]) => refOf(c.Properties['FunctionName']) === target)?.[1].Properties['DestinationConfig']?.['OnFailure'];
      // EventBridge rules and schedules can carry their own DLQ on the target instead.
      const targetDlq = [...all('AWS::Events::Rule'), ...all('AWS::Scheduler::Schedule')].some(([, r]) =>
        [...(r.Properties['Targets'] ?? []), r.Properties['Target']].some((t: any) => t && refOf(t['Arn']) === target && t['DeadLetterConfig']?.['Arn']),
      );
      expect(dlq ?? destination ?? (targetDlq || undefined), `async target ${target}`).toBeDefined();
    }
  });
});

describe('tables', () => {
  it('every table has PITR, deletion protection, encryption and is retained', () => {
    const tables = all('AWS::DynamoDB::Table');
    expect(tables.length).toBeGreaterThanOrEqual(4);
    const raw = synth.stateful.toJSON() as { Resources: Record<string, { DeletionPolicy?: string }> };
    for (const [id, { Properties: p }] of tables) {
      expect(p['PointInTimeRecoverySpecification']?.['PointInTimeRecoveryEnabled'], id).toBe(true);
      expect(p['DeletionProtectionEnabled'], id).toBe(true);
      expect(p['SSESpecification']?.['SSEEnabled'], id).toBe(true);
      expect(raw.Resources[id]?.DeletionPolicy, id).toBe('Retain');
    }
  });
});
