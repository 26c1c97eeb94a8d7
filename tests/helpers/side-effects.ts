/**
 * Attributing side effects to requests: every AWS SDK call the in-process handlers make
 * goes through smithy's Client.prototype.send, so wrapping it once shows, per request
 * (tracked with AsyncLocalStorage), which DynamoDB writes succeeded and which emails were
 * sent. A request that was refused must have none.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from '@smithy/core/client';

/** Commands that change state: DynamoDB writes (low-level and document client) and SES sends. */
export const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'PutCommand',
  'UpdateItemCommand',
  'UpdateCommand',
  'DeleteItemCommand',
  'DeleteCommand',
  'TransactWriteItemsCommand',
  'TransactWriteCommand',
  'BatchWriteItemCommand',
  'BatchWriteCommand',
  'SendEmailCommand',
  'SendRawEmailCommand',
]);

/** What one tracked piece of work did. */
export interface SideEffects {
  /** Names of the write commands that succeeded. */
  readonly writes: string[];
}

const storage = new AsyncLocalStorage<SideEffects>();
let installed = false;

/** Wraps Client.prototype.send once per process (idempotent). */
export function installSideEffectTracking(): void {
  if (installed) return;
  installed = true;
  const proto = Client.prototype as unknown as { send: (...args: unknown[]) => Promise<unknown> };
  const original = proto.send;
  proto.send = function send(this: unknown, ...args: unknown[]) {
    const effects = storage.getStore();
    const name = (args[0] as { constructor?: { name?: string } } | undefined)?.constructor?.name ?? '';
    const result = original.apply(this, args);
    if (effects && WRITE_COMMANDS.has(name) && result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(
        () => effects.writes.push(name),
        () => undefined,
      );
    }
    return result;
  };
}

/** Runs `fn` and returns its result with the side effects it caused. */
export async function tracked<T>(fn: () => Promise<T>): Promise<{ result: T; effects: SideEffects }> {
  const effects: SideEffects = { writes: [] };
  const result = await storage.run(effects, fn);
  // Let the `then` callbacks of the last sends run.
  await new Promise((resolve) => setImmediate(resolve));
  return { result, effects };
}
