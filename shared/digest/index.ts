/**
 * Inverted index from region and theme to subscription rules, so a report finds the rules
 * that want it without scanning every rule. Exactly equivalent to `ruleMatches` (see the
 * property test against the nested loop). Pure: no AWS imports.
 *
 * Layout (rules are numbered 0…n-1 in insertion order):
 * - rules naming regions sit in one posting list per region key;
 * - rules naming no region but some themes sit in one posting list per theme;
 * - rules naming neither match every report;
 * - every rule's themes are a bitmask over the interned theme ids (one word per 32 themes).
 *
 * `candidates(report)` walks the posting lists of the report's region keys (checking each
 * rule's theme mask with one AND per word) and of its themes (for region-less rules), and
 * adds the match-all rules. Cost is proportional to the rules in the report's regions and
 * themes, not to all rules. Duplicates (a rule naming two keys the report has) are removed
 * with an epoch stamp per rule, so no per-call Set is allocated.
 */
import type { MatchableReport, Rule } from '../domain/subscription';

/** What the index needs from a rule. */
export type IndexableRule = Pick<Rule, 'regions' | 'themes'>;

/** Growable list of uint32. */
class U32List {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 4) {
    this.data = new Uint32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** Accumulates rules (from a stream) and builds a RuleIndex. */
export class RuleIndexBuilder<R extends IndexableRule> {
  private readonly rules: R[] = [];
  private readonly byRegion = new Map<string, U32List>();
  private readonly byTheme = new Map<string, U32List>();
  private readonly matchAll = new U32List();
  private readonly themeIds = new Map<string, number>();
  /** Interned theme ids per rule; undefined when the rule has no theme filter. */
  private readonly ruleThemes: (number[] | undefined)[] = [];

  /** Adds a rule; returns its number in the index. */
  add(rule: R): number {
    const n = this.rules.length;
    this.rules.push(rule);
    const themes = rule.themes.length < 2 ? rule.themes : [...new Set(rule.themes)];
    this.ruleThemes.push(
      themes.length === 0
        ? undefined
        : themes.map((t) => {
            let id = this.themeIds.get(t);
            if (id === undefined) {
              id = this.themeIds.size;
              this.themeIds.set(t, id);
            }
            return id;
          }),
    );
    if (rule.regions.length > 0) {
      for (const region of rule.regions.length < 2 ? rule.regions : new Set(rule.regions)) post(this.byRegion, region, n);
    } else if (themes.length > 0) {
      for (const theme of themes) post(this.byTheme, theme, n);
    } else {
      this.matchAll.push(n);
    }
    return n;
  }

  get size(): number {
    return this.rules.length;
  }

  build(): RuleIndex<R> {
    const words = Math.max(1, Math.ceil(this.themeIds.size / 32));
    const masks = new Uint32Array(this.rules.length * words);
    const anyTheme = new Uint8Array(this.rules.length);
    this.ruleThemes.forEach((ids, n) => {
      if (!ids) {
        anyTheme[n] = 1;
        return;
      }
      for (const id of ids) masks[n * words + (id >>> 5)]! |= 1 << (id & 31);
    });
    return new RuleIndex(
      this.rules,
      freeze(this.byRegion),
      freeze(this.byTheme),
      this.matchAll.trimmed(),
      new Map(this.themeIds),
      words,
      masks,
      anyTheme,
    );
  }
}

function post(map: Map<string, U32List>, key: string, n: number): void {
  let list = map.get(key);
  if (!list) {
    list = new U32List();
    map.set(key, list);
  }
  list.push(n);
}

function freeze(map: Map<string, U32List>): Map<string, Uint32Array> {
  return new Map([...map].map(([k, v]) => [k, v.trimmed()]));
}

/** An immutable index of rules. */
export class RuleIndex<R extends IndexableRule> {
  private readonly seen: Uint32Array;
  private epoch = 0;
  private readonly reportMask: Uint32Array;

  /** @internal use RuleIndexBuilder or buildRuleIndex */
  constructor(
    readonly rules: readonly R[],
    private readonly byRegion: ReadonlyMap<string, Uint32Array>,
    private readonly byTheme: ReadonlyMap<string, Uint32Array>,
    private readonly matchAll: Uint32Array,
    private readonly themeIds: ReadonlyMap<string, number>,
    private readonly words: number,
    private readonly masks: Uint32Array,
    private readonly anyTheme: Uint8Array,
  ) {
    this.seen = new Uint32Array(rules.length);
    this.reportMask = new Uint32Array(words);
  }

  get size(): number {
    return this.rules.length;
  }

  /**
   * Numbers of the rules that match the report (each once, in no particular order).
   * Written into `out` when given (cleared first), so a hot loop allocates nothing.
   */
  candidates(report: MatchableReport, out: number[] = []): number[] {
    out.length = 0;
    if (++this.epoch === 0xffffffff) {
      this.seen.fill(0);
      this.epoch = 1;
    }
    const epoch = this.epoch;
    const seen = this.seen;
    const words = this.words;
    const mask = this.reportMask;
    mask.fill(0);
    let reportHasIndexedTheme = false;
    for (const theme of report.themeIds) {
      const id = this.themeIds.get(theme);
      if (id === undefined) continue;
      mask[id >>> 5]! |= 1 << (id & 31);
      reportHasIndexedTheme = true;
    }
    // Rules naming regions: the report must have one of them, and one of their themes.
    for (const region of report.regionKeys) {
      const list = this.byRegion.get(region);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const n = list[i]!;
        if (seen[n] === epoch) continue;
        if (this.anyTheme[n] === 0) {
          if (!reportHasIndexedTheme) continue;
          let hit = false;
          const base = n * words;
          for (let w = 0; w < words; w++) {
            if ((this.masks[base + w]! & mask[w]!) !== 0) {
              hit = true;
              break;
            }
          }
          if (!hit) continue;
        }
        seen[n] = epoch;
        out.push(n);
      }
    }
    // Rules naming themes only.
    for (const theme of report.themeIds) {
      const list = this.byTheme.get(theme);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const n = list[i]!;
        if (seen[n] === epoch) continue;
        seen[n] = epoch;
        out.push(n);
      }
    }
    // Rules naming neither.
    for (let i = 0; i < this.matchAll.length; i++) out.push(this.matchAll[i]!);
    return out;
  }

  /** The rules that match the report, in index order. */
  matching(report: MatchableReport): R[] {
    return this.candidates(report)
      .sort((a, b) => a - b)
      .map((n) => this.rules[n]!);
  }
}

/** Builds an index from rules. */
export function buildRuleIndex<R extends IndexableRule>(rules: Iterable<R>): RuleIndex<R> {
  const builder = new RuleIndexBuilder<R>();
  for (const rule of rules) builder.add(rule);
  return builder.build();
}

/** Builds an index from a stream of rules (e.g. pages of a DynamoDB query). */
export async function buildRuleIndexAsync<R extends IndexableRule>(rules: Iterable<R> | AsyncIterable<R>): Promise<RuleIndex<R>> {
  const builder = new RuleIndexBuilder<R>();
  for await (const rule of rules) builder.add(rule);
  return builder.build();
}
