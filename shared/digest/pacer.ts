/**
 * Paced, bounded-concurrency sending: the core of the digest sender. Pure: no AWS imports;
 * the caller's `send` does the SES call (and its idempotency claim).
 *
 * - A token bucket at the account's maximum send rate (SES v2 `GetAccount` →
 *   `SendQuota.MaxSendRate`). SES counts accepted messages, so a throttled attempt gives
 *   its token back: with 30 % of calls throttled the pacer still sends at the full rate.
 * - At most `concurrency` jobs in progress.
 * - Throttling errors are retried after exponential backoff with full jitter, up to
 *   `maxRetries` times; then the job is returned in `failed`. Other errors are not retried
 *   (unless `isRetryable` says so: the call may have reached SES) and are returned in
 *   `failed` at once. No job is dropped silently, and no job is attempted again once an
 *   attempt has succeeded.
 */

/** Time source; injectable for tests. */
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export interface PacerOptions {
  /** Sends per second (SES MaxSendRate). */
  readonly ratePerSecond: number;
  /** Jobs in progress at once. */
  readonly concurrency: number;
  /** Retries of a throttled job before it is reported as failed. */
  readonly maxRetries: number;
  /** True for errors that mean "too fast, nothing was sent" (see isThrottlingError). */
  readonly isThrottle: (error: unknown) => boolean;
  /** True for other errors that are safe to retry (nothing was sent). Default: none. */
  readonly isRetryable?: (error: unknown) => boolean;
  /** Bucket size: sends allowed in a burst. Default: one tenth of a second's worth, at least 1. */
  readonly burst?: number;
  /** Backoff: the n-th retry waits uniformly in [0, min(maxDelayMs, baseDelayMs × 2^(n-1))). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly clock?: PacerClock;
  /** Uniform [0, 1); injectable for tests. */
  readonly random?: () => number;
  /** Stop starting new jobs (e.g. the Lambda is about to time out); unstarted jobs are returned in `unsent`. */
  readonly shouldStop?: () => boolean;
}

export interface PacedFailure<J> {
  readonly job: J;
  readonly error: unknown;
  readonly attempts: number;
}

export interface PacedResult<J> {
  /** Jobs sent (one successful attempt each), in completion order. */
  readonly sent: J[];
  /** Jobs given up on, with the last error. */
  readonly failed: PacedFailure<J>[];
  /** Jobs never started because `shouldStop` said so. */
  readonly unsent: J[];
  readonly attempts: number;
  readonly throttled: number;
  readonly elapsedMs: number;
}

/** Throttling as SES v2 (and the AWS SDK generally) reports it. */
export function isThrottlingError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: unknown }; $retryable?: { throttling?: unknown } };
  const name = typeof e.name === 'string' ? e.name : typeof e.code === 'string' ? e.code : '';
  return (
    ['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'ThrottledException', 'RequestThrottled', 'SlowDown'].includes(name) ||
    e.$metadata?.httpStatusCode === 429 ||
    e.$retryable?.throttling === true
  );
}

/** The job source failed part way; `result` says what happened to the jobs read before. */
export class JobSourceError<J = unknown> extends Error {
  constructor(
    override readonly cause: unknown,
    readonly result: PacedResult<J>,
  ) {
    super(`The job source failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'JobSourceError';
  }
}

/** Token bucket with reservations: tokens may go negative, and a caller waits off its debt. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerMs: number,
    private readonly capacity: number,
    private readonly clock: PacerClock,
  ) {
    this.tokens = capacity;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.ratePerMs);
    this.last = now;
  }

  /** Takes a token, waiting until it is due. */
  async take(): Promise<void> {
    this.refill();
    this.tokens -= 1;
    if (this.tokens < 0) await this.clock.sleep(-this.tokens / this.ratePerMs);
  }

  /** Gives back a token whose attempt did not count (throttled). */
  refund(): void {
    this.refill();
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }
}

/**
 * Sends every job through `send`, paced and bounded; resolves when every job is sent,
 * failed or (with shouldStop) left unsent. `send` receives the attempt number (1-based).
 */
export async function sendPaced<J>(
  jobs: Iterable<J> | AsyncIterable<J>,
  send: (job: J, attempt: number) => Promise<void>,
  options: PacerOptions,
): Promise<PacedResult<J>> {
  if (!(options.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const maxRetries = Math.max(0, Math.floor(options.maxRetries));
  const baseDelayMs = options.baseDelayMs ?? 50;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const burst = Math.max(1, options.burst ?? Math.floor(options.ratePerSecond / 10));
  const bucket = new TokenBucket(options.ratePerSecond / 1000, burst, clock);
  const started = clock.now();

  const result = { sent: [] as J[], failed: [] as PacedFailure<J>[], unsent: [] as J[], attempts: 0, throttled: 0 };
  const iterator: Iterator<J> | AsyncIterator<J> =
    Symbol.asyncIterator in Object(jobs) ? (jobs as AsyncIterable<J>)[Symbol.asyncIterator]() : (jobs as Iterable<J>)[Symbol.iterator]();
  let exhausted = false;
  let sourceError: { error: unknown } | undefined;
  // Pulls are serialised so two workers never call next() on an async iterator at once.
  let pulling: Promise<unknown> = Promise.resolve();
  const nextJob = (): Promise<IteratorResult<J> | undefined> => {
    const pull = pulling.then(async () => {
      if (exhausted) return undefined;
      try {
        const r = await iterator.next();
        if (r.done) exhausted = true;
        return r.done ? undefined : r;
      } catch (error) {
        // The job source failed: finish the jobs in progress, then rethrow.
        exhausted = true;
        sourceError = { error };
        return undefined;
      }
    });
    pulling = pull;
    return pull;
  };

  const runJob = async (job: J) => {
    for (let attempt = 1; ; attempt++) {
      await bucket.take();
      result.attempts++;
      try {
        await send(job, attempt);
        result.sent.push(job);
        return;
      } catch (error) {
        const throttle = options.isThrottle(error);
        if (throttle) {
          result.throttled++;
          bucket.refund();
        }
        const retryable = throttle || (options.isRetryable?.(error) ?? false);
        if (!retryable || attempt > maxRetries) {
          result.failed.push({ job, error, attempts: attempt });
          return;
        }
        const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        await clock.sleep(random() * ceiling);
      }
    }
  };

  const worker = async () => {
    for (;;) {
      if (options.shouldStop?.()) {
        for (let r = await nextJob(); r; r = await nextJob()) result.unsent.push(r.value);
        return;
      }
      const next = await nextJob();
      if (!next) return;
      await runJob(next.value);
    }
  };

  await Promise.all(Array.from({ length: concurrency }, worker));
  const done = { ...result, elapsedMs: clock.now() - started };
  if (sourceError) throw new JobSourceError(sourceError.error, done);
  return done;
}
