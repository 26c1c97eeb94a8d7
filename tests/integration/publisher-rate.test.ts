/**
 * The per-publisher token bucket shared by every function instance, on DynamoDB Local:
 * two "instances" (separate SDK clients) drawing from one publisher's bucket together never
 * get more than it holds, sequentially or all at once; it refills at its rate; publishers
 * do not share buckets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { takePublisherToken } from '../../shared/adapters/publisher-rate';
import { createDocumentClient } from '../../shared/clients';
import { startTestStack, type TestStack } from '../helpers/local';

const LIMIT = { rate: 2, burst: 8 };
let stack: TestStack;
let instances: DynamoDBDocumentClient[];
let table: string;

beforeAll(async () => {
  stack = await startTestStack();
  instances = [createDocumentClient(stack.env), createDocumentClient(stack.env)];
  table = stack.tables.Deliveries;
});

afterAll(async () => {
  for (const ddb of instances ?? []) ddb.destroy();
  await stack?.stop();
});

const take = (n: number, publisherId: string, now: number) => takePublisherToken(instances[n % 2]!, table, publisherId, LIMIT, now);

describe('the shared per-publisher bucket', () => {
  it('admits exactly the burst across two instances, then refills at the rate', async () => {
    const t0 = Date.UTC(2026, 10, 28, 12);
    const first = [];
    for (let i = 0; i < 12; i++) first.push(await take(i, 'pub_a', t0));
    expect(first.filter((r) => r.ok)).toHaveLength(8);
    expect(first.slice(0, 8).every((r) => r.ok)).toBe(true);
    const refused = first[8]!;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // One second later: two more tokens (rate 2/s), not three.
    const later = [];
    for (let i = 0; i < 3; i++) later.push(await take(i, 'pub_a', t0 + 1000));
    expect(later.map((r) => r.ok)).toEqual([true, true, false]);
    // Another publisher has its own bucket.
    expect((await take(0, 'pub_b', t0)).ok).toBe(true);
    // Idle for a minute: full again.
    const idle = [];
    for (let i = 0; i < 9; i++) idle.push(await take(i, 'pub_a', t0 + 61_000));
    expect(idle.filter((r) => r.ok)).toHaveLength(8);
  });

  it('never over-admits when requests from both instances arrive at once', async () => {
    const t0 = Date.UTC(2026, 10, 28, 13);
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => take(i, 'pub_c', t0)));
    expect(results.filter((r) => r.ok).length).toBe(8);
  });
});
