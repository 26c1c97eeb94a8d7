/**
 * Token buckets: `rate` tokens per second refill a bucket of `burst` tokens; each request
 * takes one. The same algorithm API Gateway uses for stage and route throttling, used
 * locally to emulate it (the per-publisher bucket, shared by function instances, lives in
 * DynamoDB: ./adapters/publisher-rate.ts).
 */

/** Steady-state requests per second and the burst allowed above it. */
export interface BucketLimit {
  readonly rate: number;
  readonly burst: number;
}

/** The outcome of taking a token. */
export type TakeResult = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

/** One token bucket. */
export class TokenBucket {
  private tokens: number;
  private updated: number;

  constructor(
    readonly limit: BucketLimit,
    now = Date.now(),
  ) {
    if (!(limit.rate > 0) || !(limit.burst >= 1)) throw new Error(`A rate limit needs rate > 0 and burst >= 1, got ${JSON.stringify(limit)}`);
    this.tokens = limit.burst;
    this.updated = now;
  }

  /** Takes one token if there is one; otherwise says when the next one arrives. */
  take(now = Date.now()): TakeResult {
    const elapsed = Math.max(0, now - this.updated) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsed * this.limit.rate);
    this.updated = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.limit.rate)) };
  }
}

/** A bucket per key (e.g. per publisher), forgetting idle keys so memory stays bounded. */
export class KeyedTokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly limit: BucketLimit,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string, now = Date.now()): TakeResult {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) {
        // A full bucket is what a forgotten key would get anyway: drop the oldest entries.
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
      bucket = new TokenBucket(this.limit, now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(now);
  }
}

/**
 * A rate limit from two environment variables (requests per second, burst); undefined when
 * the rate is unset or 0 (no limit). Fails fast on anything that is not a number.
 */
export function rateLimitFromEnv(rateVar: string, burstVar: string, env: Readonly<Record<string, string | undefined>> = process.env): BucketLimit | undefined {
  const rawRate = env[rateVar]?.trim();
  if (!rawRate || rawRate === '0') return undefined;
  const rate = Number(rawRate);
  if (!Number.isFinite(rate) || rate <= 0) throw new Error(`${rateVar} must be a positive number of requests per second, got "${rawRate}"`);
  const rawBurst = env[burstVar]?.trim();
  const burst = rawBurst ? Number(rawBurst) : Math.max(1, Math.ceil(rate * 2));
  if (!Number.isFinite(burst) || burst < 1) throw new Error(`${burstVar} must be a number of at least 1, got "${rawBurst}"`);
  return { rate, burst };
}
