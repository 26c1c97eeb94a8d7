/**
 * Bounces and complaints: the SES v2 configuration set every email is sent through, its
 * event destination (EventBridge, default bus), a rule that passes this set's bounce and
 * complaint events to the SesEvents Lambda (which suppresses addresses), dead-letter
 * handling for both hops, and CloudWatch alarms on the account's reputation metrics
 * (bounce rate ≥ 2 %, complaint rate ≥ 0.08 %, well before SES's own review thresholds).
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { HeraldFunction } from './herald-function';

/** SES's reputation metrics Herald alarms on, and the thresholds. */
export const REPUTATION_ALARMS = [
  { id: 'BounceRateAlarm', metricName: 'Reputation.BounceRate', threshold: 0.02, what: 'bounce rate of 2 % or more' },
  { id: 'ComplaintRateAlarm', metricName: 'Reputation.ComplaintRate', threshold: 0.0008, what: 'complaint rate of 0.08 % or more' },
] as const;

/** The EventBridge detail types of the SES events the handler consumes. */
export const SES_EVENT_DETAIL_TYPES = ['Email Bounced', 'Email Complaint'] as const;

export interface MailEventsProps {
  /** Name of the configuration set to create (functions send through it). */
  readonly configurationSetName: string;
  /** The function that handles bounce and complaint events (functions/routes.ts SES_EVENTS). */
  readonly handler: HeraldFunction;
}

export class MailEvents extends Construct {
  readonly configurationSet: ses.CfnConfigurationSet;
  readonly eventDestination: ses.CfnConfigurationSetEventDestination;
  readonly handler: HeraldFunction;
  readonly rule: events.Rule;
  readonly deadLetterQueue: sqs.Queue;
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: MailEventsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const name = props.configurationSetName;

    this.configurationSet = new ses.CfnConfigurationSet(this, 'ConfigurationSet', {
      name,
      reputationOptions: { reputationMetricsEnabled: true },
      sendingOptions: { sendingEnabled: true },
      deliveryOptions: { tlsPolicy: 'REQUIRE' },
      // SES's own suppression too, as a second net under Herald's list.
      suppressionOptions: { suppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });

    this.eventDestination = new ses.CfnConfigurationSetEventDestination(this, 'EventDestination', {
      configurationSetName: name,
      eventDestination: {
        name: 'bounces-and-complaints',
        enabled: true,
        matchingEventTypes: ['BOUNCE', 'COMPLAINT'],
        eventBridgeDestination: { eventBusArn: stack.formatArn({ service: 'events', resource: 'event-bus', resourceName: 'default' }) },
      },
    });
    this.eventDestination.addDependency(this.configurationSet);

    this.handler = props.handler;

    // Events the function failed on after Lambda's retries, and events EventBridge could
    // not deliver, land here for an operator to replay.
    this.deadLetterQueue = new sqs.Queue(this, 'Dlq', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.deadLetterQueue).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter destination of the SesEvents function (async on-failure) and of its EventBridge target.' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'A dead-letter queue has no consumer to redrive from; its bounce and complaint events are inspected and replayed by an operator.' },
    );
    this.handler.function.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new SqsDestination(this.deadLetterQueue) });

    this.rule = new events.Rule(this, 'Rule', {
      description: `SES bounces and complaints of configuration set ${name} → SesEvents`,
      eventPattern: {
        source: ['aws.ses'],
        detailType: [...SES_EVENT_DETAIL_TYPES],
        detail: { mail: { tags: { 'ses:configuration-set': [name] } } },
      },
      targets: [new targets.LambdaFunction(this.handler.function, { deadLetterQueue: this.deadLetterQueue, retryAttempts: 8, maxEventAge: Duration.hours(24) })],
    });

    this.alarms = REPUTATION_ALARMS.map(
      (a) =>
        new cloudwatch.Alarm(this, a.id, {
          alarmDescription: `Herald: SES account ${a.what} (SES reviews senders at 5 % bounces or 0.1 % complaints)`,
          metric: new cloudwatch.Metric({ namespace: 'AWS/SES', metricName: a.metricName, statistic: 'Maximum', period: Duration.hours(1) }),
          threshold: a.threshold,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
    );
  }
}
