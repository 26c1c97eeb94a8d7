/**
 * Stateless resources: one Lambda per HTTP route (functions/routes.ts), the publisher
 * authorizer, the HTTP API with a throttled, access-logged stage, and the stream
 * consumer that turns new reports into instant alerts, digests, and the alarms (to one SNS
 * topic). Tables and the signing key come in as props from the stateful stack.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ALERT_ON_REPORT, AUTHORIZER, ROUTES, SES_EVENTS } from '../functions/routes';
import { NEW_REPORT_FILTER_PATTERN } from '../shared/stream-filter';
import { AlarmTopic, deadLetterAlarm } from './constructs/alarm-topic';
import { HeraldDigests } from './constructs/digests';
import { HeraldFunction, type HeraldResources } from './constructs/herald-function';
import { MailEvents } from './constructs/mail-events';
import type { HeraldTables } from './stateful-stack';

export interface StatelessStackProps extends StackProps {
  readonly tables: HeraldTables;
  readonly signingKey: secretsmanager.ISecret;
  readonly senderEmail: string;
  readonly sesConfigurationSet?: string;
  /** @default the HTTP API's endpoint URL */
  readonly publicBaseUrl?: string;
  readonly throttleRate: number;
  readonly throttleBurst: number;
  /** Per-publisher limit enforced by the publisher routes' handlers (PUBLISHER_RATE_LIMIT). */
  readonly publisherThrottleRate?: number;
  readonly publisherThrottleBurst?: number;
  /** Operator address subscribed to the alarm topic. */
  readonly alarmEmail?: string;
}

/** The Lambda filter criteria for the Reports stream, exactly NEW_REPORT_FILTER_PATTERN. */
export function newReportFilter(): Record<string, unknown> {
  // FilterCriteria.filter JSON-encodes the pattern; the shared pattern is already in
  // the event-filtering syntax (values are arrays of allowed values).
  return lambda.FilterCriteria.filter(JSON.parse(JSON.stringify(NEW_REPORT_FILTER_PATTERN)) as Record<string, unknown>);
}

const CROSS_STACK_REFERENCES = '@aws-cdk/core:defaultCrossStackReferences';

/** JSON access-log line (HTTP API $context variables). */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

export class StatelessStack extends Stack {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  /** Route name (and AUTHORIZER / ALERT_ON_REPORT name) → function. */
  readonly functions: ReadonlyMap<string, HeraldFunction>;
  readonly alertDeadLetterQueue: sqs.Queue;
  /** The SES configuration set, its bounce/complaint handling and reputation alarms. */
  readonly mailEvents: MailEvents;
  readonly digests: HeraldDigests;
  /** Every alarm of the stack notifies this topic. */
  readonly alarms: AlarmTopic;
  readonly alertDeadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    // Tables and the signing key are imported from the stateful stack; keep CloudFormation's
    // producer protection (an export in use cannot be removed) unless the app says otherwise.
    if (this.node.tryGetContext(CROSS_STACK_REFERENCES) === undefined) this.node.setContext(CROSS_STACK_REFERENCES, 'strong');

    this.api = new apigw.HttpApi(this, 'Api', {
      apiName: `${this.stackName}-api`,
      description: 'Herald: publishers post reports, the public subscribes and unsubscribes',
      createDefaultStage: false,
    });

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRate, burstLimit: props.throttleBurst },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    // Every email goes through this stack's SES configuration set (bounces, complaints, reputation).
    const configurationSetName = props.sesConfigurationSet ?? `${id}-mail`;
    const resources: HeraldResources = {
      tables: props.tables,
      signingKey: props.signingKey,
      mail: { senderEmail: props.senderEmail, configurationSetName },
      publicBaseUrl: props.publicBaseUrl ?? this.api.apiEndpoint,
    };
    const functions = new Map<string, HeraldFunction>();

    const authorizerFn = new HeraldFunction(this, AUTHORIZER.name, { spec: AUTHORIZER, resources, timeout: Duration.seconds(5) });
    functions.set(AUTHORIZER.name, authorizerFn);
    const authorizer = new HttpLambdaAuthorizer(AUTHORIZER.name, authorizerFn.function, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      resultsCacheTtl: Duration.minutes(5),
    });

    for (const route of ROUTES) {
      const fn = new HeraldFunction(this, route.name, {
        spec: route,
        resources,
        ...(route.auth && props.publisherThrottleRate
          ? { environment: { PUBLISHER_RATE_LIMIT: String(props.publisherThrottleRate), PUBLISHER_BURST_LIMIT: String(props.publisherThrottleBurst ?? Math.ceil(props.publisherThrottleRate * 2)) } }
          : {}),
      });
      functions.set(route.name, fn);
      this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${route.name}Integration`, fn.function),
        ...(route.auth ? { authorizer } : {}),
      });
    }
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Only the subscriber routes (POST /subscriptions, GET|POST /subscriptions/confirm, GET|POST /unsubscribe) are ' +
        'public by design: anyone may ask to subscribe (double opt-in by email), and confirm/unsubscribe are authorised by ' +
        'the HMAC-signed token in the link. GET /openapi.json and GET /docs serve the API description (no data); ' +
        'GET /feeds and GET /reports/{id}/event.ics serve only what an alert email shows, for feed readers and the ' +
        'calendar links in alerts. Every publisher route uses the Lambda authorizer (asserted in tests/infra).',
    });

    // Instant alerts: INSERTs of report items on the Reports stream.
    const alertFn = new HeraldFunction(this, ALERT_ON_REPORT.name, { spec: ALERT_ON_REPORT, resources, timeout: Duration.seconds(60) });
    functions.set(ALERT_ON_REPORT.name, alertFn);
    this.alertDeadLetterQueue = new sqs.Queue(this, 'AlertOnReportDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.alertDeadLetterQueue).acknowledge(
      {
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is itself the dead-letter destination of the Reports stream event source mapping (on-failure records).',
      },
      {
        id: 'Serverless-SQSRedrivePolicy',
        reason: 'A dead-letter queue has no consumer to redrive from; its records are inspected and replayed by an operator.',
      },
    );
    alertFn.function.addEventSource(
      new DynamoEventSource(props.tables.Reports as dynamodb.ITable, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        filters: [newReportFilter()],
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(this.alertDeadLetterQueue),
      }),
    );
    // Bounces and complaints: configuration set → EventBridge → SesEvents → suppression list.
    const sesEventsFn = new HeraldFunction(this, SES_EVENTS.name, { spec: SES_EVENTS, resources, timeout: Duration.seconds(30) });
    functions.set(SES_EVENTS.name, sesEventsFn);
    this.mailEvents = new MailEvents(this, 'MailEvents', { configurationSetName, handler: sesEventsFn });
    // Digests: hourly schedule → DigestPlanner → DigestQueue → DigestSender → SES.
    this.digests = new HeraldDigests(this, 'Digests', { resources });
    functions.set(this.digests.planner.node.id, this.digests.planner);
    functions.set(this.digests.sender.node.id, this.digests.sender);
    this.functions = functions;

    // Alarms: a poison report in the stream consumer's dead-letter queue, a failed digest job
    // or run, the account's bounce and complaint rates; all to one topic.
    this.alertDeadLetterAlarm = deadLetterAlarm(this, 'AlertOnReportDlqAlarm', this.alertDeadLetterQueue, 'Herald: Reports stream batches failed and are waiting in the alert dead-letter queue (AlertDeadLetterQueueUrl)');
    this.alarms = new AlarmTopic(this, 'Alarms', props.alarmEmail ? { email: props.alarmEmail } : {});
    this.alarms.watch(this.alertDeadLetterAlarm, this.digests.deadLetterAlarm, ...this.mailEvents.alarms);

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only actions without resource-level permissions use Resource "*": xray:PutTraceSegments and ' +
        'xray:PutTelemetryRecords (Active tracing on every function), dynamodb:ListStreams (the Reports stream ' +
        'event source) and ses:GetAccount (DigestSender reads the account\'s MaxSendRate to pace digests). ' +
        'tests/infra asserts that no other action is granted on "*".',
    });
    Validations.of(this).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'No function is invoked asynchronously: route handlers and the authorizer are invoked synchronously by API ' +
        'Gateway, AlertOnReport by a stream event source mapping whose failed batches go to its own on-failure ' +
        'SQS destination (AlertOnReportDlq), and SesEvents (invoked by EventBridge) has an async on-failure SQS ' +
        'destination plus a target DLQ (MailEvents/Dlq), which supersede a DeadLetterConfig; so has DigestPlanner ' +
        '(invoked by EventBridge Scheduler; Digests/Dlq, with an alarm), and DigestSender is an SQS consumer whose ' +
        'queue redrives to Digests/Dlq.',
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'Herald HTTP API endpoint' });
    new CfnOutput(this, 'DigestDeadLetterQueueUrl', { value: this.digests.deadLetterQueue.queueUrl, description: 'Failed digest jobs and digest runs' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'Alarm notifications (subscribe an operator address, or set the alarmEmail context)' });
    new CfnOutput(this, 'AlertDeadLetterQueueUrl', { value: this.alertDeadLetterQueue.queueUrl, description: 'Failed Reports stream batches' });
  }
}
