/**
 * A local stand-in for the API Gateway HTTP API: turns each request into a payload-format
 * 2.0 event, runs the Lambda REQUEST authorizer (simple responses, cached) for routes that
 * need it, calls the same handler module that the route's Lambda runs, and maps the result
 * back to an HTTP response the way API Gateway does.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayRequestAuthorizerEventV2, Context } from 'aws-lambda';
import { AUTHORIZER, ROUTES } from '../functions/routes';
import { KeyedTokenBuckets, type BucketLimit } from '../shared/token-bucket';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What a route needs locally: the RouteSpec fields the server reads. */
export interface LocalRoute {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly entry: string;
  readonly auth: boolean;
}

/** A Lambda handler as exported by a handler module (middy-wrapped or plain async). */
export type LambdaHandler = (event: any, context: Context) => Promise<unknown> | unknown;
export interface HandlerModule {
  readonly handler: LambdaHandler;
}
export type ModuleLoader = (entry: string) => Promise<HandlerModule>;

/** Imports `entry` (relative to the repository root) with dynamic import(). */
export const importHandlerModule: ModuleLoader = async (entry) => {
  const mod = (await import(resolve(repoRoot, entry))) as Partial<HandlerModule>;
  if (typeof mod.handler !== 'function') throw new Error(`${entry} does not export a handler function`);
  return mod as HandlerModule;
};

export interface ApiServerOptions {
  /** Routes to serve; defaults to ROUTES. */
  routes?: readonly LocalRoute[];
  /** The authorizer module entry; defaults to AUTHORIZER.entry. */
  authorizerEntry?: string;
  /** Loads a handler module; defaults to importHandlerModule. Each entry is loaded once. */
  loadModule?: ModuleLoader;
  /** Seconds an authorizer result is cached per Authorization header (API Gateway's default is 300; ours 60). 0 disables. */
  authorizerCacheTtlSeconds?: number;
  /**
   * Stage throttling, as API Gateway's default route settings: a token bucket per route
   * (`rate` per second, `burst`); over it, 429 `{"message":"Too Many Requests"}` before the
   * authorizer or the handler runs. Omitted: no throttling.
   */
  throttle?: BucketLimit;
  /** Largest request body; API Gateway answers 413 above 10 MB. */
  bodyLimitBytes?: number;
  /** Links shown on the index page at `GET /`. */
  links?: readonly { label: string; url: string }[];
  /** Where errors and request lines go; defaults to console.error for errors only. */
  log?: (message: string, error?: unknown) => void;
  /** Log one line per request (default false). */
  logRequests?: boolean;
}

/** A parsed request, independent of node:http (exported for tests). */
export interface RawRequest {
  method: string;
  /** Path and query as received, e.g. `/reports?country=TJK`. */
  url: string;
  /** Header name/value pairs in arrival order (node's `rawHeaders`, paired). */
  headers: readonly (readonly [string, string])[];
  body: Buffer;
  sourceIp: string;
  protocol: string;
}

interface MatchedRoute {
  route: LocalRoute;
  pathParameters: Record<string, string>;
}

const TEXT_TYPES = [/^text\//, /^application\/(json|xml|javascript|x-www-form-urlencoded|graphql)\b/, /^application\/[^;]*\+(json|xml)\b/];

/** Whether API Gateway would pass this body as text (otherwise it base64-encodes it). */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.toLowerCase().trim();
  return TEXT_TYPES.some((re) => re.test(type));
}

function compile(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const pattern = path
    .split('/')
    .map((segment) => {
      const param = /^\{([^}+]+)(\+?)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return param[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { regex: new RegExp(`^${pattern}$`), names };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Finds the route for a method and raw path; static paths win over templated ones. */
export function matchRoute(routes: readonly LocalRoute[], method: string, rawPath: string): MatchedRoute | undefined {
  const candidates = routes
    .filter((r) => r.method === method.toUpperCase())
    .sort((a, b) => (a.path.includes('{') ? 1 : 0) - (b.path.includes('{') ? 1 : 0));
  for (const route of candidates) {
    const { regex, names } = compile(route.path);
    const m = regex.exec(rawPath);
    if (!m) continue;
    const pathParameters: Record<string, string> = {};
    names.forEach((name, i) => (pathParameters[name] = safeDecode(m[i + 1]!)));
    return { route, pathParameters };
  }
  return undefined;
}

function apiGatewayTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())} +0000`;
}

/** Builds the payload-format 2.0 event for a matched request (exported for tests). */
export function buildEventV2(req: RawRequest, route: LocalRoute, pathParameters: Record<string, string>, now = new Date()): APIGatewayProxyEventV2 {
  const q = req.url.indexOf('?');
  const rawPath = q === -1 ? req.url : req.url.slice(0, q);
  const rawQueryString = q === -1 ? '' : req.url.slice(q + 1);

  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of req.headers) {
    const key = name.toLowerCase();
    if (key === 'cookie') {
      cookies.push(...value.split(';').map((c) => c.trim()).filter(Boolean));
      continue;
    }
    headers[key] = key in headers ? `${headers[key]},${value}` : value;
  }

  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }

  const routeKey = `${route.method} ${route.path}`;
  let body: string | undefined;
  let isBase64Encoded = false;
  if (req.body.length > 0) {
    if (isTextContentType(headers['content-type'])) {
      body = req.body.toString('utf8');
    } else {
      body = req.body.toString('base64');
      isBase64Encoded = true;
    }
  }
  const host = headers['host'] ?? 'localhost';
  const domainName = host.replace(/:\d+$/, '');
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: req.method.toUpperCase(),
        path: rawPath,
        protocol: req.protocol,
        sourceIp: req.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: apiGatewayTime(now),
      timeEpoch: now.getTime(),
    },
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded,
  };
}

/** The REQUEST authorizer event (payload 2.0) for a request event (exported for tests). */
export function buildAuthorizerEvent(event: APIGatewayProxyEventV2): APIGatewayRequestAuthorizerEventV2 {
  const [method, path] = event.routeKey.split(' ');
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:us-east-1:${event.requestContext.accountId}:${event.requestContext.apiId}/${event.requestContext.stage}/${method}${path}`,
    identitySource: [event.headers['authorization'] ?? ''],
    routeKey: event.routeKey,
    rawPath: event.rawPath,
    rawQueryString: event.rawQueryString,
    cookies: event.cookies ?? [],
    headers: event.headers,
    ...(event.queryStringParameters ? { queryStringParameters: event.queryStringParameters } : {}),
    requestContext: event.requestContext,
    ...(event.pathParameters ? { pathParameters: event.pathParameters } : {}),
  };
}

/** A minimal Lambda context for one invocation. */
export function lambdaContext(functionName: string, timeoutMs = 29_000): Context {
  const deadline = Date.now() + timeoutMs;
  const requestId = randomUUID();
  const name = `herald-local-${functionName}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `local/[$LATEST]${requestId.replace(/-/g, '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

const jsonResult = (statusCode: number, value: unknown): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  cookies: [],
  body: Buffer.from(JSON.stringify(value)),
});

/** Maps a handler's return value to a response, as API Gateway does for payload 2.0. */
export function mapHandlerResult(result: unknown): HttpResult {
  if (result !== null && typeof result === 'object' && 'statusCode' in result) {
    const r = result as { statusCode: number; headers?: Record<string, unknown>; body?: unknown; isBase64Encoded?: boolean; cookies?: string[] };
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers ?? {})) if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
    const text = typeof r.body === 'string' ? r.body : r.body === undefined || r.body === null ? '' : JSON.stringify(r.body);
    return {
      statusCode: Number(r.statusCode),
      headers,
      cookies: r.cookies ?? [],
      body: r.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
    };
  }
  // Anything else is taken as the JSON body of a 200 (a string is sent as it is).
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    cookies: [],
    body: Buffer.from(typeof result === 'string' ? result : JSON.stringify(result ?? null)),
  };
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function indexPage(routes: readonly LocalRoute[], links: readonly { label: string; url: string }[]): HttpResult {
  const items = links.map((l) => `<li>${escapeHtml(l.label)}: <a href="${escapeHtml(l.url)}">${escapeHtml(l.url)}</a></li>`).join('');
  const rows = routes.map((r) => `<tr><td>${r.method}</td><td><code>${escapeHtml(r.path)}</code></td><td>${r.auth ? 'publisher token' : 'public'}</td><td>${escapeHtml(r.entry)}</td></tr>`).join('');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Herald (local)</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}td{padding:.2rem .8rem;border-bottom:1px solid #ddd}</style></head>
<body><h1>Herald, running locally</h1><ul>${items}</ul><h2>API routes</h2><table>${rows}</table></body></html>`;
  return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, cookies: [], body: Buffer.from(html) };
}

/** The local API without a socket: what the server calls for each request. */
export interface ApiHandler {
  handle(req: RawRequest): Promise<HttpResult>;
  clearAuthorizerCache(): void;
}

/** The request handling of the local API, without a listening socket. */
export function createApiHandler(opts: ApiServerOptions = {}): ApiHandler {
  const routes = opts.routes ?? ROUTES;
  const authorizerEntry = opts.authorizerEntry ?? AUTHORIZER.entry;
  const load = opts.loadModule ?? importHandlerModule;
  const ttlMs = (opts.authorizerCacheTtlSeconds ?? 60) * 1000;
  const log = opts.log ?? ((message: string, error?: unknown) => console.error(`[api] ${message}`, ...(error ? [error] : [])));
  const modules = new Map<string, Promise<HandlerModule>>();
  const authCache = new Map<string, { expires: number; result: { isAuthorized: boolean; context?: Record<string, unknown> } }>();
  const throttle = opts.throttle ? new KeyedTokenBuckets(opts.throttle) : undefined;

  const moduleFor = (entry: string): Promise<HandlerModule> => {
    let mod = modules.get(entry);
    if (!mod) {
      mod = load(entry);
      modules.set(entry, mod);
      // A module that failed to load (e.g. not written yet) is retried on the next request.
      mod.catch(() => modules.delete(entry));
    }
    return mod;
  };

  async function authorize(event: APIGatewayProxyEventV2): Promise<{ isAuthorized: boolean; context?: Record<string, unknown> }> {
    const identity = event.headers['authorization'] ?? '';
    const cached = authCache.get(identity);
    if (cached && cached.expires > Date.now()) return cached.result;
    const mod = await moduleFor(authorizerEntry);
    const raw = (await mod.handler(buildAuthorizerEvent(event), lambdaContext('PublisherAuthorizer'))) as { isAuthorized?: unknown; context?: Record<string, unknown> } | undefined;
    const result = { isAuthorized: raw?.isAuthorized === true, ...(raw?.context ? { context: raw.context } : {}) };
    if (ttlMs > 0) authCache.set(identity, { expires: Date.now() + ttlMs, result });
    return result;
  }

  async function handle(req: RawRequest): Promise<HttpResult> {
    const rawPath = req.url.split('?')[0] ?? '/';
    const matched = matchRoute(routes, req.method, rawPath);
    if (!matched) {
      if ((req.method === 'GET' || req.method === 'HEAD') && rawPath === '/') return indexPage(routes, opts.links ?? []);
      // HTTP API answers 404 for unknown paths and for known paths with another method.
      return jsonResult(404, { message: 'Not Found' });
    }
    const { route, pathParameters } = matched;
    const taken = throttle?.take(`${route.method} ${route.path}`);
    if (taken && !taken.ok) return jsonResult(429, { message: 'Too Many Requests' });
    const event = buildEventV2(req, route, pathParameters) as APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } };
    if (route.auth) {
      // The identity source is $request.header.Authorization: without it API Gateway
      // answers 401 and never calls the authorizer.
      if (!event.headers['authorization']) return jsonResult(401, { message: 'Unauthorized' });
      let auth;
      try {
        auth = await authorize(event);
      } catch (error) {
        log(`authorizer failed for ${event.routeKey}`, error);
        return jsonResult(500, { message: 'Internal Server Error' });
      }
      if (!auth.isAuthorized) return jsonResult(403, { message: 'Forbidden' });
      event.requestContext.authorizer = { lambda: auth.context ?? {} };
    }
    try {
      const mod = await moduleFor(route.entry);
      const result = await mod.handler(event, lambdaContext(route.name));
      return mapHandlerResult(result);
    } catch (error) {
      log(`${route.name} (${route.entry}) failed for ${req.method} ${redactedUrl(req.url)}`, error);
      return jsonResult(500, { message: 'Internal Server Error' });
    }
  }

  return { handle, clearAuthorizerCache: () => authCache.clear() };
}

/**
 * A request URL fit for a log line: the path, and the query's names without their values
 * (values carry link tokens and email addresses).
 */
export function redactedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

/** A node:http server (not yet listening) serving the local API. */
export function createApiServer(opts: ApiServerOptions = {}, api: ApiHandler = createApiHandler(opts)): Server {
  const bodyLimit = opts.bodyLimitBytes ?? 10 * 1024 * 1024;
  const log = opts.log ?? ((message: string, error?: unknown) => console.error(`[api] ${message}`, ...(error ? [error] : [])));
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const started = Date.now();
      let result: HttpResult;
      try {
        const body = await readBody(req, bodyLimit);
        result = await api.handle({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: pairs(req.rawHeaders),
          body,
          sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
          protocol: `HTTP/${req.httpVersion}`,
        });
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          result = jsonResult(413, { message: 'Request Entity Too Large' });
          res.setHeader('connection', 'close');
        } else {
          log(`request failed: ${req.method} ${redactedUrl(req.url ?? '/')}`, error);
          result = jsonResult(500, { message: 'Internal Server Error' });
        }
      }
      const headers: Record<string, string | string[]> = { ...result.headers, 'apigw-requestid': randomUUID() };
      if (result.cookies.length > 0) headers['set-cookie'] = result.cookies;
      headers['content-length'] = String(result.body.length);
      res.writeHead(result.statusCode, headers);
      res.end(req.method === 'HEAD' ? undefined : result.body);
      if (opts.logRequests) log(`${req.method} ${redactedUrl(req.url ?? '/')} -> ${result.statusCode} (${Date.now() - started} ms)`);
    })();
  });
}

export interface StartApiServerOptions extends ApiServerOptions {
  /** Port to listen on; 0 (or omitted) picks a free one. */
  port?: number;
  host?: string;
  /** Variables set on process.env before any handler module is imported. */
  env?: Record<string, string>;
}

export interface RunningApiServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** The same request handling, in-process (no socket): for fuzzing and fault tests. */
  readonly api: ApiHandler;
  stop(): Promise<void>;
}

/** Starts the local API on 127.0.0.1 (PORT-style port, 0 for a free one). */
export async function startApiServer(opts: StartApiServerOptions = {}): Promise<RunningApiServer> {
  if (opts.env) Object.assign(process.env, opts.env);
  const api = createApiHandler(opts);
  const server = createApiServer(opts, api);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    api,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
