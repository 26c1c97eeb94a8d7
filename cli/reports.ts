/**
 * `herald post` and `herald import`: send reports to a Herald API (the local stack by
 * default, or --api/--token for a deployed one), with a progress bar on a terminal and a
 * summary of what was created, skipped as a duplicate, or rejected and why.
 *
 * Exit codes: 0 every report was created or was a duplicate; 1 some were rejected or
 * failed (or the feed could not be read); 2 usage error.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFeed } from '@rowanmanning/feed-parser';
import { readLocalStack } from './local';

export { REPORTS_USAGE } from './usage';

const COMMAND_USAGE = {
  post: `Usage: herald post FILE|DIR|- [--api URL] [--token TOKEN] [--concurrency N] [--json] [--quiet]

Posts reports to Herald's POST /reports.
  *.json    a report object {title, body, published?, dateline?, url?, language?, source?},
            or an array of them; an "id" field becomes the Idempotency-Key
  *.jsonl   one report object per line (also *.ndjson)
  *.html    a press-release page: Herald extracts title, date, dateline and text
  *.txt     first line the title, the rest the body
  DIR       every such file in DIR (not recursive), in name order
  -         stdin (JSON, JSON lines, HTML or text, recognised by content)

Prints what was created (201), skipped as a duplicate (200: already stored) and rejected
(4xx, with the fields and problems). Exit code 0 when nothing was rejected or failed, 1
otherwise, 2 for a usage error.
`,
  import: `Usage: herald import FEED_URL|FILE [--api URL] [--token TOKEN] [--limit N] [--concurrency N] [--json] [--quiet]

Reads an RSS or Atom feed (a URL or a file) and posts each item as a report: the item's
HTML content (or summary) as the page, its title, link and date alongside. Each item's
Idempotency-Key is derived from its id (or link), so importing the same feed again posts
only the new items; the others come back as duplicates.
  --limit N   Only the first N items of the feed
`,
} as const;

class ReportsUsageError extends Error {}

/** Where to send reports. */
export interface ApiTarget {
  readonly apiUrl: string;
  readonly token: string;
}

/** --api/--token, then HERALD_API_URL/HERALD_TOKEN, then .herald/local.json. */
export function resolveTarget(values: { api?: string; token?: string }, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ApiTarget {
  const local = readLocalStack(cwd);
  const apiUrl = values.api ?? env['HERALD_API_URL'] ?? local.apiUrl;
  const token = values.token ?? env['HERALD_TOKEN'] ?? local.publisherToken;
  if (!apiUrl) throw new ReportsUsageError('No API: pass --api URL (or set HERALD_API_URL), or run `npm start` so .herald/local.json exists');
  if (!/^https?:\/\/\S+$/.test(apiUrl)) throw new ReportsUsageError(`--api must be an http(s) URL, got "${apiUrl}"`);
  if (!token) throw new ReportsUsageError('No publisher token: pass --token (or set HERALD_TOKEN), or run `npm start` so .herald/local.json exists');
  return { apiUrl: apiUrl.replace(/\/+$/, ''), token };
}

/** One report to send. */
export interface Submission {
  /** Where it came from, for the summary: `file.jsonl:12`, `feed item 3`. */
  readonly source: string;
  readonly contentType: 'application/json' | 'text/html';
  readonly body: string;
  readonly idempotencyKey?: string;
}

export type Outcome =
  | { kind: 'created' | 'duplicate'; source: string; id: string; title: string }
  | { kind: 'rejected'; source: string; status: number; reasons: string[] }
  | { kind: 'failed'; source: string; reason: string };

/** A visible-ASCII Idempotency-Key of at most 255 characters for any string. */
export function idempotencyKeyFor(prefix: string, value: string): string {
  const clean = value.replace(/[^\x21-\x7e]/g, '');
  if (clean === value && prefix.length + value.length + 1 <= 255) return `${prefix}:${value}`;
  return `${prefix}:sha256:${createHash('sha256').update(value).digest('base64url')}`;
}

function jsonSubmission(source: string, value: unknown): Submission {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { id, idempotencyKey, ...rest } = value as Record<string, unknown>;
    const key = typeof idempotencyKey === 'string' ? idempotencyKey : typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
    return { source, contentType: 'application/json', body: JSON.stringify(rest), ...(key ? { idempotencyKey: idempotencyKeyFor('id', key) } : {}) };
  }
  return { source, contentType: 'application/json', body: JSON.stringify(value) };
}

/** The submissions in one file's text, by its kind. */
export function submissionsFromText(name: string, text: string, kind: string): Submission[] {
  switch (kind) {
    case '.json': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return [{ source: name, contentType: 'application/json', body: text }]; // the API names the syntax error
      }
      return Array.isArray(value) ? value.map((v, i) => jsonSubmission(`${name}[${i}]`, v)) : [jsonSubmission(name, value)];
    }
    case '.jsonl':
    case '.ndjson':
      return text
        .split('\n')
        .map((line, i) => ({ line: line.trim(), n: i + 1 }))
        .filter(({ line }) => line !== '')
        .map(({ line, n }) => {
          try {
            return jsonSubmission(`${name}:${n}`, JSON.parse(line));
          } catch {
            return { source: `${name}:${n}`, contentType: 'application/json' as const, body: line };
          }
        });
    case '.html':
    case '.htm':
      return [{ source: name, contentType: 'text/html', body: text }];
    case '.txt': {
      const [first = '', ...rest] = text.replace(/^\uFEFF/, '').split('\n');
      return [jsonSubmission(name, { title: first.trim(), body: rest.join('\n').trim() })];
    }
    default:
      throw new ReportsUsageError(`${name}: not a .json, .jsonl, .ndjson, .html, .htm or .txt file`);
  }
}

/** What kind stdin is, by its first characters. */
function sniff(text: string): string {
  const start = text.trimStart();
  if (start.startsWith('[')) return '.json';
  if (start.startsWith('{')) {
    const lines = start.split('\n').filter((l) => l.trim() !== '');
    const allObjects = lines.length > 1 && lines.every((l) => l.trim().startsWith('{') && l.trim().endsWith('}'));
    return allObjects ? '.jsonl' : '.json';
  }
  if (start.startsWith('<')) return '.html';
  return '.txt';
}

const KINDS = new Set(['.json', '.jsonl', '.ndjson', '.html', '.htm', '.txt']);

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

/** Everything `herald post` will send for its argument. */
export async function collectSubmissions(target: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<Submission[]> {
  if (target === '-') {
    const text = await readStdin(stdin);
    return submissionsFromText('stdin', text, sniff(text));
  }
  let stat;
  try {
    stat = statSync(target);
  } catch {
    throw new ReportsUsageError(`${target}: no such file or directory`);
  }
  if (stat.isDirectory()) {
    const files = readdirSync(target)
      .filter((f) => KINDS.has(extname(f).toLowerCase()))
      .sort();
    if (files.length === 0) throw new ReportsUsageError(`${target}: no .json, .jsonl, .html or .txt files in it`);
    return files.flatMap((f) => submissionsFromText(f, readFileSync(join(target, f), 'utf8'), extname(f).toLowerCase()));
  }
  return submissionsFromText(target, readFileSync(target, 'utf8'), extname(target).toLowerCase());
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Posts one submission, retrying 429 and 5xx (honouring Retry-After) and network errors. */
export async function postSubmission(target: ApiTarget, s: Submission, attempts = 4): Promise<Outcome> {
  let lastReason = '';
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const res = await fetch(`${target.apiUrl}/reports`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${target.token}`,
          'content-type': `${s.contentType}; charset=utf-8`,
          ...(s.idempotencyKey ? { 'idempotency-key': s.idempotencyKey } : {}),
        },
        body: s.body,
      });
      const text = await res.text();
      let data: any;
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
      if (res.status === 201 || res.status === 200) return { kind: res.status === 201 ? 'created' : 'duplicate', source: s.source, id: String(data?.id ?? ''), title: String(data?.title ?? '') };
      if (res.status === 429 || res.status >= 500) {
        lastReason = `HTTP ${res.status}${data?.error?.message ? `: ${data.error.message}` : ''}`;
        const retryAfter = Number(res.headers.get('retry-after'));
        await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) * 1000 : 250 * 2 ** attempt);
        continue;
      }
      const issues: { field: string; problem: string }[] = data?.error?.issues ?? [];
      const reasons = issues.length ? issues.map((i) => `${i.field}: ${i.problem}`) : [String(data?.error?.message ?? data?.message ?? `HTTP ${res.status}`)];
      return { kind: 'rejected', source: s.source, status: res.status, reasons };
    } catch (error) {
      lastReason = (error as Error).cause ? String(((error as Error).cause as Error).message ?? (error as Error).cause) : (error as Error).message;
      await sleep(250 * 2 ** attempt);
    }
  }
  return { kind: 'failed', source: s.source, reason: lastReason || 'no answer' };
}

/** A one-line progress bar on a terminal; nothing otherwise. */
export class ProgressBar {
  private done = 0;
  private readonly counts = { created: 0, duplicate: 0, rejected: 0, failed: 0 };
  private lastDraw = 0;
  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream | { isTTY?: boolean; columns?: number; write(s: string): boolean },
    private readonly enabled = Boolean(out.isTTY),
  ) {}

  tick(outcome: Outcome): void {
    this.done++;
    this.counts[outcome.kind]++;
    const now = Date.now();
    if (this.enabled && (now - this.lastDraw > 50 || this.done === this.total)) {
      this.lastDraw = now;
      this.draw();
    }
  }

  line(): string {
    const width = Math.max(10, Math.min(30, (this.out.columns ?? 80) - 60));
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    const c = this.counts;
    return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${this.done}/${this.total}  created ${c.created} · duplicate ${c.duplicate} · rejected ${c.rejected}${c.failed ? ` · failed ${c.failed}` : ''}`;
  }

  private draw(): void {
    this.out.write(`\r\x1b[2K${this.line()}`);
  }

  finish(): void {
    if (this.enabled) this.out.write('\n');
  }
}

export interface RunIo {
  readonly stdout: { write(s: string): boolean };
  readonly stderr: NodeJS.WriteStream | { isTTY?: boolean; columns?: number; write(s: string): boolean };
  readonly stdin?: NodeJS.ReadableStream;
}

const defaultIo = (): RunIo => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });

/** Sends every submission (N at a time, in order of results), then prints the summary. */
export async function sendAll(target: ApiTarget, submissions: readonly Submission[], opts: { concurrency: number; json: boolean; quiet: boolean }, io: RunIo): Promise<number> {
  const bar = new ProgressBar(submissions.length, io.stderr, !opts.quiet && Boolean(io.stderr.isTTY));
  const outcomes: Outcome[] = new Array(submissions.length);
  let next = 0;
  const worker = async () => {
    while (next < submissions.length) {
      const i = next++;
      outcomes[i] = await postSubmission(target, submissions[i]!);
      bar.tick(outcomes[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, submissions.length) }, worker));
  bar.finish();
  const count = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  const summary = { created: count('created'), duplicate: count('duplicate'), rejected: count('rejected'), failed: count('failed'), outcomes };
  if (opts.json) {
    io.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    io.stdout.write(`${submissions.length} report${submissions.length === 1 ? '' : 's'}: ${summary.created} created, ${summary.duplicate} duplicate (already stored), ${summary.rejected} rejected${summary.failed ? `, ${summary.failed} failed` : ''}\n`);
    for (const o of outcomes) {
      if (o.kind === 'created' || o.kind === 'duplicate') io.stdout.write(`  ${o.kind.padEnd(9)}  ${o.id}  ${o.title.slice(0, 70)}  (${o.source})\n`);
      else if (o.kind === 'rejected') io.stdout.write(`  rejected   ${o.source} (HTTP ${o.status}): ${o.reasons.join('; ')}\n`);
      else if (o.kind === 'failed') io.stdout.write(`  failed     ${o.source}: ${o.reason}\n`);
    }
  }
  return summary.rejected + summary.failed > 0 ? 1 : 0;
}

const COMMON_OPTIONS = {
  api: { type: 'string' },
  token: { type: 'string' },
  concurrency: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function concurrencyOf(raw: string | undefined): number {
  if (raw === undefined) return 4;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new ReportsUsageError('--concurrency must be a whole number from 1 to 32');
  return n;
}

async function guarded(command: keyof typeof COMMAND_USAGE, io: RunIo, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ReportsUsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`herald ${command}: ${error.message}\n\n${COMMAND_USAGE[command]}`);
      return 2;
    }
    io.stderr.write(`herald ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** `herald post FILE|DIR|-`. */
export function runPost(args: string[], io: RunIo = defaultIo()): Promise<number> {
  return guarded('post', io, async () => {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: COMMON_OPTIONS });
    if (values.help) {
      io.stdout.write(COMMAND_USAGE.post);
      return 0;
    }
    if (positionals.length !== 1) throw new ReportsUsageError('post needs exactly one FILE, DIR or - (stdin)');
    const target = resolveTarget(values);
    const submissions = await collectSubmissions(positionals[0]!, io.stdin);
    if (submissions.length === 0) throw new ReportsUsageError(`${positionals[0]}: no reports in it`);
    return sendAll(target, submissions, { concurrency: concurrencyOf(values.concurrency), json: Boolean(values.json), quiet: Boolean(values.quiet) }, io);
  });
}

/** The submissions of a feed's items. */
export function submissionsFromFeed(xml: string, name: string): Submission[] {
  const feed = parseFeed(xml);
  return feed.items.map((item, i) => {
    const page = item.content ?? item.description ?? '';
    const published = item.published ?? item.updated;
    const fields: Record<string, unknown> = {
      html: `<html><body><article>${page}</article></body></html>`,
      ...(item.title ? { title: item.title.replace(/\s+/g, ' ').trim().slice(0, 500) } : {}),
      ...(item.url && /^https?:\/\//.test(item.url) ? { url: item.url } : {}),
      ...(published ? { published: published.toISOString() } : {}),
      ...(feed.language && /^[a-z]{2}\b/i.test(feed.language) ? { language: feed.language.slice(0, 2).toLowerCase() } : {}),
      ...(feed.title ? { source: feed.title.replace(/\s+/g, ' ').trim().slice(0, 200) } : {}),
    };
    const identity = item.id ?? item.url ?? `${item.title ?? ''}\n${page}`;
    return { source: `${name} item ${i + 1}${item.title ? ` “${item.title.slice(0, 50)}”` : ''}`, contentType: 'application/json' as const, body: JSON.stringify(fields), idempotencyKey: idempotencyKeyFor('feed', identity) };
  });
}

/** `herald import FEED_URL|FILE`. */
export function runImport(args: string[], io: RunIo = defaultIo()): Promise<number> {
  return guarded('import', io, async () => {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, limit: { type: 'string' } } });
    if (values.help) {
      io.stdout.write(COMMAND_USAGE.import);
      return 0;
    }
    if (positionals.length !== 1) throw new ReportsUsageError('import needs exactly one feed URL or file');
    const source = positionals[0]!;
    const limit = values.limit === undefined ? Infinity : Number(values.limit);
    if (!(limit === Infinity || (Number.isInteger(limit) && limit > 0))) throw new ReportsUsageError('--limit must be a positive whole number');
    const target = resolveTarget(values);
    let xml: string;
    if (/^https?:\/\//.test(source)) {
      const res = await fetch(source, { headers: { accept: 'application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5' } });
      if (!res.ok) throw new Error(`${source}: HTTP ${res.status}`);
      xml = await res.text();
    } else {
      try {
        xml = readFileSync(source, 'utf8');
      } catch {
        throw new ReportsUsageError(`${source}: no such file (or pass an http(s) URL)`);
      }
    }
    let submissions: Submission[];
    try {
      submissions = submissionsFromFeed(xml, source.split('/').pop() || source);
    } catch (error) {
      throw new Error(`${source} is not an RSS or Atom feed (${(error as Error).message})`);
    }
    if (submissions.length === 0) {
      io.stdout.write('The feed has no items.\n');
      return 0;
    }
    return sendAll(target, submissions.slice(0, limit), { concurrency: concurrencyOf(values.concurrency), json: Boolean(values.json), quiet: Boolean(values.quiet) }, io);
  });
}
