/**
 * `npm run load`: starts Herald locally (fresh in-memory tables, emulators on free ports),
 * then drives `GET /reports` from a second process (scripts/load-driver.ts, autocannon) on
 * 127.0.0.1 for a bounded time:
 *
 *   1. at the stage's configured rate, spread over several publishers: expect 0 errors;
 *   2. at twice that rate: expect only 429s beyond it (successes ≈ rate × time + burst);
 *   3. one publisher at twice its own rate: again only 429s beyond its limit.
 *
 * Prints requests/s, latency p50/p99, errors and status counts per phase, checks the
 * expectations (exit code 1 when one fails) and writes test-artifacts/reliability/load.json.
 * LOAD_SECONDS (default 10), THROTTLE_RATE/THROTTLE_BURST and PUBLISHER_RATE_LIMIT/
 * PUBLISHER_BURST_LIMIT tune it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.env['POWERTOOLS_LOG_LEVEL'] ??= 'WARN';
// SDK versions are pinned to ones that support Node 20; their notice about later releases is noise.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
const { DEFAULT_CONFIG } = await import('../infra/config');
const { startLocalStack } = await import('../local/stack');
const { rateLimitFromEnv } = await import('../shared/token-bucket');

const seconds = Number(process.env['LOAD_SECONDS'] ?? 10);
const stage = rateLimitFromEnv('THROTTLE_RATE', 'THROTTLE_BURST') ?? { rate: DEFAULT_CONFIG.throttleRate, burst: DEFAULT_CONFIG.throttleBurst };
const perPublisher = rateLimitFromEnv('PUBLISHER_RATE_LIMIT', 'PUBLISHER_BURST_LIMIT') ?? { rate: DEFAULT_CONFIG.publisherThrottleRate, burst: DEFAULT_CONFIG.publisherThrottleBurst };

interface PhaseResult {
  requests: number;
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
}

async function drive(url: string, rate: number, tokens: string[], duration = seconds): Promise<PhaseResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'scripts/load-driver.ts'), JSON.stringify({ url, rate, seconds: duration, connections: 10, tokens })], {
    cwd: root,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as PhaseResult;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

console.log(`Starting Herald locally for a load run (${seconds} s per phase)...`);
const stack = await startLocalStack({ persist: false, throttle: stage, publisherThrottle: perPublisher, log: () => undefined });
const failures: string[] = [];
const phases: Record<string, PhaseResult & { rate: number; expectation: string; ok: boolean }> = {};
try {
  const { createPublisherToken } = await import('../shared/adapters/publishers');
  const { createDocumentClient } = await import('../shared/clients');
  const ddb = createDocumentClient();
  // Enough publishers that the stage, not any one publisher, is the binding limit in phases 1-2.
  const publishers = Math.max(2, Math.ceil((2 * stage.rate) / perPublisher.rate) + 1);
  const tokens: string[] = [];
  for (let i = 0; i < publishers; i++) tokens.push((await createPublisherToken(ddb, stack.tables.Publishers, { publisherId: `load-${i}`, name: `Load ${i}` })).token);
  ddb.destroy();
  for (const token of tokens.slice(0, 3)) {
    await fetch(`${stack.apiUrl}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Border security conference in Dushanbe', body: 'Officials from Tajikistan and Afghanistan met in Dushanbe to discuss border management.' }),
    });
  }
  const url = `${stack.apiUrl}/reports?country=TJK&limit=10`;
  const refill = async (limit: { rate: number; burst: number }) => sleep(Math.ceil((limit.burst / limit.rate) * 1000) + 500);

  // Warm up (module loading, JIT, connections), not counted.
  await drive(url, Math.ceil(stage.rate / 2), tokens, 2);
  await refill(stage);
  const atRate = await drive(url, stage.rate, tokens);
  const okAtRate = atRate.errors === 0 && atRate.timeouts === 0 && atRate.non2xx === 0;
  phases['stage rate'] = { ...atRate, rate: stage.rate, expectation: '0 errors, 0 non-2xx', ok: okAtRate };

  await refill(stage);
  const twice = await drive(url, stage.rate * 2, tokens);
  const maxAccepted = stage.rate * seconds + stage.burst + stage.rate; // + 1 s of slack for timing
  const accepted = twice.statuses['200'] ?? 0;
  const onlyThrottled = twice.errors === 0 && twice.timeouts === 0 && Object.keys(twice.statuses).every((s) => s === '200' || s === '429');
  const okTwice = onlyThrottled && accepted <= maxAccepted && (twice.statuses['429'] ?? 0) > 0;
  phases['2x stage rate'] = { ...twice, rate: stage.rate * 2, expectation: `only 200 and 429; at most ${maxAccepted} accepted`, ok: okTwice };

  await refill(perPublisher);
  const onePublisher = await drive(url, perPublisher.rate * 2, [tokens.at(-1)!]);
  const maxOne = perPublisher.rate * seconds + perPublisher.burst + perPublisher.rate;
  const okOne =
    onePublisher.errors === 0 && Object.keys(onePublisher.statuses).every((s) => s === '200' || s === '429') && (onePublisher.statuses['200'] ?? 0) <= maxOne && (onePublisher.statuses['429'] ?? 0) > 0;
  phases['1 publisher at 2x its rate'] = { ...onePublisher, rate: perPublisher.rate * 2, expectation: `only 200 and 429; at most ${maxOne} accepted`, ok: okOne };
} finally {
  await stack.stop();
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(`\nGET /reports on ${'127.0.0.1'}, ${seconds} s per phase; stage limit ${stage.rate}/s (burst ${stage.burst}) per route, publisher limit ${perPublisher.rate}/s (burst ${perPublisher.burst})\n`);
console.log(`${pad('phase', 28)}${pad('target/s', 10)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('errors', 8)}${pad('statuses', 26)}check`);
for (const [name, p] of Object.entries(phases)) {
  const statuses = Object.entries(p.statuses).map(([s, n]) => `${s}:${n}`).join(' ');
  console.log(`${pad(name, 28)}${pad(p.rate, 10)}${pad(p.requestsPerSecond.toFixed(1), 8)}${pad(p.latencyP50, 8)}${pad(p.latencyP99, 8)}${pad(p.errors + p.timeouts, 8)}${pad(statuses, 26)}${p.ok ? 'ok' : 'FAILED'}: ${p.expectation}`);
  if (!p.ok) failures.push(name);
}
mkdirSync(join(root, 'test-artifacts/reliability'), { recursive: true });
writeFileSync(join(root, 'test-artifacts/reliability/load.json'), `${JSON.stringify({ seconds, stage, perPublisher, phases }, null, 2)}\n`);
if (failures.length > 0) {
  console.error(`\nFailed: ${failures.join(', ')}`);
  process.exitCode = 1;
}
