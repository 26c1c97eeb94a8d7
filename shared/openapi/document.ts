/**
 * The OpenAPI 3.1 document of Herald's HTTP API, generated from the route registry
 * (functions/routes.ts: methods, paths, which routes need a publisher token) and the zod
 * schemas the handlers validate with (z.toJSONSchema). Nothing here repeats a field list:
 * change a schema and the document follows.
 *
 * Adding a route: add its entry to ROUTE_DOCS below (tests/unit/openapi.test.ts fails for
 * any route of ROUTES without one, and checks every example against its schema).
 */
import { z } from 'zod';
import { ROUTES, type RouteSpec } from '../../functions/routes';
import { FeedQuerySchema, ReportListQuerySchema } from '../domain/report-query';
import { ReportHtmlInputSchema } from '../domain/report-html';
import { ReportInputSchema } from '../domain/report';
import { SubscribeInputSchema } from '../domain/subscription';
import { SEED_REPORT, SEED_REPORT_HTML_INPUT, SEED_REPORT_INPUT, SUBSCRIBE_DAILY_INPUT, SUBSCRIBE_INPUT, VALIDATION_ERROR } from './examples';
import { ErrorSchema, GatewayErrorSchema, ReportListSchema, ReportSchema, SubscribeAcceptedSchema, ClassificationSchema } from './schemas';

/** Schemas of request bodies, shown as they are accepted (`io: 'input'`). */
const REQUEST_SCHEMAS = {
  ReportInput: ReportInputSchema,
  ReportHtmlInput: ReportHtmlInputSchema,
  SubscribeInput: SubscribeInputSchema,
} as const;

/** Schemas of responses, shown as they are produced (`io: 'output'`). */
const RESPONSE_SCHEMAS = {
  Report: ReportSchema,
  Classification: ClassificationSchema,
  ReportList: ReportListSchema,
  Error: ErrorSchema,
  GatewayError: GatewayErrorSchema,
  SubscribeAccepted: SubscribeAcceptedSchema,
} as const;

export type SchemaName = keyof typeof REQUEST_SCHEMAS | keyof typeof RESPONSE_SCHEMAS;

/** Every named schema, for validating examples. */
export const NAMED_SCHEMAS: Record<SchemaName, z.ZodType> = { ...REQUEST_SCHEMAS, ...RESPONSE_SCHEMAS };

interface Example {
  readonly summary: string;
  readonly value: unknown;
  /** The schema this example satisfies, when the body is one of several (`oneOf`). */
  readonly schema?: SchemaName;
}

interface BodyDoc {
  /** A named component, or an inline JSON Schema for non-JSON media. */
  readonly schema: SchemaName | readonly SchemaName[] | { readonly type: string; readonly format?: string; readonly description?: string };
  readonly examples?: Record<string, Example>;
}

interface ResponseDoc {
  readonly description: string;
  readonly content?: Record<string, BodyDoc>;
  readonly headers?: Record<string, { readonly description: string }>;
}

/** What the registry does not say about a route: prose, parameters, bodies, responses. */
export interface OperationDoc {
  readonly summary: string;
  readonly description?: string;
  readonly tag: 'Reports' | 'Subscriptions' | 'Feeds' | 'Documentation';
  readonly query?: z.ZodObject;
  readonly pathParams?: Record<string, { readonly description: string; readonly pattern?: string; readonly example?: string }>;
  readonly headers?: Record<string, { readonly description: string; readonly required?: boolean; readonly maxLength?: number }>;
  readonly requestBody?: { readonly required: boolean; readonly content: Record<string, BodyDoc> };
  readonly responses: Record<string, ResponseDoc>;
}

const error = (description: string, example?: unknown): ResponseDoc => ({
  description,
  content: { 'application/json': { schema: 'Error', ...(example ? { examples: { example: { summary: description, value: example } } } : {}) } },
});
const gatewayError = (description: string): ResponseDoc => ({ description, content: { 'application/json': { schema: 'GatewayError' } } });
const html = (description: string): ResponseDoc => ({ description, content: { 'text/html': { schema: { type: 'string', description: 'An HTML page' } } } });

const publisherErrors = {
  '401': gatewayError('No `Authorization: Bearer <token>` header'),
  '403': gatewayError('The token is unknown or revoked, or lacks the scope'),
  '429': gatewayError('Too many requests; retry after `Retry-After` seconds'),
} as const;

const REPORT_ID = { description: 'Report id', pattern: '^rpt_[A-Za-z0-9_-]{22}$', example: SEED_REPORT.id } as const;

/** Documentation of each route, by `METHOD path`. */
export const ROUTE_DOCS: Record<string, OperationDoc> = {
  'POST /reports': {
    tag: 'Reports',
    summary: 'Store and classify a report',
    description:
      'Validates the report, classifies it by region and theme, stores it once and alerts matching subscribers. ' +
      'A report may also be sent as an HTML page — `Content-Type: text/html` with the page as the body, or JSON `{"html": ...}` — ' +
      'from which Herald extracts the title, date, dateline and clean body text. A retry with the same `Idempotency-Key` ' +
      '(or, without one, the same content) returns the stored report with `200`.',
    headers: { 'Idempotency-Key': { description: 'Makes retries safe: the same key maps to the same report', maxLength: 255 } },
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: ['ReportInput', 'ReportHtmlInput'],
          examples: {
            seed: { summary: 'The seed report (JSON fields)', value: SEED_REPORT_INPUT, schema: 'ReportInput' },
            page: { summary: 'A press release page, with its address', value: SEED_REPORT_HTML_INPUT, schema: 'ReportHtmlInput' },
          },
        },
        'text/html': { schema: { type: 'string', description: 'A press release as published (title, date and dateline are extracted)' } },
      },
    },
    responses: {
      '201': {
        description: 'Stored and classified',
        headers: { Location: { description: 'Path of the stored report' } },
        content: { 'application/json': { schema: 'Report', examples: { seed: { summary: 'The seed report, classified', value: SEED_REPORT } } } },
      },
      '200': {
        description: 'A retry: the stored report (nothing new is stored or sent)',
        headers: { 'Idempotent-Replayed': { description: '`true`' } },
        content: { 'application/json': { schema: 'Report' } },
      },
      '400': error('A field is missing or invalid (`issues` names it), or the body is malformed', VALIDATION_ERROR),
      ...publisherErrors,
      '409': error('The Idempotency-Key was used for a different report'),
      '413': error('The body is too large'),
      '415': error('The body is neither JSON nor HTML'),
    },
  },
  'GET /reports/{id}': {
    tag: 'Reports',
    summary: 'One report with its classification',
    pathParams: { id: REPORT_ID },
    responses: {
      '200': { description: 'The report', content: { 'application/json': { schema: 'Report', examples: { seed: { summary: 'The seed report', value: SEED_REPORT } } } } },
      '400': error('Not a report id'),
      ...publisherErrors,
      '404': error('No such report (or another publisher’s)'),
    },
  },
  'GET /reports': {
    tag: 'Reports',
    summary: 'Reports, newest first',
    description: 'Filtered by country, M49 region, theme and a date range; paginated with `nextCursor`.',
    query: ReportListQuerySchema,
    responses: {
      '200': { description: 'A page of reports', content: { 'application/json': { schema: 'ReportList', examples: { page: { summary: 'One page', value: { items: [SEED_REPORT] } } } } } },
      '400': error('A query parameter is invalid'),
      ...publisherErrors,
    },
  },
  'GET /reports/{id}/event.ics': {
    tag: 'Reports',
    summary: 'The event a report announces, as an iCalendar file',
    description:
      'Available when the report names the event’s dates (e.g. “On 18-19 October 2022”); the venue comes from the text or the dateline. ' +
      'Public, like the alert emails and feed entries that link to it: it shows only what an alert shows.',
    pathParams: { id: REPORT_ID },
    responses: {
      '200': { description: 'An RFC 5545 calendar with one all-day VEVENT', content: { 'text/calendar': { schema: { type: 'string' } } } },
      '400': error('Not a report id'),
      '404': error('No such report, or it names no event dates'),
    },
  },
  'GET /feeds': {
    tag: 'Feeds',
    summary: 'The newest reports of a region and/or theme, as a feed',
    description:
      'Public, for feed readers: each entry carries what an alert email shows (title, link, date, dateline, places, themes and a short excerpt), never the full stored report.',
    query: FeedQuerySchema,
    responses: {
      '200': {
        description: 'The feed',
        content: {
          'application/atom+xml': { schema: { type: 'string', description: 'Atom 1.0 (RFC 4287)' } },
          'application/feed+json': { schema: { type: 'object', description: 'JSON Feed 1.1' } },
        },
      },
      '400': error('A query parameter is invalid'),
      '429': gatewayError('Too many requests'),
    },
  },
  'POST /subscriptions': {
    tag: 'Subscriptions',
    summary: 'Ask for alerts; sends a confirmation email',
    description: 'Nothing is sent but the confirmation until its link is followed (double opt-in). The answer is the same whether or not the address is known.',
    requestBody: { required: true, content: { 'application/json': { schema: 'SubscribeInput', examples: { centralAsia: { summary: 'Central Asia, border management, instant', value: SUBSCRIBE_INPUT }, dailyDigest: { summary: 'Central Asia and Afghanistan, every theme, a daily digest at 07:00 Dushanbe time', value: SUBSCRIBE_DAILY_INPUT } } } } },
    responses: {
      '202': {
        description: 'Confirmation email sent',
        content: {
          'application/json': {
            schema: 'SubscribeAccepted',
            examples: { ok: { summary: 'Accepted', value: { status: 'pending_confirmation', message: 'Check your inbox: follow the link in the email we sent to confirm this subscription.' } } },
          },
        },
      },
      '400': error('A field is invalid'),
      '415': error('The body is not JSON'),
      '429': gatewayError('Too many requests'),
    },
  },
  'GET /subscriptions/confirm': {
    tag: 'Subscriptions',
    summary: 'Confirmation page (its button POSTs; a GET changes nothing)',
    query: z.object({ token: z.string().meta({ description: 'Signed token from the email' }) }),
    responses: { '200': html('A page with a confirm button'), '400': html('No token'), '403': html('The link is invalid or expired') },
  },
  'POST /subscriptions/confirm': {
    tag: 'Subscriptions',
    summary: 'Confirm a subscription',
    requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', description: '`token=<signed token>`' } } } },
    responses: { '200': html('Confirmed'), '400': html('No token'), '403': html('The link is invalid or expired') },
  },
  'GET /unsubscribe': {
    tag: 'Subscriptions',
    summary: 'Unsubscribe page (its button POSTs; a GET changes nothing)',
    query: z.object({ token: z.string().meta({ description: 'Signed token from the email' }) }),
    responses: { '200': html('A page with an unsubscribe button'), '400': html('No token'), '403': html('The link is invalid or expired') },
  },
  'POST /unsubscribe': {
    tag: 'Subscriptions',
    summary: 'Unsubscribe: RFC 8058 one-click, or the page’s form',
    query: z.object({ token: z.string().optional().meta({ description: 'Signed token (one-click POST from the List-Unsubscribe header)' }) }),
    requestBody: { required: false, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', description: '`List-Unsubscribe=One-Click` or `token=<signed token>`' } } } },
    responses: { '200': html('Unsubscribed'), '400': html('No token'), '403': html('The link is invalid or expired') },
  },
  'GET /subscribe': {
    tag: 'Subscriptions',
    summary: 'The subscription form (no scripts; it POSTs to /subscriptions)',
    responses: { '200': html('The form') },
  },
  'GET /manage': {
    tag: 'Subscriptions',
    summary: 'The preference centre (with a signed token), or the “email me a link” form (without)',
    query: z.object({ token: z.string().optional().meta({ description: 'Signed token from an email' }) }),
    responses: { '200': html('The preference centre or the link form'), '403': html('The link is invalid or expired') },
  },
  'POST /manage': {
    tag: 'Subscriptions',
    summary: 'Change one preference (rules, time zone, pause, unsubscribe, export, erase)',
    requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', description: '`token`, `action` and the action’s fields' } } } },
    responses: { '200': html('The preference centre, updated (or a JSON download for export)'), '400': html('A field is invalid'), '403': html('The link is invalid or expired') },
  },
  'POST /manage/link': {
    tag: 'Subscriptions',
    summary: 'Email a fresh preference-centre link',
    description: 'The same answer whether or not the address is known.',
    requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', description: '`email=<address>`' } } } },
    responses: { '200': html('“Check your inbox”'), '429': html('Too many requests') },
  },
  'GET /openapi.json': {
    tag: 'Documentation',
    summary: 'This document (OpenAPI 3.1)',
    responses: { '200': { description: 'The OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } } },
  },
  'GET /docs': {
    tag: 'Documentation',
    summary: 'A readable page of this document',
    responses: { '200': html('Operations, schemas and examples') },
  },
};

/** `METHOD path`, the key of ROUTE_DOCS. */
export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>): string => `${route.method} ${route.path}`;

type JsonSchema = Record<string, unknown>;

const componentRef = (name: string) => `#/components/schemas/${name}`;

function componentSchemas(): Record<string, JsonSchema> {
  const convert = (schemas: Record<string, z.ZodType>, io: 'input' | 'output') => {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
    const { schemas: out } = z.toJSONSchema(registry, { io, target: 'draft-2020-12', unrepresentable: 'any', uri: componentRef }) as { schemas: Record<string, JsonSchema> };
    return Object.fromEntries(Object.entries(out).map(([id, { $schema: _drop, id: _id, ...rest }]) => [id, rest]));
  };
  return { ...convert(REQUEST_SCHEMAS, 'input'), ...convert(RESPONSE_SCHEMAS, 'output') };
}

function bodyContent(content: Record<string, BodyDoc>) {
  return Object.fromEntries(
    Object.entries(content).map(([type, body]) => [
      type,
      {
        schema: typeof body.schema === 'string' ? { $ref: componentRef(body.schema) } : Array.isArray(body.schema) ? { oneOf: body.schema.map((n: string) => ({ $ref: componentRef(n) })) } : body.schema,
        ...(body.examples ? { examples: Object.fromEntries(Object.entries(body.examples).map(([n, { summary, value }]) => [n, { summary, value }])) } : {}),
      },
    ]),
  );
}

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, { description, examples, ...rest }]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    ...(typeof description === 'string' ? { description } : {}),
    schema: rest,
    ...(Array.isArray(examples) && examples.length ? { example: examples[0] } : {}),
  }));
}

function operation(route: RouteSpec, doc: OperationDoc | undefined) {
  const pathNames = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const parameters = [
    ...pathNames.map((name) => {
      const p = doc?.pathParams?.[name];
      return { name, in: 'path', required: true, ...(p ? { description: p.description } : {}), schema: { type: 'string', ...(p?.pattern ? { pattern: p.pattern } : {}) }, ...(p?.example ? { example: p.example } : {}) };
    }),
    ...(doc?.query ? queryParameters(doc.query) : []),
    ...Object.entries(doc?.headers ?? {}).map(([name, h]) => ({ name, in: 'header', required: h.required ?? false, description: h.description, schema: { type: 'string', ...(h.maxLength ? { maxLength: h.maxLength } : {}) } })),
  ];
  const responses = doc
    ? Object.fromEntries(
        Object.entries(doc.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([n, h]) => [n, { description: h.description, schema: { type: 'string' } }])) } : {}),
            ...(r.content ? { content: bodyContent(r.content) } : {}),
          },
        ]),
      )
    : { default: { description: 'Not documented yet' } };
  return {
    operationId: route.name.charAt(0).toLowerCase() + route.name.slice(1),
    summary: doc?.summary ?? route.name,
    ...(doc?.description ? { description: doc.description } : {}),
    tags: [doc?.tag ?? 'Undocumented'],
    security: route.auth ? [{ publisherToken: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(doc?.requestBody ? { requestBody: { required: doc.requestBody.required, content: bodyContent(doc.requestBody.content) } } : {}),
    responses,
  };
}

export interface OpenApiOptions {
  /** Server URL the document names; default `/` (the server that served it). */
  readonly serverUrl?: string;
  readonly routes?: readonly RouteSpec[];
}

/** The OpenAPI 3.1 document. */
export function openApiDocument(opts: OpenApiOptions = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of opts.routes ?? ROUTES) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, ROUTE_DOCS[routeKey(route)]);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Herald',
      version: '0.1.0',
      summary: 'Event-report alerting: publishers post reports, Herald classifies them by region and theme and alerts subscribers.',
      description:
        'Errors are JSON: `{"error":{"code","message","issues":[{"field","problem"}]}}`. Regions are UN M49 area codes or ISO 3166-1 alpha-3 countries; themes are ids of the taxonomy.',
    },
    servers: [{ url: opts.serverUrl ?? '/' }],
    tags: [
      { name: 'Reports', description: 'Publishing and reading reports (publisher token)' },
      { name: 'Feeds', description: 'Public feeds for readers' },
      { name: 'Subscriptions', description: 'Email alerts with double opt-in and one-click unsubscribe' },
      { name: 'Documentation', description: 'This document' },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        publisherToken: { type: 'http', scheme: 'bearer', description: 'A publisher token from `herald publishers create`' },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

/** Every example in ROUTE_DOCS with the schema it must satisfy (for the tests). */
export function documentedExamples(): { where: string; schema: SchemaName; value: unknown }[] {
  const out: { where: string; schema: SchemaName; value: unknown }[] = [];
  const collect = (where: string, content: Record<string, BodyDoc> | undefined) => {
    for (const [type, body] of Object.entries(content ?? {})) {
      for (const [name, ex] of Object.entries(body.examples ?? {})) {
        const schema = ex.schema ?? (typeof body.schema === 'string' ? (body.schema as SchemaName) : undefined);
        if (!schema) throw new Error(`${where} ${type} example "${name}" names no schema`);
        out.push({ where: `${where} ${type} example "${name}"`, schema, value: ex.value });
      }
    }
  };
  for (const [key, doc] of Object.entries(ROUTE_DOCS)) {
    collect(`${key} request`, doc.requestBody?.content);
    for (const [status, r] of Object.entries(doc.responses)) collect(`${key} ${status}`, r.content);
  }
  return out;
}
