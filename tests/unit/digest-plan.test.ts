import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDigestsToArray, type DigestRule, type DigestSubscriber, type PlannableReport } from '../../shared/digest/plan';
import { expandRegions } from '../../shared/taxonomy/m49';

const now = new Date('2026-11-27T08:00:00Z'); // 08:00 UTC: due for UTC subscribers
const report = (id: string, hoursAgo: number, countries: string[], themes: string[]): PlannableReport => ({
  id,
  at: new Date(now.getTime() - hoursAgo * 3600_000).toISOString(),
  regionKeys: expandRegions(countries, []),
  themeIds: themes,
});
const rule = (ruleId: string, subscriberId: string, over: Partial<DigestRule> = {}): DigestRule => ({
  ruleId,
  subscriberId,
  regions: [],
  themes: [],
  frequency: 'daily',
  status: 'active',
  email: `${subscriberId}@example.org`,
  ...over,
});

const reports = [
  report('r1', 2, ['TJK'], ['border-management']),
  report('r2', 5, ['KEN'], ['health']),
  report('r3', 30, ['TJK'], ['health']), // outside a one-day window
  report('r4', 1, ['AFG'], ['counter-terrorism', 'border-management']),
];

describe('digest planning', () => {
  it('lists each report once, with every rule that matched it, oldest first', async () => {
    const jobs = await planDigestsToArray({
      reports,
      rules: [rule('a', 's1', { regions: ['143'] }), rule('b', 's1', { themes: ['border-management'] }), rule('c', 's2', { regions: ['KEN'] })],
      now,
    });
    expect(jobs.map((j) => [j.subscriberId, j.periodKey, j.items.map((i) => [i.reportId, [...i.matchedRuleIds]])])).toEqual([
      ['s1', 'daily:2026-11-27', [['r1', ['a', 'b']], ['r4', ['b']]]],
      ['s2', 'daily:2026-11-27', [['r2', ['c']]]],
    ]);
    expect(jobs[0]).toMatchObject({ email: 's1@example.org', deliveryId: 'digest#daily:2026-11-27#s1', window: { from: '2026-11-26T08:00:00.000Z', to: '2026-11-27T08:00:00.000Z' } });
    expect(jobs[0]!.rules.map((r) => r.ruleId).sort()).toEqual(['a', 'b']);
  });

  it('skips empty digests, subscribers not due, paused, unconfirmed and unknown ones; ignores instant and inactive rules', async () => {
    const subscribers = new Map<string, DigestSubscriber>([
      ['due', { email: 'due@example.org', status: 'confirmed', timezone: 'UTC' }],
      ['empty', { status: 'confirmed' }],
      ['later', { status: 'confirmed', timezone: 'Asia/Tokyo' }],
      ['paused', { status: 'confirmed', paused: true }],
      ['pending', { status: 'pending' }],
    ]);
    const stats = { reports: 0, rules: 0, subscribers: 0, due: 0, jobs: 0, items: 0, skipped: { notDue: 0, inactive: 0, noEmail: 0, empty: 0 } };
    const jobs = await planDigestsToArray(
      {
        reports,
        rules: [
          rule('1', 'due', { regions: ['KEN'] }),
          rule('2', 'empty', { regions: ['FRA'] }),
          rule('3', 'later'),
          rule('4', 'paused'),
          rule('5', 'pending'),
          rule('6', 'gone'),
          rule('7', 'due', { frequency: 'instant' }),
          rule('8', 'due', { status: 'removed' }),
        ],
        subscribers: async (id) => subscribers.get(id),
        now,
      },
      stats,
    );
    expect(jobs.map((j) => [j.subscriberId, j.email, j.items.map((i) => i.reportId)])).toEqual([['due', 'due@example.org', ['r2']]]);
    expect(stats.skipped).toEqual({ notDue: 1, inactive: 3, noEmail: 0, empty: 1 });
  });

  it('windows from the last digest, per frequency', async () => {
    const subscribers = new Map<string, DigestSubscriber>([['s', { lastDigestAt: { daily: new Date(now.getTime() - 48 * 3600_000) } }]]);
    const jobs = await planDigestsToArray({ reports, rules: [rule('a', 's', { regions: ['TJK'] })], subscribers, now });
    expect(jobs[0]!.items.map((i) => i.reportId)).toEqual(['r3', 'r1']);
  });

  it('merges the instant-alert overflow into the next digest, even for instant-only subscribers', async () => {
    const overflow = new Map([
      ['s1', [{ reportId: 'r1', rules: [{ ruleId: 'i1', regions: ['TJK'], themes: [], frequency: 'instant' as const }] }, { reportId: 'old', rules: [{ ruleId: 'i1', regions: ['TJK'], themes: [], frequency: 'instant' as const }] }]],
      ['s2', [{ reportId: 'r2', rules: [{ ruleId: 'i2', regions: ['KEN'], themes: [], frequency: 'instant' as const }] }]],
    ]);
    const jobs = await planDigestsToArray({
      reports,
      rules: [rule('a', 's1', { regions: ['143'] }), rule('i2', 's2', { frequency: 'instant', regions: ['KEN'] })],
      subscribers: new Map([['s1', { email: 's1@example.org' }], ['s2', { email: 's2@example.org' }]]),
      overflow,
      now,
    });
    expect(jobs.map((j) => [j.subscriberId, j.items])).toEqual([
      ['s1', [{ reportId: 'r1', matchedRuleIds: ['a', 'i1'], overflow: true }, { reportId: 'old', matchedRuleIds: ['i1'], overflow: true }]],
      ['s2', [{ reportId: 'r2', matchedRuleIds: ['i2'], overflow: true }]],
    ]);
    expect(jobs[0]!.rules.map((r) => r.ruleId).sort()).toEqual(['a', 'i1']);
  });

  it('accepts rules as an async stream and plans the same as the nested loop (property)', async () => {
    const codes = ['TJK', 'KEN', 'AFG', 'FRA', '143', '014', '150', '002'];
    const themes = ['health', 'wash', 'border-management', 'gender'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ sub: fc.integer({ min: 0, max: 5 }), regions: fc.subarray(codes, { maxLength: 2 }), themes: fc.subarray(themes, { maxLength: 2 }), weekly: fc.boolean() }), { maxLength: 25 }),
        fc.array(fc.record({ countries: fc.subarray(['TJK', 'KEN', 'AFG', 'FRA'], { maxLength: 2 }), themes: fc.subarray(themes, { minLength: 1, maxLength: 2 }), hoursAgo: fc.integer({ min: 0, max: 200 }) }), { maxLength: 40, size: 'max' }),
        async (ruleSpecs, reportSpecs) => {
          const rs = ruleSpecs.map((r, i) => rule(`r${i}`, `s${r.sub}`, { regions: r.regions, themes: r.themes, frequency: r.weekly ? 'weekly' : 'daily' }));
          const ps = reportSpecs.map((r, i) => report(`p${i}`, r.hoursAgo, r.countries, r.themes));
          const friday = { weeklyDay: 'friday' as const };
          const subscribers = (id: string) => ({ ...friday, email: `${id}@x.org` });
          async function* stream() {
            yield* rs;
          }
          const viaIndex = await planDigestsToArray({ reports: ps, rules: stream(), subscribers, now });
          const viaLoop = await planDigestsToArray({ reports: ps, rules: rs, subscribers, now, strategy: 'nested-loop' });
          expect(viaIndex).toEqual(viaLoop);
          for (const job of viaIndex) expect(new Set(job.items.map((i) => i.reportId)).size).toBe(job.items.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
