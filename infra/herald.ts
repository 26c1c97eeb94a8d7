/**
 * Defines the Herald stacks in an app: the stateful stack (tables, signing key) and the
 * stateless stack (functions, HTTP API, stream consumer) that receives them as props.
 * Stacks are environment-agnostic, so synthesis needs no AWS account or lookups.
 */
import type { App, StackProps } from 'aws-cdk-lib';
import { readConfig, type HeraldConfig } from './config';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface Herald {
  readonly config: HeraldConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

export function defineHerald(app: App, stackProps: StackProps = {}): Herald {
  const config = readConfig(app.node);
  const prefix = `Herald-${config.stage}`;
  const tags = { project: 'herald', stage: config.stage };

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    ...stackProps,
    description: 'Herald stateful resources: DynamoDB tables and the link-signing key (retained)',
    tags,
    terminationProtection: config.stage === 'prod',
  });

  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    ...stackProps,
    description: 'Herald stateless resources: HTTP API, Lambda functions, Reports stream consumer',
    tags,
    tables: stateful.tables,
    signingKey: stateful.signingKey,
    senderEmail: config.senderEmail,
    ...(config.sesConfigurationSet ? { sesConfigurationSet: config.sesConfigurationSet } : {}),
    ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
    ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
    throttleRate: config.throttleRate,
    throttleBurst: config.throttleBurst,
    publisherThrottleRate: config.publisherThrottleRate,
    publisherThrottleBurst: config.publisherThrottleBurst,
  });

  return { config, stateful, stateless };
}
