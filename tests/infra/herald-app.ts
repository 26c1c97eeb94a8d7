/**
 * Synthesizes the Herald app in-process for the infra tests: the same defineHerald the
 * CDK app uses, into a temporary cloud assembly (never the repository's cdk.out).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { defineHerald, type Herald } from '../../infra/herald';
import { applyNag } from '../../infra/nag';

export interface SynthOptions {
  /** Extra CDK context (senderEmail, publicBaseUrl, throttleRate, ...). */
  readonly context?: Record<string, unknown>;
  /** Bundle the handlers with esbuild, as `cdk synth` does. Off: assets are not bundled. */
  readonly bundle?: boolean;
  /** Register the cdk-nag packs, as infra/app.ts does. */
  readonly nag?: boolean;
}

export interface SynthesizedHerald {
  readonly app: App;
  readonly herald: Herald;
  readonly assembly: ReturnType<App['synth']>;
  readonly stateful: Template;
  readonly stateless: Template;
  /** Removes the temporary cloud assembly. */
  readonly dispose: () => void;
}

export function synthHerald(options: SynthOptions = {}): SynthesizedHerald {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-cdk-'));
  const app = new App({
    outdir,
    context: {
      ...options.context,
      // An empty list of stacks to bundle skips esbuild (assets point at the source).
      ...(options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {}),
    },
  });
  const herald = defineHerald(app);
  if (options.nag) applyNag(app);
  const assembly = app.synth();
  return {
    app,
    herald,
    assembly,
    stateful: Template.fromStack(herald.stateful),
    stateless: Template.fromStack(herald.stateless),
    dispose: () => fs.rmSync(outdir, { recursive: true, force: true }),
  };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; [k: string]: unknown }>;

/** Logical id of the single resource of `type` whose logical id starts with `prefix`. */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type) as Resources).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`Expected one ${type} with logical id ${prefix}*, found ${ids.join(', ') || 'none'}`);
  return ids[0]!;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** The statements of the default policy of a HeraldFunction's role (construct id `name`). */
export function policyStatements(template: Template, name: string): Statement[] {
  const roleId = logicalId(template, 'AWS::IAM::Role', `${name}Role`);
  const policies = template.findResources('AWS::IAM::Policy') as Resources;
  return Object.values(policies)
    .filter((p) => JSON.stringify((p.Properties as { Roles: unknown }).Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((p) => (p.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement);
}

export function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}
