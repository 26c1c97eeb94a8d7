/**
 * Integration-test harness: the whole local stack in this test file's process, on the
 * emulators that tests/global-setup.ts started for the run. Each call creates its own
 * uniquely named tables, so test files running in parallel never see each other's data.
 *
 *   let stack: TestStack;
 *   beforeAll(async () => { stack = await startTestStack(); });
 *   afterAll(() => stack?.stop());
 *   // fetch(`${stack.apiUrl}/reports`, { headers: { authorization: `Bearer ${stack.publisherToken}` } })
 *   // await stack.drainStream();  // every stream record so far has reached the alert handler
 *
 * Handler modules read the environment at module load, so start the stack before
 * importing any handler module yourself (Vitest isolates modules per test file).
 * Only the `integration` project (tests/integration/**) has the emulators.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../local/stack';

export type TestStack = LocalStack;

/** The emulator URLs provided by the global setup. */
export function emulatorUrls(): { dynamodbUrl: string; sesUrl: string } {
  const dynamodbUrl = inject('dynamodbUrl');
  const sesUrl = inject('sesUrl');
  if (!dynamodbUrl || !sesUrl) throw new Error('No emulators: integration tests must run in the `integration` Vitest project (tests/integration/**), whose global setup starts them.');
  return { dynamodbUrl, sesUrl };
}

/** A random table-name prefix, e.g. `herald-test-3f9a1c2b`. */
export function uniqueTablePrefix(): string {
  return `herald-test-${randomBytes(4).toString('hex')}`;
}

/** Starts the API server and the stream poller in-process, with fresh tables and a publisher token. */
export async function startTestStack(overrides: Partial<LocalStackOptions> = {}): Promise<TestStack> {
  return startLocalStack({
    ...emulatorUrls(),
    persist: false,
    port: 0,
    tablePrefix: uniqueTablePrefix(),
    authorizerCacheTtlSeconds: 0,
    pollIntervalMs: 100,
    retryDelayMs: 0,
    logRequests: false,
    // Long enough to cover a local send; short enough to keep the suite quick.
    manageLinkMinResponseMs: 250,
    ...overrides,
  });
}
