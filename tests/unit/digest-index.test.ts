import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRuleIndex, buildRuleIndexAsync } from '../../shared/digest/index';
import { ruleMatches } from '../../shared/domain/subscription';

const REGIONS = ['TJK', 'AFG', 'KEN', '143', '142', '034', '014', '202', '002', '150', 'X'];
const THEMES = Array.from({ length: 40 }, (_, i) => `t${i}`); // more than 32: multi-word masks

const codes = (pool: string[]) => fc.array(fc.constantFrom(...pool), { maxLength: 4 });
const ruleArb = fc.record({ regions: codes(REGIONS), themes: codes(THEMES) });
const reportArb = fc.record({ regionKeys: codes(REGIONS), themeIds: codes(THEMES) });

describe('rule index', () => {
  it('finds exactly the rules ruleMatches accepts (property, against the nested loop)', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 60 }), fc.array(reportArb, { minLength: 1, maxLength: 8 }), (rules, reports) => {
        const index = buildRuleIndex(rules);
        for (const report of reports) {
          const expected = rules.flatMap((r, i) => (ruleMatches(r, report) ? [i] : []));
          const got = index.candidates(report);
          expect(got.length).toBe(new Set(got).size); // each rule once
          expect([...got].sort((a, b) => a - b)).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('matches empty lists as "all", deduplicates, and builds from async streams', async () => {
    async function* stream() {
      yield { id: 'a', regions: ['TJK', '143'], themes: [] };
      yield { id: 'b', regions: [], themes: ['health', 'wash'] };
      yield { id: 'c', regions: [], themes: [] };
      yield { id: 'd', regions: ['KEN'], themes: ['health'] };
    }
    const index = await buildRuleIndexAsync(stream());
    const report = { regionKeys: ['TJK', '143', '142', 'TJK'], themeIds: ['health', 'wash'] };
    expect(index.matching(report).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(index.matching({ regionKeys: [], themeIds: [] }).map((r) => r.id)).toEqual(['c']);
  });
});
