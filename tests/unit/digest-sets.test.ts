import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDigests, planDigestSets, type DigestProfileRow, type DigestRow, type DigestRule, type DigestSet, type DigestSubscriber, type PlanInput, type PlannableReport, type PlanStats } from '../../shared/digest/plan';
import { ruleMatches } from '../../shared/domain/subscription';

const now = new Date('2026-11-27T08:00:00Z'); // 08:00 UTC: daily digests of UTC subscribers are due; weekly ones on Fridays
const HOUR = 3600_000;
const REGIONS = ['TJK', 'KEN', 'AFG', 'FRA', '143', '014', '150', 'X'];
const THEMES = ['health', 'wash', 'border-management', 'gender', 'nowhere'];

async function collect<T>(it: Promise<Iterable<T>>): Promise<T[]> {
  return [...(await it)];
}

const bit = (set: Uint32Array, i: number) => (set[i >>> 5]! >>> (i & 31)) & 1;
/** A set as plain data: the positions of its bits. */
const positions = (set: Uint32Array, n: number) => Array.from({ length: n }, (_, i) => i).filter((i) => bit(set, i) === 1);
const plain = (s: DigestSet) => ({
  subscriberId: s.subscriberId,
  email: s.email,
  periodKey: s.period.periodKey,
  window: [s.lo, s.hi],
  size: s.size,
  reportSet: positions(s.reportSet, s.reports.length),
  ruleMasks: s.rules.map((_, k) => positions(s.ruleMask(k), s.reports.length)),
  rules: s.rules.map((r) => r.ruleId),
  overflow: s.overflow?.map((o) => o.reportId),
});

const arbitraryRun = fc.record({
  rules: fc.array(
    fc.record({
      sub: fc.integer({ min: 0, max: 7 }),
      // (now and then more keys than the index's reusable key buffers hold: they grow)
      regions: fc.oneof(fc.array(fc.constantFrom(...REGIONS), { maxLength: 3 }), fc.array(fc.constantFrom(...REGIONS), { minLength: 17, maxLength: 24 })),
      themes: fc.oneof(fc.array(fc.constantFrom(...THEMES), { maxLength: 3 }), fc.array(fc.constantFrom(...THEMES), { minLength: 17, maxLength: 24 })),
      weekly: fc.boolean(),
    }),
    { maxLength: 30, size: 'max' },
  ),
  // Up to 150 reports: several words, windows starting and ending inside words. (`size: 'max'`:
  // fast-check's default size would keep arrays to about ten entries, one word.)
  reports: fc.array(
    fc.record({
      regions: fc.array(fc.constantFrom(...REGIONS), { maxLength: 3 }),
      themes: fc.array(fc.constantFrom(...THEMES), { maxLength: 3 }),
      hoursAgo: fc.integer({ min: -48, max: 24 * 30 }), // some received after the window (a late run)
      duplicate: fc.boolean(),
    }),
    { maxLength: 150, size: 'max' },
  ),
  lastDigestHoursAgo: fc.array(fc.option(fc.integer({ min: 1, max: 24 * 30 }), { nil: undefined }), { minLength: 8, maxLength: 8 }),
  overflowFor: fc.subarray([0, 1, 2, 3, 8]),
  // The index returns rules sorted by subscriber (the planner's fast path); any order must plan the same.
  sortedBySubscriber: fc.boolean(),
});

function inputOf(run: typeof arbitraryRun extends fc.Arbitrary<infer T> ? T : never): Omit<PlanInput, 'strategy'> {
  const reports: PlannableReport[] = run.reports.map((r, i) => ({
    id: r.duplicate && i > 0 ? `p${i - 1}` : `p${i}`, // a repeated id: the first one wins
    at: now.getTime() - r.hoursAgo * HOUR - (i % 7) * 60_000,
    regionKeys: r.regions,
    themeIds: r.themes,
  }));
  const rules: DigestRule[] = run.rules.map((r, i) => ({
    ruleId: `r${i}`,
    subscriberId: `s${r.sub}`,
    regions: r.regions,
    themes: r.themes,
    frequency: r.weekly ? 'weekly' : 'daily',
    status: 'active',
  }));
  if (run.sortedBySubscriber) rules.sort((a, b) => (a.subscriberId < b.subscriberId ? -1 : a.subscriberId > b.subscriberId ? 1 : 0));
  const subscribers = (id: string) => {
    const ago = run.lastDigestHoursAgo[Number(id.slice(1))];
    const last = ago === undefined ? undefined : new Date(now.getTime() - ago * HOUR);
    return { email: `${id}@x.org`, weeklyDay: 'friday' as const, ...(last ? { lastDigestAt: { daily: last, weekly: last } } : {}) };
  };
  const overflow = new Map(run.overflowFor.map((n) => [`s${n}`, [{ reportId: n % 2 === 0 ? 'p0' : 'gone', rules: [{ ruleId: `i${n}`, regions: ['TJK'], themes: [], frequency: 'instant' as const }] }]]));
  return { reports, rules, subscribers, overflow, now };
}

describe('digest sets (report bitsets)', () => {
  it('equal the nested loop, and every bit is exactly ruleMatches inside the window (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRun, async (run) => {
        const input = inputOf(run);
        const stats = { reports: 0, rules: 0, subscribers: 0, due: 0, jobs: 0, items: 0, skipped: { notDue: 0, inactive: 0, noEmail: 0, empty: 0 } };
        const viaBits = await collect(planDigestSets(input, stats));
        const viaLoop = await collect(planDigestSets({ ...input, strategy: 'nested-loop' }));
        expect(viaBits.map(plain)).toEqual(viaLoop.map(plain));
        // One set per subscriber and frequency, holding exactly that slot's rules in stream order.
        const inputRules = input.rules as DigestRule[];
        expect(new Set(viaBits.map((set) => `${set.subscriberId}|${set.period.frequency}`)).size).toBe(viaBits.length);
        for (const set of viaBits) {
          expect(set.rules.map((r) => r.ruleId)).toEqual(inputRules.filter((r) => r.subscriberId === set.subscriberId && r.frequency === set.period.frequency).map((r) => r.ruleId));
        }
        const withRules = new Set(inputRules.map((r) => r.subscriberId));
        const overflowOnly = [...input.overflow!.keys()].filter((id) => !withRules.has(id));
        expect(stats.subscribers).toBe(withRules.size + overflowOnly.length);
        // Independently of either strategy: each rule mask is ruleMatches over the window, the set their OR.
        for (const set of viaBits) {
          expect(set.hi).toBeGreaterThanOrEqual(set.lo);
          for (let i = 0; i < set.reports.length; i++) {
            const inWindow = i >= set.lo && i < set.hi;
            let any = 0;
            set.rules.forEach((rule, k) => {
              const expected = inWindow && ruleMatches(rule, set.reports[i]!) ? 1 : 0;
              expect(bit(set.ruleMask(k), i)).toBe(expected);
              any |= expected;
            });
            expect(bit(set.reportSet, i)).toBe(any);
          }
          expect(set.size).toBe(positions(set.reportSet, set.reports.length).length);
          expect(set.size > 0 || set.overflow !== undefined).toBe(true);
        }
        // The jobs built from them: the same either way, each report once, exactly the set's reports (plus overflow).
        const jobsViaBits = await collect(planDigests(input));
        const jobsViaLoop = await collect(planDigests({ ...input, strategy: 'nested-loop' }));
        expect(jobsViaBits).toEqual(jobsViaLoop);
        expect(jobsViaBits.map((j) => j.subscriberId + j.periodKey)).toEqual(viaBits.map((s) => s.subscriberId + s.period.periodKey));
        jobsViaBits.forEach((job, n) => {
          const set = viaBits[n]!;
          const matched = job.items.filter((item) => !item.overflow).map((item) => item.reportId);
          const expected = positions(set.reportSet, set.reports.length).map((i) => set.reports[i]!.id);
          if (!set.overflow) expect(matched).toEqual(expected);
          expect(new Set(job.items.map((i) => i.reportId)).size).toBe(job.items.length);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('plan the same from profile rows in the stream as from a profile lookup (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRun, fc.integer({ min: 0, max: 8 }), async (run, withoutRow) => {
        const input = inputOf(run);
        const lookup = input.subscribers as (id: string) => DigestSubscriber;
        const rules = input.rules as DigestRule[];
        const ids = Array.from({ length: 9 }, (_, n) => `s${n}`);
        const row = (id: string): DigestProfileRow => ({ kind: 'profile', subscriberId: id, ...lookup(id) });
        // As the index returns them: each profile just before its subscriber's rules (daily, then weekly);
        // otherwise every profile row after the rules.
        const byIndex = (id: string): DigestRow[] => [
          row(id),
          ...rules.filter((r) => r.subscriberId === id && r.frequency === 'daily'),
          ...rules.filter((r) => r.subscriberId === id && r.frequency === 'weekly'),
        ];
        const rows: DigestRow[] = run.sortedBySubscriber ? ids.flatMap(byIndex) : [...rules, ...ids.map(row)];
        // Jobs come in stream order: compare them by delivery id.
        const plan = async (over: Partial<PlanInput>) => (await collect(planDigests({ ...input, ...over }))).sort((a, b) => a.deliveryId.localeCompare(b.deliveryId));
        const expected = await plan({});
        expect(await plan({ rules: rows, subscribers: undefined })).toEqual(expected);
        // A profile missing from the stream comes from the lookup.
        const missing = rows.filter((r) => !(r.kind === 'profile' && r.subscriberId === `s${withoutRow}`));
        expect(await plan({ rules: missing })).toEqual(expected);
        // With neither, that subscriber is skipped: nothing is sent on a guessed schedule.
        const skipped = await plan({ rules: missing, subscribers: undefined });
        expect(skipped).toEqual(expected.filter((job) => job.subscriberId !== `s${withoutRow}`));
      }),
      { numRuns: 200 },
    );
  });

  it('shares the report order across sets: bit i is the i-th report by receipt time', async () => {
    const reports: PlannableReport[] = Array.from({ length: 70 }, (_, i) => ({ id: `p${i}`, at: now.getTime() - (i + 1) * 60_000, regionKeys: ['TJK'], themeIds: ['health'] }));
    const rule: DigestRule = { ruleId: 'a', subscriberId: 's', regions: ['TJK'], themes: [], frequency: 'daily', email: 's@x.org' };
    const [set] = await collect(planDigestSets({ reports, rules: [rule], now }));
    expect(set!.size).toBe(70);
    expect(set!.reports[0]!.id).toBe('p69');
    expect(set!.reportSet.length).toBe(3);
    expect([...set!.reportSet]).toEqual([0xffffffff, 0xffffffff, 0x3f]);
  });

  it('is an iterator that ends once: asked again after its last set, it yields nothing and counts nothing more', async () => {
    const reports: PlannableReport[] = [{ id: 'p', at: now.getTime() - HOUR, regionKeys: ['TJK'], themeIds: ['health'] }];
    const rules: DigestRule[] = ['s1', 's2'].map((sub) => ({ ruleId: sub, subscriberId: sub, regions: ['TJK'], themes: [], frequency: 'daily', email: `${sub}@x.org` }));
    const stats: PlanStats = { reports: 0, rules: 0, subscribers: 0, due: 0, jobs: 0, items: 0, skipped: { notDue: 0, inactive: 0, noEmail: 0, empty: 0 } };
    const sets = await planDigestSets({ reports, rules, now }, stats);
    expect([...sets].map((s) => s.subscriberId)).toEqual(['s1', 's2']);
    expect(sets.next()).toEqual({ value: undefined, done: true });
    expect([...sets]).toEqual([]);
    expect(stats.jobs).toBe(2);
    expect(stats.phaseMs!.sets).toBeGreaterThanOrEqual(0);
  });
});
