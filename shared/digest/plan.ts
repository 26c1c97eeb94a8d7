/**
 * Planning a digest run: which subscribers get a digest now, and which reports (with the
 * rules that matched each) go in it. Pure: no AWS imports; the caller streams the rows of the
 * `byActiveFrequency` index's `ACTIVE#digest` partition (each active subscriber's profile,
 * then their daily and weekly rules) and passes the reports of the window.
 *
 * How it works (100,000 subscribers × 1,000 reports: sets in about 0.09 s, every job's
 * items in about 0.7 s, see `npm run bench`):
 * - the reports are read once, passed in, sorted by receipt time and numbered: report `i`
 *   is bit `i`. The index is one bitset of reports per region key and per theme id;
 * - the rows are read once, in one pass, never queried per subscriber: rules are grouped by
 *   subscriber and frequency (a slot) without lookups while they come in subscriber order; a
 *   slot whose profile row came just before its rules is scheduled at once, and when it is
 *   due its rules are matched as they pass, while they are in the CPU's cache. Rules and
 *   slots are numbers in typed arrays (a rule is its row's number): no array entry or object
 *   per rule or subscriber, so a run leaves the garbage collector little to do;
 * - a rule's reports are (OR of its regions' bitsets) AND (OR of its themes' bitsets), that
 *   is the OR over its (region, theme) pairs of each pair's AND; a pair's AND is computed
 *   once per run and kept as its non-zero words only, so a rule ORs a dozen or so words into
 *   its digest's bitset, cut to the window (a contiguous range of bits) (`planDigestSets`,
 *   the compact core);
 * - the sets are yielded by a synchronous iterator once the asynchronous part (reading
 *   rows, and profiles the stream did not carry) is done: no promise per digest; bitsets are
 *   carved from shared blocks and per-rule masks are computed only when items need them;
 * - items (`{reportId, matchedRuleIds}`) are built from the bits one job at a time, as
 *   each is yielded (`planDigests`), so the caller can stream them to SQS without holding
 *   every job.
 *
 * Exactly once is the caller's: each job carries `deliveryId = digest#<periodKey>#<subscriber>`
 * for the conditional write that records the delivery, and the same inputs always give
 * the same jobs (a retried or resumed run re-plans identically and the records suppress
 * what was already sent).
 */
import type { Report } from '../domain/report';
import type { RuleSummary } from '../domain/email';
import { ruleMatches, type Rule } from '../domain/subscription';
import { PeriodFinder, DIGEST_FREQUENCIES, digestDeliveryId, type DigestFrequency, type DigestPeriod, type ScheduleOptions, type Weekday } from './schedule';

/** A rule as the planner reads it. Active rules from the adapter carry `email`. */
export interface DigestRule extends Rule {
  readonly kind?: 'rule';
  /** Rules with a status other than `active` are ignored. */
  readonly status?: string;
  readonly email?: string;
  /** Schedule fields, when denormalised onto rules; the subscriber lookup wins when it has them. */
  readonly timezone?: string;
  readonly digestHour?: number;
  readonly weeklyDay?: Weekday;
}

/** The profile fields the planner uses. Every field is optional; absent means "unknown, default". */
export interface DigestSubscriber {
  readonly email?: string;
  /** Anything but `confirmed` (when given) skips the subscriber. */
  readonly status?: string;
  readonly paused?: boolean;
  readonly timezone?: string;
  readonly digestHour?: number;
  readonly weeklyDay?: Weekday;
  /** `window.to` of the last delivered digest, per frequency. */
  readonly lastDigestAt?: Partial<Record<DigestFrequency, string | Date>>;
}

/**
 * A subscriber's profile in the rule stream, as the index returns it: just before that
 * subscriber's rules. The planner then needs no lookup for them.
 */
export interface DigestProfileRow extends DigestSubscriber {
  readonly kind: 'profile';
  readonly subscriberId: string;
}

/** What the rule stream holds: rules, each subscriber's preceded by their profile row when the source has it. */
export type DigestRow = DigestRule | DigestProfileRow;

/**
 * Profiles by subscriber id: a map, or a function (sync or async). When given, a
 * subscriber it does not know is skipped (e.g. erased since the rules were read).
 */
export type SubscriberLookup =
  | ReadonlyMap<string, DigestSubscriber>
  | ((subscriberId: string) => DigestSubscriber | undefined | Promise<DigestSubscriber | undefined>);

/** A report as the planner reads it. */
export interface PlannableReport {
  readonly id: string;
  /** The instant that places the report in a window: ISO string or epoch ms. */
  readonly at: string | number;
  readonly regionKeys: readonly string[];
  readonly themeIds: readonly string[];
}

/**
 * A stored report as the planner reads it. Windows use `receivedAt` by default: a report
 * whose publisher dates it in the past still lands in the next digest, and consecutive
 * windows cover every report exactly once.
 */
export function plannableReport(report: Pick<Report, 'id' | 'published' | 'receivedAt' | 'regionKeys' | 'classification'>, by: 'receivedAt' | 'published' = 'receivedAt'): PlannableReport {
  return { id: report.id, at: report[by], regionKeys: report.regionKeys, themeIds: report.classification.themes.map((t) => t.id) };
}

/** A rule as shown in a digest ("why included"). */
export interface DigestRuleSummary extends RuleSummary {
  readonly ruleId: string;
}

/** An instant alert held back by the subscriber's per-day cap, to go in their next digest. */
export interface OverflowEntry {
  readonly reportId: string;
  /** The instant rules that matched it. */
  readonly rules: readonly DigestRuleSummary[];
}

/** One report in a digest. */
export interface DigestItem {
  readonly reportId: string;
  readonly matchedRuleIds: readonly string[];
  /** Present when the report came (also) from the instant-alert overflow. */
  readonly overflow?: true;
}

/** One subscriber's digest for one period: the payload of a send job. */
export interface DigestJob {
  readonly subscriberId: string;
  readonly email: string;
  readonly frequency: DigestFrequency;
  readonly periodKey: string;
  /** Key of the conditional delivery record: one digest per subscriber and period. */
  readonly deliveryId: string;
  readonly label: string;
  readonly timezone: string;
  readonly window: { readonly from: string; readonly to: string };
  /** Each report once, oldest first; overflow reports outside the window last. */
  readonly items: readonly DigestItem[];
  /** Every rule an item names, for "why included". */
  readonly rules: readonly DigestRuleSummary[];
}

export interface PlanInput {
  /** The reports that may fall in a window (see `reportHorizon`); any order, duplicates ignored. */
  readonly reports: Iterable<PlannableReport>;
  /**
   * Active rules, streamed. Instant rules and inactive rules are ignored. A subscriber's
   * profile row, when present, gives their schedule and address; it is found without a
   * lookup when it comes just before their rules (the index's order).
   */
  readonly rules: Iterable<DigestRow> | AsyncIterable<DigestRow>;
  /** Profiles of subscribers without a profile row in `rules`. */
  readonly subscribers?: SubscriberLookup;
  /** Held-back instant alerts by subscriber id. */
  readonly overflow?: ReadonlyMap<string, readonly OverflowEntry[]>;
  /** The run time: pass the scheduler's scheduled time so a retried run plans the same. */
  readonly now: Date;
  readonly schedule?: ScheduleOptions;
  /**
   * `index` (default): report bitsets per region and theme. `nested-loop` sets the same bits
   * with `ruleMatches` for every due rule and every report of its window: the reference for
   * tests and the benchmark.
   */
  readonly strategy?: 'index' | 'nested-loop';
}

/** Counters of a plan, filled as the sets and jobs are produced. */
export interface PlanStats {
  reports: number;
  rules: number;
  subscribers: number;
  due: number;
  jobs: number;
  items: number;
  skipped: { notDue: number; inactive: number; noEmail: number; empty: number };
  /**
   * Milliseconds per phase. `reports`: indexing the reports. `stream`: the pass over the rule
   * stream (grouping, and scheduling and, with the index, matching every slot whose profile
   * row comes just before its rules). `rest`: scheduling and matching the slots the stream
   * could not (profile lookups). `sets`: the sets' iterator from first to last set (the
   * nested loop's matching, window clipping, counting), less the items phase when
   * `planDigests` builds them; it includes whatever the consumer does between sets (the
   * benchmark's consumer only counts), because timing every yield would cost more than the
   * work it measures. `jobs`: building items.
   */
  phaseMs?: { reports: number; stream: number; rest: number; sets: number; jobs: number };
}

function toMs(at: string | number): number {
  return typeof at === 'number' ? at : Date.parse(at);
}

/** First index in the sorted array with value >= x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A due digest as sets of reports: who gets which reports, before any item is built. */
export interface DigestSet {
  readonly subscriberId: string;
  readonly email: string;
  readonly timezone: string;
  readonly period: DigestPeriod;
  /**
   * The run's reports, deduplicated and sorted by time (then id): bit `i` of every set
   * stands for `reports[i]`. One array shared by every set of a run.
   */
  readonly reports: readonly PlannableReport[];
  /** The window as report positions: `[lo, hi)`. */
  readonly lo: number;
  readonly hi: number;
  /** Bit `i` set: `reports[i]` is in the window and matches at least one of `rules`. Read-only. */
  readonly reportSet: Uint32Array;
  /** Reports in `reportSet`. */
  readonly size: number;
  /** The digest's rules, in stream order. */
  readonly rules: readonly DigestRule[];
  /**
   * The reports of the window that rule `k` matches (`reportSet` is their OR), computed on
   * demand: only the items of a digest with several rules need them.
   */
  ruleMask(k: number): Uint32Array;
  /** Held-back instant alerts this digest carries (the daily digest, else the weekly one). */
  readonly overflow?: readonly OverflowEntry[];
}

function emptyStats(): PlanStats {
  return { reports: 0, rules: 0, subscribers: 0, due: 0, jobs: 0, items: 0, skipped: { notDue: 0, inactive: 0, noEmail: 0, empty: 0 } };
}

/**
 * Bitsets of `words` words handed out from large zeroed blocks: one allocation per block
 * instead of one typed array per set. A block is freed once no set of it is referenced.
 */
class WordArena {
  private block: Uint32Array;
  private used = 0;
  constructor(
    private readonly words: number,
    private readonly blockWords = 1 << 16,
  ) {
    this.block = new Uint32Array(Math.max(blockWords, words));
  }
  alloc(): Uint32Array {
    if (this.used + this.words > this.block.length) {
      this.block = new Uint32Array(Math.max(this.blockWords, this.words));
      this.used = 0;
    }
    return this.block.subarray(this.used, (this.used += this.words));
  }
}

/** Bits set in a 32-bit word (SWAR: int32 arithmetic only, no table and no float conversion). */
function popcount32(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * A dense slot for three-character region keys (ISO 3166 alpha-3 codes and M49 area codes),
 * read from their character codes: no hashing for the keys rules name most. -1 for any other key.
 */
function regionSlot(key: string): number {
  if (key.length !== 3) return -1;
  const a = key.charCodeAt(0);
  const b = key.charCodeAt(1);
  const c = key.charCodeAt(2);
  if (a >= 65 && a <= 90 && b >= 65 && b <= 90 && c >= 65 && c <= 90) return (a - 65) * 676 + (b - 65) * 26 + (c - 65);
  if (a >= 48 && a <= 57 && b >= 48 && b <= 57 && c >= 48 && c <= 57) return 17_576 + (a - 48) * 100 + (b - 48) * 10 + (c - 48);
  return -1;
}
const REGION_SLOTS = 17_576 + 1_000;

/**
 * A 15-bit code of a theme id from its length and first and last characters: the taxonomy's
 * ids all have different codes, so a table read (and one string comparison) finds a theme's
 * bitset without hashing the id.
 */
function themeCode(key: string): number {
  return key.length === 0 ? 0 : ((key.length & 31) << 10) | ((key.charCodeAt(0) & 31) << 5) | (key.charCodeAt(key.length - 1) & 31);
}

/**
 * The report index of a run, shared by all its sets: reports numbered by time, one bitset
 * per region key and theme id, and how a rule's reports are computed from them.
 *
 * A rule's reports are the OR, over its (region, theme) pairs, of (region's bitset AND
 * theme's bitset), "any" standing for a rule naming no region or no theme. Each pair's AND
 * is computed once per run, when a rule first names it, and kept sparse: only its non-zero
 * words, as (word number, word) entries. A rule then ORs a few entries per pair into its
 * digest's bitset instead of passing over every word of several bitsets: a country's
 * reports on one theme are a handful among a thousand.
 */
class ReportIndex {
  readonly words: number;
  readonly all: Uint32Array;
  readonly none: Uint32Array;
  /** Region number by `regionSlot` (-1: no reports), and by key for the keys that have no slot. */
  private readonly regionBySlot = new Int32Array(REGION_SLOTS).fill(-1);
  private readonly regionByKey = new Map<string, number>();
  private readonly regionBits: Uint32Array[] = [];
  /** Theme number by `themeCode` (-1: none), with the numbered ids; unused when two of the run's themes share a code. */
  private readonly themeByCode = new Int16Array(1 << 15).fill(-1);
  private readonly themeByKey = new Map<string, number>();
  private readonly themeKeys: string[] = [];
  private readonly themeBits: Uint32Array[] = [];
  private themeCodesUnique = true;
  /** The region and theme numbers of the rule being evaluated: reused, never allocated per rule. */
  private ruleRegions = new Int32Array(16);
  private ruleThemes = new Int32Array(16);
  /**
   * Pair `region × stride + theme` (region `regionBits.length` and theme `themeBits.length`
   * standing for "any") owns entries [pairStart, pairEnd) of `entryWord` / `entryBits`;
   * pairStart -1: not computed yet.
   */
  private stride = 1;
  private pairStart: Int32Array = new Int32Array(0);
  private pairEnd: Int32Array = new Int32Array(0);
  private entryWord: Int32Array;
  private entryBits: Int32Array;
  private entries = 0;

  constructor(
    readonly reports: readonly PlannableReport[],
    readonly nested: boolean,
  ) {
    const words = Math.max(1, Math.ceil(reports.length / 32));
    this.words = words;
    this.all = new Uint32Array(words);
    this.none = new Uint32Array(words);
    for (let i = 0; i < reports.length; i++) this.all[i >>> 5]! |= 1 << (i & 31);
    this.entryWord = new Int32Array(nested ? 0 : 4 * words);
    this.entryBits = new Int32Array(nested ? 0 : 4 * words);
    if (nested) return;
    const arena = new WordArena(words);
    const regionSets = new Map<string, Uint32Array>();
    const themeSets = new Map<string, Uint32Array>();
    const post = (map: Map<string, Uint32Array>, key: string, word: number, bit: number) => {
      let set = map.get(key);
      if (!set) map.set(key, (set = arena.alloc()));
      set[word]! |= bit;
    };
    for (let i = 0; i < reports.length; i++) {
      const report = reports[i]!;
      for (const key of report.regionKeys) post(regionSets, key, i >>> 5, 1 << (i & 31));
      for (const theme of report.themeIds) post(themeSets, theme, i >>> 5, 1 << (i & 31));
    }
    for (const [key, set] of regionSets) {
      const slot = regionSlot(key);
      if (slot >= 0) this.regionBySlot[slot] = this.regionBits.length;
      else this.regionByKey.set(key, this.regionBits.length);
      this.regionBits.push(set);
    }
    for (const [key, set] of themeSets) {
      const code = themeCode(key);
      if (this.themeByCode[code] !== -1) this.themeCodesUnique = false;
      this.themeByCode[code] = this.themeKeys.length;
      this.themeByKey.set(key, this.themeKeys.length);
      this.themeKeys.push(key);
      this.themeBits.push(set);
    }
    this.stride = this.themeBits.length + 1;
    const pairs = (this.regionBits.length + 1) * this.stride;
    this.pairStart = new Int32Array(pairs).fill(-1);
    this.pairEnd = new Int32Array(pairs);
  }

  /** Puts the numbers of a rule's region keys in `ruleRegions` ("any" when it names none); returns how many (keys without reports are left out). */
  private regionsOf(keys: readonly string[]): number {
    if (keys.length === 0) {
      this.ruleRegions[0] = this.regionBits.length;
      return 1;
    }
    if (keys.length > this.ruleRegions.length) this.ruleRegions = new Int32Array(2 * keys.length);
    let n = 0;
    for (let k = 0; k < keys.length; k++) {
      const region = this.regionOf(keys[k]!);
      if (region >= 0) this.ruleRegions[n++] = region;
    }
    return n;
  }

  /** A region key's number, -1 when no report carries it. */
  private regionOf(key: string): number {
    const slot = regionSlot(key);
    return slot >= 0 ? this.regionBySlot[slot]! : (this.regionByKey.get(key) ?? -1);
  }

  /** Puts the numbers of a rule's themes in `ruleThemes` ("any" when it names none); returns how many. */
  private themesOf(keys: readonly string[]): number {
    if (keys.length === 0) {
      this.ruleThemes[0] = this.themeBits.length;
      return 1;
    }
    if (keys.length > this.ruleThemes.length) this.ruleThemes = new Int32Array(2 * keys.length);
    let n = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      let theme: number;
      if (this.themeCodesUnique) {
        theme = this.themeByCode[themeCode(key)]!;
        if (theme >= 0 && this.themeKeys[theme] !== key) theme = -1;
      } else theme = this.themeByKey.get(key) ?? -1;
      if (theme >= 0) this.ruleThemes[n++] = theme;
    }
    return n;
  }

  /** ORs the reports of the rules in rows[order[from, to)] in the window [lo, hi) into out[at, at + words): bit set when any rule matches. */
  addRules(rows: readonly DigestRow[], order: Int32Array, from: number, to: number, lo: number, hi: number, out: Uint32Array, at: number): void {
    if (this.nested) {
      this.addRulesByLoop(rows, order, from, to, lo, hi, out, at);
      return;
    }
    for (let k = from; k < to; k++) this.orRule(rows[order[k]!] as DigestRule, lo >>> 5, (hi - 1) >>> 5, out, at);
    this.clip(lo, hi, out, at);
  }

  /**
   * ORs one rule's reports over words [wlo, whi] into out[at, ...): the entries of each of
   * its (region, theme) pairs. The window's partial first and last words are left to `clip`.
   */
  orRule(rule: DigestRule, wlo: number, whi: number, out: Uint32Array, at: number): void {
    const regions = rule.regions;
    // Most rules name one region: its pairs are walked without the buffer of region numbers.
    if (regions.length === 1) {
      const region = this.regionOf(regions[0]!);
      if (region >= 0) this.orPairs(region * this.stride, this.themesOf(rule.themes), wlo, whi, out, at);
      return;
    }
    const regionCount = this.regionsOf(regions);
    if (regionCount === 0) return;
    const themeCount = this.themesOf(rule.themes);
    if (themeCount === 0) return;
    for (let i = 0; i < regionCount; i++) this.orPairs(this.ruleRegions[i]! * this.stride, themeCount, wlo, whi, out, at);
  }

  /** ORs the entries of the pairs (region, each of the first `themeCount` themes in `ruleThemes`), the region given as `region × stride`. */
  private orPairs(base: number, themeCount: number, wlo: number, whi: number, out: Uint32Array, at: number): void {
    const { ruleThemes, pairStart, pairEnd } = this;
    let { entryWord, entryBits } = this;
    for (let j = 0; j < themeCount; j++) {
      const pair = base + ruleThemes[j]!;
      if (pairStart[pair]! < 0) {
        this.computePair(pair);
        // (computePair may have grown the entry arrays)
        entryWord = this.entryWord;
        entryBits = this.entryBits;
      }
      // (a pair's entries are in word order: skip those before the window, stop after it)
      let e = pairStart[pair]!;
      const end = pairEnd[pair]!;
      while (e < end && entryWord[e]! < wlo) e++;
      for (; e < end; e++) {
        const w = entryWord[e]!;
        if (w > whi) break;
        out[at + w]! |= entryBits[e]!;
      }
    }
  }

  /** The non-zero words of a pair's AND, appended to the entries. */
  private computePair(pair: number): void {
    const region = Math.floor(pair / this.stride);
    const theme = pair - region * this.stride;
    const regionSet = region < this.regionBits.length ? this.regionBits[region]! : this.all;
    const themeSet = theme < this.themeBits.length ? this.themeBits[theme]! : this.all;
    const words = this.words;
    if (this.entries + words > this.entryWord.length) {
      const size = Math.max(2 * this.entryWord.length, this.entries + words);
      const grownWord = new Int32Array(size);
      const grownBits = new Int32Array(size);
      grownWord.set(this.entryWord.subarray(0, this.entries));
      grownBits.set(this.entryBits.subarray(0, this.entries));
      this.entryWord = grownWord;
      this.entryBits = grownBits;
    }
    const start = this.entries;
    let n = start;
    for (let w = 0; w < words; w++) {
      const bits = regionSet[w]! & themeSet[w]!;
      if (bits !== 0) {
        this.entryWord[n] = w;
        this.entryBits[n++] = bits;
      }
    }
    this.entries = n;
    this.pairStart[pair] = start;
    this.pairEnd[pair] = n;
  }

  /** Clears the bits of the window's partial first and last words that fall outside [lo, hi). */
  clip(lo: number, hi: number, out: Uint32Array, at: number): void {
    out[at + (lo >>> 5)]! &= -1 << (lo & 31);
    out[at + ((hi - 1) >>> 5)]! &= -1 >>> (31 - ((hi - 1) & 31));
  }

  /** The reference: for each report of the window, does any rule want it? */
  private addRulesByLoop(rows: readonly DigestRow[], order: Int32Array, from: number, to: number, lo: number, hi: number, out: Uint32Array, at: number): void {
    const reports = this.reports;
    for (let i = lo; i < hi; i++) {
      const report = reports[i]!;
      for (let k = from; k < to; k++) {
        if (ruleMatches(rows[order[k]!] as DigestRule, report)) {
          out[at + (i >>> 5)]! |= 1 << (i & 31);
          break;
        }
      }
    }
  }
}

/**
 * What the sets of a run share: the index, the rows as read, the rules grouped by slot
 * (subscriber × frequency: slot `s` owns the rows `ruleRow[slotStart[s], slotStart[s + 1])`),
 * and each slot's schedule. A set is then a slot number and its bits, not a copy of its
 * fields; its address, zone and subscriber id are read back from the rows when asked for,
 * so planning allocates no object or array entry per subscriber or rule.
 */
class PlannedRun {
  constructor(
    readonly index: ReportIndex,
    readonly source: readonly DigestRow[],
    /** Row numbers of the run's rules, grouped by slot. */
    readonly ruleRow: Int32Array,
    readonly slotStart: Uint32Array,
    /** Row of the slot's first rule; -1 for an overflow-only slot (see `overflowIds`). */
    private readonly slotFirstRow: Int32Array,
    /** Row of the slot's profile; -1 when the profile came from the lookup (see `lookedUp`) or not at all. */
    private readonly slotProfileRow: Int32Array,
    private readonly lookedUp: ReadonlyMap<number, DigestSubscriber>,
    private readonly overflowIds: ReadonlyMap<number, string>,
    /** The run's distinct periods, and each due slot's. */
    private readonly periods: readonly DigestPeriod[],
    readonly slotPeriod: Uint32Array,
    /** Each period's window as report positions, [lo, hi). */
    readonly windowLo: Int32Array,
    readonly windowHi: Int32Array,
  ) {}

  rule(k: number): DigestRule {
    return this.source[this.ruleRow[k]!] as DigestRule;
  }
  subscriberId(slot: number): string {
    return slotSubscriberId(this.source, this.slotFirstRow, this.overflowIds, slot);
  }
  private profile(slot: number): DigestSubscriber | undefined {
    const row = this.slotProfileRow[slot]!;
    return row >= 0 ? (this.source[row] as DigestProfileRow) : this.lookedUp.get(slot);
  }
  private firstRule(slot: number): DigestRule | undefined {
    const row = this.slotFirstRow[slot]!;
    return row >= 0 ? (this.source[row] as DigestRule) : undefined;
  }
  /** The address the slot was scheduled with (the profile's, else the first rule's). */
  email(slot: number): string {
    return (this.profile(slot)?.email ?? this.firstRule(slot)?.email)!;
  }
  timezone(slot: number): string {
    return this.profile(slot)?.timezone ?? this.firstRule(slot)?.timezone ?? 'UTC';
  }
  period(slot: number): DigestPeriod {
    return this.periods[this.slotPeriod[slot]!]!;
  }
}

/**
 * One due digest as computed by `planDigestSets`. Its bitset lives in a block shared with
 * other sets; its fields are read from the run, and the typed-array view and the rule list
 * are made on first use.
 */
class PlannedDigestSet implements DigestSet {
  private view: Uint32Array | undefined;
  private ruleList: readonly DigestRule[] | undefined;
  constructor(
    private readonly run: PlannedRun,
    private readonly slot: number,
    readonly size: number,
    private readonly block: Uint32Array,
    private readonly at: number,
    readonly overflow: readonly OverflowEntry[] | undefined,
  ) {}

  get subscriberId(): string {
    return this.run.subscriberId(this.slot);
  }
  get email(): string {
    return this.run.email(this.slot);
  }
  get timezone(): string {
    return this.run.timezone(this.slot);
  }
  get period(): DigestPeriod {
    return this.run.period(this.slot);
  }
  get lo(): number {
    return this.run.windowLo[this.run.slotPeriod[this.slot]!]!;
  }
  get hi(): number {
    return this.run.windowHi[this.run.slotPeriod[this.slot]!]!;
  }
  get reports(): readonly PlannableReport[] {
    return this.run.index.reports;
  }

  get reportSet(): Uint32Array {
    return (this.view ??= this.size === 0 ? this.run.index.none : this.block.subarray(this.at, this.at + this.run.index.words));
  }

  get rules(): readonly DigestRule[] {
    if (this.ruleList === undefined) {
      const { slotStart } = this.run;
      const list: DigestRule[] = [];
      for (let k = slotStart[this.slot]!; k < slotStart[this.slot + 1]!; k++) list.push(this.run.rule(k));
      this.ruleList = list;
    }
    return this.ruleList;
  }

  ruleMask(k: number): Uint32Array {
    const { index, source, ruleRow, slotStart } = this.run;
    const from = slotStart[this.slot]!;
    const count = slotStart[this.slot + 1]! - from;
    if (count === 1 && k === 0) return this.reportSet;
    const mask = new Uint32Array(index.words);
    if (this.hi > this.lo && k >= 0 && k < count) index.addRules(source, ruleRow, from + k, from + k + 1, this.lo, this.hi, mask, 0);
    return mask;
  }
}

/**
 * The compact core of a run. Reads the reports and the rows once, schedules every
 * subscriber from their profile row (or the lookup, awaited when async), then returns a synchronous
 * iterator of one `DigestSet` per due subscriber and frequency whose digest is not empty
 * (matching reports in its window, or held-back alerts to carry): no promise per digest.
 *
 * With the default strategy the reports are the index: each region key and each theme id
 * gets a bitset of the reports carrying it (reports numbered by time). A rule's reports are
 * then (OR of its regions' bitsets, all reports when it names none) AND (OR of its themes'
 * bitsets, likewise), ANDed with the window, which is a contiguous range of bits; a digest
 * is the OR of its rules. Each (region, theme) pair's AND is computed once per run and kept
 * as its non-zero words, so a rule costs a dozen or so word operations for 1,000 reports
 * instead of one `ruleMatches` per (rule, report). `nested-loop` fills the same bits by
 * asking, for every report of the window, whether any of the digest's rules matches it
 * (`ruleMatches`): the reference.
 *
 * `stats`, when given, is filled in as the plan runs (`items` counts matched reports).
 */
export async function planDigestSets(input: PlanInput, stats?: PlanStats): Promise<IterableIterator<DigestSet>> {
  const st: PlanStats = stats ?? emptyStats();
  const phase = st.phaseMs ?? { reports: 0, stream: 0, rest: 0, sets: 0, jobs: 0 };
  st.phaseMs = phase;
  let mark = performance.now();
  const lap = (name: keyof typeof phase) => {
    const now = performance.now();
    phase[name] += now - mark;
    mark = now;
  };

  // Reports: once, sorted by time, deduplicated by id; position = bit.
  const seenIds = new Set<string>();
  const loaded: { report: PlannableReport; at: number }[] = [];
  for (const report of input.reports) {
    const at = toMs(report.at);
    if (Number.isNaN(at) || seenIds.has(report.id)) continue;
    seenIds.add(report.id);
    loaded.push({ report, at });
  }
  seenIds.clear();
  loaded.sort((a, b) => a.at - b.at || (a.report.id < b.report.id ? -1 : a.report.id > b.report.id ? 1 : 0));
  const times = Float64Array.from(loaded, (l) => l.at);
  const index = new ReportIndex(
    loaded.map((l) => l.report),
    input.strategy === 'nested-loop',
  );
  const words = index.words;
  st.reports = index.reports.length;
  lap('reports');

  // One pass over the stream. Each rule gets a slot (subscriber × frequency; frequency 0
  // daily, 1 weekly). The index returns a subscriber's profile row and then their rules, in
  // subscriber order: while rows come in order, a new subscriber id is a new slot (the first
  // out-of-order id switches to a lookup map), and a slot whose profile row came just before
  // it is scheduled at once and its rules matched as they pass, while they are in the CPU's
  // cache. Slots without one (an unordered stream, a profile from the lookup, overflow only)
  // are scheduled and matched after the stream.
  const source: readonly DigestRow[] = Array.isArray(input.rules) ? input.rules : await readAll(input.rules);
  const overflow = input.overflow ?? new Map<string, readonly OverflowEntry[]>();
  const matchInStream = input.strategy !== 'nested-loop';
  const table = new SlotTable(source, overflow.size, index, times, new PeriodFinder(input.now, input.schedule), st);
  const profileRowCount = table.readStream(matchInStream);
  const { slotState, slotRuleCount, ruleSlot, ruleRow } = table;
  const ruleCount = table.ruleCount;
  st.rules = ruleCount;

  // Overflow-only subscribers get a daily digest of their held-back alerts.
  if (overflow.size > 0) {
    const slotOf = table.slotMaps();
    for (const [subscriberId, entries] of overflow) {
      if (entries.length === 0) continue;
      if (slotOf[0]!.has(subscriberId) || slotOf[1]!.has(subscriberId)) continue;
      table.newSlot(subscriberId, 0, -1);
    }
  }
  const slotCount = table.slotCount;
  // Each slot's rules as a range of one list: usually already so (rules come grouped), else a stable counting sort.
  const slotStart = new Uint32Array(slotCount + 1);
  for (let s = 0; s < slotCount; s++) slotStart[s + 1] = slotStart[s]! + slotRuleCount[s]!;
  let grouped = true;
  for (let k = 1; k < ruleCount && grouped; k++) if (ruleSlot[k]! < ruleSlot[k - 1]!) grouped = false;
  let rules = ruleRow.subarray(0, ruleCount);
  if (!grouped) {
    const sorted = new Int32Array(ruleCount);
    const next = slotStart.slice(0, slotCount);
    for (let k = 0; k < ruleCount; k++) sorted[next[ruleSlot[k]!]!++] = ruleRow[k]!;
    rules = sorted;
  }
  // Counted while the slots came in subscriber order (the index's, one stream); otherwise from the slots.
  st.subscribers = table.inOrder ? table.subscriberCount : distinctSubscribers((s) => table.subscriberOf(s), slotCount);
  lap('stream');

  // The slots the stream could not schedule: their profile row came elsewhere, or from the lookup.
  const lookup = input.subscribers;
  const profileMap = lookup !== undefined && typeof lookup !== 'function' ? lookup : undefined;
  const profileFn = typeof lookup === 'function' ? lookup : undefined;
  let rowsById: Map<string, number> | undefined;
  // A subscriber with daily and weekly rules is looked up once.
  const looked = profileFn ? new Map<string, DigestSubscriber | undefined>() : undefined;
  for (let s = 0; s < slotCount; s++) {
    if (slotState[s] !== UNSCHEDULED) continue;
    const subscriberId = table.subscriberOf(s);
    const first = slotStart[s + 1]! > slotStart[s]! ? (source[rules[slotStart[s]!]!] as DigestRule) : undefined;
    let profile: DigestSubscriber | undefined;
    let profileRow = -1;
    if (profileRowCount > 0) {
      profileRow = (rowsById ??= profileRowsById(source)).get(subscriberId) ?? -1;
      if (profileRow >= 0) profile = source[profileRow] as DigestProfileRow;
    }
    if (profile !== undefined) {
      // From the stream.
    } else if (profileMap !== undefined) profile = profileMap.get(subscriberId);
    else if (profileFn !== undefined) {
      if (looked!.has(subscriberId)) profile = looked!.get(subscriberId);
      else {
        const found = profileFn(subscriberId);
        profile = found instanceof Promise ? await found : found;
        looked!.set(subscriberId, profile);
      }
    }
    // With profiles to go by (rows or a lookup), a subscriber without one is not sent anything.
    const isDue = table.schedule(s, profile, first, profile !== undefined || (lookup === undefined && profileRowCount === 0));
    if (!isDue) continue;
    if (profileRow >= 0) table.slotProfileRow[s] = profileRow;
    else if (profile !== undefined) table.lookedUp.set(s, profile);
    if (matchInStream) for (let k = slotStart[s]!; k < slotStart[s + 1]!; k++) table.match(s, source[rules[k]!] as DigestRule);
  }
  looked?.clear();
  lap('rest');

  const run = new PlannedRun(index, source, rules, slotStart, table.slotFirstRow, table.slotProfileRow, table.lookedUp, table.overflowIds, table.due.periods, table.slotPeriod, table.windowLo, table.windowHi);
  return new DueSets(table, run, overflow, matchInStream, phase);
}

/**
 * The sets of a run's due slots whose digest is not empty, clipped to their windows and
 * counted, one per `next()`. A hand-written iterator rather than a generator: a `for...of`
 * over it can inline `next()` and drop its result objects, where every resumption of a
 * generator is a call and an allocation. Its time, from the first set asked for to the
 * last, goes to `phase.sets`.
 */
class DueSets implements IterableIterator<DigestSet> {
  private nextSlot = 0;
  private started = 0;
  private finished = false;
  private readonly dailySlots: Map<string, number> | undefined;
  constructor(
    private readonly table: SlotTable,
    private readonly run: PlannedRun,
    private readonly overflow: ReadonlyMap<string, readonly OverflowEntry[]>,
    private readonly matchInStream: boolean,
    private readonly phase: NonNullable<PlanStats['phaseMs']>,
  ) {
    this.dailySlots = table.slotOf?.[0];
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<DigestSet, undefined> {
    if (this.finished) return { value: undefined, done: true };
    if (this.nextSlot === 0) this.started = performance.now();
    const { table, run } = this;
    const { slotCount, slotState, slotDue, slotPeriod, windowLo, windowHi, blocks, st } = table;
    const index = run.index;
    const words = index.words;
    for (let s = this.nextSlot; s < slotCount; s++) {
      if (slotState[s] !== DUE) continue;
      const d = slotDue[s]!;
      const bits = blocks[(d / BLOCK_SETS) | 0]!;
      const at = (d % BLOCK_SETS) * words;
      const lo = windowLo[slotPeriod[s]!]!;
      const hi = windowHi[slotPeriod[s]!]!;
      const carries = this.overflow.size > 0 ? this.carried(s) : undefined;
      let size = 0;
      if (hi > lo) {
        if (this.matchInStream) index.clip(lo, hi, bits, at);
        else index.addRules(run.source, run.ruleRow, run.slotStart[s]!, run.slotStart[s + 1]!, lo, hi, bits, at);
        for (let w = at + (lo >>> 5), end = at + ((hi - 1) >>> 5); w <= end; w++) size += popcount32(bits[w]!);
      }
      if (size === 0 && carries === undefined) {
        st.skipped.empty++;
        continue;
      }
      st.jobs++;
      st.items += size;
      this.nextSlot = s + 1;
      return { value: new PlannedDigestSet(run, s, size, bits, at, carries), done: false };
    }
    this.finished = true;
    this.phase.sets += performance.now() - this.started;
    return { value: undefined, done: true };
  }

  /** Overflow joins the subscriber's daily digest, or the weekly one when no daily one is due. */
  private carried(s: number): readonly OverflowEntry[] | undefined {
    const { table } = this;
    const subscriberId = table.subscriberOf(s);
    const held = this.overflow.get(subscriberId);
    if (held === undefined || held.length === 0) return undefined;
    const daily = this.dailySlots?.get(subscriberId);
    return table.slotFrequency[s] === 0 || daily === undefined || table.slotState[daily] !== DUE ? held : undefined;
  }
}

/** Due slots' bitsets are carved from large zeroed blocks (1,024 sets: 128 KB with 1,000 reports; blocks of 2,048 took about twice as long to allocate and fault in). */
const BLOCK_SETS = 1024;

/**
 * A run's rules grouped by slot (subscriber × frequency) and each slot's schedule, filled
 * by one pass over the rows (`readStream`). Per rule and per slot, everything is in typed
 * arrays sized for the most there can be (a slot per row, and one per overflow-only
 * subscriber): nothing per rule or subscriber goes in a JS array or object; rules are row
 * numbers, and a slot's subscriber id, address and zone are read back from its rows. Sized
 * by every row, profile rows included, rather than counted: counting would be one more pass
 * over every row object (about 4 % of a run in the profile), dearer than the unused entries.
 *
 * A class with methods, not closures made in each run: a closure is a new function object
 * every run, and optimised code that inlined the previous run's is thrown away once that
 * one is collected, so each run started over in the interpreter.
 */
class SlotTable {
  readonly ruleRow: Int32Array;
  readonly ruleSlot: Int32Array;
  ruleCount = 0;
  slotCount = 0;
  readonly slotFirstRow: Int32Array;
  readonly slotProfileRow: Int32Array;
  readonly lookedUp = new Map<number, DigestSubscriber>();
  readonly overflowIds = new Map<number, string>();
  readonly slotFrequency: Uint8Array;
  readonly slotRuleCount: Uint32Array;
  /** UNSCHEDULED, DUE or SKIPPED. */
  readonly slotState: Uint8Array;
  /** Due slots get a number among the due ones: their bitset is word `(due % BLOCK_SETS) × words` of block `due / BLOCK_SETS`. */
  readonly slotDue: Int32Array;
  readonly blocks: Uint32Array[] = [];
  dueCount = 0;
  /** Each due slot's period (its number in the finder's `periods`), and each period's window as report positions ([lo, hi); lo -1: not found yet). */
  readonly slotPeriod: Uint32Array;
  windowLo = new Int32Array(64).fill(-1);
  windowHi = new Int32Array(64);
  /** Distinct subscribers, counted as slots open while the stream is in subscriber order. */
  subscriberCount = 0;
  private lastSlotSubscriber: string | undefined;
  inOrder = true;
  /** The slot `match` last wrote to, and where its bits go: its block, offset and window words. */
  private matchSlot = -1;
  private matchBlock: Uint32Array | undefined;
  private matchAt = 0;
  private matchFrom = 0;
  private matchTo = -1;
  /** Slot by subscriber id, per frequency (0 daily, 1 weekly), once the stream is found out of order. */
  slotOf: Map<string, number>[] | undefined;

  constructor(
    readonly source: readonly DigestRow[],
    overflowSubscribers: number,
    private readonly index: ReportIndex,
    private readonly times: Float64Array,
    readonly due: PeriodFinder,
    readonly st: PlanStats,
  ) {
    const maxSlots = source.length + overflowSubscribers;
    this.ruleRow = new Int32Array(source.length);
    this.ruleSlot = new Int32Array(source.length);
    this.slotFirstRow = new Int32Array(maxSlots);
    this.slotProfileRow = new Int32Array(maxSlots).fill(-1);
    this.slotFrequency = new Uint8Array(maxSlots);
    this.slotRuleCount = new Uint32Array(maxSlots);
    this.slotState = new Uint8Array(maxSlots);
    this.slotDue = new Int32Array(maxSlots);
    this.slotPeriod = new Uint32Array(maxSlots);
  }

  subscriberOf(s: number): string {
    return slotSubscriberId(this.source, this.slotFirstRow, this.overflowIds, s);
  }

  /** Decides whether slot `s` is due and, when it is, its period, window and bitset. Returns whether it is due. */
  schedule(s: number, profile: DigestSubscriber | undefined, first: DigestRule | undefined, known: boolean): boolean {
    const st = this.st;
    this.slotState[s] = SKIPPED;
    if (!known || profile?.paused === true || (profile?.status !== undefined && profile.status !== 'confirmed')) {
      st.skipped.inactive++;
      return false;
    }
    if (!(profile?.email ?? first?.email)) {
      st.skipped.noEmail++;
      return false;
    }
    const frequency = DIGEST_FREQUENCIES[this.slotFrequency[s]!]!;
    const timezone = profile?.timezone ?? first?.timezone ?? 'UTC';
    const last = profile?.lastDigestAt;
    const id = this.due.findId(frequency, timezone, profile?.digestHour ?? first?.digestHour, profile?.weeklyDay ?? first?.weeklyDay, last === undefined ? undefined : frequency === 'daily' ? last.daily : last.weekly);
    if (id < 0) {
      st.skipped.notDue++;
      return false;
    }
    // A period's window as report positions, found once per period.
    if (id >= this.windowLo.length) this.growWindows(id);
    if (this.windowLo[id]! < 0) {
      const period = this.due.periods[id]!;
      this.windowLo[id] = lowerBound(this.times, Date.parse(period.window.from));
      this.windowHi[id] = lowerBound(this.times, Date.parse(period.window.to));
    }
    if (this.dueCount % BLOCK_SETS === 0) this.blocks.push(new Uint32Array(BLOCK_SETS * this.index.words));
    this.slotState[s] = DUE;
    this.slotDue[s] = this.dueCount++;
    this.slotPeriod[s] = id;
    st.due++;
    return true;
  }

  private growWindows(id: number): void {
    const lo = new Int32Array(2 * (id + 1)).fill(-1);
    const hi = new Int32Array(2 * (id + 1));
    lo.set(this.windowLo);
    hi.set(this.windowHi);
    this.windowLo = lo;
    this.windowHi = hi;
  }

  /** ORs rule `rule`'s reports into due slot `s`'s bitset (the window's partial words are clipped when the set is yielded). */
  match(s: number, rule: DigestRule): void {
    // Where the slot's bits go, looked up once per slot while its rules come one after another
    // (a slot's period and bitset never change once it is scheduled).
    if (s !== this.matchSlot) {
      this.matchSlot = s;
      const id = this.slotPeriod[s]!;
      const lo = this.windowLo[id]!;
      const hi = this.windowHi[id]!;
      const d = this.slotDue[s]!;
      this.matchBlock = this.blocks[(d / BLOCK_SETS) | 0]!;
      this.matchAt = (d % BLOCK_SETS) * this.index.words;
      // (an empty window: no word to match)
      this.matchFrom = hi > lo ? lo >>> 5 : 1;
      this.matchTo = hi > lo ? (hi - 1) >>> 5 : 0;
    }
    if (this.matchFrom <= this.matchTo) this.index.orRule(rule, this.matchFrom, this.matchTo, this.matchBlock!, this.matchAt);
  }

  /** Slot by subscriber id, per frequency: built on first need. */
  slotMaps(): Map<string, number>[] {
    if (this.slotOf === undefined) {
      const maps = [new Map<string, number>(), new Map<string, number>()];
      for (let s = 0; s < this.slotCount; s++) maps[this.slotFrequency[s]!]!.set(this.subscriberOf(s), s);
      this.slotOf = maps;
    }
    return this.slotOf;
  }

  /** Opens a slot; `firstRow` is its first rule's row, or -1 for an overflow-only slot. */
  newSlot(subscriberId: string, frequency: number, firstRow: number): number {
    const slot = this.slotCount++;
    this.slotFirstRow[slot] = firstRow;
    if (firstRow < 0) this.overflowIds.set(slot, subscriberId);
    this.slotFrequency[slot] = frequency;
    this.slotOf?.[frequency]!.set(subscriberId, slot);
    if (subscriberId !== this.lastSlotSubscriber) {
      if (this.lastSlotSubscriber !== undefined && subscriberId < this.lastSlotSubscriber) this.inOrder = false;
      this.subscriberCount++;
      this.lastSlotSubscriber = subscriberId;
    }
    return slot;
  }

  /** The pass over the rows: slots, their rules, and (`matchInStream`) the matching of every slot scheduled in it. Returns the number of profile rows. */
  readStream(matchInStream: boolean): number {
    const { source, ruleSlot, ruleRow, slotRuleCount, slotState, slotProfileRow } = this;
    let ruleCount = 0;
    let profileRowCount = 0;
    let currentProfile: DigestProfileRow | undefined;
    let currentProfileRow = -1;
    let lastDaily: string | undefined;
    let lastWeekly: string | undefined;
    let lastDailySlot = -1;
    let lastWeeklySlot = -1;
    for (let k = 0; k < source.length; k++) {
      const rule = source[k]!;
      if (rule.kind === 'profile') {
        profileRowCount++;
        currentProfile = rule;
        currentProfileRow = k;
        continue;
      }
      const frequency = rule.frequency === 'daily' ? 0 : rule.frequency === 'weekly' ? 1 : -1;
      if (frequency < 0 || (rule.status !== undefined && rule.status !== 'active')) continue;
      const subscriberId = rule.subscriberId;
      let slot: number;
      const last = frequency === 0 ? lastDaily : lastWeekly;
      if (subscriberId === last) slot = frequency === 0 ? lastDailySlot : lastWeeklySlot;
      else {
        const known = this.slotOf !== undefined || (last !== undefined && subscriberId < last) ? this.slotMaps()[frequency]!.get(subscriberId) : undefined;
        if (known !== undefined) slot = known;
        else {
          slot = this.newSlot(subscriberId, frequency, k);
          if (currentProfile !== undefined && currentProfile.subscriberId === subscriberId) {
            slotProfileRow[slot] = currentProfileRow;
            this.schedule(slot, currentProfile, rule, true);
          }
        }
        if (frequency === 0) {
          lastDaily = subscriberId;
          lastDailySlot = slot;
        } else {
          lastWeekly = subscriberId;
          lastWeeklySlot = slot;
        }
      }
      ruleSlot[ruleCount] = slot;
      ruleRow[ruleCount++] = k;
      slotRuleCount[slot]!++;
      if (matchInStream && slotState[slot] === DUE) this.match(slot, rule);
    }
    this.ruleCount = ruleCount;
    return profileRowCount;
  }
}

/** A slot's subscriber: its first rule's, or for an overflow-only slot (first row -1) the one recorded for it. */
function slotSubscriberId(source: readonly DigestRow[], slotFirstRow: Int32Array, overflowIds: ReadonlyMap<number, string>, slot: number): string {
  const row = slotFirstRow[slot]!;
  return row >= 0 ? source[row]!.subscriberId : overflowIds.get(slot)!;
}

/** Scheduling states of a slot. */
const UNSCHEDULED = 0;
const DUE = 1;
const SKIPPED = 2;

/** Reads a stream of rules into a list (the planner needs every rule before it schedules); a plain iterable without a promise per rule. */
async function readAll<T>(source: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  if (Symbol.iterator in source) return Array.from(source);
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

/** The row numbers of a stream's profile rows by subscriber id (the last one wins), for slots that did not come right after theirs. */
function profileRowsById(rows: readonly DigestRow[]): Map<string, number> {
  const byId = new Map<string, number>();
  for (let k = 0; k < rows.length; k++) if (rows[k]!.kind === 'profile') byId.set(rows[k]!.subscriberId, k);
  return byId;
}

/** Distinct subscribers among the first `count` slots. */
function distinctSubscribers(subscriberOf: (slot: number) => string, count: number): number {
  const ids = new Set<string>();
  for (let s = 0; s < count; s++) ids.add(subscriberOf(s));
  return ids.size;
}

/**
 * The items of a digest set (overflow aside): each report once, oldest first, with the
 * ids of the rules that matched it. `used` collects the rules named, in order of first use.
 * Rule-id lists are shared between items with the same combination of rules.
 */
export function digestSetItems(set: DigestSet, used: Map<string, DigestRuleSummary> = new Map(), itemAt?: Map<number, number>): DigestItem[] {
  const items: DigestItem[] = [];
  const { rules, reportSet, reports, lo, hi } = set;
  if (set.size === 0) return items;
  const ruleMasks = rules.length === 1 ? [] : rules.map((_, k) => set.ruleMask(k));
  const combos = new Map<number | string, string[]>();
  const ruleIds = (key: number | string, matched: readonly number[]): string[] => {
    const ids = matched.map((k) => {
      const rule = rules[k]!;
      if (!used.has(rule.ruleId)) used.set(rule.ruleId, { ruleId: rule.ruleId, regions: rule.regions, themes: rule.themes, frequency: rule.frequency });
      return rule.ruleId;
    });
    combos.set(key, ids);
    return ids;
  };
  const single = rules.length === 1 ? ruleIds(1, [0]) : undefined;
  // A slot holds at most a few dozen rules: beyond 31 the combination key is a string.
  const wide = rules.length > 31;
  const matched: number[] = [];
  for (let w = lo >>> 5; w <= (hi - 1) >>> 5; w++) {
    let any = reportSet[w]!;
    while (any !== 0) {
      const low = any & -any;
      const i = (w << 5) + (31 - Math.clz32(low));
      any ^= low;
      let ids: string[];
      if (single) ids = single;
      else {
        matched.length = 0;
        let mask = 0;
        for (let k = 0; k < ruleMasks.length; k++) {
          if ((ruleMasks[k]![w]! & low) !== 0) {
            matched.push(k);
            if (!wide) mask |= 1 << k;
          }
        }
        const key = wide ? matched.join(',') : mask;
        ids = combos.get(key) ?? ruleIds(key, matched);
      }
      if (itemAt) itemAt.set(i, items.length);
      items.push({ reportId: reports[i]!.id, matchedRuleIds: ids });
    }
  }
  return items;
}

/**
 * Plans a digest run: reads and schedules as `planDigestSets` does, then returns a
 * synchronous generator of one job per due subscriber and frequency with a non-empty
 * digest, each set materialized into items only as it is yielded (so the caller can send
 * jobs to the queue as they come). `stats`, when given, is filled in as the plan runs.
 */
export async function planDigests(input: PlanInput, stats?: PlanStats): Promise<Generator<DigestJob, void, undefined>> {
  const st: PlanStats = stats ?? emptyStats();
  const phase = { reports: 0, stream: 0, rest: 0, sets: 0, jobs: 0 };
  st.phaseMs = phase;
  const sets = await planDigestSets(input, st);
  return jobsOf(sets, phase, st);
}

function* jobsOf(sets: Iterable<DigestSet>, phase: NonNullable<PlanStats['phaseMs']>, st: PlanStats): Generator<DigestJob, void, undefined> {
  let reportPos: Map<string, number> | undefined;
  for (const set of sets) {
    const started = performance.now();
    const used = new Map<string, DigestRuleSummary>();
    const held = set.overflow;
    const itemAt = held ? new Map<number, number>() : undefined; // report position → item, only to merge overflow
    const items = digestSetItems(set, used, itemAt);
    if (held && itemAt) {
      const pos = (reportPos ??= new Map(set.reports.map((r, i) => [r.id, i])));
      const extra: DigestItem[] = [];
      const extraIds = new Map<string, number>();
      for (const entry of held) {
        for (const r of entry.rules) if (!used.has(r.ruleId)) used.set(r.ruleId, r);
        const ids = entry.rules.map((r) => r.ruleId);
        const p = pos.get(entry.reportId);
        const inWindow = p !== undefined ? itemAt.get(p) : undefined;
        if (inWindow !== undefined) {
          const prior = items[inWindow]!;
          items[inWindow] = { reportId: prior.reportId, matchedRuleIds: [...new Set([...prior.matchedRuleIds, ...ids])], overflow: true };
          continue;
        }
        const e = extraIds.get(entry.reportId);
        if (e !== undefined) {
          const prior = extra[e]!;
          extra[e] = { reportId: prior.reportId, matchedRuleIds: [...new Set([...prior.matchedRuleIds, ...ids])], overflow: true };
          continue;
        }
        extraIds.set(entry.reportId, extra.length);
        extra.push({ reportId: entry.reportId, matchedRuleIds: ids, overflow: true });
      }
      // Held-back reports the run knows are placed in time order; unknown ones go last.
      const known = extra.filter((x) => pos.has(x.reportId)).sort((a, b) => pos.get(a.reportId)! - pos.get(b.reportId)!);
      const unknown = extra.filter((x) => !pos.has(x.reportId));
      if (known.length > 0) {
        const merged = [...items, ...known].sort((a, b) => pos.get(a.reportId)! - pos.get(b.reportId)!);
        items.length = 0;
        items.push(...merged);
      }
      items.push(...unknown);
      st.items += items.length - set.size;
    }
    const period = set.period;
    const job: DigestJob = {
      subscriberId: set.subscriberId,
      email: set.email,
      frequency: period.frequency,
      periodKey: period.periodKey,
      deliveryId: digestDeliveryId(set.subscriberId, period.periodKey),
      label: period.label,
      timezone: set.timezone,
      window: period.window,
      items,
      rules: [...used.values()],
    };
    phase.jobs += performance.now() - started;
    yield job;
  }
  // The sets' iterator was running around the items: its time is the sets phase alone once they are taken out.
  phase.sets = Math.max(0, phase.sets - phase.jobs);
}

/** Plans a run and collects every job (tests, small runs). */
export async function planDigestsToArray(input: PlanInput, stats?: PlanStats): Promise<DigestJob[]> {
  return [...(await planDigests(input, stats))];
}
