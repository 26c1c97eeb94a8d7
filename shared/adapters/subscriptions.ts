/**
 * Subscriptions table adapter.
 *
 * Items (pk / sk):
 * - `EMAIL#<sha256>` / `EMAIL`: the address's subscriber id (lookups never store the address in a key).
 * - `SUBSCRIBER#<id>` / `PROFILE`: address, status, state version, consent record, digest
 *   schedule. The profile of a confirmed subscriber who is not paused is in the sparse
 *   `byActiveFrequency` index too, under `ACTIVE#digest` with `activeSk = <id>#`, so the
 *   digest planner reads each profile just before that subscriber's digest rules.
 * - `SUBSCRIBER#<id>` / `RULE#<ruleId>`: regions, themes, frequency. Rules of confirmed
 *   subscribers carry `activePk` (`ACTIVE#instant`, or `ACTIVE#digest` for daily and weekly
 *   rules) and `activeSk = <id>#<frequency>#<ruleId>`, which puts them in the sparse
 *   `byActiveFrequency` index that alerts and digests read. Pausing takes a subscriber's
 *   profile and rules out of that index (the rules keep `status = active`); resuming puts them back.
 * - `SUPPRESSED#<sha256>` and `BOUNCE#<sha256>`: see ./suppression.ts.
 * - `RATE#<limit>#<key>`: see ./rate-limit.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type BatchWriteCommandOutput, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { emailHash, normaliseEmail, POLICY_VERSION, type DeliveryTime, type Frequency, type Rule, type SubscribeInput, type Weekday } from '../domain/subscription';
import { ConflictError, NotFoundError } from '../errors';
import { InvalidTokenError } from '../domain/tokens';
import { forgetSoftBounces, liftOptOut, suppressHash } from './suppression';

export { isSuppressed } from './suppression';

/** Most rules one subscriber may hold. */
export const MAX_RULES_PER_SUBSCRIBER = 25;

/** Subscriber state. */
export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

/** The stored subscriber profile. */
export interface SubscriberProfile {
  readonly subscriberId: string;
  readonly email: string;
  readonly status: SubscriberStatus;
  /** Bumped on every state change; confirm links are bound to it. */
  readonly version: number;
  readonly timezone: string;
  /** Local hour of daily and weekly digests; absent: the default (08:00). */
  readonly digestHour?: number;
  /** Day of weekly digests; absent: the default (Monday). */
  readonly weeklyDay?: Weekday;
  readonly paused: boolean;
  readonly createdAt: string;
  readonly consent: { readonly requestedAt: string; readonly method: string; readonly policyVersion: string; readonly confirmedAt?: string };
}

/** A stored rule. */
export interface StoredRule extends Rule {
  readonly status: 'pending' | 'active' | 'removed';
  readonly createdAt: string;
  /** How the rule was requested (`api`, `web-form`, `preference-centre`), under which policy, and when it was confirmed. */
  readonly method?: string;
  readonly policyVersion?: string;
  readonly confirmedAt?: string;
  /** Present on active rules: the subscriber's address, so matching needs no extra read. */
  readonly email?: string;
}

const profileKey = (id: string) => ({ pk: `SUBSCRIBER#${id}`, sk: 'PROFILE' });
const ruleKey = (id: string, ruleId: string) => ({ pk: `SUBSCRIBER#${id}`, sk: `RULE#${ruleId}` });
const emailKey = (email: string) => ({ pk: `EMAIL#${emailHash(email)}`, sk: 'EMAIL' });

/** Deterministic rule id, so the same request twice adds one rule. */
function ruleIdOf(subscriberId: string, input: Pick<SubscribeInput, 'regions' | 'themes' | 'frequency' | 'language'>): string {
  const canonical = JSON.stringify([subscriberId, [...input.regions].sort(), [...input.themes].sort(), input.frequency, input.language ?? null]);
  return `rule_${createHash('sha256').update(canonical).digest('base64url').slice(0, 16)}`;
}

/** The result of a subscription request. */
export interface SubscriptionRequest {
  readonly profile: SubscriberProfile;
  readonly rule: StoredRule;
  /** False when the same rule had already been requested. */
  readonly ruleCreated: boolean;
}

/**
 * Records a subscription request: creates the subscriber (pending) on first contact and a
 * pending rule. Confirmed or unsubscribed subscribers stay as they are until the new
 * rule is confirmed, so nobody can add rules to someone else's address.
 */
export async function requestSubscription(
  ddb: DynamoDBDocumentClient,
  table: string,
  input: SubscribeInput,
  opts: { now: Date; method: string },
): Promise<SubscriptionRequest> {
  const email = normaliseEmail(input.email);
  const now = opts.now.toISOString();
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await findSubscriberByEmail(ddb, table, email);
    const profile: SubscriberProfile = existing?.profile ?? {
      subscriberId: `sub_${randomUUID().replace(/-/g, '')}`,
      email,
      status: 'pending',
      version: 1,
      timezone: input.timezone ?? 'UTC',
      ...(input.digestHour !== undefined ? { digestHour: input.digestHour } : {}),
      ...(input.weeklyDay ? { weeklyDay: input.weeklyDay } : {}),
      paused: false,
      createdAt: now,
      consent: { requestedAt: now, method: opts.method, policyVersion: POLICY_VERSION },
    };
    const ruleId = ruleIdOf(profile.subscriberId, input);
    const existingRule = existing?.rules.find((r) => r.ruleId === ruleId && r.status !== 'removed');
    if (existingRule) return { profile, rule: existingRule, ruleCreated: false };
    if ((existing?.rules.filter((r) => r.status !== 'removed').length ?? 0) >= MAX_RULES_PER_SUBSCRIBER) {
      throw new ConflictError(`An address may hold at most ${MAX_RULES_PER_SUBSCRIBER} rules; remove one first`);
    }
    const rule: StoredRule = {
      ruleId,
      subscriberId: profile.subscriberId,
      regions: input.regions,
      themes: input.themes,
      frequency: input.frequency,
      ...(input.language ? { language: input.language } : {}),
      status: 'pending',
      createdAt: now,
      method: opts.method,
      policyVersion: POLICY_VERSION,
    };
    const writes: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [];
    if (!existing) {
      writes.push({ Put: { TableName: table, Item: { ...emailKey(email), subscriberId: profile.subscriberId }, ConditionExpression: 'attribute_not_exists(pk)' } });
      writes.push({ Put: { TableName: table, Item: { ...profileKey(profile.subscriberId), kind: 'profile', ...profile }, ConditionExpression: 'attribute_not_exists(pk)' } });
    } else {
      // Guards against a concurrent erasure of the subscriber between read and write.
      writes.push({ ConditionCheck: { TableName: table, Key: profileKey(profile.subscriberId), ConditionExpression: 'attribute_exists(pk)' } });
    }
    writes.push({ Put: { TableName: table, Item: { ...ruleKey(profile.subscriberId, ruleId), kind: 'rule', ...rule } } });
    try {
      await ddb.send(new TransactWriteCommand({ TransactItems: writes }));
      return { profile, rule, ruleCreated: true };
    } catch (error) {
      // Another request created or removed the subscriber meanwhile: read again and retry.
      if (error instanceof TransactionCanceledException) continue;
      throw error;
    }
  }
  throw new ConflictError('The subscription changed while it was being saved; please try again');
}

/** The subscriber with that address, with their rules, if any. */
export async function findSubscriberByEmail(ddb: DynamoDBDocumentClient, table: string, email: string) {
  const { Item } = await ddb.send(new GetCommand({ TableName: table, Key: emailKey(email), ConsistentRead: true }));
  if (!Item) return undefined;
  return getSubscriber(ddb, table, String(Item['subscriberId']));
}

/** A subscriber's profile and rules, or undefined. */
export async function getSubscriber(ddb: DynamoDBDocumentClient, table: string, subscriberId: string): Promise<{ profile: SubscriberProfile; rules: StoredRule[] } | undefined> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `SUBSCRIBER#${subscriberId}` },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const profileItem = items.find((i) => i['sk'] === 'PROFILE');
  if (!profileItem) return undefined;
  const strip = ({ pk: _pk, sk: _sk, kind: _kind, activePk: _a, activeSk: _b, ...rest }: Record<string, unknown>) => rest;
  return {
    profile: strip(profileItem) as unknown as SubscriberProfile,
    rules: items.filter((i) => String(i['sk']).startsWith('RULE#')).map((i) => strip(i) as unknown as StoredRule),
  };
}

/** The index partition of a frequency's rules: one for instant alerts, one for both digests (with the profiles). */
export function activePartition(frequency: Frequency): string {
  return frequency === 'instant' ? 'ACTIVE#instant' : DIGEST_PARTITION;
}

/** Where digest rules and the profiles of active subscribers are in the `byActiveFrequency` index. */
export const DIGEST_PARTITION = 'ACTIVE#digest';

/** Index keys of a rule: by subscriber, then frequency, so a subscriber's daily rules come together, then the weekly ones. */
function ruleIndexKeys(subscriberId: string, ruleId: string, frequency: Frequency): { activePk: string; activeSk: string } {
  return { activePk: activePartition(frequency), activeSk: `${subscriberId}#${frequency}#${ruleId}` };
}

/** Index keys of a profile: just before its own digest rules. */
const PROFILE_INDEX_VALUES = (subscriberId: string) => ({ ':ppk': DIGEST_PARTITION, ':psk': `${subscriberId}#` });

function activeAttributes(profile: SubscriberProfile, rule: StoredRule) {
  const keys = ruleIndexKeys(profile.subscriberId, rule.ruleId, rule.frequency);
  return { ':active': 'active', ':apk': keys.activePk, ':ask': keys.activeSk, ':email': profile.email };
}

/**
 * Confirms a subscriber's pending rules (double opt-in). The link is bound to the state
 * version it was issued for: after a confirmation it cannot be replayed into a later state.
 * Confirming twice is harmless.
 */
export async function confirmSubscriber(ddb: DynamoDBDocumentClient, table: string, subscriberId: string, version: number, now: Date): Promise<{ profile: SubscriberProfile; activated: StoredRule[] }> {
  const found = await getSubscriber(ddb, table, subscriberId);
  if (!found) throw new NotFoundError('This subscription no longer exists');
  const { profile, rules } = found;
  const pending = rules.filter((r) => r.status === 'pending');
  if (pending.length === 0 && profile.status === 'confirmed') return { profile, activated: [] };
  // The same link again right after it confirmed (a retry whose first answer was lost): done already.
  if (profile.status === 'confirmed' && profile.version === version + 1) return { profile, activated: [] };
  if (profile.version !== version) throw new InvalidTokenError('it has already been used or replaced by a newer one');
  const confirmed: SubscriberProfile = { ...profile, status: 'confirmed', version: profile.version + 1, consent: { ...profile.consent, confirmedAt: now.toISOString() } };
  await ddb.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table,
            Key: profileKey(subscriberId),
            // The profile joins the digest partition of the index with its rules (unless paused).
            UpdateExpression: `SET #status = :confirmed, #version = :next, consent.confirmedAt = :now${profile.paused ? '' : ', activePk = :ppk, activeSk = :psk'}`,
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: {
              ':confirmed': 'confirmed',
              ':next': confirmed.version,
              ':version': version,
              ':now': now.toISOString(),
              ...(profile.paused ? {} : PROFILE_INDEX_VALUES(subscriberId)),
            },
          },
        },
        ...pending.map((rule) => ({
          Update: {
            TableName: table,
            Key: ruleKey(subscriberId, rule.ruleId),
            // A paused subscriber's rules are active but stay out of the index until resumed.
            UpdateExpression: profile.paused
              ? 'SET #status = :active, email = :email, confirmedAt = :now'
              : 'SET #status = :active, activePk = :apk, activeSk = :ask, email = :email, confirmedAt = :now',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: profile.paused
              ? { ':active': 'active', ':email': profile.email, ':now': now.toISOString() }
              : { ...activeAttributes(profile, rule), ':now': now.toISOString() },
          },
        })),
      ],
    }),
  );
  // A new confirmed opt-in lifts an earlier erasure's opt-out (never a bounce or complaint).
  await liftOptOut(ddb, table, profile.email);
  return { profile: confirmed, activated: pending.map((r) => ({ ...r, status: 'active' as const, email: profile.email })) };
}

/**
 * Unsubscribes from one rule or from everything. Takes effect at once: the rules leave
 * the active index before this returns. Unsubscribing twice is harmless.
 */
export async function unsubscribe(ddb: DynamoDBDocumentClient, table: string, subscriberId: string, ruleId?: string): Promise<{ removed: number }> {
  const found = await getSubscriber(ddb, table, subscriberId);
  if (!found) return { removed: 0 };
  const targets = found.rules.filter((r) => r.status !== 'removed' && (ruleId === undefined || r.ruleId === ruleId));
  const ruleUpdates = targets.map((rule) => ({
    Update: {
      TableName: table,
      Key: ruleKey(subscriberId, rule.ruleId),
      UpdateExpression: 'SET #status = :removed REMOVE activePk, activeSk, email',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':removed': 'removed' },
    },
  }));
  const remaining = found.rules.filter((r) => r.status !== 'removed').length - targets.length;
  const profileUpdate =
    remaining === 0 && found.profile.status !== 'unsubscribed'
      ? [
          {
            Update: {
              TableName: table,
              Key: profileKey(subscriberId),
              UpdateExpression: 'SET #status = :unsubscribed, #version = #version + :one REMOVE activePk, activeSk',
              ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
              ExpressionAttributeValues: { ':unsubscribed': 'unsubscribed', ':one': 1 },
            },
          },
        ]
      : [];
  const writes = [...ruleUpdates, ...profileUpdate];
  // A transaction holds at most 100 actions; rules per subscriber are capped well below.
  if (writes.length > 0) await ddb.send(new TransactWriteCommand({ TransactItems: writes }));
  return { removed: targets.length };
}

/** Streams the items of one partition of the sparse index, page by page, in `activeSk` order. */
export async function* activeItems(ddb: DynamoDBDocumentClient, table: string, partition: string): AsyncGenerator<Record<string, unknown>> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'byActiveFrequency',
        KeyConditionExpression: 'activePk = :apk',
        ExpressionAttributeValues: { ':apk': partition },
        ExclusiveStartKey: startKey,
      }),
    );
    yield* page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Streams the active instant rules from the sparse index. */
export async function* activeInstantRules(ddb: DynamoDBDocumentClient, table: string): AsyncGenerator<StoredRule & { email: string }> {
  for await (const item of activeItems(ddb, table, activePartition('instant'))) yield item as unknown as StoredRule & { email: string };
}

/** The fields of a rule a subscriber can set. */
export type RuleInput = Pick<SubscribeInput, 'regions' | 'themes' | 'frequency' | 'language'>;

function indexAttributes(profile: SubscriberProfile, ruleId: string, frequency: Frequency): Record<string, string> {
  return profile.paused ? {} : ruleIndexKeys(profile.subscriberId, ruleId, frequency);
}

/**
 * Adds a rule from the preference centre, or replaces one (`replaceRuleId`). The manage
 * link already proves the mailbox, so the rule of a confirmed subscriber is active at
 * once (in the index unless paused). The same rule twice is one rule.
 */
export async function saveRule(
  ddb: DynamoDBDocumentClient,
  table: string,
  subscriberId: string,
  input: RuleInput,
  opts: { now: Date; replaceRuleId?: string },
): Promise<{ rule: StoredRule; created: boolean }> {
  const found = await getSubscriber(ddb, table, subscriberId);
  if (!found) throw new NotFoundError('This subscription no longer exists');
  const { profile, rules } = found;
  // Pending subscribers confirm first; an unsubscribed one starts again (the manage link proves the mailbox).
  if (profile.status === 'pending') throw new ConflictError('Confirm your subscription first: follow the link in the confirmation email');
  const live = rules.filter((r) => r.status !== 'removed');
  const replaced = opts.replaceRuleId ? live.find((r) => r.ruleId === opts.replaceRuleId) : undefined;
  if (opts.replaceRuleId && !replaced) throw new NotFoundError('That rule no longer exists');
  const ruleId = ruleIdOf(subscriberId, input);
  const same = live.find((r) => r.ruleId === ruleId);
  if (same && same.status === 'active' && (!replaced || replaced.ruleId === ruleId)) return { rule: same, created: false };
  if (!same && !replaced && live.length >= MAX_RULES_PER_SUBSCRIBER) {
    throw new ConflictError(`An address may hold at most ${MAX_RULES_PER_SUBSCRIBER} rules; remove one first`);
  }
  const now = opts.now.toISOString();
  const rule: StoredRule = {
    ruleId,
    subscriberId,
    regions: input.regions,
    themes: input.themes,
    frequency: input.frequency,
    ...(input.language ? { language: input.language } : {}),
    status: 'active',
    createdAt: same?.createdAt ?? now,
    method: 'preference-centre',
    policyVersion: POLICY_VERSION,
    confirmedAt: now,
    email: profile.email,
  };
  const writes: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
    profile.status === 'unsubscribed'
      ? {
          Update: {
            TableName: table,
            Key: profileKey(subscriberId),
            UpdateExpression: `SET #status = :confirmed, #version = #version + :one, consent.confirmedAt = :now${profile.paused ? '' : ', activePk = :ppk, activeSk = :psk'}`,
            ConditionExpression: '#status = :unsubscribed',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: { ':confirmed': 'confirmed', ':unsubscribed': 'unsubscribed', ':one': 1, ':now': now, ...(profile.paused ? {} : PROFILE_INDEX_VALUES(subscriberId)) },
          },
        }
      : { ConditionCheck: { TableName: table, Key: profileKey(subscriberId), ConditionExpression: '#status = :confirmed', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':confirmed': 'confirmed' } } },
    { Put: { TableName: table, Item: { ...ruleKey(subscriberId, ruleId), kind: 'rule', ...rule, ...indexAttributes(profile, ruleId, rule.frequency) } } },
  ];
  if (replaced && replaced.ruleId !== ruleId) {
    writes.push({
      Update: {
        TableName: table,
        Key: ruleKey(subscriberId, replaced.ruleId),
        UpdateExpression: 'SET #status = :removed REMOVE activePk, activeSk, email',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':removed': 'removed' },
      },
    });
  }
  try {
    await ddb.send(new TransactWriteCommand({ TransactItems: writes }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new ConflictError('The subscription changed while it was being saved; please try again');
    throw error;
  }
  return { rule, created: !same };
}

/**
 * Pauses or resumes everything. Paused rules stay `active` but leave the
 * `byActiveFrequency` index, so alerts and digests skip them without any extra check;
 * resuming puts them back.
 */
export async function setPaused(ddb: DynamoDBDocumentClient, table: string, subscriberId: string, paused: boolean): Promise<void> {
  const found = await getSubscriber(ddb, table, subscriberId);
  if (!found) throw new NotFoundError('This subscription no longer exists');
  const { profile, rules } = found;
  const active = rules.filter((r) => r.status === 'active');
  await ddb.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table,
            Key: profileKey(subscriberId),
            // The profile leaves the index with the rules, and a confirmed one comes back with them.
            UpdateExpression: paused ? 'SET paused = :paused REMOVE activePk, activeSk' : `SET paused = :paused${profile.status === 'confirmed' ? ', activePk = :ppk, activeSk = :psk' : ''}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':paused': paused, ...(!paused && profile.status === 'confirmed' ? PROFILE_INDEX_VALUES(subscriberId) : {}) },
          },
        },
        ...active.map((rule) => ({
          Update: paused
            ? {
                TableName: table,
                Key: ruleKey(subscriberId, rule.ruleId),
                UpdateExpression: 'REMOVE activePk, activeSk',
                ConditionExpression: '#status = :active',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':active': 'active' },
              }
            : {
                TableName: table,
                Key: ruleKey(subscriberId, rule.ruleId),
                UpdateExpression: 'SET activePk = :apk, activeSk = :ask, email = :email',
                ConditionExpression: '#status = :active',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ...activeAttributes(profile, rule), ':active': 'active' } as Record<string, unknown>,
              },
        })),
      ],
    }),
  );
}

/**
 * Sets when the subscriber's digests arrive: time zone, and (when given) the local hour and
 * the weekly digest's day. The next planner run reads them; a digest already delivered for
 * the current period is not sent again (the delivery record is per period).
 */
export async function setDeliveryTime(ddb: DynamoDBDocumentClient, table: string, subscriberId: string, time: DeliveryTime): Promise<void> {
  const names: Record<string, string> = { '#tz': 'timezone' };
  const values: Record<string, unknown> = { ':tz': time.timezone };
  const sets = ['#tz = :tz'];
  if (time.digestHour !== undefined) {
    names['#hour'] = 'digestHour';
    values[':hour'] = time.digestHour;
    sets.push('#hour = :hour');
  }
  if (time.weeklyDay !== undefined) {
    names['#day'] = 'weeklyDay';
    values[':day'] = time.weeklyDay;
    sets.push('#day = :day');
  }
  await ddb.send(
    new UpdateCommand({
      TableName: table,
      Key: profileKey(subscriberId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Everything Herald holds about a subscriber, as they may download it. */
export async function exportSubscriber(ddb: DynamoDBDocumentClient, table: string, subscriberId: string, now = new Date()) {
  const found = await getSubscriber(ddb, table, subscriberId);
  if (!found) throw new NotFoundError('This subscription no longer exists');
  const { profile, rules } = found;
  return {
    exportedAt: now.toISOString(),
    subscriber: {
      subscriberId: profile.subscriberId,
      email: profile.email,
      status: profile.status,
      timezone: profile.timezone,
      ...(profile.digestHour !== undefined ? { digestHour: profile.digestHour } : {}),
      ...(profile.weeklyDay ? { weeklyDay: profile.weeklyDay } : {}),
      paused: profile.paused,
      createdAt: profile.createdAt,
      consent: profile.consent,
    },
    rules: rules.map((r) => ({
      ruleId: r.ruleId,
      status: r.status,
      regions: r.regions,
      themes: r.themes,
      frequency: r.frequency,
      ...(r.language ? { language: r.language } : {}),
      createdAt: r.createdAt,
      ...(r.method ? { method: r.method } : {}),
      ...(r.policyVersion ? { policyVersion: r.policyVersion } : {}),
      ...(r.confirmedAt ? { confirmedAt: r.confirmedAt } : {}),
    })),
  };
}

/**
 * Erases a subscriber: every item of theirs goes, and only the hash of the address stays,
 * on the suppression list, so the opt-out is still honoured. The suppression is written
 * first, so nothing can be sent in between.
 */
export async function eraseSubscriber(ddb: DynamoDBDocumentClient, table: string, subscriberId: string, now = new Date()): Promise<{ erased: boolean }> {
  const found = await getSubscriber(ddb, table, subscriberId);
  if (!found) return { erased: false };
  const { profile, rules } = found;
  await suppressHash(ddb, table, emailHash(profile.email), 'erased', now);
  await forgetSoftBounces(ddb, table, profile.email);
  // Rules first (they leave the index), then the lookup, then the profile.
  const keys = [...rules.map((r) => ruleKey(subscriberId, r.ruleId)), emailKey(profile.email), profileKey(subscriberId)];
  for (let i = 0; i < keys.length; i += 25) {
    let requests: Record<string, unknown>[] | undefined = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; requests && requests.length > 0 && attempt < 5; attempt++) {
      const result: BatchWriteCommandOutput = await ddb.send(new BatchWriteCommand({ RequestItems: { [table]: requests as never } }));
      requests = result.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
    }
    if (requests && requests.length > 0) throw new Error('Erasure left items unprocessed; retry');
  }
  return { erased: true };
}
