/**
 * Fault injection for the in-process handlers: wraps smithy's Client.prototype.send (every
 * AWS SDK v3 client) so chosen commands fail with AWS's own error names — before the call
 * (throttled: nothing happened) or after it (timed out: it happened, the caller cannot
 * know). Seeded, so a failing run reproduces.
 */
import { Client } from '@smithy/core/client';
import { seededRandom } from '../../shared/prng';

/** One kind of fault. */
export interface FaultRule {
  readonly name: string;
  /** Which calls it may hit: command class name and input. */
  readonly match: (command: string, input: Record<string, any>) => boolean;
  /** Share of matching calls that fail, 0..1. */
  readonly probability: number;
  /** `before`: the call is not made; `after`: it is made, then the caller sees the error. */
  readonly when: 'before' | 'after';
  /** The error's name, e.g. ThrottlingException, TooManyRequestsException, TimeoutError. */
  readonly error: string;
}

/** The tables a command writes to (for matching by table). */
export function tablesOf(input: Record<string, any>): string[] {
  const direct = input['TableName'] ? [String(input['TableName'])] : [];
  const transact = ((input['TransactItems'] as Record<string, any>[] | undefined) ?? []).flatMap((item) => Object.values(item).map((op) => String((op as { TableName?: string }).TableName ?? '')));
  const batch = Object.keys((input['RequestItems'] as Record<string, unknown> | undefined) ?? {});
  return [...direct, ...transact, ...batch];
}

function awsError(name: string): Error {
  const error = new Error(`${name} (injected)`);
  error.name = name;
  Object.assign(error, { $fault: 'client', $metadata: { httpStatusCode: name === 'TimeoutError' ? undefined : 400, attempts: 3 } });
  return error;
}


export interface FaultInjector {
  /** Replaces the active rules (empty: no faults). */
  set(rules: readonly FaultRule[]): void;
  /** Injected faults by rule name. */
  readonly injected: Map<string, number>;
  /** Matching calls seen by rule name (injected or not). */
  readonly seen: Map<string, number>;
}

let injector: FaultInjector | undefined;

/** Installs the injector once per process. */
export function installFaultInjector(seed = 6): FaultInjector {
  if (injector) return injector;
  const random = seededRandom(seed);
  let rules: readonly FaultRule[] = [];
  const injected = new Map<string, number>();
  const seen = new Map<string, number>();
  const proto = Client.prototype as unknown as { send: (...args: unknown[]) => Promise<unknown> };
  const original = proto.send;
  proto.send = async function send(this: unknown, ...args: unknown[]) {
    const command = args[0] as { constructor?: { name?: string }; input?: Record<string, any> } | undefined;
    const name = command?.constructor?.name ?? '';
    const input = command?.input ?? {};
    // Each matching rule rolls in turn; the first that fires decides the fault.
    let fired: FaultRule | undefined;
    for (const rule of rules) {
      if (!rule.match(name, input)) continue;
      seen.set(rule.name, (seen.get(rule.name) ?? 0) + 1);
      if (random() < rule.probability) {
        fired = rule;
        break;
      }
    }
    if (!fired) return original.apply(this, args);
    injected.set(fired.name, (injected.get(fired.name) ?? 0) + 1);
    if (fired.when === 'before') throw awsError(fired.error);
    await original.apply(this, args);
    throw awsError(fired.error);
  };
  injector = { set: (next) => (rules = next), injected, seen };
  return injector;
}
