/**
 * The whole of Herald on this machine: DynamoDB Local and aws-ses-v2-local (unless their
 * URLs are given), the tables, the handlers' environment, the local HTTP API, the stream
 * poller feeding the alert handler, and a development publisher token.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBRecord } from 'aws-lambda';
import { ALERT_ON_REPORT, ROUTES } from '../functions/routes';
import { DEFAULT_CONFIG } from '../infra/config';
import { rateLimitFromEnv, type BucketLimit } from '../shared/token-bucket';
import { startLocalDigests, type LocalDigests } from './digests';
import { startDynamoDbLocal, startSesLocal, localDynamoDbClient, type RunningEmulator } from './emulators';
import { startApiServer, importHandlerModule, type ApiHandler, type RunningApiServer } from './http-server';
import { fileCheckpoints, memoryCheckpoints, startStreamPoller, type StreamHandler, type StreamPoller } from './stream-poller';
import { LOCAL_ROUTES } from './ses-events-endpoint';
import { ensureTables, localTableNames, tableEnv, type TableId } from './tables';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The git-ignored folder for local data: DynamoDB files, signing key, checkpoint, local.json. */
export const defaultDataDir = join(repoRoot, '.herald');

export interface LocalStackOptions {
  /** API port; default PORT or 3000 when persisting, a free port otherwise. */
  port?: number;
  /** Keep data in `<dataDir>` across restarts (DynamoDB files, stream checkpoint, signing key, token). */
  persist: boolean;
  /** Default `<repo>/.herald`. */
  dataDir?: string;
  /** Use a running DynamoDB Local instead of starting one (tests). */
  dynamodbUrl?: string;
  /** Use a running aws-ses-v2-local instead of starting one (tests). */
  sesUrl?: string;
  /** Ports for the emulators this starts; default DYNAMODB_PORT / SES_PORT, else free ports. */
  dynamodbPort?: number;
  sesPort?: number;
  /** Table name prefix; default `herald-local` (tables `herald-local-Reports`, ...). */
  tablePrefix?: string;
  /** Authorizer result cache; default 60 s (tests: 0). */
  authorizerCacheTtlSeconds?: number;
  /**
   * Stage throttling per route (API Gateway's default route settings); default
   * THROTTLE_RATE / THROTTLE_BURST, else the CDK defaults (50/s, burst 100). null: none.
   */
  throttle?: BucketLimit | null;
  /**
   * Per-publisher throttling in the handlers (PUBLISHER_RATE_LIMIT / PUBLISHER_BURST_LIMIT);
   * default those variables, else the CDK defaults (25/s, burst 50). null: none.
   */
  publisherThrottle?: BucketLimit | null;
  /** Run digests on the hourly schedule (minute 0, UTC); default true when persisting (npm start). */
  digestSchedule?: boolean;
  /** How long a failed digest job stays invisible before redelivery; default 1000 ms. */
  digestRetryDelayMs?: number;
  /** Stream poll interval when idle; default 500 ms. */
  pollIntervalMs?: number;
  /** First re-delivery delay of a failed stream batch; default 500 ms. */
  retryDelayMs?: number;
  /** Create the development publisher token; default true. */
  createToken?: boolean;
  /** Least response time of POST /manage/link (MANAGE_LINK_MIN_RESPONSE_MS); default 800 ms. */
  manageLinkMinResponseMs?: number;
  /** Log each API request; default true when persisting. */
  logRequests?: boolean;
  log?: (message: string, detail?: unknown) => void;
}

export interface LocalStack {
  readonly apiUrl: string;
  /** aws-ses-v2-local: SES v2 API, mail viewer at `/`, sent mail at `GET /store`. */
  readonly sesUrl: string;
  readonly dynamodbUrl: string;
  /** The development publisher's bearer token (`Authorization: Bearer <token>`). */
  readonly publisherToken: string;
  readonly tables: Record<TableId, string>;
  /** The environment the handlers run with. */
  readonly env: Record<string, string>;
  /** Resolves once every stream record available now has been handled. */
  drainStream(): Promise<void>;
  /** Digest runs: `digests.run({ dueNow: true })` then `digests.drain()` (see local/digests.ts). */
  readonly digests: LocalDigests;
  /** The API's request handling in-process (the code path behind apiUrl, without a socket). */
  readonly api: ApiHandler;
  /**
   * Stream records given up on after retries and bisection, as the on-failure SQS
   * destination receives them in AWS (persisted runs also append `<dataDir>/dead-letters.jsonl`).
   */
  readonly deadLetters: readonly DynamoDBRecord[];
  /** Stops the poller, the API and the emulators this started; safe to call twice. */
  stop(): Promise<void>;
}

/** What `.herald/local.json` holds. */
export interface LocalInfo {
  apiUrl: string;
  sesUrl: string;
  dynamodbUrl: string;
  publisherToken: string;
  /** Physical table names, so the CLI can reach them (e.g. `herald publishers create`). */
  tables?: Record<string, string>;
}

export function readLocalInfo(dataDir = defaultDataDir): Partial<LocalInfo> | undefined {
  const path = join(dataDir, 'local.json');
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Partial<LocalInfo>;
  } catch {
    return undefined;
  }
}

export function writeLocalInfo(info: LocalInfo, dataDir = defaultDataDir): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'local.json');
  writeFileSync(path, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  return path;
}

/** A 32-byte hex key, generated once into `<dataDir>/signing-key` when persisting. */
function signingKey(persist: boolean, dataDir: string): string {
  if (!persist) return randomBytes(32).toString('hex');
  const path = join(dataDir, 'signing-key');
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (key.length >= 32) return key;
  }
  const key = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}

function envPort(name: string): number | undefined {
  const raw = process.env[name];
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

/** Starts everything; on failure stops whatever it had started. */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const dataDir = resolve(opts.dataDir ?? defaultDataDir);
  const log = opts.log ?? ((message: string, detail?: unknown) => console.error(message, ...(detail !== undefined ? [detail] : [])));
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        log('stopping failed', error);
      }
    }
  };

  try {
    // 1. Emulators.
    let dynamodbUrl = opts.dynamodbUrl;
    let sesUrl = opts.sesUrl;
    const starting: Promise<RunningEmulator | undefined>[] = [
      dynamodbUrl
        ? Promise.resolve(undefined)
        : startDynamoDbLocal({ port: opts.dynamodbPort ?? envPort('DYNAMODB_PORT'), ...(opts.persist ? { dbPath: join(dataDir, 'dynamodb') } : {}) }),
      sesUrl ? Promise.resolve(undefined) : startSesLocal({ port: opts.sesPort ?? envPort('SES_PORT') }),
    ];
    const settled = await Promise.allSettled(starting);
    for (const s of settled) if (s.status === 'fulfilled' && s.value) stoppers.push(s.value.stop);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const [ddbEmu, sesEmu] = settled.map((s) => (s as PromiseFulfilledResult<RunningEmulator | undefined>).value);
    dynamodbUrl ??= ddbEmu!.url;
    sesUrl ??= sesEmu!.url;

    // 2. Tables.
    const tables = localTableNames(opts.tablePrefix ?? 'herald-local');
    const admin = localDynamoDbClient(dynamodbUrl);
    let created: TableId[];
    try {
      created = await ensureTables(admin, tables);
    } finally {
      admin.destroy();
    }

    // 3. The API's address first: handlers need PUBLIC_BASE_URL at module load, and
    //    modules are imported on first use, after the environment is complete.
    const requestedPort = opts.port ?? (opts.persist ? (envPort('PORT') ?? 3000) : 0);
    const env: Record<string, string> = {
      ...tableEnv(tables),
      DYNAMODB_ENDPOINT: dynamodbUrl,
      SES_ENDPOINT: sesUrl,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      SENDER_EMAIL: 'alerts@herald.local',
      SIGNING_KEY: signingKey(opts.persist, dataDir),
      POWERTOOLS_SERVICE_NAME: 'herald-local',
      MANAGE_LINK_MIN_RESPONSE_MS: String(opts.manageLinkMinResponseMs ?? process.env['MANAGE_LINK_MIN_RESPONSE_MS'] ?? 800),
    };
    const publisherThrottle =
      opts.publisherThrottle === undefined
        ? (rateLimitFromEnv('PUBLISHER_RATE_LIMIT', 'PUBLISHER_BURST_LIMIT') ?? { rate: DEFAULT_CONFIG.publisherThrottleRate, burst: DEFAULT_CONFIG.publisherThrottleBurst })
        : opts.publisherThrottle;
    env['PUBLISHER_RATE_LIMIT'] = publisherThrottle ? String(publisherThrottle.rate) : '0';
    env['PUBLISHER_BURST_LIMIT'] = publisherThrottle ? String(publisherThrottle.burst) : '0';
    const stageThrottle =
      opts.throttle === undefined ? (rateLimitFromEnv('THROTTLE_RATE', 'THROTTLE_BURST') ?? { rate: DEFAULT_CONFIG.throttleRate, burst: DEFAULT_CONFIG.throttleBurst }) : opts.throttle;
    Object.assign(process.env, env);
    delete process.env['AWS_SESSION_TOKEN'];
    delete process.env['AWS_PROFILE'];
    const api: RunningApiServer = await startApiServer({
      port: requestedPort,
      authorizerCacheTtlSeconds: opts.authorizerCacheTtlSeconds ?? 60,
      ...(stageThrottle ? { throttle: stageThrottle } : {}),
      // The deployed routes, plus the local-only SES event injection (POST /_local/ses-events).
      routes: [...ROUTES, ...LOCAL_ROUTES],
      logRequests: opts.logRequests ?? opts.persist,
      links: [
        { label: 'Mail viewer (aws-ses-v2-local)', url: sesUrl },
        { label: 'Sent mail as JSON', url: `${sesUrl}/store` },
      ],
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new Error(`Port ${requestedPort} is in use: set PORT to another port (e.g. PORT=3001 npm start).`);
      throw error;
    });
    stoppers.push(api.stop);
    // Set before any request can arrive (no I/O happens between listen and here).
    const publicBaseUrl = api.url;
    env['PUBLIC_BASE_URL'] = publicBaseUrl;
    process.env['PUBLIC_BASE_URL'] = publicBaseUrl;

    // 4. The stream poller, feeding the alert handler.
    let alertHandler: StreamHandler | undefined;
    const deadLetters: DynamoDBRecord[] = [];
    const poller: StreamPoller = startStreamPoller({
      dynamodbUrl,
      tableName: tables.Reports,
      intervalMs: opts.pollIntervalMs ?? 500,
      retryDelayMs: opts.retryDelayMs ?? 500,
      // As the CDK event source mapping: batches of 10, 5 retries, bisect, on-failure DLQ.
      maxBatchRecords: 10,
      maxRetries: 5,
      bisectOnError: true,
      onFailure: (records) => {
        deadLetters.push(...records);
        if (opts.persist) {
          mkdirSync(dataDir, { recursive: true });
          appendFileSync(join(dataDir, 'dead-letters.jsonl'), records.map((r) => `${JSON.stringify({ at: new Date().toISOString(), sequenceNumber: r.dynamodb?.SequenceNumber, keys: r.dynamodb?.Keys })}\n`).join(''));
        }
      },
      checkpoints: opts.persist ? fileCheckpoints(join(dataDir, 'stream-checkpoint.json')) : memoryCheckpoints(),
      handler: async (event) => {
        alertHandler ??= (await importHandlerModule(ALERT_ON_REPORT.entry)).handler as StreamHandler;
        return alertHandler(event);
      },
      log: (message, detail) => log(`[stream] ${message}`, detail),
    });
    stoppers.push(poller.stop);

    // 4b. Digests: the planner on an hourly timer, the sender behind an in-process queue.
    const digests = startLocalDigests({
      tables,
      schedule: opts.digestSchedule ?? opts.persist,
      ...(opts.digestRetryDelayMs !== undefined ? { retryDelayMs: opts.digestRetryDelayMs } : {}),
      log: (message, detail) => log(message, detail),
    });
    stoppers.push(digests.stop);

    // 5. The development publisher token (plaintext kept only in .herald/local.json).
    let publisherToken = '';
    if (opts.createToken ?? true) {
      const { createPublisherToken, findPublisherByToken } = await import('../shared/adapters/publishers');
      const { createDocumentClient } = await import('../shared/clients');
      const ddb = createDocumentClient();
      try {
        // Reuse the token of the last run while the table still knows it and it is not revoked.
        const previous = opts.persist && !created.includes('Publishers') ? readLocalInfo(dataDir)?.publisherToken : undefined;
        const known = previous ? await findPublisherByToken(ddb, tables.Publishers, previous) : undefined;
        if (previous && known && !known.revoked) {
          publisherToken = previous;
        } else {
          ({ token: publisherToken } = await createPublisherToken(ddb, tables.Publishers, { publisherId: 'dev', name: 'Local development publisher' }));
        }
      } finally {
        ddb.destroy();
      }
    }

    let stopping: Promise<void> | undefined;
    return {
      apiUrl: api.url,
      sesUrl,
      dynamodbUrl,
      publisherToken,
      tables,
      env: { ...env },
      drainStream: () => poller.drain(),
      digests,
      api: api.api,
      deadLetters,
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
