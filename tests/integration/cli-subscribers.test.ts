/**
 * `herald subscribers export|erase` against the local stack's Subscriptions table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSubscribers } from '../../cli/subscribers';
import { startTestStack, type TestStack } from '../helpers/local';

let stack: TestStack;
const address = `export-${Date.now()}@example.org`;

function io() {
  let out = '';
  let err = '';
  return { io: { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) } }, out: () => out, err: () => err };
}
const target = () => ['--table', stack.tables.Subscriptions, '--endpoint', stack.dynamodbUrl];

beforeAll(async () => {
  stack = await startTestStack();
  const res = await fetch(`${stack.apiUrl}/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: address, regions: ['143'], themes: ['border-management'], frequency: 'instant' }) });
  expect(res.status).toBe(202);
});
afterAll(async () => {
  await stack?.stop();
});

describe('herald subscribers', () => {
  it('exports a subscriber as JSON', async () => {
    const t = io();
    expect(await runSubscribers(['export', address, ...target()], t.io)).toBe(0);
    const data = JSON.parse(t.out());
    expect(data.subscriber.email).toBe(address);
    expect(data.rules[0]).toMatchObject({ regions: ['143'], themes: ['border-management'], frequency: 'instant' });
  });
  it('refuses to erase without --yes (exit 2), then erases; the address is gone (exit 1)', async () => {
    let t = io();
    expect(await runSubscribers(['erase', address, ...target()], t.io)).toBe(2);
    expect(t.err()).toContain('--yes');
    t = io();
    expect(await runSubscribers(['erase', address, '--yes', ...target()], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ erased: true });
    t = io();
    expect(await runSubscribers(['export', address, ...target()], t.io)).toBe(1);
    expect(t.err()).toContain('no subscriber');
  });
  it('exits 2 for usage errors', async () => {
    const t = io();
    expect(await runSubscribers(['delete', address], t.io)).toBe(2);
    expect(t.err()).toContain('Usage: herald subscribers');
  });
});
