import { describe, expect, it } from 'vitest';
import { isThrottlingError, JobSourceError, sendPaced, type PacerClock } from '../../shared/digest/pacer';

/** Virtual time: sleeps resolve when the test driver advances the clock to them. */
class FakeClock implements PacerClock {
  private t = 0;
  private timers: { at: number; resolve: () => void }[] = [];
  now = () => this.t;
  sleep = (ms: number) => new Promise<void>((resolve) => this.timers.push({ at: this.t + Math.max(0, ms), resolve }));
  /** Runs until `promise` settles, advancing to the next timer whenever everything is waiting. */
  async run<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(() => (settled = true), () => (settled = true));
    for (let guard = 0; guard < 1_000_000; guard++) {
      await new Promise((r) => setImmediate(r));
      if (settled) return promise;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (!next) continue;
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
    throw new Error('did not settle');
  }
}

const throttle = () => Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' });
/** Deterministic PRNG for the test. */
const seeded = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

describe('paced sender', () => {
  it('keeps to the rate, with bounded concurrency', async () => {
    const clock = new FakeClock();
    const starts: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const jobs = Array.from({ length: 100 }, (_, i) => i);
    const result = await clock.run(
      sendPaced(jobs, async () => {
        starts.push(clock.now());
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await clock.sleep(200);
        inFlight--;
      }, { ratePerSecond: 20, concurrency: 5, maxRetries: 3, isThrottle: isThrottlingError, burst: 1, clock }),
    );
    expect(result.sent).toHaveLength(100);
    expect(result.failed).toEqual([]);
    expect(maxInFlight).toBeLessThanOrEqual(5);
    // No one-second window holds more than rate + burst sends.
    for (const s of starts) expect(starts.filter((x) => x >= s && x < s + 1000).length).toBeLessThanOrEqual(21);
    // 5 in flight × 200 ms latency caps at 25/s; the bucket at 20/s.
    expect(result.elapsedMs).toBeGreaterThanOrEqual(4900);
    expect(result.elapsedMs).toBeLessThan(5500);
  });

  it('retries throttled sends with backoff; sends each job once; gives throttled tokens back', async () => {
    const clock = new FakeClock();
    const random = seeded(42);
    const delivered = new Map<number, number>();
    const jobs = Array.from({ length: 300 }, (_, i) => i);
    const result = await clock.run(
      sendPaced(jobs, async (job) => {
        await clock.sleep(10);
        if (random() < 0.3) throw throttle();
        delivered.set(job, (delivered.get(job) ?? 0) + 1);
      }, { ratePerSecond: 50, concurrency: 10, maxRetries: 30, isThrottle: isThrottlingError, clock, random: seeded(7), baseDelayMs: 20, maxDelayMs: 500 }),
    );
    expect(result.failed).toEqual([]);
    expect(result.throttled).toBeGreaterThan(60);
    expect(result.attempts).toBe(300 + result.throttled);
    expect([...delivered.values()].every((n) => n === 1)).toBe(true);
    expect(delivered.size).toBe(300);
    // 300 sends at 50/s: about 6 s despite 30 % throttling, not 6 / 0.7.
    expect(result.elapsedMs).toBeLessThan(6 / 0.95 * 1000);
  });

  it('reports jobs that stay throttled, and fails other errors without retrying them', async () => {
    const clock = new FakeClock();
    const calls = new Map<string, number>();
    const result = await clock.run(
      sendPaced(['ok', 'always-throttled', 'broken', 'flaky'], async (job, attempt) => {
        calls.set(job, (calls.get(job) ?? 0) + 1);
        if (job === 'always-throttled') throw throttle();
        if (job === 'broken') throw new Error('MessageRejected');
        if (job === 'flaky' && attempt === 1) throw Object.assign(new Error('socket'), { name: 'NetworkError' });
      }, { ratePerSecond: 100, concurrency: 2, maxRetries: 4, isThrottle: isThrottlingError, isRetryable: (e) => (e as Error).name === 'NetworkError', clock }),
    );
    expect(result.sent.sort()).toEqual(['flaky', 'ok']);
    expect(result.failed.map((f) => [f.job, f.attempts, (f.error as Error).name]).sort()).toEqual([
      ['always-throttled', 5, 'TooManyRequestsException'],
      ['broken', 1, 'Error'],
    ]);
    expect(calls.get('always-throttled')).toBe(5);
    expect(calls.get('broken')).toBe(1);
  });

  it('takes async job streams, stops starting jobs when asked, and surfaces source failures', async () => {
    const clock = new FakeClock();
    async function* source() {
      for (let i = 0; i < 10; i++) yield i;
    }
    let sent = 0;
    const stopped = await clock.run(
      sendPaced(source(), async () => void sent++, { ratePerSecond: 10, concurrency: 1, maxRetries: 0, isThrottle: isThrottlingError, burst: 1, clock, shouldStop: () => sent >= 3 }),
    );
    expect(stopped.sent).toEqual([0, 1, 2]);
    expect(stopped.unsent).toEqual([3, 4, 5, 6, 7, 8, 9]);

    async function* failing() {
      yield 1;
      throw new Error('SQS read failed');
    }
    const error = await clock.run(sendPaced(failing(), async () => {}, { ratePerSecond: 10, concurrency: 2, maxRetries: 0, isThrottle: isThrottlingError, clock })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobSourceError);
    expect((error as JobSourceError<number>).result.sent).toEqual([1]);
  });

  it('recognises SES throttling errors', () => {
    expect(isThrottlingError(throttle())).toBe(true);
    expect(isThrottlingError({ name: 'X', $metadata: { httpStatusCode: 429 } })).toBe(true);
    expect(isThrottlingError(new Error('MessageRejected'))).toBe(false);
    expect(isThrottlingError(undefined)).toBe(false);
  });
});
