/**
 * Answers whose timing must not tell which branch produced them (for example "email me a
 * link", where only a known address costs a database read and an email).
 */

/** Default least response time of such answers: above SES SendEmail's usual p99 (a few hundred ms). */
export const DEFAULT_MIN_RESPONSE_MS = 800;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until at least `minMs` have passed since `startedAt` (a `performance.now()` value),
 * so that a fast branch and a slow one answer after the same time. Returns the milliseconds
 * the work itself took; work slower than `minMs` is not padded (and would show).
 */
export async function padToMinimum(startedAt: number, minMs: number): Promise<number> {
  const took = performance.now() - startedAt;
  if (took < minMs) await sleep(minMs - took);
  return took;
}
