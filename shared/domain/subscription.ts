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
  timezone: z.string().max(64).refine(isTimeZone, { message: 'is not an IANA time zone such as Asia/Dushanbe' }).optional(),
});

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
