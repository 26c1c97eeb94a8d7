/**
 * The load generator of `npm run load`, run as its own process: drives one URL with
 * autocannon at a fixed overall rate for a bounded time, rotating the given bearer tokens
 * over the connections, and prints one JSON line of results on stdout.
 *
 * Input (JSON in argv[2]): { url, rate, seconds, connections, tokens: string[] }
 */
import autocannon from 'autocannon';

interface DriverInput {
  url: string;
  rate: number;
  seconds: number;
  connections: number;
  tokens: string[];
}

const input = JSON.parse(process.argv[2] ?? '{}') as DriverInput;
let next = 0;
const instance = autocannon({
  url: input.url,
  connections: input.connections,
  duration: input.seconds,
  overallRate: input.rate,
  requests: [
    {
      method: 'GET',
      setupRequest: (request: Record<string, unknown>) => {
        const token = input.tokens[next++ % input.tokens.length];
        return { ...request, headers: { ...(request['headers'] as Record<string, string> | undefined), authorization: `Bearer ${token}` } };
      },
    },
  ],
});
instance.on('done', (result: any) => {
  const statuses: Record<string, number> = {};
  for (const [code, stats] of Object.entries((result.statusCodeStats ?? {}) as Record<string, { count: number }>)) statuses[code] = stats.count;
  process.stdout.write(
    `${JSON.stringify({
      requests: result.requests.total as number,
      requestsPerSecond: result.requests.average as number,
      latencyP50: result.latency.p50 as number,
      latencyP99: result.latency.p99 as number,
      latencyMax: result.latency.max as number,
      errors: result.errors as number,
      timeouts: result.timeouts as number,
      non2xx: result.non2xx as number,
      statuses,
    })}\n`,
  );
});
