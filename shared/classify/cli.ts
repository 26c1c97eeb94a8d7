/**
 * `herald classify`: JSON lines in, JSON lines out, in input order, streaming.
 *
 * Input line:  {"id","title","body","language"?,"dateline"?}
 * Output line: {"id","countries","mentioned","primaryCountry","regions","themes","primaryTheme"}
 * A malformed line writes {"id" or "line", "error"} to stderr and processing goes on; the exit
 * code is 0 when every line classified, 1 otherwise. Memory stays flat: one line at a time, and
 * stdout backpressure pauses reading.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { getGazetteer } from './gazetteer';
import { classify } from './index';
import { getThemeModel } from './themes';

/**
 * Set a process up to classify a long stream (the `classify` command): build the gazetteer and
 * theme model first, then turn off V8's allocation-site pretenuring. Building keeps everything it
 * allocates, which can teach V8 to place the classifier's per-word objects straight in the old
 * generation; they die within one report, so the old generation then fills with garbage and the
 * peak resident memory of a 6,000-report stream jumped from about 145 MB to 220–235 MB in about
 * one run in three (bench/classify.ts's memory probe, which calls this too). Process-wide, so
 * only for a process that does nothing else: not the Lambdas, not the tests.
 */
export function prepareForStreaming(): void {
  getGazetteer();
  getThemeModel();
  setFlagsFromString('--no-allocation-site-pretenuring');
}

/** The JSON written for one report. */
export function classificationLine(id: unknown, input: { title: string; body: string; language?: string; dateline?: string }): string {
  const c = classify(input);
  return JSON.stringify({
    id,
    countries: c.countries,
    mentioned: c.mentioned,
    primaryCountry: c.primaryCountry,
    regions: c.regions,
    themes: c.themes,
    primaryTheme: c.primaryTheme,
    language: c.language,
  });
}

function validate(value: unknown): { id: unknown; input?: { title: string; body: string; language?: string; dateline?: string }; error?: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { id: undefined, error: 'line is not a JSON object' };
  const v = value as Record<string, unknown>;
  const id = v.id;
  if (typeof id !== 'string' && typeof id !== 'number') return { id: undefined, error: 'missing "id" (string or number)' };
  if (typeof v.title !== 'string') return { id, error: '"title" must be a string' };
  if (typeof v.body !== 'string') return { id, error: '"body" must be a string' };
  if (v.language !== undefined && v.language !== null && typeof v.language !== 'string') return { id, error: '"language" must be a string' };
  if (v.dateline !== undefined && v.dateline !== null && typeof v.dateline !== 'string') return { id, error: '"dateline" must be a string' };
  return {
    id,
    input: {
      title: v.title,
      body: v.body,
      language: typeof v.language === 'string' ? v.language : undefined,
      dateline: typeof v.dateline === 'string' ? v.dateline : undefined,
    },
  };
}

function write(stream: Writable, chunk: string): Promise<void> | undefined {
  if (stream.write(chunk)) return undefined;
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
    stream.once('error', done);
  });
}

/** What `herald classify --stats` writes to stderr at the end, as one JSON line `{"stats": …}`. */
export interface ClassifyStats {
  /** Reports classified (written to stdout). */
  readonly reports: number;
  /** Lines rejected (written to stderr). */
  readonly failed: number;
  /** Input read: characters of JSON lines, line breaks included, and the same in MB (10^6). */
  readonly characters: number;
  readonly megabytes: number;
  readonly seconds: number;
  readonly mbPerSecond: number;
  readonly reportsPerSecond: number;
  /** Resident memory when the stream started (classifier built), and the process's peak, in MiB. */
  readonly rssAtStartMB: number;
  readonly peakRssMB: number;
}

export interface ClassifyCliOptions {
  /** Write a `{"stats": ClassifyStats}` line to stderr when the input ends. */
  readonly stats?: boolean;
}

const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Run the command over the given streams; resolves to the exit code (0 all good, 1 some line failed). */
export async function runClassifyCli(stdin: Readable, stdout: Writable, stderr: Writable, options: ClassifyCliOptions = {}): Promise<number> {
  const rl = createInterface({ input: stdin, crlfDelay: Infinity, terminal: false });
  const started = performance.now();
  const rssAtStart = process.memoryUsage().rss;
  let lineNo = 0;
  let failed = 0;
  let classified = 0;
  let chars = 0;
  for await (const line of rl) {
    lineNo++;
    chars += line.length + 1;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      failed++;
      const wait = write(stderr, `${JSON.stringify({ line: lineNo, error: `invalid JSON: ${(error as Error).message}` })}\n`);
      if (wait) await wait;
      continue;
    }
    const { id, input, error } = validate(parsed);
    if (!input) {
      failed++;
      const where = id === undefined ? { line: lineNo } : { id, line: lineNo };
      const wait = write(stderr, `${JSON.stringify({ ...where, error })}\n`);
      if (wait) await wait;
      continue;
    }
    let out: string;
    try {
      out = classificationLine(id, input);
    } catch (err) {
      failed++;
      const wait = write(stderr, `${JSON.stringify({ id, line: lineNo, error: `classification failed: ${(err as Error).message}` })}\n`);
      if (wait) await wait;
      continue;
    }
    classified++;
    const wait = write(stdout, `${out}\n`);
    if (wait) await wait;
  }
  if (options.stats) {
    const seconds = (performance.now() - started) / 1000;
    const megabytes = chars / 1e6;
    const stats: ClassifyStats = {
      reports: classified,
      failed,
      characters: chars,
      megabytes: Math.round(megabytes * 1e6) / 1e6,
      seconds: Math.round(seconds * 1000) / 1000,
      mbPerSecond: seconds > 0 ? Math.round((megabytes / seconds) * 100) / 100 : 0,
      reportsPerSecond: seconds > 0 ? Math.round(classified / seconds) : 0,
      rssAtStartMB: mib(rssAtStart),
      peakRssMB: mib(process.resourceUsage().maxRSS * 1024),
    };
    const wait = write(stderr, `${JSON.stringify({ stats })}\n`);
    if (wait) await wait;
  }
  return failed > 0 ? 1 : 0;
}
