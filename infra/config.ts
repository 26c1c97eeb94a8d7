/**
 * Deployment settings, read from CDK context (`cdk.json` or `-c key=value`), with
 * defaults that let `cdk synth` run offline without any context at all.
 */
import type { Node } from 'constructs';

export interface HeraldConfig {
  /** Deployment stage; prefixes the stack names (e.g. `Herald-dev-Stateful`). */
  readonly stage: string;
  /** From address of every email; its domain is the SES identity the functions may send as. */
  readonly senderEmail: string;
  /** Optional SES configuration set (for bounce/complaint tracking). */
  readonly sesConfigurationSet?: string;
  /** Base URL of links in emails; defaults to the HTTP API's endpoint. */
  readonly publicBaseUrl?: string;
  /** Steady-state requests per second allowed on every route of the API stage. */
  readonly throttleRate: number;
  /** Burst of requests allowed on every route of the API stage. */
  readonly throttleBurst: number;
  /** Steady-state requests per second per publisher (per function instance; see README). */
  readonly publisherThrottleRate: number;
  /** Burst of requests per publisher. */
  readonly publisherThrottleBurst: number;
  /** Operator address subscribed to the alarm topic (SNS asks it to confirm). */
  readonly alarmEmail?: string;
}

export const DEFAULT_CONFIG = {
  stage: 'dev',
  senderEmail: 'alerts@example.org',
  throttleRate: 50,
  throttleBurst: 100,
  publisherThrottleRate: 25,
  publisherThrottleBurst: 50,
} as const;

function str(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function positiveNumber(node: Node, key: string, fallback: number): number {
  const raw = str(node, key);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`Context "${key}" must be a positive number, got "${raw}"`);
  }
  return value;
}

/** Reads and validates the Herald settings from the context of `node`. */
export function readConfig(node: Node): HeraldConfig {
  const stage = str(node, 'stage') ?? DEFAULT_CONFIG.stage;
  if (!/^[A-Za-z][A-Za-z0-9-]{0,30}$/.test(stage)) {
    throw new Error(`Context "stage" must be alphanumeric (dashes allowed), got "${stage}"`);
  }
  const senderEmail = str(node, 'senderEmail') ?? DEFAULT_CONFIG.senderEmail;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(senderEmail)) {
    throw new Error(`Context "senderEmail" must be an email address, got "${senderEmail}"`);
  }
  const publicBaseUrl = str(node, 'publicBaseUrl');
  if (publicBaseUrl !== undefined && !/^https?:\/\/\S+$/.test(publicBaseUrl)) {
    throw new Error(`Context "publicBaseUrl" must be an http(s) URL, got "${publicBaseUrl}"`);
  }
  const sesConfigurationSet = str(node, 'sesConfigurationSet');
  const alarmEmail = str(node, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
    throw new Error(`Context "alarmEmail" must be an email address, got "${alarmEmail}"`);
  }
  return {
    stage,
    senderEmail,
    ...(sesConfigurationSet ? { sesConfigurationSet } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(publicBaseUrl ? { publicBaseUrl: publicBaseUrl.replace(/\/+$/, '') } : {}),
    throttleRate: positiveNumber(node, 'throttleRate', DEFAULT_CONFIG.throttleRate),
    throttleBurst: Math.round(positiveNumber(node, 'throttleBurst', DEFAULT_CONFIG.throttleBurst)),
    publisherThrottleRate: positiveNumber(node, 'publisherThrottleRate', DEFAULT_CONFIG.publisherThrottleRate),
    publisherThrottleBurst: Math.round(positiveNumber(node, 'publisherThrottleBurst', DEFAULT_CONFIG.publisherThrottleBurst)),
  };
}
