/**
 * The local stand-in for a Lambda DynamoDB event-source mapping: reads the table's stream
 * from DynamoDB Local, keeps only the records the CDK filter would pass (new reports),
 * calls the stream handler with real DynamoDBStreamEvent records in batches of up to 100,
 * and honours partial batch failures: the batch is re-delivered from the first failed
 * record, up to `maxRetries` times, after which the failed records are logged and skipped
 * (where a DLQ would have received them).
 *
 * Position: a new poller starts at TRIM_HORIZON, so reports stored while it was down still
 * alert; with a file checkpoint store it resumes AFTER the last processed sequence number.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type AttributeValue as StreamAttributeValue,
  type _Record as StreamRecord,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue as LambdaAttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { isNewReportRecord } from '../shared/stream-filter';

/** The stream handler's contract: a batch in, optionally the failed items out. */
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void | undefined> | DynamoDBBatchResponse | void | undefined;

/** Where the last processed sequence number of each shard is kept. */
export interface CheckpointStore {
  get(streamArn: string, shardId: string): string | undefined;
  set(streamArn: string, shardId: string, sequenceNumber: string): void;
}

/** Checkpoints in memory (tests: each poller starts at TRIM_HORIZON). */
export function memoryCheckpoints(): CheckpointStore {
  const data = new Map<string, string>();
  return {
    get: (arn, shard) => data.get(`${arn}|${shard}`),
    set: (arn, shard, seq) => void data.set(`${arn}|${shard}`, seq),
  };
}

/** Checkpoints in a JSON file `{ [streamArn]: { [shardId]: sequenceNumber } }`, written atomically. */
export function fileCheckpoints(path: string): CheckpointStore {
  let data: Record<string, Record<string, string>> = {};
  if (existsSync(path)) {
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as typeof data;
    } catch {
      data = {};
    }
  }
  return {
    get: (arn, shard) => data[arn]?.[shard],
    set: (arn, shard, seq) => {
      (data[arn] ??= {})[shard] = seq;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.tmp`, JSON.stringify(data, null, 2));
      renameSync(`${path}.tmp`, path);
    },
  };
}

/** Converts a Streams SDK attribute value to the JSON shape Lambda events carry (B as base64, N as string). */
export function toLambdaAttributeValue(value: StreamAttributeValue): LambdaAttributeValue {
  const v = value as unknown as Record<string, unknown>;
  if (v['S'] !== undefined) return { S: v['S'] as string };
  if (v['N'] !== undefined) return { N: String(v['N']) };
  if (v['B'] !== undefined) return { B: Buffer.from(v['B'] as Uint8Array).toString('base64') };
  if (v['BOOL'] !== undefined) return { BOOL: v['BOOL'] as boolean };
  if (v['NULL'] !== undefined) return { NULL: true } as LambdaAttributeValue;
  if (v['SS'] !== undefined) return { SS: [...(v['SS'] as string[])] };
  if (v['NS'] !== undefined) return { NS: (v['NS'] as unknown[]).map(String) };
  if (v['BS'] !== undefined) return { BS: (v['BS'] as Uint8Array[]).map((b) => Buffer.from(b).toString('base64')) };
  if (v['L'] !== undefined) return { L: (v['L'] as StreamAttributeValue[]).map(toLambdaAttributeValue) };
  if (v['M'] !== undefined) return { M: toLambdaImage(v['M'] as Record<string, StreamAttributeValue>) };
  throw new Error(`Unsupported attribute value: ${JSON.stringify(Object.keys(v))}`);
}

function toLambdaImage(image: Record<string, StreamAttributeValue>): Record<string, LambdaAttributeValue> {
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, toLambdaAttributeValue(v)]));
}

/** Converts one Streams SDK record to a Lambda DynamoDBRecord. */
export function toLambdaRecord(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const d = record.dynamodb ?? {};
  const created = d.ApproximateCreationDateTime;
  const out: DynamoDBRecord = {
    eventID: record.eventID!,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(created !== undefined ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
      ...(d.Keys ? { Keys: toLambdaImage(d.Keys) } : {}),
      ...(d.NewImage ? { NewImage: toLambdaImage(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: toLambdaImage(d.OldImage) } : {}),
      ...(d.SequenceNumber !== undefined ? { SequenceNumber: d.SequenceNumber } : {}),
      ...(d.SizeBytes !== undefined ? { SizeBytes: d.SizeBytes } : {}),
      ...(d.StreamViewType ? { StreamViewType: d.StreamViewType as NonNullable<DynamoDBRecord['dynamodb']>['StreamViewType'] } : {}),
    },
  };
  if (record.userIdentity) out.userIdentity = { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId };
  return out;
}

export interface StreamPollerOptions {
  dynamodbUrl: string;
  tableName: string;
  handler: StreamHandler;
  /** Pause between polls when the stream is idle; default 500 ms. */
  intervalMs?: number;
  /** Records per GetRecords and per handler call; default and maximum 100. */
  batchSize?: number;
  /**
   * Most records (after the filter) per handler call, as the event source mapping's
   * BatchSize counts them; default: no limit beyond batchSize.
   */
  maxBatchRecords?: number;
  /**
   * As BisectBatchOnFunctionError: a failing batch of several records that used up its
   * retries is split in two and each half retried, down to the single failing record,
   * which alone goes to `onFailure`. Default false: the failed record and the rest of its
   * batch are given up together.
   */
  bisectOnError?: boolean;
  /** Re-deliveries of a failed record before it is logged and skipped; default 3. */
  maxRetries?: number;
  /** First re-delivery delay, doubled each time up to 5 s; default 500 ms (0 in tests). */
  retryDelayMs?: number;
  /** Which records reach the handler; default isNewReportRecord (the CDK filter). */
  filter?: (record: DynamoDBRecord) => boolean;
  /** Default: in memory (start at TRIM_HORIZON). */
  checkpoints?: CheckpointStore;
  /**
   * Receives the records given up on after `maxRetries`, as Lambda's on-failure
   * destination (the SQS DLQ in AWS) would.
   */
  onFailure?: (records: DynamoDBRecord[]) => void;
  region?: string;
  log?: (message: string, detail?: unknown) => void;
}

export interface StreamPoller {
  /** Stops polling after the batch in flight; safe to call twice. */
  stop(): Promise<void>;
  /** Resolves once every record available now has been processed (or skipped after retries). */
  drain(): Promise<void>;
}

interface ShardState {
  readonly shardId: string;
  readonly parentShardId: string | undefined;
  iterator: string | undefined;
  closed: boolean;
  failure: { sequenceNumber: string; attempts: number } | undefined;
  /** While bisecting: the most filtered records per handler call. */
  bisectLimit: number | undefined;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((done) => {
    if (ms <= 0 || signal?.aborted) return done();
    const onAbort = () => {
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      done();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const errorName = (error: unknown) => (error as { name?: string } | undefined)?.name ?? '';

/** Starts polling the table's stream in the background. */
export function startStreamPoller(opts: StreamPollerOptions): StreamPoller {
  const region = opts.region ?? 'us-east-1';
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const ddb = new DynamoDBClient({ endpoint: opts.dynamodbUrl, region, credentials });
  const streams = new DynamoDBStreamsClient({ endpoint: opts.dynamodbUrl, region, credentials });
  const intervalMs = opts.intervalMs ?? 500;
  const batchSize = Math.min(Math.max(opts.batchSize ?? 100, 1), 100);
  const maxRetries = opts.maxRetries ?? 3;
  const retryDelayMs = opts.retryDelayMs ?? 500;
  const filter = opts.filter ?? ((r: DynamoDBRecord) => isNewReportRecord(r as Parameters<typeof isNewReportRecord>[0]));
  const checkpoints = opts.checkpoints ?? memoryCheckpoints();
  const log = opts.log ?? ((message: string, detail?: unknown) => console.error(`[stream] ${message}`, ...(detail !== undefined ? [detail] : [])));

  let streamArn: string | undefined;
  const shards = new Map<string, ShardState>();
  const stopper = new AbortController();

  async function resolveStreamArn(): Promise<string> {
    if (streamArn) return streamArn;
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: opts.tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`Table ${opts.tableName} has no stream`);
    streamArn = Table.LatestStreamArn;
    return streamArn;
  }

  async function refreshShards(arn: string): Promise<void> {
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: arn, ...(start ? { ExclusiveStartShardId: start } : {}) }));
      for (const shard of StreamDescription?.Shards ?? ([] as Shard[])) {
        if (!shard.ShardId || shards.has(shard.ShardId)) continue;
        shards.set(shard.ShardId, { shardId: shard.ShardId, parentShardId: shard.ParentShardId, iterator: undefined, closed: false, failure: undefined, bisectLimit: undefined });
      }
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
  }

  async function iteratorFor(arn: string, shard: ShardState, type?: ShardIteratorType, sequenceNumber?: string): Promise<string | undefined> {
    const checkpoint = checkpoints.get(arn, shard.shardId);
    const input =
      type && sequenceNumber
        ? { ShardIteratorType: type, SequenceNumber: sequenceNumber }
        : checkpoint
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: checkpoint }
          : { ShardIteratorType: 'TRIM_HORIZON' as const };
    try {
      const out = await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.shardId, ...input }));
      return out.ShardIterator;
    } catch (error) {
      // The checkpoint fell out of the 24-hour retention window: start from the oldest record.
      if (errorName(error) === 'TrimmedDataAccessException' && input.ShardIteratorType !== 'TRIM_HORIZON') {
        const out = await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.shardId, ShardIteratorType: 'TRIM_HORIZON' }));
        return out.ShardIterator;
      }
      if (errorName(error) === 'ResourceNotFoundException') {
        shard.closed = true;
        return undefined;
      }
      throw error;
    }
  }

  /** Invokes the handler; returns the sequence number to re-deliver from, if any. */
  async function invoke(selected: DynamoDBRecord[]): Promise<string | undefined> {
    const first = selected[0]!.dynamodb!.SequenceNumber!;
    let response: DynamoDBBatchResponse | void | undefined;
    try {
      response = await opts.handler({ Records: selected });
    } catch (error) {
      log(`handler threw; the batch of ${selected.length} will be retried`, error);
      return first;
    }
    const failures = response?.batchItemFailures ?? [];
    if (failures.length === 0) return undefined;
    // Lambda retries from the lowest failed sequence number; an unknown identifier fails the whole batch.
    const positions = failures.map((f) => selected.findIndex((r) => r.dynamodb?.SequenceNumber === f.itemIdentifier));
    if (positions.some((p) => p < 0)) return first;
    return selected[Math.min(...positions)]!.dynamodb!.SequenceNumber!;
  }

  /** Polls one shard once; returns the number of stream records read. */
  async function pollShard(arn: string, shard: ShardState, isDraining: boolean): Promise<number> {
    if (shard.failure && retryDelayMs > 0) {
      const delay = Math.min(retryDelayMs * 2 ** (shard.failure.attempts - 1), 5_000);
      await sleep(delay, isDraining ? undefined : stopper.signal);
      if (stopper.signal.aborted && !isDraining) return 0;
    }
    shard.iterator ??= await iteratorFor(arn, shard);
    if (!shard.iterator) return 0;
    let out;
    try {
      out = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: batchSize }));
    } catch (error) {
      if (['ExpiredIteratorException', 'TrimmedDataAccessException'].includes(errorName(error))) {
        shard.iterator = undefined;
        return 0;
      }
      throw error;
    }
    let records = (out.Records ?? []).map((r) => toLambdaRecord(r, arn, region));
    // A batch holds at most `limit` filtered records: cut the read after the last of them
    // and continue after it (rather than from NextShardIterator) next time.
    const limit = Math.min(opts.maxBatchRecords ?? Infinity, shard.bisectLimit ?? Infinity);
    let cut = false;
    if (limit < Infinity) {
      let count = 0;
      const end = records.findIndex((r) => filter(r) && ++count === limit);
      if (end >= 0 && end < records.length - 1) {
        records = records.slice(0, end + 1);
        cut = true;
      }
    }
    const advance = async () => {
      if (cut) {
        shard.iterator = await iteratorFor(arn, shard, 'AFTER_SEQUENCE_NUMBER', records.at(-1)!.dynamodb!.SequenceNumber!);
        return;
      }
      shard.iterator = out.NextShardIterator;
      if (!out.NextShardIterator) shard.closed = true;
    };
    if (records.length === 0) {
      await advance();
      return 0;
    }
    const selected = records.filter(filter);
    const failedAt = selected.length > 0 ? await invoke(selected) : undefined;
    const last = records.at(-1)!.dynamodb!.SequenceNumber!;
    if (failedAt === undefined) {
      checkpoints.set(arn, shard.shardId, last);
      shard.failure = undefined;
      shard.bisectLimit = undefined;
      await advance();
      return records.length;
    }
    const attempts = shard.failure?.sequenceNumber === failedAt ? shard.failure.attempts + 1 : 1;
    const failedIndex = records.findIndex((r) => r.dynamodb?.SequenceNumber === failedAt);
    const remaining = records.slice(failedIndex).filter(filter);
    if (attempts > maxRetries && opts.bisectOnError && remaining.length > 1) {
      // Split: retry the first half (from the failed record) with fresh retries.
      shard.bisectLimit = Math.floor(remaining.length / 2);
      log(`bisecting a failing batch of ${remaining.length} record(s) after ${attempts} deliveries`);
      if (failedIndex > 0) checkpoints.set(arn, shard.shardId, records[failedIndex - 1]!.dynamodb!.SequenceNumber!);
      shard.failure = undefined;
      shard.iterator = await iteratorFor(arn, shard, 'AT_SEQUENCE_NUMBER', failedAt);
      return records.length;
    }
    if (attempts > maxRetries) {
      const skipped = remaining;
      log(`giving up after ${attempts} deliveries; skipping ${skipped.length} record(s) as a DLQ would`, skipped.map((r) => ({ sequenceNumber: r.dynamodb?.SequenceNumber, keys: r.dynamodb?.Keys })));
      opts.onFailure?.(skipped);
      checkpoints.set(arn, shard.shardId, last);
      shard.failure = undefined;
      shard.bisectLimit = undefined;
      await advance();
      return records.length;
    }
    if (failedIndex > 0) checkpoints.set(arn, shard.shardId, records[failedIndex - 1]!.dynamodb!.SequenceNumber!);
    shard.failure = { sequenceNumber: failedAt, attempts };
    shard.iterator = await iteratorFor(arn, shard, 'AT_SEQUENCE_NUMBER', failedAt);
    return records.length;
  }

  /** One pass over every open shard, parents before children. */
  async function round(isDraining: boolean): Promise<number> {
    const arn = await resolveStreamArn();
    await refreshShards(arn);
    let read = 0;
    for (const shard of shards.values()) {
      if (shard.closed) continue;
      const parent = shard.parentShardId ? shards.get(shard.parentShardId) : undefined;
      if (parent && !parent.closed) continue;
      read += await pollShard(arn, shard, isDraining);
      if (stopper.signal.aborted && !isDraining) break;
    }
    return read;
  }

  // Rounds never overlap: the background loop and drain() queue on one chain.
  let chain: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  }

  const loop = (async () => {
    while (!stopper.signal.aborted) {
      let read = 0;
      try {
        read = await exclusive(() => round(false));
      } catch (error) {
        if (!stopper.signal.aborted) log(`polling ${opts.tableName} failed`, error);
      }
      if (read === 0) await sleep(intervalMs, stopper.signal);
    }
  })();

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        stopper.abort();
        await loop;
        await chain;
        ddb.destroy();
        streams.destroy();
      })();
      return stopped;
    },
    async drain() {
      if (stopper.signal.aborted) throw new Error('stream poller stopped');
      // Two empty passes in a row: the stream has nothing more right now.
      let empty = 0;
      for (let i = 0; i < 10_000 && empty < 2; i++) {
        const read = await exclusive(() => round(true));
        empty = read === 0 ? empty + 1 : 0;
      }
    },
  };
}
