/**
 * The per-day cap of instant alerts counts each alert once, however often its send is
 * retried: a retry must not use up the cap and push later alerts into a digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countInstantAlert } from '../../shared/adapters/digests';
import { createDocumentClient } from '../../shared/clients';
import { startTestStack, type TestStack } from '../helpers/local';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('instant-alert cap', () => {
  it('counts a retried alert once and refuses only new alerts past the cap', async () => {
    const ddb = createDocumentClient(stack.env);
    const table = stack.tables.Deliveries;
    const now = new Date('2026-11-27T10:00:00Z');
    const count = (id: string) => countInstantAlert(ddb, table, 'sub_cap', `alert#${id}#sub_cap`, 2, now);
    expect(await count('r1')).toBe(true);
    expect(await count('r1')).toBe(true);
    expect(await count('r1')).toBe(true);
    expect(await count('r2')).toBe(true);
    expect(await count('r2')).toBe(true);
    expect(await count('r3')).toBe(false);
    // Another day starts afresh.
    expect(await countInstantAlert(ddb, table, 'sub_cap', 'alert#r3#sub_cap', 2, new Date('2026-11-28T10:00:00Z'))).toBe(true);
    ddb.destroy();
  });
});
