/**
 * The HTTP API's routes, declared once: the CDK stack turns each into an API Gateway
 * route with its own Lambda, and the local server dispatches to the same handler modules.
 */

/** One HTTP route served by one Lambda handler module. */
export interface RouteSpec {
  /** Short name: CDK construct id and Lambda name suffix. */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path, with `{param}` placeholders. */
  readonly path: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  /** Whether a publisher bearer token is required (checked by the Lambda authorizer). */
  readonly auth: boolean;
  /** Tables the handler reads and writes (least privilege in CDK). */
  readonly access: { readonly read: readonly TableId[]; readonly write: readonly TableId[] };
  /** Whether it sends email through SES. */
  readonly sendsEmail?: boolean;
  /** Whether it needs the link-signing key. */
  readonly signsLinks?: boolean;
}

type TableId = 'Reports' | 'Subscriptions' | 'Deliveries' | 'Publishers';

/** Every route of the HTTP API. */
export const ROUTES: readonly RouteSpec[] = [
  { name: 'PostReport', method: 'POST', path: '/reports', entry: 'functions/api/post-report.ts', auth: true, access: { read: [], write: ['Reports', 'Deliveries'] } },
  { name: 'GetReport', method: 'GET', path: '/reports/{id}', entry: 'functions/api/get-report.ts', auth: true, access: { read: ['Reports'], write: ['Deliveries'] } },
  { name: 'ListReports', method: 'GET', path: '/reports', entry: 'functions/api/list-reports.ts', auth: true, access: { read: ['Reports'], write: ['Deliveries'] } },
  { name: 'Subscribe', method: 'POST', path: '/subscriptions', entry: 'functions/api/subscribe.ts', auth: false, access: { read: ['Subscriptions'], write: ['Subscriptions'] }, sendsEmail: true, signsLinks: true },
  { name: 'SubscribePage', method: 'GET', path: '/subscribe', entry: 'functions/api/subscribe-page.ts', auth: false, access: { read: [], write: [] } },
  { name: 'ConfirmPage', method: 'GET', path: '/subscriptions/confirm', entry: 'functions/api/confirm.ts', auth: false, access: { read: ['Subscriptions'], write: [] }, signsLinks: true },
  { name: 'Confirm', method: 'POST', path: '/subscriptions/confirm', entry: 'functions/api/confirm.ts', auth: false, access: { read: ['Subscriptions'], write: ['Subscriptions'] }, signsLinks: true },
  { name: 'UnsubscribePage', method: 'GET', path: '/unsubscribe', entry: 'functions/api/unsubscribe.ts', auth: false, access: { read: ['Subscriptions'], write: [] }, signsLinks: true },
  { name: 'Unsubscribe', method: 'POST', path: '/unsubscribe', entry: 'functions/api/unsubscribe.ts', auth: false, access: { read: ['Subscriptions'], write: ['Subscriptions'] }, signsLinks: true },
  { name: 'OpenApi', method: 'GET', path: '/openapi.json', entry: 'functions/api/openapi.ts', auth: false, access: { read: [], write: [] } },
  { name: 'Docs', method: 'GET', path: '/docs', entry: 'functions/api/openapi.ts', auth: false, access: { read: [], write: [] } },
  { name: 'Feeds', method: 'GET', path: '/feeds', entry: 'functions/api/feeds.ts', auth: false, access: { read: ['Reports'], write: [] } },
  { name: 'ReportEvent', method: 'GET', path: '/reports/{id}/event.ics', entry: 'functions/api/report-event.ts', auth: false, access: { read: ['Reports'], write: [] } },
  { name: 'ManagePage', method: 'GET', path: '/manage', entry: 'functions/api/manage.ts', auth: false, access: { read: ['Subscriptions'], write: [] }, signsLinks: true },
  { name: 'Manage', method: 'POST', path: '/manage', entry: 'functions/api/manage.ts', auth: false, access: { read: ['Subscriptions'], write: ['Subscriptions'] }, signsLinks: true },
  { name: 'RequestManageLink', method: 'POST', path: '/manage/link', entry: 'functions/api/manage-link.ts', auth: false, access: { read: ['Subscriptions'], write: ['Subscriptions'] }, sendsEmail: true, signsLinks: true },
];

/**
 * Bounces and complaints from the SES configuration set (EventBridge in AWS; locally
 * `POST /_local/ses-events` or `npx herald ses-event`): suppresses addresses.
 */
export const SES_EVENTS = {
  name: 'SesEvents',
  entry: 'functions/events/ses-events.ts',
  access: { read: ['Subscriptions'] as TableId[], write: ['Subscriptions'] as TableId[] },
};

/** The Lambda authorizer that checks publisher bearer tokens. */
export const AUTHORIZER = { name: 'PublisherAuthorizer', entry: 'functions/api/authorizer.ts', access: { read: ['Publishers'] as TableId[], write: [] as TableId[] } };

/** The stream consumer that matches new reports to subscriptions and sends instant alerts. */
export const ALERT_ON_REPORT = {
  name: 'AlertOnReport',
  entry: 'functions/stream/alert-on-report.ts',
  // Writes Subscriptions only for alerts held back by the per-day cap (OVERFLOW# items).
  access: { read: ['Subscriptions'] as TableId[], write: ['Deliveries', 'Subscriptions'] as TableId[] },
  sendsEmail: true,
  signsLinks: true,
};

/**
 * The digest planner: run hourly by EventBridge Scheduler (locally by a timer, and by
 * `npm run digest -- --now`); reads rules, profiles, reports and held-back alerts in bulk
 * and enqueues one send job per due, non-empty digest.
 */
export const DIGEST_PLANNER = {
  name: 'DigestPlanner',
  entry: 'functions/digest/plan.ts',
  access: { read: ['Reports', 'Subscriptions'] as TableId[], write: [] as TableId[] },
};

/** The digest sender: consumes the digest queue, claims each delivery, sends paced through SES. */
export const DIGEST_SENDER = {
  name: 'DigestSender',
  entry: 'functions/digest/send.ts',
  access: { read: ['Reports', 'Subscriptions'] as TableId[], write: ['Deliveries', 'Subscriptions'] as TableId[] },
  sendsEmail: true,
  signsLinks: true,
};
