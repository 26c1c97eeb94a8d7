/**
 * Publisher tokens end to end: issued, listed and revoked through the `herald` CLI, scoped
 * (reports:write, reports:read), each publisher seeing only its own reports, throttled per
 * publisher and per route (429, never 5xx), and refused requests changing nothing.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { createDocumentClient } from '../../shared/clients';
import { startTestStack, type TestStack } from '../helpers/local';

let stack: TestStack;

const report = (title: string) => ({ title, body: `${title}. Officials from Tajikistan met in Dushanbe to discuss border management.` });

async function api(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, any> };
}

/** Runs the CLI in-process; returns its exit code and the JSON lines it printed. */
async function cli(...args: string[]): Promise<{ code: number; lines: Record<string, any>[]; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    const code = await main([...args, '--table', stack.tables.Publishers, '--endpoint', stack.dynamodbUrl]);
    // The local stack runs in this process: its structured logs (level, service) can land on
    // stdout while the command runs; they are not the command's output.
    const lines = out.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
    return { code, lines: lines.filter((l) => !('level' in l && 'service' in l)), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

async function countReportItems(): Promise<number> {
  const ddb = createDocumentClient(stack.env);
  try {
    const out = await ddb.send(new ScanCommand({ TableName: stack.tables.Reports, Select: 'COUNT' }));
    return out.Count ?? 0;
  } finally {
    ddb.destroy();
  }
}

let writer: string;
let reader: string;
let other: string;

beforeAll(async () => {
  stack = await startTestStack({ publisherThrottle: { rate: 2, burst: 8 }, throttle: { rate: 20, burst: 60 } });
  const created = await cli('publishers', 'create', '--name', 'UN Office A', '--scopes', 'reports:write');
  expect(created.code).toBe(0);
  expect(created.lines[0]).toMatchObject({ publisherId: 'un-office-a', scopes: ['reports:write'] });
  writer = created.lines[0]!['token'];
  reader = (await cli('publishers', 'create', '--name', 'UN Office A', '--scopes', 'reports:read')).lines[0]!['token'];
  other = (await cli('publishers', 'create', '--name', 'Partner B')).lines[0]!['token'];
});

afterAll(async () => {
  await stack?.stop();
});

describe('herald publishers (CLI)', () => {
  it('issues tokens shown once and stores only their hashes', async () => {
    expect(writer).toMatch(/^hrld_[A-Za-z0-9_-]{43}$/);
    const listed = await cli('publishers', 'list');
    expect(listed.lines.map((p) => p['publisherId'])).toEqual(expect.arrayContaining(['un-office-a', 'partner-b', 'dev']));
    expect(JSON.stringify(listed.lines)).not.toContain(writer.slice(5));
    const ddb = createDocumentClient(stack.env);
    const items = (await ddb.send(new ScanCommand({ TableName: stack.tables.Publishers }))).Items ?? [];
    ddb.destroy();
    expect(JSON.stringify(items)).not.toContain(writer.slice(5));
    expect(items.every((i) => /^TOKEN#[0-9a-f]{64}$/.test(String(i['pk'])))).toBe(true);
  });

  it('refuses unknown scopes and bad ids (usage error, exit 2)', async () => {
    expect((await cli('publishers', 'create', '--name', 'X', '--scopes', 'reports:delete')).code).toBe(2);
    expect((await cli('publishers', 'create', '--name', 'X', '--id', 'Not Valid')).code).toBe(2);
  });
});

describe('scopes and ownership', () => {
  let mine: string;

  it('a write-scoped token posts; a read-only token cannot, and writes nothing', async () => {
    const posted = await api('POST', '/reports', writer, report('Scoped report'));
    expect(posted.status).toBe(201);
    mine = posted.json()['id'];
    const before = await countReportItems();
    const refused = await api('POST', '/reports', reader, report('Read-only attempt'));
    expect(refused.status).toBe(403);
    expect(refused.json()['error']['code']).toBe('insufficient_scope');
    expect(await countReportItems()).toBe(before);
  });

  it('a read-scoped token of the same publisher reads; the write-only token cannot', async () => {
    expect((await api('GET', `/reports/${mine}`, reader)).status).toBe(200);
    expect((await api('GET', `/reports/${mine}`, writer)).status).toBe(403);
    expect((await api('GET', '/reports', writer)).status).toBe(403);
    const listed = await api('GET', '/reports?country=TJK', reader);
    expect(listed.json()['items'].map((r: { id: string }) => r.id)).toEqual([mine]);
  });

  it("another publisher gets 404 for this publisher's report and never sees it listed", async () => {
    const read = await api('GET', `/reports/${mine}`, other);
    expect(read.status).toBe(404);
    const missing = await api('GET', `/reports/rpt_${'x'.repeat(22)}`, other);
    expect(read.json()['error']['code']).toBe(missing.json()['error']['code']);
    for (const query of ['', '?country=TJK', '?region=143', '?theme=border-management']) {
      const listed = await api('GET', `/reports${query}`, other);
      expect(listed.status).toBe(200);
      expect(listed.json()['items']).toEqual([]);
    }
    // The same content from another publisher is another report.
    const theirs = await api('POST', '/reports', other, report('Scoped report'));
    expect(theirs.status).toBe(201);
    expect(theirs.json()['id']).not.toBe(mine);
    expect((await api('GET', '/reports?country=TJK', reader)).json()['items']).toHaveLength(1);
  });

  it("a cursor from one publisher's listing is refused for another's", async () => {
    await api('POST', '/reports', writer, report('Second scoped report'));
    const page = await api('GET', '/reports?country=TJK&limit=1', reader);
    const cursor = page.json()['nextCursor'];
    expect(typeof cursor).toBe('string');
    expect((await api('GET', `/reports?country=TJK&limit=1&cursor=${cursor}`, other)).status).toBe(400);
  });
});

describe('refused tokens', () => {
  it('answers 401 without a token, 403 for garbage, and writes nothing', async () => {
    const before = await countReportItems();
    const none = await api('POST', '/reports', undefined, report('Anonymous'));
    expect(none.status).toBe(401);
    expect(none.json()).toEqual({ message: 'Unauthorized' });
    for (const garbage of ['garbage', 'hrld_', `hrld_${'A'.repeat(43)}`, `${writer}x`, writer.toUpperCase()]) {
      expect((await api('POST', '/reports', garbage, report('Forged'))).status).toBe(403);
    }
    expect((await api('POST', '/reports', undefined, report('Basic'), { authorization: `Basic ${writer}` })).status).toBe(403);
    expect(await countReportItems()).toBe(before);
  });

  it('refuses a revoked token from the next request on (no authorizer cache in tests)', async () => {
    const temp = (await cli('publishers', 'create', '--name', 'Temporary')).lines[0]!['token'];
    expect((await api('GET', '/reports', temp)).status).toBe(200);
    const revoked = await cli('publishers', 'revoke', 'temporary');
    expect(revoked.lines[0]).toEqual({ publisherId: 'temporary', tokensRevoked: 1 });
    const before = await countReportItems();
    expect((await api('POST', '/reports', temp, report('After revocation'))).status).toBe(403);
    expect(await countReportItems()).toBe(before);
    expect((await cli('publishers', 'revoke', 'temporary')).code).toBe(1);
  });
});

describe('throttling', () => {
  it('answers 429 with Retry-After once a publisher exceeds its rate; other publishers go on', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 14; i++) {
      const res = await api('GET', '/reports?limit=1', reader);
      statuses.push(res.status);
      if (res.status === 429 && res.json()['error']?.['code'] === 'too_many_requests') retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const fresh = (await cli('publishers', 'create', '--name', 'Fresh Publisher')).lines[0]!['token'];
    expect((await api('GET', '/reports?limit=1', fresh)).status).toBe(200);
  });

  it('emulates the stage throttle per route: 429 {"message":"Too Many Requests"} before the handler runs', async () => {
    const results = await Promise.all(Array.from({ length: 80 }, () => api('GET', '/unsubscribe')));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
    const throttled = results.find((r) => r.status === 429);
    expect(throttled?.json()).toEqual({ message: 'Too Many Requests' });
  });
});
