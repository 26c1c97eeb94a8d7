/**
 * When a subscriber's digest is due, and which period it covers. Pure: no AWS imports.
 *
 * The scheduler fires every hour at :00 UTC (possibly late, possibly twice). A digest is
 * due in a run when the run falls in `[scheduledAt, scheduledAt + grace)`, where
 * `scheduledAt` is the subscriber's local digest hour (default 08:00) on a local day (any
 * day for daily digests, the chosen weekday for weekly ones). With the default grace of
 * one hour exactly one hourly run is due per period, including in zones whose offset is
 * not a whole hour (08:00 in Kathmandu is 02:15 UTC: the 03:00 UTC run is due), and a run
 * retried late in the hour is still due. Each period has a stable key, so a retried run,
 * or a larger grace that makes two runs due, yields the same key and the delivery record
 * (a conditional write on `(subscriber, periodKey)`) suppresses the duplicate.
 *
 * Daylight saving: local times come from Intl with the subscriber's IANA zone. A digest
 * hour that does not exist that day (spring forward) is scheduled at the first instant
 * after the gap; one that occurs twice (fall back) at its first occurrence.
 */
import { DEFAULT_DIGEST_HOUR, DEFAULT_WEEKLY_DAY, WEEKDAYS, type Frequency, type Weekday } from '../domain/subscription';

export { DEFAULT_DIGEST_HOUR, DEFAULT_WEEKLY_DAY, WEEKDAYS, type Weekday };

/** The frequencies that produce digests. */
export type DigestFrequency = Extract<Frequency, 'daily' | 'weekly'>;

export const DIGEST_FREQUENCIES: readonly DigestFrequency[] = ['daily', 'weekly'];

export const DEFAULT_TIMEZONE = 'UTC';

const WEEKDAY_INDEX: Readonly<Record<string, number>> = Object.fromEntries(WEEKDAYS.map((d, i) => [d, i]));

/** Longest window a digest covers, however long ago the last one was sent (e.g. after a pause). */
export const DEFAULT_MAX_LOOKBACK_DAYS: Readonly<Record<DigestFrequency, number>> = { daily: 7, weekly: 28 };

const DAY_MS = 24 * 3600 * 1000;
const PERIOD_DAYS: Readonly<Record<DigestFrequency, number>> = { daily: 1, weekly: 7 };

/** What scheduling needs to know about a subscriber's digest. */
export interface DigestSchedule {
  readonly frequency: DigestFrequency;
  /** IANA zone; UTC when absent or unknown. */
  readonly timezone?: string;
  /** Local hour 0–23; default 8. */
  readonly digestHour?: number;
  /** Weekly digests only; default Monday. */
  readonly weeklyDay?: Weekday;
  /**
   * `window.to` of the last digest delivered for this frequency (not the send time), so
   * consecutive windows are contiguous and no report falls between two digests.
   */
  readonly lastDigestAt?: string | Date;
}

/** A due digest's period. */
export interface DigestPeriod {
  readonly frequency: DigestFrequency;
  /** Stable per subscriber and period: `daily:2026-11-27` or `weekly:2026-W48` (local calendar). */
  readonly periodKey: string;
  /** The local date the digest is for (YYYY-MM-DD). */
  readonly localDate: string;
  /** The instant of the local digest hour (ISO). Equals `window.to`. */
  readonly scheduledAt: string;
  /** Reports received in `[from, to)` belong to this digest (ISO instants). */
  readonly window: { readonly from: string; readonly to: string };
  /** Human label: "27 November 2026" or "week to 30 November 2026". */
  readonly label: string;
}

export interface ScheduleOptions {
  /** How long after the scheduled instant a run still sends the digest. Default 60 minutes. */
  readonly graceMinutes?: number;
  /** Caps on the window length. */
  readonly maxLookbackDays?: Partial<Record<DigestFrequency, number>>;
  /**
   * On-demand run (`npm run digest -- --now`): every digest is due whatever its hour or
   * weekday, and its window ends at the run time itself. The period key is still that of
   * the subscriber's local date (daily) or ISO week (weekly), so a scheduled run of the
   * same period later finds the delivery record and sends nothing twice; the reports it
   * would have added come in the next period's digest (its window starts at lastDigestAt).
   */
  readonly dueNow?: boolean;
}

// ---------------------------------------------------------------------------
// Local calendar helpers

interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = formatterFor(DEFAULT_TIMEZONE);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone Intl knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Wall-clock fields of an instant in a zone. Read from the formatter's plain string
 * ("11/29/2026, 13:05:37": month, day, year, hour, minute, second, the en-US order) rather
 * than `formatToParts`, which builds an object per field and costs several times more; any
 * other shape of string falls back to the parts.
 */
export function localParts(instantMs: number, timeZone: string): LocalParts {
  const text = formatterFor(timeZone).format(instantMs);
  const fields = [0, 0, 0, 0, 0, 0];
  let count = 0;
  let inNumber = false;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit >= 0 && digit <= 9) {
      if (!inNumber) {
        if (count === 6) return localPartsByParts(instantMs, timeZone);
        count++;
        inNumber = true;
      }
      fields[count - 1] = fields[count - 1]! * 10 + digit;
    } else inNumber = false;
  }
  if (count !== 6) return localPartsByParts(instantMs, timeZone);
  return { year: fields[2]!, month: fields[0]!, day: fields[1]!, hour: fields[3]! % 24, minute: fields[4]!, second: fields[5]! };
}

function localPartsByParts(instantMs: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out['year']!, month: out['month']!, day: out['day']!, hour: out['hour']! % 24, minute: out['minute']!, second: out['second']! };
}

/** Zone offset at an instant, in ms (local wall time minus UTC). */
function offsetAt(instantMs: number, timeZone: string): number {
  const p = localParts(instantMs, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The first instant at which the local wall clock in `timeZone` reads at least the given
 * date and hour: the instant itself when it exists, its first occurrence when it occurs
 * twice, the end of the gap when it is skipped.
 */
export function zonedInstant(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  const offsets = new Set([offsetAt(wall - DAY_MS, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY_MS, timeZone)]);
  const valid = [...offsets].map((o) => wall - o).filter((t) => offsetAt(t, timeZone) === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  // The wall time falls in a gap: binary-search the transition between the candidates.
  const candidates = [...offsets].map((o) => wall - o);
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  const reached = (t: number) => t + offsetAt(t, timeZone) >= wall;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2 / 1000) * 1000;
    if (mid <= lo) break;
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** ISO 8601 week (year and number) of a calendar date. */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS + 1) / 7);
  return { year: weekYear, week };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * One formatter for every label, made on first use (not at import, where functions that never
 * label a digest would pay for it): `toLocaleDateString` with options builds a new
 * `Intl.DateTimeFormat` per call (a few hundred microseconds, which the planner paid for
 * every zone and frequency of every run).
 */
let longDate: Intl.DateTimeFormat | undefined;

function formatLongDate(year: number, month: number, day: number): string {
  longDate ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return longDate.format(Date.UTC(year, month - 1, day));
}

// ---------------------------------------------------------------------------
// Due periods

interface BasePeriod {
  readonly frequency: DigestFrequency;
  readonly periodKey: string;
  readonly localDate: string;
  readonly scheduledAtMs: number;
  /** The previous period's slot, so default windows stay contiguous across DST changes. */
  readonly previousAtMs: number;
  readonly label: string;
}

/**
 * A memoised due period of a (zone, hour, frequency, weekday): the period with the default
 * window once made, and the periods already made for other `lastDigestAt` strings.
 */
interface MemoEntry {
  readonly base: BasePeriod;
  /** Number of the period with the default window; -1: not made yet. */
  shared: number;
  /** Period numbers by `lastDigestAt` as stored (ISO string); -1: not due (already delivered). */
  byLast: Map<string, number> | undefined;
}

function normaliseHour(hour: number | undefined): number {
  return hour !== undefined && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_DIGEST_HOUR;
}

function basePeriod(runAtMs: number, timeZone: string, hour: number, frequency: DigestFrequency, weeklyDay: Weekday, graceMs: number): BasePeriod | undefined {
  const now = localParts(runAtMs, timeZone);
  // Today's and, when the grace reaches past midnight, earlier days' slots; latest first.
  const daysBack = Math.ceil(graceMs / DAY_MS) + 1;
  for (let back = 0; back <= daysBack; back++) {
    const d = new Date(Date.UTC(now.year, now.month - 1, now.day - back));
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    if (frequency === 'weekly' && WEEKDAYS[(d.getUTCDay() + 6) % 7] !== weeklyDay) continue;
    const scheduledAtMs = zonedInstant(y, m, day, hour, timeZone);
    if (scheduledAtMs > runAtMs) continue;
    if (runAtMs >= scheduledAtMs + graceMs) return undefined; // the latest slot has passed
    const localDate = `${y}-${pad(m)}-${pad(day)}`;
    const previousAtMs = zonedInstant(y, m, day - PERIOD_DAYS[frequency], hour, timeZone);
    if (frequency === 'daily') return { frequency, periodKey: `daily:${localDate}`, localDate, scheduledAtMs, previousAtMs, label: formatLongDate(y, m, day) };
    const w = isoWeek(y, m, day);
    return { frequency, periodKey: `weekly:${w.year}-W${pad(w.week)}`, localDate, scheduledAtMs, previousAtMs, label: `week to ${formatLongDate(y, m, day)}` };
  }
  return undefined;
}

/** The on-demand period of a subscriber's digest: ends at the run time. */
function onDemandPeriod(runAtMs: number, timeZone: string, frequency: DigestFrequency): BasePeriod {
  const now = localParts(runAtMs, timeZone);
  const localDate = `${now.year}-${pad(now.month)}-${pad(now.day)}`;
  const previousAtMs = runAtMs - PERIOD_DAYS[frequency] * DAY_MS;
  if (frequency === 'daily') return { frequency, periodKey: `daily:${localDate}`, localDate, scheduledAtMs: runAtMs, previousAtMs, label: formatLongDate(now.year, now.month, now.day) };
  const w = isoWeek(now.year, now.month, now.day);
  return { frequency, periodKey: `weekly:${w.year}-W${pad(w.week)}`, localDate, scheduledAtMs: runAtMs, previousAtMs, label: `week to ${formatLongDate(now.year, now.month, now.day)}` };
}

function toMs(value: string | Date | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * A scheduler for one run: decides for each subscriber whether a digest is due and its
 * period. Periods are memoised per (zone, hour, frequency, weekday) and last-digest time, so
 * a run over 100,000 subscribers costs one Intl computation per distinct combination, and
 * subscribers with the same schedule and last digest share one period object.
 */
export function createDigestScheduler(runAt: Date, options: ScheduleOptions = {}): (schedule: DigestSchedule) => DigestPeriod | undefined {
  const finder = new PeriodFinder(runAt, options);
  return (schedule) => finder.find(schedule.frequency, schedule.timezone, schedule.digestHour, schedule.weeklyDay, schedule.lastDigestAt);
}

/**
 * `createDigestScheduler` with the schedule's fields as arguments: the planner calls `find`
 * once per subscriber and frequency, without an object per call. A class rather than a
 * closure: a closure made per run is a new function each run, and the optimised code that
 * inlined the last run's is dropped once it is collected, so runs restarted cold.
 */
export class PeriodFinder {
  private readonly runAtMs: number;
  private readonly graceMs: number;
  private readonly lookback: Record<DigestFrequency, number>;
  private readonly dueNow: boolean;
  /**
   * Memo per zone: slot `hour` for daily digests, `24 + 7 × hour + weekday` for weekly ones;
   * `null` = computed, not due. No string key is built per subscriber.
   */
  private readonly memo = new Map<string, (MemoEntry | null | undefined)[]>();
  /**
   * Every distinct period `findId` has returned, by number: subscribers with the same
   * schedule and last digest share one, so a run has a few dozen.
   */
  readonly periods: DigestPeriod[] = [];

  constructor(runAt: Date, options: ScheduleOptions = {}) {
    this.runAtMs = runAt.getTime();
    this.graceMs = Math.max(1, (options.graceMinutes ?? 60) * 60_000);
    this.lookback = { ...DEFAULT_MAX_LOOKBACK_DAYS, ...options.maxLookbackDays };
    this.dueNow = options.dueNow === true;
  }

  /** The due period of a subscriber's digest of `frequency` in this run, or undefined when none is due. */
  find(frequency: DigestFrequency, timezone: string | undefined, digestHour: number | undefined, weeklyDay: Weekday | undefined, lastDigestAt: string | Date | undefined): DigestPeriod | undefined {
    const id = this.findId(frequency, timezone, digestHour, weeklyDay, lastDigestAt);
    return id < 0 ? undefined : this.periods[id];
  }

  /** `find` as the number of the period in `periods`, -1 when none is due: the planner keeps per-period data in arrays, without a map keyed by period. */
  findId(frequency: DigestFrequency, timezone: string | undefined, digestHour: number | undefined, weeklyDay: Weekday | undefined, lastDigestAt: string | Date | undefined): number {
    const timeZone = timezone || DEFAULT_TIMEZONE;
    const hour = normaliseHour(digestHour);
    const weekly = frequency === 'weekly';
    const day = weekly ? (WEEKDAY_INDEX[weeklyDay ?? DEFAULT_WEEKLY_DAY] ?? WEEKDAY_INDEX[DEFAULT_WEEKLY_DAY]!) : 0;
    const slot = weekly ? 24 + 7 * hour + day : hour;
    let zone = this.memo.get(timeZone);
    if (zone === undefined) this.memo.set(timeZone, (zone = []));
    let entry = zone[slot];
    if (entry === undefined) {
      const found = this.dueNow ? onDemandPeriod(this.runAtMs, timeZone, frequency) : basePeriod(this.runAtMs, timeZone, hour, frequency, WEEKDAYS[day]!, this.graceMs);
      entry = found ? { base: found, shared: -1, byLast: undefined } : null;
      zone[slot] = entry;
    }
    if (entry === null) return -1;
    const base = entry.base;
    const to = base.scheduledAtMs;
    // Everyone of this schedule whose last digest ended where this window starts by default
    // shares one period: after the first digest that is nearly every subscriber, and
    // comparing the stored string costs less than parsing it and making a period each.
    if (entry.shared < 0) entry.shared = this.add(makePeriod(base, base.previousAtMs, to));
    const shared = entry.shared;
    if (lastDigestAt === undefined) return shared;
    const key = typeof lastDigestAt === 'string' ? lastDigestAt : undefined;
    if (key !== undefined) {
      if (key === this.periods[shared]!.window.from) return shared;
      const known = entry.byLast?.get(key);
      if (known !== undefined) return known;
    }
    const last = toMs(lastDigestAt);
    let id: number;
    if (last === undefined) id = shared;
    else if (last >= to) id = -1; // already delivered for this period
    else id = this.add(makePeriod(base, Math.max(last, to - this.lookback[frequency] * DAY_MS), to));
    if (key !== undefined) (entry.byLast ??= new Map()).set(key, id);
    return id;
  }

  private add(period: DigestPeriod): number {
    this.periods.push(period);
    return this.periods.length - 1;
  }
}

function makePeriod(base: BasePeriod, from: number, to: number): DigestPeriod {
  return Object.freeze({
    frequency: base.frequency,
    periodKey: base.periodKey,
    localDate: base.localDate,
    scheduledAt: new Date(to).toISOString(),
    window: Object.freeze({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
    label: base.label,
  });
}

/** The due period of one subscriber's digest in the run at `runAt`, or undefined when not due. */
export function digestPeriod(runAt: Date, schedule: DigestSchedule, options?: ScheduleOptions): DigestPeriod | undefined {
  return createDigestScheduler(runAt, options)(schedule);
}

/** The earliest report time any digest of a run at `runAt` can cover: load reports from here. */
export function reportHorizon(runAt: Date, options: ScheduleOptions = {}): Date {
  const lookback = { ...DEFAULT_MAX_LOOKBACK_DAYS, ...options.maxLookbackDays };
  const days = Math.max(...DIGEST_FREQUENCIES.map((f) => lookback[f]));
  return new Date(runAt.getTime() - days * DAY_MS - DAY_MS);
}

/** The delivery record key of a digest: one per subscriber and period. */
export function digestDeliveryId(subscriberId: string, periodKey: string): string {
  return `digest#${periodKey}#${subscriberId}`;
}
