/**
 * Subscribers and their rules, and matching a classified report against rules.
 * Pure: no AWS imports.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isRegionCode } from '../taxonomy/m49';
import { isThemeId } from '../taxonomy/themes';

/** How often a rule's matches are sent. */
export const FREQUENCIES = ['instant', 'daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Days of the week, ISO order (Monday first): the day a weekly digest arrives. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local hour of daily and weekly digests when the subscriber has not chosen one. */
export const DEFAULT_DIGEST_HOUR = 8;
/** Day of weekly digests when the subscriber has not chosen one. */
export const DEFAULT_WEEKLY_DAY: Weekday = 'monday';

/** Version of the privacy notice a subscriber consents to. */
export const POLICY_VERSION = '2026-11-01';

/** Most regions or themes one rule may name. */
export const MAX_CODES_PER_RULE = 50;

/** Normalises an address for lookups: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** SHA-256 (hex) of a normalised address: the key of lookups and of the suppression list. */
export function emailHash(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

const regionCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isRegionCode, { message: 'is not an ISO 3166-1 alpha-3 country or a UN M49 area code' });

const themeId = z
  .string()
  .trim()
  .refine(isThemeId, { message: 'is not a theme id of the taxonomy (see GET /taxonomy or TAXONOMY.md)' });

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().max(64).refine(isTimeZone, { message: 'is not an IANA time zone such as Asia/Dushanbe' });
const HOUR_PROBLEM = 'must be a whole hour from 0 to 23';
const digestHour = z.int({ message: HOUR_PROBLEM }).min(0, HOUR_PROBLEM).max(23, HOUR_PROBLEM);
const weeklyDay = z.enum(WEEKDAYS, { message: `must be one of ${WEEKDAYS.join(', ')}` });

/** The JSON body of `POST /subscriptions`: an address and its first rule. */
export const SubscribeInputSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email({ message: 'is not a valid email address' })),
  regions: z.array(regionCode).max(MAX_CODES_PER_RULE, `must list at most ${MAX_CODES_PER_RULE} regions`).default([]),
  themes: z.array(themeId).max(MAX_CODES_PER_RULE, `must list at most ${MAX_CODES_PER_RULE} themes`).default([]),
  frequency: z.enum(FREQUENCIES, { message: `must be one of ${FREQUENCIES.join(', ')}` }).default('instant'),
  language: z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as en, ru or fr').optional(),
  timezone: timeZone.optional(),
  /** Local hour of the subscriber's digests (new subscribers only; later, the preference centre). */
  digestHour: digestHour.optional(),
  /** Day of the subscriber's weekly digests (new subscribers only; later, the preference centre). */
  weeklyDay: weeklyDay.optional(),
});

/**
 * When a subscriber's digests arrive: their time zone, the local hour of daily and weekly
 * digests, and the weekday of weekly ones (the preference centre's "delivery time" form).
 */
export const DeliveryTimeSchema = z.strictObject({
  timezone: timeZone,
  digestHour: digestHour.optional(),
  weeklyDay: weeklyDay.optional(),
});

export type DeliveryTime = z.output<typeof DeliveryTimeSchema>;

export type SubscribeInput = z.output<typeof SubscribeInputSchema>;

/** A subscription rule: which reports, how often. Empty lists match everything. */
export interface Rule {
  readonly ruleId: string;
  readonly subscriberId: string;
  readonly regions: readonly string[];
  readonly themes: readonly string[];
  readonly frequency: Frequency;
  readonly language?: string;
}

/** What a report offers to matching: every region key that covers it, and its theme ids. */
export interface MatchableReport {
  readonly regionKeys: readonly string[];
  readonly themeIds: readonly string[];
}

/** True when the rule wants the report: any region and any theme match (empty lists match all). */
export function ruleMatches(rule: Pick<Rule, 'regions' | 'themes'>, report: MatchableReport): boolean {
  const regionOk = rule.regions.length === 0 || rule.regions.some((r) => report.regionKeys.includes(r));
  const themeOk = rule.themes.length === 0 || rule.themes.some((t) => report.themeIds.includes(t));
  return regionOk && themeOk;
}

/** One subscriber to notify about a report, with every rule of theirs that matched. */
export interface SubscriberMatch<R extends Rule> {
  readonly subscriberId: string;
  readonly rules: R[];
}

/**
 * The subscribers whose rules match a report, each once however many of their rules
 * match (a report reaches an address at most once).
 */
export function matchSubscribers<R extends Rule>(report: MatchableReport, rules: Iterable<R>): SubscriberMatch<R>[] {
  const bySubscriber = new Map<string, R[]>();
  for (const rule of rules) {
    if (!ruleMatches(rule, report)) continue;
    const list = bySubscriber.get(rule.subscriberId);
    if (list) list.push(rule);
    else bySubscriber.set(rule.subscriberId, [rule]);
  }
  return [...bySubscriber].map(([subscriberId, matched]) => ({ subscriberId, rules: matched }));
}
