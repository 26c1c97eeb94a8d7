/**
 * cdk-nag (AwsSolutions and Serverless packs, v3 policy-validation plugins) over the
 * whole app, as infra/app.ts registers them: no unacknowledged finding, and only a few
 * acknowledgements, each with a reason.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgements, applyNag, nagPacks } from '../../infra/nag';
import { synthHerald, type SynthesizedHerald } from './herald-app';

let synth: SynthesizedHerald;

beforeAll(() => {
  // With the packs registered, synthesis itself throws on any error-level finding.
  synth = synthHerald({ nag: true });
}, 120_000);
afterAll(() => synth?.dispose());

describe('cdk-nag', () => {
  it('checks with both the AwsSolutions and Serverless packs', () => {
    expect(nagPacks().map((p) => p.readPackName)).toEqual(['AwsSolutions', 'Serverless']);
  });

  it.each(nagPacks().map((p) => [p.readPackName, p] as const))('%s: no unacknowledged errors or warnings', (_name, pack) => {
    const report = pack.validateScope(synth.app);
    const findings = report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('synthesis wrote a validation report without failures', () => {
    const reportFile = path.join(synth.assembly.directory, 'validation-report.json');
    expect(fs.existsSync(reportFile)).toBe(true);
    const text = fs.readFileSync(reportFile, 'utf8');
    const report = JSON.parse(text) as { pluginReports?: Array<{ summary?: { pluginName?: string; status?: string }; violations?: unknown[] }> };
    for (const plugin of report.pluginReports ?? []) {
      if (/AwsSolutions|Serverless/.test(plugin.summary?.pluginName ?? '')) {
        expect(plugin.violations ?? []).toEqual([]);
      }
    }
  });

  it('fails synthesis on an error-level finding (the packs really run at synth)', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'herald-nag-')) });
    const stack = new Stack(app, 'Bad');
    new dynamodb.Table(stack, 'NoBackups', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    applyNag(app);
    try {
      expect(() => app.synth()).toThrow(/AwsSolutions-DDB3/);
    } finally {
      fs.rmSync(app.outdir, { recursive: true, force: true });
    }
  });

  it('acknowledges at most 10 findings, each with a specific reason', () => {
    const acks = acknowledgements(synth.app);
    expect(acks.length).toBeGreaterThan(0);
    expect(acks.length).toBeLessThanOrEqual(10);
    for (const ack of acks) {
      expect(ack.id).toMatch(/(AwsSolutions|Serverless)-/);
      expect(ack.reason.length, `reason for ${ack.id} at ${ack.path}`).toBeGreaterThan(60);
    }
  });

  it('never acknowledges IAM4 (managed policies) or a whole IAM5 rule', () => {
    const ids = acknowledgements(synth.app).map((a) => a.id.replace(/^Annotation::/i, ''));
    expect(ids.filter((id) => id.startsWith('AwsSolutions-IAM4'))).toEqual([]);
    expect(ids.filter((id) => id === 'AwsSolutions-IAM5')).toEqual([]);
  });
});
