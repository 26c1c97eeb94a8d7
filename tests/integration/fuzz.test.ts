/**
 * Property tests of the local API (the same request handling as the HTTP server, called
 * in-process): at least 10,000 arbitrary and malformed requests over every route in
 * functions/routes.ts — methods, paths, percent-encoding, query strings, headers, bodies —
 * answer only documented statuses, never 5xx, and a refused request writes nothing and
 * sends nothing. Then 10,000 mutated tokens (publisher bearer tokens and signed email
 * links): none accepted.
 *
 * FUZZ_RUNS (default 10000) and FUZZ_SEED (default fixed, so failures reproduce) tune it.
 * Figures go to test-artifacts/reliability/fuzz.json for the README.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import type { RawRequest } from '../../local/http-server';
import { mapWithConcurrency } from '../../shared/concurrency';
import { createDocumentClient } from '../../shared/clients';
import { signToken } from '../../shared/domain/tokens';
import { startTestStack, type TestStack } from '../helpers/local';
import { installSideEffectTracking, tracked } from '../helpers/side-effects';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_127);
const CONCURRENCY = 16;
/** Success, redirects (pages), and the 4xx codes the README documents. */
const DOCUMENTED_ERRORS = new Set([400, 401, 403, 404, 409, 413, 415, 429]);
const isDocumented = (status: number) => (status >= 200 && status < 400) || DOCUMENTED_ERRORS.has(status);

let stack: TestStack;
let token: string;
let reportId: string;
const figures: Record<string, unknown> = { seed: SEED };

async function tableCounts(): Promise<Record<string, number>> {
  const ddb = createDocumentClient(stack.env);
  try {
    const counts: Record<string, number> = {};
    for (const [id, name] of Object.entries(stack.tables)) {
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await ddb.send(new ScanCommand({ TableName: name, Select: 'COUNT', ExclusiveStartKey: start }));
        count += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      counts[id] = count;
    }
    return counts;
  } finally {
    ddb.destroy();
  }
}

function request(method: string, url: string, headers: [string, string][] = [], body: Buffer | string = ''): RawRequest {
  return { method, url, headers, body: typeof body === 'string' ? Buffer.from(body) : body, sourceIp: '127.0.0.1', protocol: 'HTTP/1.1' };
}

// ---------------------------------------------------------------------------------------
// Arbitraries

const MALFORMED_PERCENT = ['%', '%%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%2F', '%252F', '%F0%9F%98', '%u0041', '%FF%FE'];
const unicodeText = fc.string({ unit: 'binary', maxLength: 40 });
const asciiText = fc.string({ unit: 'grapheme-ascii', maxLength: 40 });

/** A path segment: readable, encoded unicode, or broken percent-encoding. */
const segment = fc.oneof(
  asciiText.map((s) => s.replace(/[/?#\s]/g, '')),
  unicodeText.map((s) => encodeURIComponent(s)),
  fc.constantFrom(...MALFORMED_PERCENT, '..', '.', '', 'rpt_', `rpt_${'A'.repeat(22)}`, `rpt_${'-'.repeat(22)}`, 'rpt_%00%00'),
  fc.constant('RID'),
);

/** A path: a route's (parameters fuzzed), a route's with junk around it, or anything. */
const route = fc.constantFrom(...ROUTES);
const otherPath = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(route, segment).map(([r, s]) => `${r.path.replace(/\{[^}]+\}/g, 'x')}/${s}`) },
  { weight: 1, arbitrary: fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`) },
  { weight: 1, arbitrary: fc.constantFrom('//reports', '/reports/', '/REPORTS', '/reports/%2e%2e/subscriptions', '/unsubscribe/', '/subscriptions//confirm') },
);

const QUERY_KEYS = ['token', 'country', 'region', 'theme', 'from', 'to', 'limit', 'cursor', 'email', 'frequency', 'format', 'id', 'lang'];
const queryValue = fc.oneof(
  asciiText,
  unicodeText.map(encodeURIComponent),
  fc.constantFrom(...MALFORMED_PERCENT, 'TJK', 'tjk', '143', '999', 'border-management', '2024-02-30', '2024-01-01T00:00:00Z', '-1', '0', '1e9', '100', 'NaN', 'null', '[]', '{}'),
  fc.base64String({ maxLength: 200 }),
  fc.constant('CURSOR'),
  fc.constant('x'.repeat(5000)),
);
const query = fc
  .tuple(fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), asciiText.map(encodeURIComponent)), queryValue), { maxLength: 6 }), fc.constantFrom('&', '&&', ';'))
  .map(([pairs, separator]) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join(separator)}`));

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/problem+json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'text/html',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
  ';;;',
  'application/json;',
  'application/vnd.evil+json',
];

const reportLike = fc.record(
  {
    title: fc.oneof(unicodeText, fc.constant(''), fc.integer(), fc.constant(null), fc.constant('x'.repeat(600)), fc.constant('   ')),
    body: fc.oneof(unicodeText, fc.constant('Officials from Tajikistan met in Dushanbe on border management.'), fc.array(fc.string()), fc.constant({})),
    published: fc.oneof(fc.constantFrom('2024-01-01', '2024-13-01', '2024-01-01T00:00:00Z', 'yesterday', '9999-12-31T23:59:59+14:00'), fc.integer()),
    dateline: fc.oneof(unicodeText, fc.constant(null)),
    url: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'ftp://x', 'http://', '//evil')),
    language: fc.oneof(fc.constantFrom('en', 'ru', 'EN', 'eng', ''), unicodeText),
    source: unicodeText,
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

const subscriptionLike = fc.record(
  {
    email: fc.oneof(fc.emailAddress(), fc.constantFrom('not-an-email', 'a@b', '"quoted"@example.org', 'x@example.org\r\nBcc: y@example.org', ''), unicodeText),
    regions: fc.oneof(fc.array(fc.constantFrom('143', '150', 'TJK', 'Atlantis', '', '001'), { maxLength: 5 }), fc.string(), fc.constant(null)),
    themes: fc.oneof(fc.array(fc.constantFrom('border-management', 'weather', ''), { maxLength: 4 }), fc.integer()),
    frequency: fc.oneof(fc.constantFrom('instant', 'daily', 'weekly', 'hourly', ''), fc.integer()),
    language: fc.constantFrom('en', 'ru', 'xx'),
    timezone: fc.constantFrom('Asia/Dushanbe', 'UTC', 'Mars/Olympus', '+05:00'),
  },
  { requiredKeys: [] },
);

/** Bodies: empty, JSON of any shape, near-valid reports and subscriptions, forms, bytes, malformed JSON, too large. */
const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.json() },
  { weight: 4, arbitrary: reportLike.map((r) => JSON.stringify(r)) },
  { weight: 1, arbitrary: fc.record({ title: unicodeText, body: unicodeText }).map((r) => JSON.stringify(r)) },
  { weight: 3, arbitrary: subscriptionLike.map((r) => JSON.stringify(r)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('token', 'List-Unsubscribe', 'email', 'regions', 'x'), queryValue).map(([k, v]) => `${k}=${v}&List-Unsubscribe=One-Click`) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"title":', '[1,2', '"just a string"', '42', 'null', 'true', '[]', '{"a":1}{"b":2}', '\uFEFF{"title":"t","body":"b"}', '{"title":"\\ud800","body":"x"}', '{"__proto__":{"polluted":true},"title":"t","body":"b"}', '{"constructor":{"prototype":{"x":1}},"email":"a@example.org"}') },
  { weight: 1, arbitrary: fc.constantFrom(JSON.stringify({ title: 'Big', body: 'x'.repeat(700 * 1024) }), 'y'.repeat(300 * 1024)) },
);

const authorization = fc.oneof(
  { weight: 3, arbitrary: fc.constant<string | undefined>(undefined) },
  { weight: 3, arbitrary: fc.constant('VALID') },
  { weight: 2, arbitrary: fc.oneof(asciiText, fc.constantFrom('Bearer', 'Bearer ', 'Bearer hrld_', 'bearer VALID', 'Basic dXNlcjpwYXNz', 'Bearer VALID VALID', 'Bearer  VALID')) },
  { weight: 1, arbitrary: fc.constant(`Bearer hrld_${'A'.repeat(5000)}`) },
);

const extraHeaders = fc.array(
  fc.oneof(
    fc.tuple(fc.constantFrom('idempotency-key', 'x-forwarded-for', 'user-agent', 'cookie', 'accept', 'origin', 'content-length', 'transfer-encoding', 'host'), fc.oneof(asciiText, fc.constant('x'.repeat(8 * 1024)))),
    fc.tuple(asciiText.filter((s) => /^[a-z-]{1,20}$/.test(s)), asciiText),
  ),
  { maxLength: 4 },
);

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'get', 'BREW'];
/** Mostly a route's own method and path (parameters fuzzed), so requests reach the handlers. */
const target = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(route, segment).map(([r, s]) => ({ method: r.method as string, path: r.path.replace(/\{[^}]+\}/g, s) })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...METHODS), route, segment).map(([m, r, s]) => ({ method: m, path: r.path.replace(/\{[^}]+\}/g, s) })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...METHODS), otherPath).map(([m, p]) => ({ method: m, path: p })) },
);
const fuzzRequest = fc.record({
  target,
  query,
  contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }),
  authorization,
  headers: extraHeaders,
  body,
});

type FuzzRequest = typeof fuzzRequest extends fc.Arbitrary<infer T> ? T : never;

function toRaw(r: FuzzRequest): RawRequest {
  const headers: [string, string][] = [];
  if (r.contentType !== undefined) headers.push(['content-type', r.contentType]);
  if (r.authorization !== undefined) headers.push(['authorization', r.authorization.replace(/VALID/g, token)]);
  for (const [k, v] of r.headers) headers.push([k, v]);
  const url = `${r.target.path.replace(/RID/g, reportId)}${r.query.replace(/CURSOR/g, Buffer.from(JSON.stringify({ pk: 'TAG#dev#all', sk: 'z' })).toString('base64url'))}`;
  return request(r.target.method, url, headers, r.body);
}

function describeRequest(raw: RawRequest): string {
  const headers = raw.headers.map(([k, v]) => `${k}: ${v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v}`).join(' | ');
  const bodyText = raw.body.toString('utf8');
  return `${raw.method} ${raw.url.slice(0, 200)} [${headers}] ${bodyText.length > 200 ? `${bodyText.slice(0, 200)}…(${raw.body.length} bytes)` : bodyText}`;
}

// ---------------------------------------------------------------------------------------

beforeAll(async () => {
  installSideEffectTracking();
  // Throttling off: every request must reach the authorizer and the handler.
  stack = await startTestStack({ throttle: null, publisherThrottle: null });
  token = stack.publisherToken;
  const res = await stack.api.handle(
    request('POST', '/reports', [['content-type', 'application/json'], ['authorization', `Bearer ${token}`]], JSON.stringify({ title: 'Fuzz anchor', body: 'Officials from Tajikistan met in Dushanbe.' })),
  );
  expect(res.statusCode).toBe(201);
  reportId = (JSON.parse(res.body.toString()) as { id: string }).id;
});

afterAll(async () => {
  mkdirSync('test-artifacts/reliability', { recursive: true });
  writeFileSync('test-artifacts/reliability/fuzz.json', `${JSON.stringify(figures, null, 2)}\n`);
  await stack?.stop();
});

describe('fuzzing every route', () => {
  it('the write detector sees the writes of an accepted request (so the next test can fail)', async () => {
    const { result, effects } = await tracked(() =>
      stack.api.handle(request('POST', '/reports', [['content-type', 'application/json'], ['authorization', `Bearer ${token}`]], JSON.stringify({ title: 'Detector check', body: 'A report.' }))),
    );
    expect(result.statusCode).toBe(201);
    expect(effects.writes).toContain('TransactWriteCommand');
  });

  it(`${RUNS.toLocaleString('en')} arbitrary requests: no 5xx, only documented codes, no writes from refused requests`, async () => {
    const samples = fc.sample(fuzzRequest, { numRuns: RUNS, seed: SEED });
    const before = await tableCounts();
    const statuses = new Map<number, number>();
    const violations: string[] = [];
    let acceptedWrites = 0;
    const started = Date.now();
    await mapWithConcurrency(samples, CONCURRENCY, async (sample) => {
      const raw = toRaw(sample);
      let status: number;
      let writes: string[];
      try {
        const { result, effects } = await tracked(() => stack.api.handle(raw));
        status = result.statusCode;
        writes = effects.writes;
      } catch (error) {
        violations.push(`threw ${(error as Error).name}: ${describeRequest(raw)}`);
        return;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (!isDocumented(status)) violations.push(`${status}: ${describeRequest(raw)}`);
      if (writes.length > 0 && status >= 300) violations.push(`${status} but wrote ${writes.join(',')}: ${describeRequest(raw)}`);
      if (writes.length > 0 && status < 300) acceptedWrites++;
    });
    const after = await tableCounts();
    const seconds = (Date.now() - started) / 1000;
    figures['requests'] = {
      runs: RUNS,
      routes: ROUTES.length,
      seconds: Number(seconds.toFixed(1)),
      statuses: Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
      fiveHundreds: [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0),
      undocumented: violations.filter((v) => /^\d{3}: /.test(v)).length,
      refusedWithWrites: violations.filter((v) => / but wrote /.test(v)).length,
      acceptedRequestsThatWrote: acceptedWrites,
      tableItemsBefore: before,
      tableItemsAfter: after,
    };
    console.log('[fuzz] requests', JSON.stringify(figures['requests']));
    expect(violations.slice(0, 20)).toEqual([]);
    // Only accepted requests write: with none, every table is exactly as it was.
    if (acceptedWrites === 0) expect(after).toEqual(before);
    // The fuzzer reached the handlers, not only the router and the authorizer.
    for (const status of [400, 401, 403, 404, 415]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  }, 240_000);
});

// ---------------------------------------------------------------------------------------
// Tokens

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const mutation = fc.record({
  kind: fc.constantFrom('replace', 'insert', 'delete', 'truncate', 'swap', 'case', 'append', 'prefix', 'padding', 'duplicate'),
  at: fc.nat(),
  char: fc.oneof(fc.constantFrom(...ALPHABET.split('')), fc.constantFrom('=', '.', '+', '/', ' ', '%', '\u0000', 'А', 'ℌ', '\u200b')),
});

function mutate(original: string, m: { kind: string; at: number; char: string }): string {
  const i = m.at % (original.length + 1);
  switch (m.kind) {
    case 'replace':
      return original.slice(0, i) + m.char + original.slice(i + 1);
    case 'insert':
      return original.slice(0, i) + m.char + original.slice(i);
    case 'delete':
      return original.slice(0, i) + original.slice(i + 1);
    case 'truncate':
      return original.slice(0, i);
    case 'swap':
      return i + 1 < original.length ? original.slice(0, i) + original[i + 1] + original[i] + original.slice(i + 2) : original.slice(1) + original[0];
    case 'case':
      return original.slice(0, i) + (original[i] === original[i]?.toUpperCase() ? original[i]?.toLowerCase() : original[i]?.toUpperCase()) + original.slice(i + 1);
    case 'append':
      return original + m.char;
    case 'prefix':
      return m.char + original;
    case 'padding':
      return `${original}${'='.repeat((m.at % 3) + 1)}`;
    default:
      return original + original;
  }
}

/** `count` distinct mutants of `original`, none equal to it. */
function mutants(original: string, count: number, seed: number): string[] {
  const out = new Set<string>();
  for (const ms of fc.sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), { numRuns: count * 4, seed })) {
    const mutant = ms.reduce((t, m) => mutate(t, m), original);
    // Leading or trailing spaces are optional whitespace around a header value (RFC 9110):
    // HTTP servers strip them, so such a "mutant" is the same credential.
    if (mutant.trim() !== original) out.add(mutant);
    if (out.size === count) break;
  }
  return [...out];
}

describe('mutated tokens', () => {
  const PER_KIND = Math.ceil(RUNS / 4);

  it(`${(PER_KIND * 2).toLocaleString('en')} mutated publisher tokens: none accepted`, async () => {
    const original = await stack.api.handle(request('GET', '/reports?limit=1', [['authorization', `Bearer ${token}`]]));
    expect(original.statusCode).toBe(200);
    const tried = mutants(token, PER_KIND * 2, SEED + 1);
    expect(tried.length).toBe(PER_KIND * 2);
    const accepted: string[] = [];
    const statuses = new Map<number, number>();
    await mapWithConcurrency(tried, CONCURRENCY, async (mutant) => {
      const res = await stack.api.handle(request('GET', '/reports?limit=1', [['authorization', `Bearer ${mutant}`]]));
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode < 300 || res.statusCode >= 500) accepted.push(`${res.statusCode} ${JSON.stringify(mutant)}`);
    });
    figures['publisherTokens'] = { tried: tried.length, accepted: accepted.length, statuses: Object.fromEntries(statuses) };
    console.log('[fuzz] publisher tokens', JSON.stringify(figures['publisherTokens']));
    expect(accepted).toEqual([]);
  }, 120_000);

  it(`${(PER_KIND * 2).toLocaleString('en')} mutated email-link tokens (confirm, unsubscribe): none accepted`, async () => {
    const keys = [stack.env['SIGNING_KEY']!];
    const links = [
      { path: '/subscriptions/confirm', token: signToken({ purpose: 'confirm', subscriberId: 'sub_fuzz', version: 1 }, keys) },
      { path: '/unsubscribe', token: signToken({ purpose: 'unsubscribe', subscriberId: 'sub_fuzz' }, keys) },
    ];
    const accepted: string[] = [];
    const statuses = new Map<number, number>();
    let tried = 0;
    for (const [n, link] of links.entries()) {
      const valid = await stack.api.handle(request('GET', `${link.path}?token=${encodeURIComponent(link.token)}`));
      expect(valid.statusCode, `the unmutated ${link.path} token`).toBe(200);
      const candidates = mutants(link.token, PER_KIND, SEED + 2 + n);
      expect(candidates.length).toBe(PER_KIND);
      tried += candidates.length;
      await mapWithConcurrency(candidates, CONCURRENCY, async (mutant) => {
        const res = await stack.api.handle(request('GET', `${link.path}?token=${encodeURIComponent(mutant)}`));
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode < 300 || res.statusCode >= 500) accepted.push(`${link.path} ${res.statusCode} ${JSON.stringify(mutant)}`);
      });
    }
    figures['linkTokens'] = { tried, accepted: accepted.length, statuses: Object.fromEntries(statuses) };
    console.log('[fuzz] link tokens', JSON.stringify(figures['linkTokens']));
    expect(accepted.slice(0, 10)).toEqual([]);
  }, 120_000);
});
