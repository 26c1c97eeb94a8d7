/**
 * The DynamoDB tables, described once so that the CDK stack, the local runner and the
 * tests create exactly the same keys and indexes.
 *
 * Every table uses generic string keys `pk`/`sk` (or `pk` alone) so that several item
 * kinds can share a table; the key formats live in the adapters that write them.
 */

/** One global secondary index. */
export interface IndexSpec {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
}

/** A table's shape, independent of CDK or the SDK. */
export interface TableSpec {
  /** Logical id in CDK and default local table name. */
  readonly id: 'Reports' | 'Subscriptions' | 'Deliveries' | 'Publishers';
  /** Environment variable that carries the physical table name to functions. */
  readonly envVar: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly indexes: readonly IndexSpec[];
  /** Stream of new images (drives instant alerts). */
  readonly stream: boolean;
  /** Attribute holding an epoch-seconds expiry, if items expire. */
  readonly ttlAttribute?: string;
}

/** Reports and their tag-index items (`TAG#...`), written together in one transaction. */
export const REPORTS_TABLE: TableSpec = {
  id: 'Reports',
  envVar: 'REPORTS_TABLE',
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [],
  stream: true,
};

/** Subscribers, their rules, e-mail lookups and rate-limit counters. */
export const SUBSCRIPTIONS_TABLE: TableSpec = {
  id: 'Subscriptions',
  envVar: 'SUBSCRIPTIONS_TABLE',
  partitionKey: 'pk',
  sortKey: 'sk',
  // Sparse: only rules of confirmed, active subscribers carry `activePk`, so a query
  // of `ACTIVE#instant` returns exactly the rules an alert must be matched against.
  indexes: [{ indexName: 'byActiveFrequency', partitionKey: 'activePk', sortKey: 'activeSk' }],
  stream: false,
  ttlAttribute: 'expiresAt',
};

/** One item per (email, purpose) delivery: the claim that makes sending idempotent. */
export const DELIVERIES_TABLE: TableSpec = {
  id: 'Deliveries',
  envVar: 'DELIVERIES_TABLE',
  partitionKey: 'pk',
  indexes: [],
  stream: false,
  ttlAttribute: 'expiresAt',
};

/** Publisher tokens, stored only as SHA-256 hashes. */
export const PUBLISHERS_TABLE: TableSpec = {
  id: 'Publishers',
  envVar: 'PUBLISHERS_TABLE',
  partitionKey: 'pk',
  indexes: [],
  stream: false,
};

/** Every table Herald owns. */
export const TABLES = [REPORTS_TABLE, SUBSCRIPTIONS_TABLE, DELIVERIES_TABLE, PUBLISHERS_TABLE] as const;
