/**
 * The stateful stack: tables exactly as shared/tables.ts describes them, protected and
 * retained; the generated link-signing key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { TABLES } from '../../shared/tables';
import { logicalId, synthHerald, type SynthesizedHerald } from './herald-app';

let synth: SynthesizedHerald;
let template: Template;

beforeAll(() => {
  // No bundling needed: nothing in the stateful stack is a Lambda asset.
  synth = synthHerald({ bundle: false });
  template = synth.stateful;
}, 60_000);
afterAll(() => synth?.dispose());

type Table = { Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

function table(id: string): Table {
  return template.toJSON().Resources[logicalId(template, 'AWS::DynamoDB::Table', id)] as Table;
}

describe('DynamoDB tables', () => {
  it('creates exactly the tables of TABLES', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', TABLES.length);
  });

  describe.each(TABLES.map((spec) => [spec.id, spec] as const))('%s', (id, spec) => {
    it('has the key schema of its spec', () => {
      const { KeySchema, AttributeDefinitions } = table(id).Properties;
      expect(KeySchema).toEqual([
        { AttributeName: spec.partitionKey, KeyType: 'HASH' },
        ...(spec.sortKey ? [{ AttributeName: spec.sortKey, KeyType: 'RANGE' }] : []),
      ]);
      const keyNames = [spec.partitionKey, spec.sortKey, ...spec.indexes.flatMap((i) => [i.partitionKey, i.sortKey])].filter(Boolean);
      expect(AttributeDefinitions).toEqual(expect.arrayContaining(keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' }))));
      expect(AttributeDefinitions).toHaveLength(new Set(keyNames).size);
    });

    it('has the global secondary indexes of its spec', () => {
      const gsis = (table(id).Properties.GlobalSecondaryIndexes ?? []) as Array<Record<string, unknown>>;
      expect(gsis.map((g) => g.IndexName)).toEqual(spec.indexes.map((i) => i.indexName));
      for (const index of spec.indexes) {
        expect(gsis.find((g) => g.IndexName === index.indexName)?.KeySchema).toEqual([
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          ...(index.sortKey ? [{ AttributeName: index.sortKey, KeyType: 'RANGE' }] : []),
        ]);
      }
    });

    it('is on-demand, point-in-time recoverable, deletion-protected, encrypted and retained', () => {
      const t = table(id);
      expect(t.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(t.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(t.Properties.DeletionProtectionEnabled).toBe(true);
      expect(t.Properties.SSESpecification).toEqual({ SSEEnabled: true });
      expect(t.DeletionPolicy).toBe('Retain');
      expect(t.UpdateReplacePolicy).toBe('Retain');
    });

    it(spec.stream ? 'streams new images' : 'has no stream', () => {
      expect(table(id).Properties.StreamSpecification).toEqual(spec.stream ? { StreamViewType: 'NEW_IMAGE' } : undefined);
    });

    it(spec.ttlAttribute ? `expires items by ${spec.ttlAttribute}` : 'has no TTL', () => {
      expect(table(id).Properties.TimeToLiveSpecification).toEqual(
        spec.ttlAttribute ? { AttributeName: spec.ttlAttribute, Enabled: true } : undefined,
      );
    });

    it('outputs its physical name', () => {
      template.hasOutput(`${id}TableName`, { Value: { Ref: logicalId(template, 'AWS::DynamoDB::Table', id) } });
    });
  });

  it('streams the Reports table with NEW_IMAGE and has the byActiveFrequency index on Subscriptions', () => {
    // Spelled out as well, in case the specs themselves change.
    expect(table('Reports').Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    expect(table('Subscriptions').Properties.GlobalSecondaryIndexes).toEqual([
      expect.objectContaining({
        IndexName: 'byActiveFrequency',
        KeySchema: [
          { AttributeName: 'activePk', KeyType: 'HASH' },
          { AttributeName: 'activeSk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      }),
    ]);
  });
});

describe('link-signing key', () => {
  it('is a generated, retained Secrets Manager secret without punctuation (the value is comma-separated)', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResource('AWS::SecretsManager::Secret', {
      Properties: { GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false }) },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('outputs its ARN', () => {
    template.hasOutput('SigningKeySecretArn', { Value: { Ref: logicalId(template, 'AWS::SecretsManager::Secret', 'SigningKey') } });
  });
});

describe('stack', () => {
  it('is environment-agnostic (synthesizes offline, no lookups)', () => {
    expect(synth.herald.stateful.environment).toBe('aws://unknown-account/unknown-region');
    expect(synth.herald.stateless.environment).toBe('aws://unknown-account/unknown-region');
  });

  it('has only stateful resources', () => {
    const types = new Set(Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type));
    expect([...types].sort()).toEqual(['AWS::DynamoDB::Table', 'AWS::SecretsManager::Secret']);
  });
});
