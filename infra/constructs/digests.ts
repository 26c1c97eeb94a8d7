/**
 * Digests in AWS: EventBridge Scheduler invokes the DigestPlanner every hour at minute 0
 * (UTC) with the scheduled time as input; the planner enqueues one message per digest on
 * the DigestQueue; the DigestSender consumes it (batches of 10, at most 2 invocations at
 * once so that each may use half of the SES send rate, partial batch responses) and sends
 * through SES.
 *
 * Failures end in one dead-letter queue, watched by an alarm: send jobs received
 * `maxReceiveCount` times (redrive policy), planner invocations the scheduler could not
 * deliver (target DLQ, after its retry policy) and planner invocations that failed after
 * Lambda's asynchronous retries (on-failure destination).
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { ScheduleTargetBase, type ScheduleTargetBaseProps } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DIGEST_PLANNER, DIGEST_SENDER } from '../../functions/routes';
import { deadLetterAlarm } from './alarm-topic';
import { HeraldFunction, type HeraldResources } from './herald-function';

/** The sender's timeout; the queue's visibility timeout is six times it (AWS's advice for SQS event sources). */
export const DIGEST_SENDER_TIMEOUT = Duration.seconds(60);
/** Sender invocations at once (the SQS event source's maximum concurrency; 2 is its minimum). */
export const DIGEST_SENDER_CONCURRENCY = 2;
/** Receives of a send job before it goes to the dead-letter queue. */
export const DIGEST_MAX_RECEIVE_COUNT = 5;

/**
 * aws-scheduler-targets' LambdaInvoke, but granting the scheduler's role
 * `lambda:InvokeFunction` on the function's ARN alone (LambdaInvoke uses grantInvoke, which
 * adds every version and alias, `<arn>:*`, a wildcard the planner does not need).
 */
export class InvokeFunctionExactly extends ScheduleTargetBase {
  constructor(
    private readonly fn: lambda.IFunction,
    props: ScheduleTargetBaseProps,
  ) {
    super(props, fn.functionArn);
  }

  protected addTargetActionToRole(role: iam.IRole): void {
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.functionArn] }));
  }
}

export interface HeraldDigestsProps {
  readonly resources: HeraldResources;
}

export class HeraldDigests extends Construct {
  readonly planner: HeraldFunction;
  readonly sender: HeraldFunction;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: HeraldDigestsProps) {
    super(scope, id);

    this.deadLetterQueue = new sqs.Queue(this, 'Dlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(DIGEST_SENDER_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: DIGEST_MAX_RECEIVE_COUNT },
    });

    // Construct ids at the stack level keep the function names (and test lookups) like the others'.
    this.planner = new HeraldFunction(scope, DIGEST_PLANNER.name, {
      spec: DIGEST_PLANNER,
      resources: props.resources,
      // Reads every active digest rule and profile: memory for 100,000 subscribers, time for the reads.
      memorySize: 1024,
      timeout: Duration.minutes(5),
      environment: { DIGEST_QUEUE_URL: this.queue.queueUrl },
    });
    this.queue.grantSendMessages(this.planner.function);
    this.planner.function.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(1), onFailure: new SqsDestination(this.deadLetterQueue) });

    this.sender = new HeraldFunction(scope, DIGEST_SENDER.name, {
      spec: DIGEST_SENDER,
      resources: props.resources,
      timeout: DIGEST_SENDER_TIMEOUT,
      environment: { DIGEST_SENDER_CONCURRENCY: String(DIGEST_SENDER_CONCURRENCY) },
    });
    this.sender.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        maxConcurrency: DIGEST_SENDER_CONCURRENCY,
        reportBatchItemFailures: true,
      }),
    );
    // GetAccount (the account's MaxSendRate) has no resource-level permissions: "*" is the only resource it takes.
    this.sender.function.addToRolePolicy(new iam.PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));

    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'This queue is the dead-letter queue of the digest queue, of the digest schedule and of DigestPlanner; it has no consumer to redrive from: an alarm fires on any message and an operator inspects and replays it.',
    });
    Validations.of(this.sender.function).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason: 'Lambda takes no on-failure destination for SQS event sources: a digest job that keeps failing goes to Digests/Dlq by the queue\'s redrive policy (maxReceiveCount 5), which has an alarm.',
    });

    this.deadLetterAlarm = deadLetterAlarm(this, 'DlqAlarm', this.deadLetterQueue, 'Herald: digest jobs or digest runs failed and are waiting in the digest dead-letter queue');

    this.schedule = new Schedule(this, 'Schedule', {
      description: 'Herald digest run: every hour at minute 0 (UTC); each run sends the digests whose local hour is due',
      schedule: ScheduleExpression.cron({ minute: '0' }),
      target: new InvokeFunctionExactly(this.planner.function, {
        // The scheduled (not the actual) time, so a retried or late run plans the same jobs.
        input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
        deadLetterQueue: this.deadLetterQueue,
      }),
    });
  }
}
