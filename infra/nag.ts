/**
 * cdk-nag (v3: policy-validation plugins) for the Herald app. Findings surface in the
 * cloud assembly's validation report and in `cdk synth` output; error-level findings
 * fail synthesis. Acknowledgements (`Validations.of(construct).acknowledge`) live next
 * to the resources they concern, each with its reason.
 */
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** The rule packs Herald is checked against. */
export function nagPacks(scope?: IConstruct): NagPack[] {
  return [new AwsSolutionsChecks(scope, { verbose: true }), new ServerlessChecks(scope, { verbose: true })];
}

/** Registers the rule packs on the app (or stage) so every synthesis runs them. */
export function applyNag(scope: IConstruct): void {
  Validations.of(scope).addPlugins(...nagPacks(scope));
}

/** Every acknowledgement recorded under `scope`: where, which rule, why. */
export function acknowledgements(scope: IConstruct): Array<{ path: string; id: string; reason: string }> {
  const found: Array<{ path: string; id: string; reason: string }> = [];
  for (const construct of scope.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id, reason });
      }
    }
  }
  return found;
}
