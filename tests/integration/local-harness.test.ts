/**
 * The local harness itself: tables match the specs, the stream poller behaves like a
 * Lambda event-source mapping (filter, real event shape, partial batch failures, retry cap,
 * TRIM_HORIZON start), and the HTTP server behaves like an HTTP API with a Lambda authorizer.
 */
import { DescribeTableCommand, DescribeTimeToLiveCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoDbClient } from '../../local/emulators';
import { startApiServer, type HandlerModule, type LocalRoute, type RunningApiServer } from '../../local/http-server';
import { memoryCheckpoints, startStreamPoller, type StreamHandler } from '../../local/stream-poller';
import { ensureTables, localTableNames } from '../../local/tables';
import { emulatorUrls, startTestStack, uniqueTablePrefix, type TestStack } from '../helpers/local';
import { listEmails } from '../helpers/mail';

const { dynamodbUrl, sesUrl } = emulatorUrls();
let ddb: DynamoDBClient;
let tables: ReturnType<typeof localTableNames>;

beforeAll(async () => {
  ddb = localDynamoDbClient(dynamodbUrl);
  tables = localTableNames(uniqueTablePrefix());
  await ensureTables(ddb, tables);
});

afterAll(() => ddb?.destroy());

describe('ensureTables', () => {
  it('creates the tables with the keys, index, stream and TTL of the specs', async () => {
    const reports = (await ddb.send(new DescribeTableCommand({ TableName: tables.Reports }))).Table!;
    expect(reports.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(reports.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    expect(reports.LatestStreamArn).toMatch(/^arn:aws:dynamodb:/);
    expect(reports.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');

    const subscriptions = (await ddb.send(new DescribeTableCommand({ TableName: tables.Subscriptions }))).Table!;
    expect(subscriptions.GlobalSecondaryIndexes).toHaveLength(1);
    const [gsi] = subscriptions.GlobalSecondaryIndexes!;
    expect(gsi!.IndexName).toBe('byActiveFrequency');
    expect(gsi!.KeySchema).toEqual([
      { AttributeName: 'activePk', KeyType: 'HASH' },
      { AttributeName: 'activeSk', KeyType: 'RANGE' },
    ]);
    expect(gsi!.Projection?.ProjectionType).toBe('ALL');
    expect(subscriptions.StreamSpecification?.StreamEnabled ?? false).toBe(false);
    const ttl = await ddb.send(new DescribeTimeToLiveCommand({ TableName: tables.Subscriptions }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });

    const deliveries = (await ddb.send(new DescribeTableCommand({ TableName: tables.Deliveries }))).Table!;
    expect(deliveries.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
    const publishers = (await ddb.send(new DescribeTableCommand({ TableName: tables.Publishers }))).Table!;
    expect(publishers.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
  });

  it('is idempotent', async () => {
    expect(await ensureTables(ddb, tables)).toEqual([]);
  });
});

describe('startStreamPoller', () => {
  let seq = 0;
  const putReport = async (pk: string, sk = 'META') => {
    seq++;
    await ddb.send(
      new PutItemCommand({
        TableName: tables.Reports,
        Item: {
          pk: { S: pk },
          sk: { S: sk },
          n: { N: String(seq) },
          bin: { B: new Uint8Array([1, 2, 255]) },
          flag: { BOOL: true },
          nothing: { NULL: true },
          tags: { SS: ['a', 'b'] },
          list: { L: [{ S: 'x' }, { N: '1.5' }] },
          map: { M: { inner: { S: 'y' } } },
        },
      }),
    );
  };

  /** A recording handler; `fail` decides the failures of each call. */
  function recorder(fail: (records: DynamoDBRecord[], call: number) => DynamoDBBatchResponse | 'throw' = () => ({ batchItemFailures: [] })) {
    const calls: DynamoDBRecord[][] = [];
    const handler: StreamHandler = async (event: DynamoDBStreamEvent) => {
      calls.push(event.Records);
      const outcome = fail(event.Records, calls.length);
      if (outcome === 'throw') throw new Error('handler failed');
      return outcome;
    };
    const pks = () => calls.map((records) => records.map((r) => r.dynamodb!.Keys!['pk']!.S));
    return { calls, handler, pks };
  }

  // Each test reads the stream from TRIM_HORIZON, so it only looks at the pks it wrote.
  const mine = (prefix: string, calls: (string | undefined)[][]) => calls.map((c) => c.filter((pk) => pk?.startsWith(prefix))).filter((c) => c.length > 0);

  it('delivers new META items as DynamoDBStreamEvents and skips TAG# items', async () => {
    const rec = recorder();
    await putReport('deliver#1');
    await putReport('deliver#1', 'TAG#country#TJK');
    const poller = startStreamPoller({ dynamodbUrl, tableName: tables.Reports, handler: rec.handler, intervalMs: 50, retryDelayMs: 0 });
    try {
      await poller.drain();
    } finally {
      await poller.stop();
    }
    const records = rec.calls.flat().filter((r) => r.dynamodb?.Keys?.['pk']?.S === 'deliver#1');
    expect(records).toHaveLength(1);
    const [record] = records;
    const { LatestStreamArn } = (await ddb.send(new DescribeTableCommand({ TableName: tables.Reports }))).Table!;
    expect(record).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventVersion: expect.any(String),
      eventID: expect.any(String),
      awsRegion: 'us-east-1',
      eventSourceARN: LatestStreamArn,
    });
    const d = record!.dynamodb!;
    expect(d.Keys).toEqual({ pk: { S: 'deliver#1' }, sk: { S: 'META' } });
    expect(d.StreamViewType).toBe('NEW_IMAGE');
    expect(typeof d.SequenceNumber).toBe('string');
    expect(typeof d.SizeBytes).toBe('number');
    expect(typeof d.ApproximateCreationDateTime).toBe('number');
    expect(d.OldImage).toBeUndefined();
    expect(d.NewImage).toMatchObject({
      pk: { S: 'deliver#1' },
      sk: { S: 'META' },
      n: { N: expect.stringMatching(/^\d+$/) },
      bin: { B: Buffer.from([1, 2, 255]).toString('base64') },
      flag: { BOOL: true },
      nothing: { NULL: true },
      list: { L: [{ S: 'x' }, { N: '1.5' }] },
      map: { M: { inner: { S: 'y' } } },
    });
    expect(d.NewImage!['tags']!.SS!.sort()).toEqual(['a', 'b']);
    // Every delivered record passes the CDK filter.
    expect(rec.calls.flat().every((r) => r.eventName === 'INSERT' && r.dynamodb?.Keys?.['sk']?.S === 'META')).toBe(true);
  });

  it('re-delivers from the first failed record after a partial batch failure', async () => {
    await putReport('partial#a');
    await putReport('partial#b');
    await putReport('partial#c');
    let failedOnce = false;
    const rec = recorder((records) => {
      const b = records.find((r) => r.dynamodb!.Keys!['pk']!.S === 'partial#b');
      if (b && !failedOnce) {
        failedOnce = true;
        return { batchItemFailures: [{ itemIdentifier: b.dynamodb!.SequenceNumber! }] };
      }
      return { batchItemFailures: [] };
    });
    const poller = startStreamPoller({ dynamodbUrl, tableName: tables.Reports, handler: rec.handler, intervalMs: 50, retryDelayMs: 0 });
    try {
      await poller.drain();
    } finally {
      await poller.stop();
    }
    const delivered = mine('partial#', rec.pks()).flat();
    expect(delivered.filter((pk) => pk === 'partial#a')).toHaveLength(1);
    expect(delivered.filter((pk) => pk === 'partial#b')).toHaveLength(2);
    // The re-delivery starts at the failed record.
    const redelivery = mine('partial#', rec.pks()).find((c, i, all) => i > 0 && c.includes('partial#b') && all.slice(0, i).some((p) => p.includes('partial#b')));
    expect(redelivery?.[0]).toBe('partial#b');
    expect(redelivery).toContain('partial#c');
  });

  it('retries a failing record up to the cap, then skips it and goes on', async () => {
    await putReport('poison#1');
    await putReport('poison#2');
    const logs: string[] = [];
    const rec = recorder((records) => {
      const poison = records.find((r) => r.dynamodb!.Keys!['pk']!.S === 'poison#1');
      return poison ? 'throw' : { batchItemFailures: [] };
    });
    const poller = startStreamPoller({ dynamodbUrl, tableName: tables.Reports, handler: rec.handler, intervalMs: 50, retryDelayMs: 0, maxRetries: 2, log: (m) => logs.push(m) });
    try {
      await poller.drain();
    } finally {
      await poller.stop();
    }
    const delivered = mine('poison#', rec.pks()).flat();
    // One delivery plus two retries, then skipped (with the rest of that batch, as Lambda does).
    expect(delivered.filter((pk) => pk === 'poison#1')).toHaveLength(3);
    expect(logs.some((m) => /giving up after 3 deliveries/.test(m))).toBe(true);
    // Later records still flow.
    await putReport('poison#after');
    const after = recorder();
    const next = startStreamPoller({ dynamodbUrl, tableName: tables.Reports, handler: after.handler, intervalMs: 50, retryDelayMs: 0 });
    try {
      await next.drain();
    } finally {
      await next.stop();
    }
    expect(after.pks().flat()).toContain('poison#after');
  });

  it('starts at TRIM_HORIZON and resumes after its checkpoint', async () => {
    await putReport('resume#before');
    const checkpoints = memoryCheckpoints();
    const first = recorder();
    const p1 = startStreamPoller({ dynamodbUrl, tableName: tables.Reports, handler: first.handler, intervalMs: 50, checkpoints });
    await p1.drain();
    await p1.stop();
    // Stored before the poller started, still delivered.
    expect(first.pks().flat()).toContain('resume#before');

    await putReport('resume#while-down');
    const second = recorder();
    const p2 = startStreamPoller({ dynamodbUrl, tableName: tables.Reports, handler: second.handler, intervalMs: 50, checkpoints });
    await p2.drain();
    await p2.stop();
    expect(second.pks().flat()).toEqual(['resume#while-down']);
  });

  it('delivers in the background without drain()', async () => {
    const rec = recorder();
    const poller = startStreamPoller({ dynamodbUrl, tableName: tables.Reports, handler: rec.handler, intervalMs: 50 });
    try {
      await putReport('background#1');
      const deadline = Date.now() + 10_000;
      while (!rec.pks().flat().includes('background#1') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(rec.pks().flat()).toContain('background#1');
    } finally {
      await poller.stop();
    }
  });
});

describe('startApiServer', () => {
  const routes: LocalRoute[] = [
    { name: 'Echo', method: 'POST', path: '/things/{id}', entry: 'echo', auth: false },
    { name: 'EchoGet', method: 'GET', path: '/things/{id}', entry: 'echo', auth: false },
    { name: 'Static', method: 'GET', path: '/things/special', entry: 'static', auth: false },
    { name: 'Private', method: 'GET', path: '/private', entry: 'echo', auth: true },
    { name: 'Text', method: 'GET', path: '/text', entry: 'text', auth: false },
    { name: 'Boom', method: 'GET', path: '/boom', entry: 'boom', auth: false },
  ];
  const events: APIGatewayProxyEventV2[] = [];
  const contexts: Context[] = [];
  let authorizerCalls: any[] = [];
  const modules: Record<string, HandlerModule> = {
    echo: {
      handler: async (event: APIGatewayProxyEventV2, context: Context) => {
        events.push(event);
        contexts.push(context);
        return { statusCode: 201, headers: { 'X-Echo': 'yes' }, cookies: ['a=1; Path=/', 'b=2'], body: JSON.stringify({ ok: true }) };
      },
    },
    static: { handler: async () => ({ statusCode: 200, body: 'static', headers: { 'content-type': 'text/plain' } }) },
    text: { handler: async () => '{"plain":"string"}' },
    boom: {
      handler: async () => {
        throw new Error('kaboom');
      },
    },
    authorizer: {
      handler: async (event: any) => {
        authorizerCalls.push(event);
        return event.headers?.authorization === 'Bearer good' ? { isAuthorized: true, context: { publisherId: 'p1', name: 'Pub' } } : { isAuthorized: false };
      },
    },
  };
  const loads: string[] = [];
  let server: RunningApiServer;
  let cachedServer: RunningApiServer;
  const errors: string[] = [];

  beforeAll(async () => {
    const common = {
      routes,
      authorizerEntry: 'authorizer',
      loadModule: async (entry: string) => {
        loads.push(entry);
        return modules[entry]!;
      },
      bodyLimitBytes: 1024,
      log: (m: string) => errors.push(m),
      links: [{ label: 'Mail viewer', url: 'http://example.invalid/mail' }],
    };
    server = await startApiServer({ ...common, port: 0, authorizerCacheTtlSeconds: 0 });
    cachedServer = await startApiServer({ ...common, port: 0, authorizerCacheTtlSeconds: 60 });
  });

  afterAll(async () => {
    await server?.stop();
    await cachedServer?.stop();
  });

  it('turns a request into a payload-format 2.0 event', async () => {
    const res = await fetch(`${server.url}/things/a%20b?x=1&y=2&x=3&empty=`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Custom': 'Hi', cookie: 'c1=v1; c2=v2', 'user-agent': 'harness-test' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-echo')).toBe('yes');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
    expect(await res.json()).toEqual({ ok: true });

    const event = events.at(-1)!;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /things/{id}',
      rawPath: '/things/a%20b',
      rawQueryString: 'x=1&y=2&x=3&empty=',
      cookies: ['c1=v1', 'c2=v2'],
      queryStringParameters: { x: '1,3', y: '2', empty: '' },
      pathParameters: { id: 'a b' },
      body: '{"hello":"world"}',
      isBase64Encoded: false,
      requestContext: {
        accountId: expect.any(String),
        apiId: expect.any(String),
        domainName: '127.0.0.1',
        http: { method: 'POST', path: '/things/a%20b', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'harness-test' },
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        routeKey: 'POST /things/{id}',
        stage: '$default',
        time: expect.stringMatching(/^\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000$/),
        timeEpoch: expect.any(Number),
      },
    });
    expect(event.headers['x-custom']).toBe('Hi');
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['cookie']).toBeUndefined();
    expect(Object.keys(event.headers).every((k) => k === k.toLowerCase())).toBe(true);
    expect((event.requestContext as { authorizer?: unknown }).authorizer).toBeUndefined();
    const context = contexts.at(-1)!;
    expect(context.functionName).toContain('Echo');
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });

  it('base64-encodes non-text bodies and leaves empty bodies out', async () => {
    await fetch(`${server.url}/things/1`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0, 1, 2, 250]) });
    expect(events.at(-1)).toMatchObject({ body: Buffer.from([0, 1, 2, 250]).toString('base64'), isBase64Encoded: true });
    await fetch(`${server.url}/things/1`);
    const get = events.at(-1)!;
    expect(get.routeKey).toBe('GET /things/{id}');
    expect(get.body).toBeUndefined();
    expect(get.isBase64Encoded).toBe(false);
    expect(get.queryStringParameters).toBeUndefined();
    expect(get.rawQueryString).toBe('');
  });

  it('prefers a static path over a template and loads each module once', async () => {
    const res = await fetch(`${server.url}/things/special`);
    expect(await res.text()).toBe('static');
    expect(loads.filter((e) => e === 'echo')).toHaveLength(1);
  });

  it('answers like HTTP API for unknown routes, wrong methods, big bodies and handler errors', async () => {
    const unknown = await fetch(`${server.url}/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: 'Not Found' });
    expect((await fetch(`${server.url}/things/1`, { method: 'DELETE' })).status).toBe(404);
    const big = await fetch(`${server.url}/things/1`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(2048) });
    expect(big.status).toBe(413);
    const boom = await fetch(`${server.url}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.json()).toEqual({ message: 'Internal Server Error' });
    expect(errors.some((m) => m.includes('Boom'))).toBe(true);
    const text = await fetch(`${server.url}/text`);
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toBe('application/json');
    expect(await text.json()).toEqual({ plain: 'string' });
  });

  it('runs the authorizer: 401 without Authorization, 403 when refused, context passed on', async () => {
    authorizerCalls = [];
    const missing = await fetch(`${server.url}/private`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ message: 'Unauthorized' });
    expect(authorizerCalls).toHaveLength(0);

    const refused = await fetch(`${server.url}/private`, { headers: { authorization: 'Bearer bad' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: 'Forbidden' });

    const ok = await fetch(`${server.url}/private?q=1`, { headers: { authorization: 'Bearer good' } });
    expect(ok.status).toBe(201);
    const event = events.at(-1)! as APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } };
    expect(event.requestContext.authorizer).toEqual({ lambda: { publisherId: 'p1', name: 'Pub' } });
    expect(authorizerCalls.at(-1)).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      routeKey: 'GET /private',
      identitySource: ['Bearer good'],
      rawPath: '/private',
      rawQueryString: 'q=1',
      routeArn: expect.stringMatching(/^arn:aws:execute-api:[^:]+:\d+:[^/]+\/\$default\/GET\/private$/),
      headers: expect.objectContaining({ authorization: 'Bearer good' }),
      queryStringParameters: { q: '1' },
    });
    // No cache with TTL 0.
    await fetch(`${server.url}/private`, { headers: { authorization: 'Bearer good' } });
    expect(authorizerCalls).toHaveLength(3);
  });

  it('caches authorizer results per Authorization header', async () => {
    authorizerCalls = [];
    for (let i = 0; i < 3; i++) expect((await fetch(`${cachedServer.url}/private`, { headers: { authorization: 'Bearer good' } })).status).toBe(201);
    for (let i = 0; i < 2; i++) expect((await fetch(`${cachedServer.url}/private`, { headers: { authorization: 'Bearer bad' } })).status).toBe(403);
    expect(authorizerCalls).toHaveLength(2);
  });

  it('serves an index page at GET /', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('http://example.invalid/mail');
    expect(html).toContain('/things/{id}');
  });
});

describe('startTestStack', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('wires the real handlers, authorizer and a working publisher token', async () => {
    expect(stack.sesUrl).toBe(sesUrl);
    expect(stack.dynamodbUrl).toBe(dynamodbUrl);
    expect(stack.tables.Reports).toMatch(/^herald-test-[0-9a-f]{8}-Reports$/);
    expect(process.env['REPORTS_TABLE']).toBe(stack.tables.Reports);
    expect(process.env['PUBLIC_BASE_URL']).toBe(stack.apiUrl);
    expect((await fetch(`${stack.apiUrl}/reports`)).status).toBe(401);
    expect((await fetch(`${stack.apiUrl}/reports`, { headers: { authorization: 'Bearer hrld_forged' } })).status).toBe(403);
    const list = await fetch(`${stack.apiUrl}/reports`, { headers: { authorization: `Bearer ${stack.publisherToken}` } });
    expect(list.status).toBe(200);
    await stack.drainStream();
    expect(Array.isArray(await listEmails(stack.sesUrl))).toBe(true);
  });
});
